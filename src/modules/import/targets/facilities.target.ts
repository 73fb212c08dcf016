import { columnList, type BulkSession } from '../../../database/bulk/bulk-session';
import type { CopyValue } from '../../../database/bulk/copy-format';
import { sql } from '../../../database/sql';
import { facilityMatchKey, manufacturerKey } from '../formats/facility-match';
import { ImportError } from '../import-error';
import type { OpenSupplyHubRecord } from '../types';
import type { Lined } from '../validated-rows';
import { firstRepeatedKey, stagingTable, withStaging } from './staging';

const STAGE = stagingTable('import_osh_facility');

/**
 * Loads an Open Supply Hub facility download. A facility is found by its OS id first, then by the match
 * rule (normalised name + country + address), so facilities already known from brand disclosures gain
 * their OS id, coordinates and owner instead of being duplicated. Parent companies become manufacturers.
 */
export async function loadFacilitiesOpenSupplyHub(session: BulkSession, file: string, rows: AsyncIterable<Lined<OpenSupplyHubRecord>>) {
  return withStaging(
    session,
    STAGE,
    sql`line int, os_id text, name text, address text, country_id char(3), latitude double precision, longitude double precision, facility_type text, workers_min int, workers_max int, parent_company text, manufacturer_key text, match_key text`,
    async () => {
      const written = await session.copy(
        STAGE,
        columnList([
          'line',
          'os_id',
          'name',
          'address',
          'country_id',
          'latitude',
          'longitude',
          'facility_type',
          'workers_min',
          'workers_max',
          'parent_company',
          'manufacturer_key',
          'match_key',
        ]),
        (async function* (): AsyncGenerator<readonly CopyValue[]> {
          for await (const { line, row: r } of rows) {
            const mKey = r.parentCompany ? manufacturerKey(r.parentCompany) : null;
            yield [
              line,
              r.osId,
              r.name,
              r.address,
              r.country,
              r.latitude,
              r.longitude,
              r.facilityType,
              r.workersMin,
              r.workersMax,
              r.parentCompany,
              mKey || null,
              facilityMatchKey({ name: r.name, country: r.country, address: r.address }),
            ];
          }
        })(),
      );
      const duplicate = await firstRepeatedKey<{ os_id: string }>(session, STAGE, ['os_id'], 'line');
      if (duplicate)
        throw new ImportError(file, duplicate.lines[1], `OS id ${duplicate.os_id} appears twice (also on line ${duplicate.lines[0]})`);

      await session.query(
        sql`insert into manufacturer (name, normalized_name)
       select distinct on (manufacturer_key) parent_company, manufacturer_key from ${STAGE} where manufacturer_key is not null order by manufacturer_key, line
       on conflict (normalized_name) do nothing`,
      );
      // Facilities known by OS id, or by the match rule: update them.
      await session.query(
        sql`update facility f set open_supply_hub_id = s.os_id, latitude = coalesce(s.latitude, f.latitude), longitude = coalesce(s.longitude, f.longitude),
         facility_type = coalesce(f.facility_type, s.facility_type), workers_min = coalesce(f.workers_min, s.workers_min),
         workers_max = case when f.workers_min is null then s.workers_max else f.workers_max end,
         manufacturer_id = coalesce(f.manufacturer_id, m.id)
       from ${STAGE} s left join manufacturer m on m.normalized_name = s.manufacturer_key
       where f.open_supply_hub_id = s.os_id or (f.open_supply_hub_id is null and f.match_key = s.match_key)`,
      );
      await session.query(
        sql`insert into facility (name, country_id, address, latitude, longitude, manufacturer_id, facility_type, workers_min, workers_max, open_supply_hub_id, match_key)
       select s.name, s.country_id, s.address, s.latitude, s.longitude, m.id, s.facility_type, s.workers_min, s.workers_max, s.os_id, s.match_key
       from ${STAGE} s left join manufacturer m on m.normalized_name = s.manufacturer_key
       where not exists (select 1 from facility f where f.open_supply_hub_id = s.os_id or f.match_key = s.match_key)`,
      );
      return written;
    },
  );
}

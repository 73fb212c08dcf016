import { columnList, type BulkSession } from '../../../database/bulk/bulk-session';
import type { CopyValue } from '../../../database/bulk/copy-format';
import { sql } from '../../../database/sql';
import { DatasetKind } from '../../dataset/dataset-kind';
import { facilityMatchKey, manufacturerKey } from '../formats/facility-match';
import { ImportError } from '../import-error';
import type { DisclosureRecord } from '../types';
import type { Lined } from '../validated-rows';
import { stagingTable, withStaging } from './staging';

const STAGE = stagingTable('import_disclosure');
const COLUMNS = [
  'line',
  'brand',
  'brand_parent',
  'supplier_group',
  'manufacturer_key',
  'facility_name',
  'country_id',
  'address',
  'city',
  'product_type',
  'facility_type',
  'workers_min',
  'workers_max',
  'disclosed_at',
  'match_key',
];

/**
 * Loads a brand disclosure list: brands by name, manufacturers by normalised supplier-group name,
 * facilities by the match rule (normalised name + country + address, see facility-match.ts) so that one
 * factory disclosed by two brands or at two dates is one facility, and one sourcing link per brand,
 * facility, product type and disclosure date. A facility's workers follow its most recent disclosure.
 */
export async function loadDisclosures(session: BulkSession, file: string, datasetId: number, rows: AsyncIterable<Lined<DisclosureRecord>>) {
  return withStaging(
    session,
    STAGE,
    sql`line int, brand text, brand_parent text, supplier_group text, manufacturer_key text, facility_name text, country_id char(3), address text, city text, product_type text, facility_type text, workers_min int, workers_max int, disclosed_at date, match_key text`,
    async () => {
      await session.copy(
        STAGE,
        columnList(COLUMNS),
        (async function* (): AsyncGenerator<readonly CopyValue[]> {
          for await (const { line, row: r } of rows) {
            const mKey = r.supplierGroup ? manufacturerKey(r.supplierGroup) : null;
            const matchKey = facilityMatchKey({ name: r.facilityName, country: r.country, address: r.address });
            // One staging row per brand the record names, all of the same line and facility.
            for (const brand of [r.brand, ...(r.alsoBrands ?? [])])
              yield [
                line,
                brand,
                r.brandParent,
                r.supplierGroup,
                mKey || null,
                r.facilityName,
                r.country,
                r.address,
                r.city,
                r.productType,
                r.facilityType,
                r.workersMin,
                r.workersMax,
                r.disclosedAt,
                matchKey,
              ];
          }
        })(),
      );

      const [undated] = await session.query<{ line: number }>(sql`select min(line) as line from ${STAGE} where disclosed_at is null`);
      if (undated?.line != null) {
        throw new ImportError(file, undated.line, 'the file does not say when it was disclosed; pass --disclosed-at YYYY-MM-DD');
      }
      const [unknownType] = await session.query<{ line: number; product_type: string }>(
        sql`select line, product_type from ${STAGE} s where not exists (select 1 from product_type t where t.id = s.product_type) order by line limit 1`,
      );
      if (unknownType) throw new ImportError(file, unknownType.line, `unknown product type "${unknownType.product_type}"`);

      await session.query(
        sql`insert into brand (name, parent_company)
       select distinct on (brand) brand, brand_parent from ${STAGE} order by brand, line
       on conflict (name) do update set parent_company = coalesce(excluded.parent_company, brand.parent_company)`,
      );
      await session.query(
        sql`insert into manufacturer (name, normalized_name)
       select distinct on (manufacturer_key) supplier_group, manufacturer_key from ${STAGE} where manufacturer_key is not null order by manufacturer_key, line
       on conflict (normalized_name) do nothing`,
      );
      const [{ date }] = await session.query<{ date: string }>(sql`select to_char(max(disclosed_at), 'YYYY-MM-DD') as date from ${STAGE}`);
      // The first line of a facility in this file speaks for it; an older disclosure never overwrites the
      // workers of a facility that a newer disclosure already described.
      await session.query(
        sql`insert into facility (name, country_id, address, city, manufacturer_id, facility_type, workers_min, workers_max, match_key)
       select distinct on (s.match_key) s.facility_name, s.country_id, s.address, s.city, m.id, s.facility_type, s.workers_min, s.workers_max, s.match_key
       from ${STAGE} s left join manufacturer m on m.normalized_name = s.manufacturer_key
       order by s.match_key, s.line
       on conflict (match_key) do update set
         manufacturer_id = coalesce(excluded.manufacturer_id, facility.manufacturer_id),
         facility_type = coalesce(excluded.facility_type, facility.facility_type),
         city = coalesce(excluded.city, facility.city),
         workers_min = case when ${date}::date >= coalesce((select max(sl.disclosed_at) from sourcing_link sl where sl.facility_id = facility.id), '-infinity'::date)
                            then excluded.workers_min else facility.workers_min end,
         workers_max = case when ${date}::date >= coalesce((select max(sl.disclosed_at) from sourcing_link sl where sl.facility_id = facility.id), '-infinity'::date)
                            then excluded.workers_max else facility.workers_max end`,
      );
      await session.query(
        sql`insert into sourcing_link (brand_id, facility_id, product_type_id, disclosed_at, dataset_id, workers_min, workers_max)
       select b.id, f.id, s.product_type, s.disclosed_at, ${datasetId}::int, min(s.workers_min), max(s.workers_max)
       from ${STAGE} s join brand b on b.name = s.brand join facility f on f.match_key = s.match_key
       group by b.id, f.id, s.product_type, s.disclosed_at
       on conflict (brand_id, facility_id, product_type_id, disclosed_at) do update
         set dataset_id = excluded.dataset_id, workers_min = excluded.workers_min, workers_max = excluded.workers_max`,
      );
      // Dataset.rowCount is the sourcing links a disclosure dataset holds, not the rows staged (a row naming
      // two brands stages two; rows repeating a facility make one link). Links this load took over from an
      // earlier disclosure dataset (same brand, facility, type and date) leave that one's count too.
      await session.query(
        sql`update dataset d set row_count = (select count(*) from sourcing_link sl where sl.dataset_id = d.id)
       where d.kind = ${DatasetKind.BRAND_DISCLOSURE} and d.id <> ${datasetId}::int`,
      );
      const [{ links }] = await session.query<{ links: number }>(
        sql`select count(*)::int as links from sourcing_link where dataset_id = ${datasetId}::int`,
      );
      return links;
    },
  );
}

import { createHash } from 'node:crypto';
import type { Database } from '../../src/database/database';
import { columnList, withBulkSession, type BulkSession } from '../../src/database/bulk/bulk-session';
import { ident, join, sql } from '../../src/database/sql';
import { loadFlowPartition } from '../../src/modules/trade-flow/trade-flow.partition';
import { buildTradeRollups } from '../../src/modules/trade-flow/trade-rollups';
import { DEMO_INPUT_PRODUCTS } from '../data/demo-input-products';
import { DEMO_PRODUCTS } from '../data/demo-products';
import {
  DEFAULT_DEMO_OPTIONS,
  generateFlows,
  generateInputFlows,
  generateSourcing,
  type DemoCountry,
  type DemoOptions,
} from './demo-generator';
import { DatasetKind } from '../../src/modules/dataset/dataset-kind';
import { createDataset, finishDataset, loadedUnderName } from '../../src/modules/import/dataset-registry';

export const DEMO_DATASET_NAME = 'tradegraph demo';

export interface DemoSeedResult {
  datasetId: number;
  flows: number;
  brands: number;
  manufacturers: number;
  facilities: number;
  links: number;
  seconds: number;
  /** True when this exact demo was already loaded and nothing was written. */
  alreadyLoaded: boolean;
  summary: string;
}

/** The tables the demo writes, the first three with generated ids (1..n) offset past existing rows. */
const DEMO_TABLES = ['manufacturer', 'facility', 'brand', 'sourcing_link'] as const;
type DemoTable = (typeof DEMO_TABLES)[number];
const table = (name: DemoTable) => ident(name, DEMO_TABLES);

/** Next free id of a serial table, so generated ids (1..n) can be offset past existing rows. */
async function idOffset(session: BulkSession, name: DemoTable): Promise<number> {
  const [row] = await session.query<{ max: number | null }>(sql`select max(id) as max from ${table(name)}`);
  return Number(row.max ?? 0);
}

async function resetSequence(session: BulkSession, name: DemoTable): Promise<void> {
  await session.query(sql`select setval(pg_get_serial_sequence(${name}, 'id'), greatest((select max(id) from ${table(name)}), 1))`);
}

/**
 * Makes sure the demo's HS headings and subheadings exist, in one statement (their chapters, and so their
 * sections, come with the reference data; a subheading's heading may come in the same statement, since
 * foreign keys are checked at its end).
 */
async function ensureDemoProducts(session: BulkSession): Promise<void> {
  const products = join(
    [...DEMO_PRODUCTS, ...DEMO_INPUT_PRODUCTS].map((p) => sql`(${p.code}::text, ${p.description}::text, ${p.parent}::text)`),
  );
  await session.query(
    sql`insert into product (code, level, description, parent_code, section_id, hs_revision)
     select p.code, length(p.code), p.description, p.parent, chapter.section_id, 'HS2022'
     from (values ${products}) as p(code, description, parent)
     join product chapter on chapter.code = left(p.code, 2)
     on conflict (code) do nothing`,
  );
}

/**
 * Writes the synthetic demo — brands, manufacturers, facilities, sourcing links at several disclosure
 * dates, and `flows` bilateral trade flows — in ONE transaction, streaming flows through COPY.
 * Needs the reference data (countries, chapters, product types). Loading the same demo twice is a no-op.
 */
export async function seedDemo(
  db: Pick<Database, 'url' | 'embedded'>,
  overrides: Partial<DemoOptions> = {},
  hooks: { onFlows?: (written: number, total: number) => void } = {},
): Promise<DemoSeedResult> {
  const options: DemoOptions = {
    ...DEFAULT_DEMO_OPTIONS,
    ...overrides,
    disclosureDates: [...(overrides.disclosureDates ?? DEFAULT_DEMO_OPTIONS.disclosureDates)],
  };
  // Input flows (#12) name the demo only when there are some: the demos loaded before them keep their version.
  const inputs = (options.inputFlows ?? 0) > 0 ? `, ${options.inputFlows} input flows` : '';
  const version = `seed ${options.seed}, ${options.flows} flows${inputs}, ${options.yearFrom}-${options.yearTo}`;
  const checksum = createHash('sha256').update(JSON.stringify(options)).digest('hex');
  const started = Date.now();

  return withBulkSession(db, async (session) => {
    const loaded = await loadedUnderName(session, DEMO_DATASET_NAME);
    const same = loaded.find((d) => d.version === version);
    if (same) {
      return {
        datasetId: same.id,
        flows: 0,
        brands: 0,
        manufacturers: 0,
        facilities: 0,
        links: 0,
        seconds: 0,
        alreadyLoaded: true,
        summary: 'already loaded',
      };
    }
    if (loaded.length > 0) {
      // Its fictional brand, manufacturer and facility names come from the same word lists and would collide.
      throw new Error(
        `Another demo ("${loaded[0].version}") is already loaded in this database. Load a demo of other options into a fresh database (another TRADEGRAPH_DATA_DIR or DATABASE_URL).`,
      );
    }
    await ensureDemoProducts(session);
    const countries = await session.query<DemoCountry>(sql`select trim(id) as id, region from country order by id`);
    if (countries.length === 0) throw new Error('The demo needs the reference data first (countries): run the reference seed.');
    const products = DEMO_PRODUCTS.filter((p) => p.code.length === 6).map((p) => p.code);

    const datasetId = await createDataset(session, {
      kind: DatasetKind.SYNTHETIC,
      name: DEMO_DATASET_NAME,
      version,
      file: 'seeds/demo (deterministic generator)',
      licence: 'Synthetic data, no rights reserved (CC0)',
      checksum,
    });

    const sourcing = generateSourcing(options, countries);
    const m0 = await idOffset(session, 'manufacturer');
    const f0 = await idOffset(session, 'facility');
    const b0 = await idOffset(session, 'brand');
    await session.copy(
      table('manufacturer'),
      columnList(['id', 'name', 'normalized_name', 'hq_country_id']),
      sourcing.manufacturers.map((m) => [m0 + m.id, m.name, m.normalizedName, m.hqCountry]),
    );
    await session.copy(
      table('facility'),
      columnList([
        'id',
        'name',
        'country_id',
        'address',
        'city',
        'latitude',
        'longitude',
        'manufacturer_id',
        'facility_type',
        'workers_min',
        'workers_max',
        'match_key',
      ]),
      sourcing.facilities.map((f) => [
        f0 + f.id,
        f.name,
        f.country,
        f.address,
        f.city,
        f.latitude,
        f.longitude,
        f.manufacturerId == null ? null : m0 + f.manufacturerId,
        f.facilityType,
        f.workersMin,
        f.workersMax,
        f.matchKey,
      ]),
    );
    await session.copy(
      table('brand'),
      columnList(['id', 'name', 'hq_country_id', 'parent_company']),
      sourcing.brands.map((b) => [b0 + b.id, b.name, b.hqCountry, b.parentCompany]),
    );
    await session.copy(
      table('sourcing_link'),
      columnList(['brand_id', 'facility_id', 'product_type_id', 'disclosed_at', 'dataset_id']),
      sourcing.links.map((l) => [b0 + l.brandId, f0 + l.facilityId, l.productType, l.disclosedAt, datasetId]),
    );
    for (const name of ['manufacturer', 'facility', 'brand'] as const) await resetSequence(session, name);

    const flows = await loadFlowPartition(
      session,
      datasetId,
      (function* () {
        for (const f of generateFlows(options, countries, products))
          yield [datasetId, f.year, f.exporter, f.importer, f.product, f.valueUsd, f.quantityTons];
        const inputProducts = DEMO_INPUT_PRODUCTS.filter((p) => p.code.length === 6).map((p) => p.code);
        const facilityCountries = sourcing.facilities.map((f) => f.country);
        for (const f of generateInputFlows(options, countries, inputProducts, facilityCountries))
          yield [datasetId, f.year, f.exporter, f.importer, f.product, f.valueUsd, f.quantityTons];
      })(),
      (written) => hooks.onFlows?.(written, options.flows + (options.inputFlows ?? 0)),
    );
    await buildTradeRollups(session, datasetId);
    // Dataset.rowCount counts the rows of the dataset's kind, trade flows; its sourcing links are not added (#10).
    await finishDataset(session, datasetId, version, flows);
    const seconds = (Date.now() - started) / 1000;
    return {
      datasetId,
      flows,
      brands: sourcing.brands.length,
      manufacturers: sourcing.manufacturers.length,
      facilities: sourcing.facilities.length,
      links: sourcing.links.length,
      seconds,
      alreadyLoaded: false,
      summary: `${flows} flows, ${sourcing.brands.length} brands, ${sourcing.manufacturers.length} manufacturers, ${sourcing.facilities.length} facilities, ${sourcing.links.length} sourcing links`,
    };
  });
}

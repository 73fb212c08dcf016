import { loadConfig } from '../../src/config/config';
import { openDatabase, type Database } from '../../src/database/database';
import { queryRows } from '../../src/database/query';
import { sql } from '../../src/database/sql';
import { PRODUCT_TYPES } from '../../seeds/data/product-types';
import { seedMissingInputMapping, seedReference } from '../../seeds/reference';
import { factories } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * A database of the describe's own, opened without running a migration (each test migrates it as far as it
 * needs), handed to `use` before its tests and dropped after them.
 */
function ownDatabase(use: (db: Database) => void): void {
  let database: TestDatabase;
  let db: Database | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDatabase(loadConfig({ ...database.env, NODE_ENV: 'test' }).database);
    use(db);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });
}

/**
 * Migrations that move data: a database loaded before them keeps every row, in the new shape. Here the
 * partitioning of trade_world_export by dataset (Migration20261203120000), from a database migrated up to
 * the one before, with flows and world exports; then the backfill of group import markets
 * (Migration20261203170000) for the dataset loaded before it.
 */
describe('migrations of loaded databases', () => {
  let db: Database;
  ownDatabase((opened) => (db = opened));

  const worldExports = () =>
    queryRows<{ datasetId: number; rows: string; total: string }>(
      db.orm.em.fork(),
      sql`select dataset_id as "datasetId", count(*) as rows, sum(value_usd)::text as total from trade_world_export group by 1 order by 1`,
    );

  it('partitions trade_world_export by dataset and keeps every row', async () => {
    await db.orm.getMigrator().up({ to: 'Migration20261203100000' });
    await seedReference(db.orm.em.fork());
    // Flows and their world exports as a database of that time held them (today's loader builds partitions).
    const make = factories(db.orm.em.fork());
    await make.product('6403', 'Footwear, leather uppers');
    await make.product('640399', 'Other');
    const dataset = await make.dataset({ name: 'before partitioning' });
    await make.flows(dataset, [
      { year: 2022, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 50.5 },
      { year: 2022, exporter: 'VNM', importer: 'DEU', product: '640399', valueUsd: 20.25 },
      { year: 2022, exporter: 'CHN', importer: 'USA', product: '640399', valueUsd: 30 },
      { year: 2021, exporter: 'CHN', importer: 'USA', product: '640399', valueUsd: 7 },
    ]);
    await queryRows(
      db.orm.em.fork(),
      sql`insert into trade_world_export (dataset_id, year, product_code, exporter_id, value_usd)
          select dataset_id, year, product_code, exporter_id, sum(value_usd) from trade_flow group by 1, 2, 3, 4`,
    );
    const before = await worldExports();
    expect(before).toHaveLength(1);
    expect(before[0]).toEqual({ datasetId: dataset.id, rows: '3', total: '107.750' });

    await db.orm.getMigrator().up();
    expect(await worldExports()).toEqual(before);
    const [parent] = await queryRows<{ kind: string }>(
      db.orm.em.fork(),
      sql`select relkind::text as kind from pg_class where relname = 'trade_world_export'`,
    );
    expect(parent.kind).toBe('p');
    const partitions = await queryRows<{ name: string }>(
      db.orm.em.fork(),
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent = 'trade_world_export'::regclass order by 1`,
    );
    expect(partitions.map((p) => p.name)).toEqual([`trade_world_export_d${before[0].datasetId}`]);
    // The data version still changes with every write to it.
    const version = async () => (await queryRows<{ v: string }>(db.orm.em.fork(), sql`select version::text as v from data_version`))[0].v;
    const v0 = await version();
    await queryRows(db.orm.em.fork(), sql`update trade_world_export set value_usd = value_usd where false`);
    expect(await version()).not.toBe(v0);
  });
  it('backfills the group import markets of a dataset loaded before them, from its flows', async () => {
    // The first test migrated a database holding one dataset of HS-6 flows (DEU, an EU27 member, imports 20.25 from VNM).
    const rows = await queryRows<Record<string, unknown>>(
      db.orm.em.fork(),
      sql`select year, product_code as code, participants, total_value::text as total, sum_squares::text as squares, top_source as top,
                 export_value::text as exports
          from trade_group_market where group_id = 'EU27' order by year, product_code`,
    );
    expect(rows).toEqual([
      { year: 2022, code: '640399', participants: 1, total: '20.250', squares: '410.062500', top: 'VNM', exports: '0' },
    ]);
    const partitions = await queryRows<{ name: string }>(
      db.orm.em.fork(),
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent = 'trade_group_market'::regclass order by 1`,
    );
    expect(partitions).toHaveLength(1);
  });
});

/**
 * The exporter × year and importer × year totals (Migration20261203160000): a database loaded before them
 * gets them for every dataset of HS-6 codes alone, equal to its flows totalled, and none for a dataset that
 * mixes levels.
 */
describe('migration of the totals rollups', () => {
  let db: Database;
  ownDatabase((opened) => (db = opened));

  const rows = <T extends object = Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(db.orm.em.fork(), query);
  /** A side's totals as the flows give them, and as the rollup holds them. */
  const fromFlows = (side: 'exporter' | 'importer') =>
    rows(sql`select dataset_id as "datasetId", ${side === 'exporter' ? sql`exporter_id` : sql`importer_id`} as country, year,
        sum(value_usd)::text as value, sum(quantity_tons)::text as quantity, count(quantity_tons)::int as "withQuantity", count(*)::int as flows
      from trade_flow group by 1, 2, 3 order by 1, 2, 3`);
  const stored = (side: 'exporter' | 'importer') =>
    side === 'exporter'
      ? rows(sql`select dataset_id as "datasetId", exporter_id as country, year, value_usd::text as value, quantity_tons::text as quantity,
          flows_with_quantity as "withQuantity", flow_count as flows from trade_exporter_year order by 1, 2, 3`)
      : rows(sql`select dataset_id as "datasetId", importer_id as country, year, value_usd::text as value, quantity_tons::text as quantity,
          flows_with_quantity as "withQuantity", flow_count as flows from trade_importer_year order by 1, 2, 3`);

  it('builds them for the datasets of HS-6 codes alone loaded before, equal to their flows', async () => {
    await db.orm.getMigrator().up({ to: 'Migration20261203130000' });
    await seedReference(db.orm.em.fork());
    const make = factories(db.orm.em.fork());
    await make.product('6403', 'Footwear, leather uppers');
    await make.product('640399', 'Other');
    await make.product('640391', 'Covering the ankle');
    const six = await make.dataset({ name: 'HS-6 alone' });
    await make.flows(six, [
      { year: 2022, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 50.5, quantityTons: 1.25 },
      { year: 2022, exporter: 'VNM', importer: 'DEU', product: '640399', valueUsd: 20.25 },
      { year: 2022, exporter: 'VNM', importer: 'USA', product: '640391', valueUsd: 0, quantityTons: 0.5 },
      { year: 2022, exporter: 'CHN', importer: 'USA', product: '640399', valueUsd: 30 },
      { year: 2021, exporter: 'CHN', importer: 'USA', product: '640399', valueUsd: 7, quantityTons: 2 },
    ]);
    const mixed = await make.dataset({ name: 'mixed levels' });
    await make.flows(mixed, [
      { year: 2022, exporter: 'VNM', importer: 'USA', product: '6403', valueUsd: 10 },
      { year: 2022, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 4 },
    ]);

    await db.orm.getMigrator().up();
    for (const side of ['exporter', 'importer'] as const) {
      const expected = (await fromFlows(side)).filter((r) => (r as { datasetId: number }).datasetId === six.id);
      expect(expected).toHaveLength(3);
      expect(await stored(side)).toEqual(expected);
    }
    expect((await stored('exporter'))[0]).toEqual({
      datasetId: six.id,
      country: 'CHN',
      year: 2021,
      value: '7.000',
      quantity: '2.000',
      withQuantity: 1,
      flows: 1,
    });
    const partitions = await rows<{ name: string }>(
      sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent in ('trade_exporter_year'::regclass, 'trade_importer_year'::regclass) order by 1`,
    );
    expect(partitions.map((p) => p.name)).toEqual([`trade_exporter_year_d${six.id}`, `trade_importer_year_d${six.id}`]);
    // The data version changes with every write to them.
    const version = async () => (await rows<{ v: string }>(sql`select version::text as v from data_version`))[0].v;
    for (const table of ['trade_exporter_year', 'trade_importer_year']) {
      const v0 = await version();
      await rows(
        table === 'trade_exporter_year'
          ? sql`update trade_exporter_year set flow_count = flow_count where false`
          : sql`update trade_importer_year set flow_count = flow_count where false`,
      );
      expect(await version()).not.toBe(v0);
    }
  });
});

/**
 * The input mapping's migration (Migration20261205182000) creates its table empty: a database seeded before
 * it gets the mapping the code ships at its next start (seedMissingInputMapping, from bootstrap), once.
 */
describe('migration of the product-type → input-HS mapping', () => {
  let db: Database;
  ownDatabase((opened) => (db = opened));

  it('fills the mapping of a database seeded before it, once, and leaves a mapping it finds alone', async () => {
    await db.orm.getMigrator().up({ to: 'Migration20261204214000' });
    await seedReference(db.orm.em.fork());
    await db.orm.getMigrator().up();
    const mapping = () =>
      queryRows<{ type: string; code: string }>(
        db.orm.em.fork(),
        sql`select product_type_id as type, product_code as code from product_type_input order by 1, 2`,
      );
    expect(await mapping()).toEqual([]);
    expect(await seedMissingInputMapping(db.orm.em.fork())).toBe(true);
    const shipped = PRODUCT_TYPES.flatMap((t) => t.inputs.map((code) => ({ type: t.id, code })));
    expect(shipped.length).toBeGreaterThan(0);
    expect(await mapping()).toEqual([...shipped].sort((a, b) => (a.type + a.code < b.type + b.code ? -1 : 1)));
    // A maintainer's change of the mapping is not undone at the next start.
    await queryRows(db.orm.em.fork(), sql`delete from product_type_input where product_type_id = ${PRODUCT_TYPES[0].id}`);
    expect(await seedMissingInputMapping(db.orm.em.fork())).toBe(false);
    expect((await mapping()).some((row) => row.type === PRODUCT_TYPES[0].id)).toBe(false);
  });
});

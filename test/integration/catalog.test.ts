import pg from 'pg';
import { DATA_TABLES, OPERATIONAL_TABLES } from '../../src/catalog/data-tables';
import { queryRows } from '../../src/database/query';
import { sql } from '../../src/database/sql';
import { markDefaultDataset } from '../../src/modules/dataset/default-dataset.sql';
import { factories } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitFor } from '../support/waiting';

const onServer = Boolean(process.env.DATABASE_URL);

/**
 * The process-wide catalog (src/catalog): what a dataset is and which countries, groups and products exist
 * are read once per change of the data, so a small question is one statement; and a change — made by this
 * process, or on a PostgreSQL server by another — is never answered from the old catalog.
 */
describe('the catalog', () => {
  let app: TestApp;
  let ds: string;

  beforeAll(async () => {
    // The response cache off: these count the statements of operations that run.
    app = await startTestApp({ env: { RESPONSE_CACHE_BYTES: '0' } });
    const make = factories(app.running.db.orm.em.fork());
    await make.product('6403', 'Footwear, leather uppers');
    await make.product('640399', 'Other');
    const d = await make.dataset({ name: 'catalog', version: 'v1' });
    ds = String(d.id);
    await make.flows(d, [
      { year: 2023, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 50 },
      { year: 2023, exporter: 'CHN', importer: 'USA', product: '640399', valueUsd: 30 },
      { year: 2023, exporter: 'IDN', importer: 'USA', product: '640399', valueUsd: 20 },
      { year: 2023, exporter: 'CHN', importer: 'DEU', product: '640399', valueUsd: 60 },
      { year: 2023, exporter: 'FRA', importer: 'DEU', product: '640399', valueUsd: 1000 },
    ]);
  });
  afterAll(() => app?.close());

  /** The statements one operation sends, and its answer. */
  async function statementsOf(query: string) {
    app.resetQueryCount();
    const result = await app.raw(query);
    return { statements: app.queryCount(), result };
  }

  const hhiOf = (importer: string, dataset?: string) =>
    `{ importConcentration(importer: "${importer}", product: "640399", year: 2023${dataset ? `, dataset: "${dataset}"` : ''}) { participants hhi } }`;

  it('answers a small question in one statement, with or without the dataset named', async () => {
    // The first operation after a change reads the catalog (one statement more).
    const first = await statementsOf(hhiOf('USA'));
    expect(first.result.errors).toBeUndefined();
    expect(first.statements).toBe(2);
    for (const query of [
      hhiOf('USA'),
      hhiOf('USA', ds),
      // A group: its members come from the catalog too (extra-EU imports: CHN 60 only).
      hhiOf('EU27'),
      `{ partnerShares(importer: "USA", product: "640399", year: 2023) { participantId share } }`,
      `{ tradeAggregate(groupBy: [EXPORTER], filter: { yearFrom: 2023, yearTo: 2023, importerGroup: "EU27", hsPrefix: "64" }, first: 5) { rows { exporterId valueUsd } } }`,
    ]) {
      const { statements, result } = await statementsOf(query);
      expect(result.errors).toBeUndefined();
      expect({ query, statements }).toEqual({ query, statements: 1 });
    }
    expect((await app.raw(hhiOf('EU27'))).data).toEqual({ importConcentration: { participants: 1, hhi: 1 } });
  });

  it('checks arguments against the catalog, with the same errors as before', async () => {
    await app.raw(hhiOf('USA'));
    for (const [query, code] of [
      [hhiOf('XYZ'), 'UNKNOWN_COUNTRY'],
      [`{ importConcentration(importer: "USA", product: "999999", year: 2023) { hhi } }`, 'UNKNOWN_PRODUCT'],
      [hhiOf('USA', '987654'), 'UNKNOWN_DATASET'],
      [`{ tradeAggregate(groupBy: [YEAR], filter: { importerGroup: "NOPE" }) { rows { year } } }`, 'UNKNOWN_COUNTRY_GROUP'],
      [`{ tradeFlows(filter: { importerRegion: "Atlantis" }) { nodes { id } } }`, 'INVALID_ARGUMENT'],
      [`{ tradeAggregate(groupBy: [YEAR], filter: { importers: ["QQQ"] }) { rows { year } } }`, 'UNKNOWN_COUNTRY'],
    ]) {
      const { statements, result } = await statementsOf(query);
      expect({ query, code: result.errors?.[0]?.extensions?.code }).toEqual({ query, code });
      // Refused before any statement: the catalog knows.
      expect({ query, statements }).toEqual({ query, statements: 0 });
    }
  });

  it("sees this process's writes at once: a second dataset leaves the default alone, marking it default switches the next request", async () => {
    expect((await app.raw(hhiOf('USA'))).data).toEqual({ importConcentration: { participants: 3, hhi: 0.38 } });
    const make = factories(app.running.db.orm.em.fork());
    const second = await make.dataset({ name: 'catalog second', version: 'v1' });
    await make.flows(second, [{ year: 2023, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 1 }]);
    // Loaded later, the second is not the default: the answer is still the first dataset's.
    expect((await app.raw(hhiOf('USA'))).data).toEqual({ importConcentration: { participants: 3, hhi: 0.38 } });
    await markDefaultDataset(app.running.db.orm.em.fork(), 'catalog second', null);
    // One exporter (VNM) in the second dataset: HHI 1.
    expect((await app.raw(hhiOf('USA'))).data).toEqual({ importConcentration: { participants: 1, hhi: 1 } });
    // Naming one still works; removing the second (the mark then names no dataset) restores the first as default.
    expect((await app.raw(hhiOf('USA', ds))).data).toEqual({ importConcentration: { participants: 3, hhi: 0.38 } });
    const em = app.running.db.orm.em.fork();
    await em.transactional(async (tx) => {
      await queryRows(tx, sql`delete from trade_flow where dataset_id = ${second.id}`);
      await queryRows(tx, sql`delete from dataset where id = ${second.id}`);
    });
    expect((await app.raw(hhiOf('USA'))).data).toEqual({ importConcentration: { participants: 3, hhi: 0.38 } });
  });

  it('hears plain SQL this process sends through its pool, before the statement returns', async () => {
    expect((await app.raw(hhiOf('RAWG'))).errors?.[0]?.extensions?.code).toBe('UNKNOWN_COUNTRY');
    const connection = app.running.db.orm.em.fork().getConnection();
    await connection.execute(`insert into country_group (id, name, description) values ('RAWG', 'Raw group', 'catalog test')`);
    await connection.execute(`insert into country_group_member (group_id, country_id) values ('RAWG', 'IDN')`);
    // No wait: the next request already sees the group (IDN's exports to itself: none; participants 0).
    expect((await app.raw(hhiOf('RAWG'))).data).toEqual({ importConcentration: { participants: 0, hhi: null } });
  });

  it('puts every table of the schema on one side: data (with its trigger) or operational', async () => {
    const em = app.running.db.orm.em.fork();
    const tables = await queryRows<{ name: string }>(
      em,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
    );
    const known = new Set<string>([...DATA_TABLES, ...OPERATIONAL_TABLES]);
    expect(tables.map((t) => t.name).filter((t) => !known.has(t))).toEqual([]);
    const triggered = await queryRows<{ name: string }>(
      em,
      sql`select c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = c.relname || '_data_version'`,
    );
    expect(triggered.map((t) => t.name).sort()).toEqual([...DATA_TABLES].sort());
  });

  (onServer ? it : it.skip)("hears another process's committed writes through PostgreSQL's notification", async () => {
    expect((await app.raw(hhiOf('TESTG'))).errors?.[0]?.extensions?.code).toBe('UNKNOWN_COUNTRY');
    const other = new pg.Client({ connectionString: app.database.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('begin');
      await other.query(`insert into country_group (id, name, description) values ('TESTG', 'Test group', 'for the catalog test')`);
      await other.query(`insert into country_group_member (group_id, country_id) values ('TESTG', 'VNM'), ('TESTG', 'CHN')`);
      // Not committed: not seen.
      expect((await app.raw(hhiOf('TESTG'))).errors?.[0]?.extensions?.code).toBe('UNKNOWN_COUNTRY');
      await other.query('commit');
    } finally {
      await other.end();
    }
    await waitFor('the new group', async () => (await app.raw(hhiOf('TESTG'))).errors === undefined, 5000);
    // Then one statement again: the catalog is kept while the watcher listens.
    expect((await statementsOf(hhiOf('TESTG'))).statements).toBe(1);
  });
});

(onServer ? describe : describe.skip)('the catalog when its notifications are cut', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The response cache off: these count the statements of operations that run.
    app = await startTestApp({ env: { RESPONSE_CACHE_BYTES: '0' } });
    const make = factories(app.running.db.orm.em.fork());
    await make.product('6403', 'Footwear, leather uppers');
    await make.product('640399', 'Other');
    const d = await make.dataset({ name: 'catalog cut', version: 'v1' });
    await make.flows(d, [{ year: 2023, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 50 }]);
  });
  afterAll(() => app?.close());

  const watchers = async (client: pg.Client) =>
    Number(
      (
        await client.query(
          `select count(*) as n from pg_stat_activity where application_name = 'tradegraph data watcher' and datname = current_database()`,
        )
      ).rows[0].n,
    );

  it('misses no change while its LISTEN connection is down, and listens again', async () => {
    const other = new pg.Client({ connectionString: app.database.env.DATABASE_URL });
    await other.connect();
    try {
      expect(await watchers(other)).toBe(1);
      expect((await app.raw(`{ importConcentration(importer: "CUTG", product: "640399", year: 2023) { hhi } }`)).errors).toBeDefined();
      // The watcher's connection dies (as in a restart of PostgreSQL); a change is committed meanwhile.
      await other.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tradegraph data watcher' and datname = current_database()`,
      );
      await other.query(`insert into country_group (id, name, description) values ('CUTG', 'Cut group', 'catalog test')`);
      await other.query(`insert into country_group_member (group_id, country_id) values ('CUTG', 'VNM')`);
      await waitFor(
        'the group committed while the watcher was down',
        async () =>
          (await app.raw(`{ importConcentration(importer: "CUTG", product: "640399", year: 2023) { hhi } }`)).errors === undefined,
        5000,
      );
      await waitFor('the watcher to listen again', async () => (await watchers(other)) === 1, 10_000);
      await app.raw(`{ importConcentration(importer: "CUTG", product: "640399", year: 2023) { hhi } }`);
      app.resetQueryCount();
      await app.raw(`{ importConcentration(importer: "CUTG", product: "640399", year: 2023) { hhi } }`);
      expect(app.queryCount()).toBe(1);
    } finally {
      await other.end();
    }
  });
});

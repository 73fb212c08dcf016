import { loadConfig } from '../../src/config/config';
import { openDatabase, type Database } from '../../src/database/database';
import { queryRows } from '../../src/database/query';
import { sql } from '../../src/database/sql';
import { DatasetKind } from '../../src/modules/dataset/dataset-kind';
import { seedReference } from '../../seeds/reference';
import { factories } from '../support/factories';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * Dataset.rowCount counts the rows a dataset holds of its own kind (#10); Migration20261204213000 recounts
 * the datasets of a database loaded before, where the demo added its sourcing links to its flows and
 * disclosures counted their files' rows.
 */
describe('Migration20261204213000: Dataset.rowCount recounted', () => {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = await openDatabase(loadConfig({ ...database.env, NODE_ENV: 'test' }).database);
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('sets each dataset to the flows, export totals or sourcing links it holds, and leaves the others alone', async () => {
    await db.orm.getMigrator().up({ to: 'Migration20261203170000' });
    await seedReference(db.orm.em.fork());
    const make = factories(db.orm.em.fork());
    await make.product('6403', 'Footwear, leather uppers');
    await make.product('640399', 'Other');
    const demo = await make.dataset({ name: 'demo', kind: DatasetKind.SYNTHETIC });
    await make.flows(demo, [
      { year: 2022, exporter: 'VNM', importer: 'USA', product: '640399', valueUsd: 50.5 },
      { year: 2022, exporter: 'CHN', importer: 'USA', product: '640399', valueUsd: 30 },
    ]);
    const disclosure = await make.dataset({ name: 'a disclosure', kind: DatasetKind.BRAND_DISCLOSURE });
    const brand = await make.brand('Nike', 'USA', 'Nike, Inc.');
    const facility = await make.facility({ name: 'A factory', country: 'VNM' });
    await make.link(brand, facility, '2021-02-01', 'FOOTWEAR', disclosure);
    const hs = await make.dataset({ name: 'hs', kind: DatasetKind.HS_NOMENCLATURE });
    // What the old code stored: the demo's 2 flows plus its 3 links; the disclosure's 2 file rows.
    const set = (id: number, n: number) => queryRows(db.orm.em.fork(), sql`update dataset set row_count = ${n} where id = ${id}`);
    await set(demo.id, 5);
    await set(disclosure.id, 2);
    await set(hs.id, 6940);

    await db.orm.getMigrator().up({ to: 'Migration20261204213000' });
    const counts = await queryRows<{ name: string; rowCount: string }>(
      db.orm.em.fork(),
      sql`select name, row_count::text as "rowCount" from dataset order by id`,
    );
    expect(counts).toEqual([
      { name: 'demo', rowCount: '2' },
      { name: 'a disclosure', rowCount: '1' },
      { name: 'hs', rowCount: '6940' },
    ]);
  });
});

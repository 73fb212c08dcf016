import { queryRows } from '../../src/database/query';
import { sql } from '../../src/database/sql';
import { startTestApp, type TestApp } from '../support/test-app';

const onServer = Boolean(process.env.DATABASE_URL);

/** A pooled `pg` connection, the part used here. */
interface Connection {
  query: (config: unknown) => Promise<unknown>;
}
/** A statement's config as the direct path hands it to `pg`. */
interface StatementConfig {
  name?: string;
  text: string;
}
/** What one statement of the direct path handed to its `pg` connection, and the connection it went to. */
interface Sent {
  config: StatementConfig;
  connection: Connection;
}
const isStatement = (config: unknown): config is StatementConfig => typeof config === 'object' && config !== null && 'text' in config;

/**
 * queryRows outside a transaction sends its statement straight to a pooled `pg` connection (src/database/query.ts):
 * on a PostgreSQL server as a named prepared statement (parsed once per connection), except with `replan`, which
 * sends it unnamed so that PostgreSQL plans it for its values every time and never switches it to the generic
 * plan; on the embedded PGlite always unnamed. What is checked is what reaches the driver and what the server
 * keeps (pg_prepared_statements of the very connection), not a timing.
 */
describe('the direct path of queryRows', () => {
  let app: TestApp;
  const sent: Sent[] = [];
  let restore: () => void;

  beforeAll(async () => {
    app = await startTestApp({ reference: false });
    const pool = app.running.db.orm.em.getConnection().getKnex().client as { acquireConnection(): Promise<Connection> };
    const acquire = pool.acquireConnection.bind(pool);
    pool.acquireConnection = async () => {
      const connection = await acquire();
      const query = connection.query;
      // Records the next statement only: the wrapper is removed as soon as it has seen it.
      connection.query = function (this: Connection, config: unknown) {
        connection.query = query;
        if (isStatement(config)) sent.push({ config, connection });
        return query.call(this, config);
      };
      return connection;
    };
    restore = () => {
      pool.acquireConnection = acquire;
    };
  });
  afterAll(async () => {
    restore?.();
    await app?.close();
  });

  /** The probes: two texts, so that one prepared cannot be mistaken for the other. */
  const statements = {
    named: () => sql`select ${41}::int + 1 as n /* named probe */`,
    replanned: () => sql`select ${41}::int + 1 as n /* replanned probe */`,
  };
  /** Sends one probe and returns what reached the driver. */
  const probe = async (which: keyof typeof statements): Promise<Sent> => {
    sent.length = 0;
    const rows = await queryRows<{ n: number }>(app.running.db.orm.em.fork(), statements[which](), { replan: which === 'replanned' });
    expect(rows).toEqual([{ n: 42 }]);
    expect(sent).toHaveLength(1);
    expect(sent[0].config.text).toContain(`${which} probe`);
    return sent[0];
  };
  /** The statements the server keeps prepared on the connection a probe went to. */
  const preparedOn = async ({ connection }: Sent) =>
    ((await connection.query('select statement from pg_prepared_statements')) as { rows: Array<{ statement: string }> }).rows.map(
      (r) => r.statement,
    );

  it(onServer ? 'names a statement on a server, and sends it unnamed with replan' : 'sends every statement unnamed on PGlite', async () => {
    const named = await probe('named');
    const replanned = await probe('replanned');
    expect(replanned.config.name).toBeUndefined();
    if (!onServer) {
      expect(named.config.name).toBeUndefined();
      return;
    }
    expect(named.config.name).toMatch(/^tg_[\w-]{16}$/);
    // The same text gets the same name: parsed once per connection.
    expect((await probe('named')).config.name).toBe(named.config.name);
    expect((await preparedOn(named)).some((text) => text === named.config.text)).toBe(true);
    expect((await preparedOn(replanned)).some((text) => text.includes('replanned probe'))).toBe(false);
  });
});

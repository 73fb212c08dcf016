import net from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../../src/database/mikro-orm.config';
import { datasetStatsOf, poolStatsOf, type DatasetStats } from '../../../src/server/observability/database-sources';
import { Metrics } from '../../../src/server/observability/metrics';
import { parsePrometheusText, valueOf, type Sample } from './prometheus-text';

const DATASET_SERIES = ['tradegraph_datasets', 'tradegraph_dataset_rows', 'tradegraph_last_import_timestamp_seconds'];

/** A TCP server that accepts connections and never answers: a database that hangs. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('database gauges', () => {
  it('reports the pool and the datasets by kind at scrape time', async () => {
    const pool = { used: 3, pending: 2, free: 5 };
    const datasets: DatasetStats[] = [
      { kind: 'BACI', datasets: 2, rows: 11_000_000, lastImportedAt: 1_700_000_000 },
      { kind: 'SYNTHETIC', datasets: 1, rows: 60_000, lastImportedAt: 1_690_000_000 },
    ];
    const metrics = new Metrics({ pool: () => pool, datasets: async () => datasets });
    let samples = parsePrometheusText(await metrics.scrape());
    expect(valueOf(samples, 'tradegraph_db_pool_in_use')).toBe(3);
    expect(valueOf(samples, 'tradegraph_db_pool_waiting')).toBe(2);
    expect(valueOf(samples, 'tradegraph_db_pool_size')).toBe(8); // used + free
    expect(valueOf(samples, 'tradegraph_datasets', { kind: 'BACI' })).toBe(2);
    expect(valueOf(samples, 'tradegraph_dataset_rows', { kind: 'BACI' })).toBe(11_000_000);
    expect(valueOf(samples, 'tradegraph_last_import_timestamp_seconds', { kind: 'SYNTHETIC' })).toBe(1_690_000_000);

    // Read again at the next scrape: a kind that is gone disappears.
    pool.used = 0;
    datasets.splice(1, 1);
    samples = parsePrometheusText(await metrics.scrape());
    expect(valueOf(samples, 'tradegraph_db_pool_in_use')).toBe(0);
    expect(samples.filter((s) => s.labels.kind === 'SYNTHETIC')).toEqual([]);
  });

  it('reads the datasets once per scrape for all three series', async () => {
    let reads = 0;
    const metrics = new Metrics({ datasets: async () => (reads++, [{ kind: 'BACI', datasets: 1, rows: 5, lastImportedAt: 1 }]) });
    await metrics.scrape();
    expect(reads).toBe(1);
  });

  it('leaves the dataset series out when the statement fails', async () => {
    const metrics = new Metrics({ datasets: () => Promise.reject(new Error('connection refused')) });
    const samples = parsePrometheusText(await metrics.scrape());
    expect(samples.filter((s) => DATASET_SERIES.includes(s.name))).toEqual([]);
    expect(valueOf(samples, 'tradegraph_statements_total')).toBe(0); // the rest is still there
  });

  it('answers within the time box when the statement hangs, and never runs two at once', async () => {
    let reads = 0;
    const metrics = new Metrics({ datasets: () => (reads++, new Promise<never>(() => undefined)), datasetsTimeoutMs: 100 });
    const started = Date.now();
    const samples = parsePrometheusText(await metrics.scrape());
    expect(Date.now() - started).toBeLessThan(1000);
    expect(samples.filter((s) => DATASET_SERIES.includes(s.name))).toEqual([]);
    await metrics.scrape(); // the first statement is still running: this scrape waits on it
    expect(reads).toBe(1);
  });

  it("reads a real MikroORM's knex pool, and omits the datasets when its database hangs", async () => {
    const database = await silentServer();
    const orm = await MikroORM.init({
      ...createOrmConfig({ clientUrl: `postgres://nobody@127.0.0.1:${database.port}/none`, poolMax: 1 }),
      connect: false,
    });
    try {
      const metrics = new Metrics({ pool: poolStatsOf(orm), datasets: datasetStatsOf(orm), datasetsTimeoutMs: 300 });
      const poolOf = (samples: Sample[]) => samples.filter((s) => s.name.startsWith('tradegraph_db_pool_')).map((s) => [s.name, s.value]);
      const first = parsePrometheusText(await metrics.scrape());
      expect(first.filter((s) => DATASET_SERIES.includes(s.name))).toEqual([]);
      // The pool gauges were read before the dataset statement asked for a connection: nothing yet.
      expect(poolOf(first)).toEqual([
        ['tradegraph_db_pool_in_use', 0],
        ['tradegraph_db_pool_waiting', 0],
        ['tradegraph_db_pool_size', 0],
      ]);
      // That statement is still waiting for its connection (the server never answers): knex's pool says so.
      expect(poolOf(parsePrometheusText(await metrics.scrape()))).toEqual([
        ['tradegraph_db_pool_in_use', 0],
        ['tradegraph_db_pool_waiting', 1],
        ['tradegraph_db_pool_size', 0],
      ]);
    } finally {
      await database.close(); // the pending connection fails, so the pool can close
      await orm.close(true);
    }
  });
});

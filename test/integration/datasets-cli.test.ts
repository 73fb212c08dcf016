import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliDatabase, runCommand } from '../support/cli';
import { loadConfig } from '../../src/config/config';
import { migrate, openDatabase } from '../../src/database/database';
import { seedReference } from '../../seeds/reference';
import { loadFlowDataset } from '../support/flow-datasets';

/** `npm run datasets` as a data maintainer uses it, on a database of this test's own (embedded on disk, or the DATABASE_URL server). */
describe('npm run datasets', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-datasets-'));
  let drop: (() => Promise<void>) | undefined;
  let env: NodeJS.ProcessEnv;
  const ids: number[] = [];

  const run = (args: string[]) => runCommand('datasets', args, env);

  beforeAll(async () => {
    ({ env, drop } = await cliDatabase(dir));
    // Two trade datasets, loaded in this process and closed before the CLI opens the database (the embedded one is locked while open).
    const db = await openDatabase(loadConfig(env as Record<string, string>).database);
    try {
      await migrate(db.orm);
      await seedReference(db.orm.em.fork());
      await db.orm.em
        .fork()
        .getConnection()
        .execute(
          `insert into product (code, level, description, hs_revision) values ('6403', 4, 'Footwear, leather uppers', 'HS2022'), ('640399', 6, 'Other', 'HS2022') on conflict do nothing`,
        );
      ids.push(await loadFlowDataset(db, 'first source', [[2022, 'VNM', 'DEU', '640399', 10]]));
      ids.push(await loadFlowDataset(db, 'second source', [[2022, 'CHN', 'DEU', '640399', 20]]));
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await drop?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with the usage on a wrong command line, and 0 with it on --help', () => {
    const help = run(['--help']);
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('Usage: npm run datasets -- <command>')]);
    expect(help.stdout).toContain('Exit codes: 0 done');
    const wrong = run(['rename']);
    expect([wrong.status, wrong.stderr]).toEqual([2, expect.stringContaining('error: Unknown command "rename".')]);
    expect(wrong.stderr).toContain('Usage: npm run datasets -- <command>');
  });

  it('lists every dataset with the default marked, marks another, and refuses an unknown name with exit 3', () => {
    const listed = run(['list']);
    expect(listed.status).toBe(0);
    const [header, ...rows] = listed.stdout.trim().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['id', 'kind', 'name', 'version', 'rows', 'imported', 'default']);
    // Both synthetic and none marked: the first loaded is the default.
    expect(rows[0]).toMatch(new RegExp(`^ *${ids[0]}  SYNTHETIC  first source +1 +\\d+  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  yes$`));
    expect(rows[1]).toMatch(new RegExp(`^ *${ids[1]}  SYNTHETIC  second source +1 +\\d+  \\S+$`));

    const marked = run(['default', 'second source']);
    expect([marked.status, marked.stdout.trim()]).toEqual([
      0,
      `Default trade dataset: any release of "second source" (now 1, id ${ids[1]}).`,
    ]);
    expect(run(['list']).stdout).toMatch(new RegExp(`^ *${ids[1]}  SYNTHETIC  second source .*  yes$`, 'm'));

    const unknown = run(['default', 'third source']);
    expect([unknown.status, unknown.stderr]).toEqual([
      3,
      expect.stringContaining('error [UNKNOWN_DATASET]: No dataset is named "third source"; there are "first source", "second source".'),
    ]);
    const version = run(['default', 'first source', 'v2']);
    expect([version.status, version.stderr]).toEqual([3, expect.stringContaining('"first source" has no version "v2" (loaded: 1).')]);
    // Nothing changed by the refusals.
    expect(run(['list']).stdout).toMatch(new RegExp(`^ *${ids[1]}  SYNTHETIC  second source .*  yes$`, 'm'));
  });
});

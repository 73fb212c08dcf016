import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../support/cli';
import { sharedFile } from '../support/shared-data';

const baciFile = sharedFile('trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv');

/** The import and export commands as a script uses them: exit codes, messages, summary. */
(baciFile ? describe : describe.skip)('npm run import / export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-cli-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TRADEGRAPH_DATA_DIR: path.join(dir, 'db') };
  delete env.DATABASE_URL; // the commands' own embedded database, in a directory of this test's
  const run = (script: string, args: string[]) => runCommand(script, args, env);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exits 2 with usage on a wrong command line', () => {
    const result = run('import', ['nosuchformat', 'x.csv']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown format; use one of baci, comtrade/);
  });

  it('exits 3 naming file and line for a corrupt file, and imports nothing; then loads the good file with a summary', () => {
    expect(run('seed', ['reference']).status).toBe(0);
    const lines = fs.readFileSync(baciFile!, 'utf8').split(/\r?\n/).slice(0, 400);
    lines[299] = lines[299].replace(/^2021,4,/, '2021,4,4,');
    const bad = path.join(dir, 'BACI_HS92_Y2021_V202301_corrupt.csv');
    fs.writeFileSync(bad, lines.join('\n') + '\n');
    const failed = run('import', ['baci', bad]);
    expect(failed.status).toBe(3);
    expect(failed.stderr).toContain(`${bad}:300: `);
    expect(failed.stderr).toContain('Nothing was imported.');

    // A value no numeric column holds: the same exit 3 with file:line: column …, no stack trace (#10).
    lines[299] = lines[299].replace(/^2021,4,4,/, '2021,4,').replace(/^(2021,\d+,\d+,\d+),[0-9.]+,/, '$1,1e999,');
    fs.writeFileSync(bad, lines.join('\n') + '\n');
    const overflow = run('import', ['baci', bad]);
    expect(overflow.status).toBe(3);
    expect(overflow.stderr).toContain(`${bad}:300: column v: "1e999" is not a finite number`);
    expect(overflow.stderr).not.toMatch(/^\s+at /m);

    const good = path.join(dir, 'BACI_HS92_Y2021_V202301_good.csv');
    fs.writeFileSync(good, fs.readFileSync(baciFile!, 'utf8').split(/\r?\n/).slice(0, 400).join('\n') + '\n');
    const loaded = run('import', ['baci', good]);
    expect([loaded.status, loaded.stderr]).toEqual([0, expect.stringContaining('399 loaded')]);
    expect(loaded.stderr).toMatch(/399 records read, 399 loaded, 0 skipped, 0 rejected/);

    const exported = run('export', ['--query', '{ tradeAggregate(groupBy: [EXPORTER]) { rows { exporterId flowCount } } }']);
    expect(exported.status).toBe(0);
    // Every row carries the dataset it came from (provenance), whether or not the query selected it.
    expect(exported.stdout).toMatch(
      /^exporterId,flowCount,dataset\.id,dataset\.name,dataset\.version\r\nAFG,399,\d+,BACI_HS92_Y2021_good,V202301\r\n$/,
    );
  });
});

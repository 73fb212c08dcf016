import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/cli';

/**
 * scripts/cli.mjs, which every `npm run <command>` goes through: it runs the compiled JavaScript, rebuilds
 * dist/ first when the sources changed (never a stale run), and exits as src/cli/run-cli.ts's EXIT says when
 * it cannot run the command. On a copy of the project (src/, migrations/, seeds/, scripts/, and dist/ with its
 * incremental build info), so that the edits it makes never touch the checkout.
 */
describe('scripts/cli.mjs', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-launcher-'));
  const run = (base: string, args: string[]) =>
    spawnSync(process.execPath, [path.join(base, 'scripts', 'cli.mjs'), ...args], {
      cwd: base,
      env: { ...process.env, TRADEGRAPH_DATA_DIR: path.join(copy, 'db') },
      encoding: 'utf8',
      timeout: 240_000,
    });
  const edit = (rel: string, change: (text: string) => string) => {
    const file = path.join(copy, rel);
    fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
  };

  beforeAll(() => {
    const built = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'build.mjs')], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect([built.status, built.stderr]).toEqual([0, expect.any(String)]);
    for (const entry of ['src', 'migrations', 'seeds', 'scripts', 'dist', 'tsconfig.json', 'tsconfig.build.json', 'package.json'])
      fs.cpSync(path.join(PROJECT_ROOT, entry), path.join(copy, entry), {
        recursive: true,
        filter: (source) => path.basename(source) !== '.build.lock', // another test's build, not the copy's
      });
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('exits 2 naming the commands for an unknown or missing command', () => {
    for (const args of [['nosuch'], [], ['../main']]) {
      const result = run(PROJECT_ROOT, args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/: use one of .*\bimport\b.*\bkeys\b.*\bmigrate\b/);
    }
    // A helper module of src/cli is not a command.
    expect(run(PROJECT_ROOT, ['run-cli']).status).toBe(2);
  });

  it('runs the compiled command without compiling when dist/ is current', () => {
    // The copy's files have new mtimes: the first run compiles (tsc finds nothing to emit), the next does not.
    expect(run(copy, ['migrate', '--help']).stderr).toContain('Compiling');
    const result = run(copy, ['migrate', '--help']);
    expect([result.status, result.stdout]).toEqual([0, expect.stringContaining('Usage: npm run migrate')]);
    expect(result.stderr).not.toContain('Compiling');
  });

  it('recompiles after an edit, so the edited code is what runs', () => {
    edit('src/cli/migrate.ts', (text) => text.replace('apply pending migrations (default)', 'apply pending migrations (edited)'));
    const first = run(copy, ['migrate', '--help']);
    expect([first.status, first.stderr]).toEqual([0, expect.stringContaining('Compiling src/ to dist/')]);
    expect(first.stdout).toContain('apply pending migrations (edited)');
    const second = run(copy, ['migrate', '--help']);
    expect([second.status, second.stderr]).toEqual([0, expect.not.stringContaining('Compiling')]);
  });

  it('exits 1 with the compiler’s message when the code does not compile, and keeps trying until it does', () => {
    edit('src/cli/migrate.ts', (text) =>
      text.replace("const COMMANDS = ['up', 'pending', 'create'] as const;", 'const COMMANDS: number = "up";'),
    );
    for (let attempt = 0; attempt < 2; attempt++) {
      const failed = run(copy, ['migrate', '--help']);
      expect(failed.status).toBe(1);
      expect(failed.stderr).toMatch(/the TypeScript build failed[^]*src\/cli\/migrate\.ts\(\d+,\d+\): error TS\d+/);
      expect(failed.stdout).toBe('');
    }
    edit('src/cli/migrate.ts', (text) =>
      text.replace('const COMMANDS: number = "up";', "const COMMANDS = ['up', 'pending', 'create'] as const;"),
    );
    expect(run(copy, ['migrate', '--help']).status).toBe(0);
  });

  it('takes any src/cli/<name>.ts that calls runCli as a command, and forgets it with its compiled file when it is deleted', () => {
    fs.writeFileSync(
      path.join(copy, 'src/cli/hello.ts'),
      "import { EXIT, runCli } from './run-cli';\n\nrunCli({ usage: 'Usage: npm run hello', options: {}, positionals: { min: 1, max: 1, names: '<who>' }, async run({ positionals: [who] }) {\n  console.log(`hello ${who}`);\n  return who === 'bad' ? EXIT.INVALID_INPUT : EXIT.OK;\n} });\n",
    );
    expect([run(copy, ['hello', 'you']).status, run(copy, ['hello', 'you']).stdout]).toEqual([0, 'hello you\n']);
    // The command's own exit codes come through the launcher: invalid input 3, usage 2.
    expect(run(copy, ['hello', 'bad']).status).toBe(3);
    expect(run(copy, ['hello']).status).toBe(2);

    fs.rmSync(path.join(copy, 'src/cli/hello.ts'));
    expect(run(copy, ['migrate', '--help']).status).toBe(0); // rebuilds: a file is gone
    expect(fs.existsSync(path.join(copy, 'dist/src/cli/hello.js'))).toBe(false);
    expect(run(copy, ['hello', 'you']).status).toBe(2);
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, runCommand } from '../support/cli';
import { SHARED_DATA } from '../support/shared-data';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The README's commands, run as written, in the order the README gives them, on a database of this test's own
 * (an embedded one in a temporary directory, or a database of the DATABASE_URL server) — what a reader of a
 * fresh clone would type. What runs: every line of its fenced `sh` blocks, and every inline
 * `npm run import|export|seed|migrate|keys|datasets -- …` example without placeholders (the import table).
 * Every fenced line must be run or skipped below with its reason, so a new command in the README is either
 * tested or says why not.
 */
const SKIPPED: ReadonlyArray<[RegExp, string]> = [
  [/^npm ci && npm start\b/, 'installs and serves: ../shared/tools/fresh-clone-check does it on a fresh clone'],
  [/^npm start\b/, 'a server: the HTTP tests start one'],
  [/^npm test\b/, 'the suite this test is part of'],
  [/^export DATABASE_URL=/, "the test's own database (embedded, or a database of the DATABASE_URL server) stands for it"],
  [/^npm run seed -- demo --flows 1000000\b/, 'a million generated flows take minutes: demo-seed.test.ts checks the generator'],
  [/^npm run migrate -- create\b/, 'writes a migration from entity changes into migrations/: a developer command'],
  [/^npm run import -- baci$/, 'names the command bench/peerbench/run.sh runs (with its own file), not an example'],
];

/** Commands whose example value is a placeholder: the exit code they must give here, and why. */
const EXPECTED_EXIT: ReadonlyArray<[RegExp, number, string]> = [
  [/^npm run keys -- revoke tg_3f9c0a1b2c3d4e5f\b/, 3, 'an example key id, unknown to this database: invalid input'],
];

/** Inline spans that are CLI examples (not synopses with `<…>`, `[…]` or `…`). */
const INLINE_EXAMPLE = /^npm run (-s )?(import|export|seed|migrate|keys|datasets) -- (?!.*[<[…])/;

interface ReadmeCommand {
  line: number;
  text: string;
  fenced: boolean;
}

/** The README's commands in document order. */
function readmeCommands(readme: string): ReadmeCommand[] {
  const commands: Array<ReadmeCommand & { at: number }> = [];
  const lineOf = (at: number) => readme.slice(0, at).split('\n').length;
  for (const block of readme.matchAll(/^```(?:sh|bash|shell)\n([^]*?)^```/gm)) {
    let at = block.index + block[0].indexOf('\n') + 1;
    for (const text of block[1].split('\n')) {
      if (text.trim() && !text.trim().startsWith('#')) commands.push({ at, line: lineOf(at), text: text.trim(), fenced: true });
      at += text.length + 1;
    }
  }
  const prose = readme.replace(/^```[^]*?^```/gm, (block) => ' '.repeat(block.length));
  for (const span of prose.matchAll(/`([^`\n]+)`/g))
    if (INLINE_EXAMPLE.test(span[1])) commands.push({ at: span.index, line: lineOf(span.index), text: span[1], fenced: false });
  return commands.sort((a, b) => a.at - b.at).map(({ at: _at, ...command }) => command);
}

const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const commands = readmeCommands(readme);
const skipReason = (text: string) => SKIPPED.find(([pattern]) => pattern.test(text))?.[1];

// The commands read ../shared/data; in CI a missing folder fails (below), elsewhere the commands are skipped.
const haveData = fs.existsSync(SHARED_DATA);
if (!haveData && process.env.CI !== 'true') console.warn(`Skipping the README's commands: ${SHARED_DATA} is missing`);

describe("the README's commands", () => {
  it('are each run or skipped with a reason, and name scripts package.json has', () => {
    const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts);
    expect(commands.filter((c) => !c.fenced).length).toBeGreaterThanOrEqual(7); // the import table's examples
    // What is not skipped must be a command this test can run (no server, no suite, no benchmark).
    for (const { text } of commands.filter((c) => c.fenced && !skipReason(c.text)))
      expect(text).toMatch(/^(\w+=\$\()?npm run (-s )?(import|export|seed|migrate|keys|datasets)\b/);
    for (const [, script] of readme.matchAll(/`(?:[A-Z_]+=\S+ )*npm run (?:-s )?([\w:-]+)/g)) expect(scripts).toContain(script);
    expect(SKIPPED.every(([pattern]) => commands.some((c) => pattern.test(c.text)))).toBe(true); // no stale skips
    expect(EXPECTED_EXIT.every(([pattern]) => commands.some((c) => pattern.test(c.text)))).toBe(true);
  });

  (haveData || process.env.CI === 'true' ? describe : describe.skip)('run as written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-readme-'));
    const written: string[] = [];
    let database: TestDatabase | undefined;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      if (process.env.DATABASE_URL) {
        database = await createTestDatabase();
        env = { ...process.env, ...database.env };
      } else {
        env = { ...process.env, TRADEGRAPH_DATA_DIR: path.join(dir, 'db') };
        delete env.DATABASE_URL;
      }
      delete env.npm_config_loglevel;
    });
    afterAll(async () => {
      for (const file of written) fs.rmSync(file, { force: true });
      await database?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it.each(commands.filter((c) => !skipReason(c.text)).map((c) => [`README.md:${c.line}: ${c.text.slice(0, 90)}`, c] as const))(
      '%s',
      (_name, { text }) => {
        for (const [, out] of text.matchAll(/--out (\S+)/g)) written.push(path.join(PROJECT_ROOT, out));
        const result = spawnSync('bash', ['-c', text], { cwd: PROJECT_ROOT, env, encoding: 'utf8', timeout: 300_000 });
        const expected = EXPECTED_EXIT.find(([pattern]) => pattern.test(text))?.[1] ?? 0;
        expect({ status: result.status, stderr: result.stderr }).toEqual({ status: expected, stderr: expect.any(String) });
        if (expected === 0)
          for (const [, out] of text.matchAll(/--out (\S+)/g))
            expect(fs.readFileSync(path.join(PROJECT_ROOT, out), 'utf8')).toMatch(/^\S+,/);
      },
    );
  });
});

/** What the README says a command prints beside a process that holds the embedded database. */
(process.env.DATABASE_URL ? describe.skip : describe)('a command beside a process that holds the embedded database', () => {
  it('exits 1 naming the process and saying what to do instead', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-locked-'));
    try {
      // This test's own process (alive, not the command's) holds the directory, as a running server would.
      fs.writeFileSync(path.join(dataDir, 'tradegraph.lock'), String(process.pid));
      const env: NodeJS.ProcessEnv = { ...process.env, TRADEGRAPH_DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      const result = runCommand('keys', ['list'], env);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`error: The embedded database in ${dataDir} is in use by process ${process.pid} (`);
      expect(result.stderr).toMatch(/Stop that process, run the command, then start the server again.*DATABASE_URL/);
      expect(fs.readFileSync(path.join(dataDir, 'tradegraph.lock'), 'utf8')).toBe(String(process.pid)); // left to its owner
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

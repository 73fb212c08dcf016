import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config';
import { openDatabase } from '../../src/database/database';
import { AppError } from '../../src/errors/app-error';
import { authenticate } from '../../src/modules/access/authenticate';
import { VerifiedKeyCache } from '../../src/modules/access/verified-key-cache';
import { cliDatabase, runCommand } from '../support/cli';

/** `npm run keys` as an operator uses it, on a database of this test's own (embedded, or the DATABASE_URL server). */
describe('npm run keys', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-keys-'));
  let drop: (() => Promise<void>) | undefined;
  let env: NodeJS.ProcessEnv;

  const run = (args: string[]) => runCommand('keys', args, env);

  /** What the server would make of `key`: opens the same database in this process (no cache), then closes it. */
  async function serverSees(key: string): Promise<string> {
    const db = await openDatabase(loadConfig(env as Record<string, string>).database);
    try {
      const viewer = await authenticate(db.orm, `Bearer ${key}`, null, { cache: new VerifiedKeyCache(0) });
      return `${viewer.role} ${viewer.name}`;
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    } finally {
      await db.close();
    }
  }

  beforeAll(async () => {
    ({ env, drop } = await cliDatabase(dir));
  });
  afterAll(async () => {
    await drop?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 with the usage on a wrong command line, and 0 with it on --help', () => {
    const wrong = [run([]), run(['rotate']), run(['create', '--role', 'reader']), run(['revoke']), run(['list', '--bogus'])];
    expect(wrong.map((r) => r.status)).toEqual([2, 2, 2, 2, 2]);
    expect(wrong[2].stderr).toContain('create needs --role and --name.');
    const help = run(['--help']);
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('Usage: npm run keys -- <command>')]);
  });

  it('creates a key, prints it once on stdout alone, lists it without any secret, and revokes it', async () => {
    const created = run(['create', '--role', 'analyst', '--name', 'BI team']);
    expect([created.status, created.stderr]).toEqual([0, expect.stringContaining('This is the only time the key is shown')]);
    const key = created.stdout.trim();
    expect(key).toMatch(/^tg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const prefix = key.slice(0, 19);
    expect(await serverSees(key)).toBe('analyst BI team');

    const listed = run(['list']);
    expect(listed.status).toBe(0);
    const [header, row] = listed.stdout.trim().split('\n');
    expect(header.split(/\s{2,}/)).toEqual(['id', 'name', 'role', 'created', 'last used', 'revoked']);
    // Used once above: the server recorded it (in the background, so it may still be '-').
    expect(row).toMatch(new RegExp(`^${prefix} +BI team +analyst +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +\\S+ +-$`));
    expect(listed.stdout).not.toContain(key.slice(20));

    const revoked = run(['revoke', prefix]);
    expect([revoked.status, revoked.stdout]).toEqual([0, expect.stringContaining(`Revoked ${prefix} ("BI team", analyst)`)]);
    expect(run(['list']).stdout).toMatch(new RegExp(`^${prefix} .* \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$`, 'm'));
    expect(await serverSees(key)).toBe('UNAUTHENTICATED');
  });

  it('exits 2 for an unknown role (a bad option value) and 3 for an unknown key id, changing nothing', () => {
    const badRole = run(['create', '--role', 'owner', '--name', 'x']);
    expect([badRole.status, badRole.stderr]).toEqual([
      2,
      expect.stringContaining('Unknown role "owner"; use one of reader, analyst, admin.'),
    ]);
    const unknown = run(['revoke', 'tg_ffffffffffffffff']);
    expect([unknown.status, unknown.stderr]).toEqual([3, expect.stringContaining('No API key has the id "tg_ffffffffffffffff".')]);
    expect(run(['list']).stdout).not.toMatch(/^tg_\S+ +x +/m);
  });
});

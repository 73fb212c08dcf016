import type { GraphQLFormattedError } from 'graphql';
import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../src/database/mikro-orm.config';
import { AppError, ErrorCode } from '../../src/errors/app-error';
import { createContext } from '../../src/graphql/create-context';
import { ApiKey } from '../../src/modules/access/api-key.entity';
import { createApiKey, revokeApiKey } from '../../src/modules/access/api-key.service';
import { authenticate, INVALID_KEY_MESSAGE, MALFORMED_HEADER_MESSAGE, NOT_A_KEY_MESSAGE } from '../../src/modules/access/authenticate';
import { LastUsedRecorder } from '../../src/modules/access/last-used';
import type { Role, Viewer } from '../../src/modules/access/role';
import { VerifiedKeyCache } from '../../src/modules/access/verified-key-cache';
import { startTestApp, type TestApp } from '../support/test-app';

const CREATE = `mutation($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { key apiKey { id prefix name role createdAt revokedAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const LIST = `{ apiKeys { id name role revokedAt lastUsedAt } }`;

const anonymousReader: Viewer = { role: 'reader', keyId: null, name: null };
const keyHolder = (role: Role): Viewer => ({ role, keyId: '00000000000000aa', name: `${role} key` });

/** Who may create and revoke keys, and how a key is checked: the schema's guard and the service behind it. */
describe('API keys and roles', () => {
  let app: TestApp;
  const orm = () => app.running.db.orm;

  /** Runs an operation through the server's own Apollo (its formatError included) as `viewer`. */
  async function as(viewer: Viewer, query: string, variables?: Record<string, unknown>) {
    const response = await app.running.app.apollo.executeOperation(
      { query, variables },
      { contextValue: createContext(orm(), app.running.db.catalog, app.running.config, viewer) },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests walk these answers by field name
    return response.body.singleResult as { data?: Record<string, any> | null; errors?: readonly GraphQLFormattedError[] };
  }
  const codes = (result: { errors?: readonly GraphQLFormattedError[] }) => result.errors?.map((e) => e.extensions?.code);
  const keyCount = () => orm().em.fork().count(ApiKey, {});
  /** The AppError code authenticate() rejects with. */
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : Promise.reject(error)),
    );

  beforeAll(async () => {
    app = await startTestApp({ reference: false, env: { ANONYMOUS_ROLE: 'reader' } });
  });
  afterAll(() => app?.close());

  describe('through the schema (context viewer set by the test)', () => {
    it('refuses key management to a reader key (FORBIDDEN) and to an anonymous client (UNAUTHENTICATED), writing nothing', async () => {
      const before = await keyCount();
      const reader = await as(keyHolder('reader'), CREATE, { name: 'sneaky', role: 'ADMIN' });
      expect([reader.data, codes(reader)]).toEqual([null, [ErrorCode.FORBIDDEN]]);
      expect(reader.errors![0].message).toBe('This needs the admin role; the API key "reader key" has the reader role.');
      // An analyst is above a reader but still below admin.
      expect(codes(await as(keyHolder('analyst'), CREATE, { name: 'sneaky', role: 'ADMIN' }))).toEqual([ErrorCode.FORBIDDEN]);
      expect(codes(await as(anonymousReader, CREATE, { name: 'sneaky', role: 'ADMIN' }))).toEqual([ErrorCode.UNAUTHENTICATED]);
      expect(codes(await as({ role: null, keyId: null, name: null }, CREATE, { name: 'sneaky', role: 'ADMIN' }))).toEqual([
        ErrorCode.UNAUTHENTICATED,
      ]);
      expect(codes(await as(keyHolder('reader'), LIST))).toEqual([ErrorCode.FORBIDDEN]);
      expect(codes(await as(anonymousReader, LIST))).toEqual([ErrorCode.UNAUTHENTICATED]);
      expect(await keyCount()).toBe(before);

      const { record } = await createApiKey(orm().em.fork(), { name: 'target', role: 'reader' });
      expect(codes(await as(keyHolder('reader'), REVOKE, { id: record.id }))).toEqual([ErrorCode.FORBIDDEN]);
      expect(codes(await as(anonymousReader, REVOKE, { id: record.id }))).toEqual([ErrorCode.UNAUTHENTICATED]);
      expect((await orm().em.fork().findOneOrFail(ApiKey, record.id)).revokedAt).toBeNull();
    });

    it('lets an admin create a key, shown once and stored only as a scrypt hash, then list and revoke it', async () => {
      const created = await as(keyHolder('admin'), CREATE, { name: '  BI team ', role: 'ANALYST' });
      expect(created.errors).toBeUndefined();
      const { key, apiKey } = created.data!.createApiKey;
      expect(key).toMatch(/^tg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
      expect(apiKey).toEqual({
        id: key.slice(3, 19),
        prefix: key.slice(0, 19),
        name: 'BI team',
        role: 'ANALYST',
        createdAt: expect.any(String),
        revokedAt: null,
      });

      // Neither the key nor its secret is anywhere in the row.
      const [row] = await orm().em.fork().getConnection().execute(`select * from api_key where id = ?`, [apiKey.id]);
      expect(JSON.stringify(row)).not.toContain(key.slice(20));
      expect(row).toMatchObject({ role: 'analyst', scrypt_n: 16384, scrypt_r: 8, scrypt_p: 1 });

      const listed = await as(keyHolder('admin'), LIST);
      expect(listed.data!.apiKeys).toContainEqual({ id: apiKey.id, name: 'BI team', role: 'ANALYST', revokedAt: null, lastUsedAt: null });
      expect(await rejection(authenticate(orm(), `Bearer ${key}`, null))).toBe('accepted');

      const revoked = await as(keyHolder('admin'), REVOKE, { id: apiKey.prefix });
      expect(revoked.data!.revokeApiKey).toEqual({ id: apiKey.id, revokedAt: expect.any(String) });
      // Revoked through this process's service: refused at once, although it was verified (and cached) just before.
      expect(await rejection(authenticate(orm(), `Bearer ${key}`, null))).toBe(`UNAUTHENTICATED: ${INVALID_KEY_MESSAGE}`);
      // Revoking again changes nothing.
      const again = await as(keyHolder('admin'), REVOKE, { id: apiKey.id });
      expect(again.data!.revokeApiKey.revokedAt).toBe(revoked.data!.revokeApiKey.revokedAt);
    });

    it('refuses a blank name and an unknown key id as INVALID_ARGUMENT', async () => {
      expect(codes(await as(keyHolder('admin'), CREATE, { name: '   ', role: 'READER' }))).toEqual([ErrorCode.INVALID_ARGUMENT]);
      expect(codes(await as(keyHolder('admin'), CREATE, { name: 'line\nbreak', role: 'READER' }))).toEqual([ErrorCode.INVALID_ARGUMENT]);
      const unknown = await as(keyHolder('admin'), REVOKE, { id: 'ffffffffffffffff' });
      expect([codes(unknown), unknown.errors![0].message]).toEqual([
        [ErrorCode.INVALID_ARGUMENT],
        'No API key has the id "ffffffffffffffff".',
      ]);
    });

    it('tells any client who it is: viewer { role name keyId }', async () => {
      expect((await as(anonymousReader, '{ viewer { role name keyId } }')).data).toEqual({
        viewer: { role: 'READER', name: null, keyId: null },
      });
      expect((await as(keyHolder('analyst'), '{ viewer { role name keyId } }')).data).toEqual({
        viewer: { role: 'ANALYST', name: 'analyst key', keyId: '00000000000000aa' },
      });
    });
  });

  describe('authenticate(orm, Authorization header, anonymousRole)', () => {
    it('makes a client without a header anonymous with the configured role (none: a null role)', async () => {
      await expect(authenticate(orm(), undefined, 'reader')).resolves.toEqual({ role: 'reader', keyId: null, name: null });
      await expect(authenticate(orm(), undefined, null)).resolves.toEqual({ role: null, keyId: null, name: null });
    });

    it('answers a valid key with its principal and role, whatever the anonymous role', async () => {
      const { key, record } = await createApiKey(orm().em.fork(), { name: 'Policy lab', role: 'analyst' });
      await expect(authenticate(orm(), `Bearer ${key}`, null, { cache: new VerifiedKeyCache(0) })).resolves.toEqual({
        role: 'analyst',
        keyId: record.id,
        name: 'Policy lab',
      });
      // The scheme is case-insensitive (RFC 7235).
      await expect(authenticate(orm(), `bearer ${key}`, 'reader', { cache: new VerifiedKeyCache(0) })).resolves.toMatchObject({
        role: 'analyst',
      });
    });

    it('refuses a malformed header, a token that is no tradegraph key, an unknown id, a wrong secret and a revoked key as UNAUTHENTICATED', async () => {
      const { key, record } = await createApiKey(orm().em.fork(), { name: 'soon revoked', role: 'admin' });
      const cache = new VerifiedKeyCache(0);
      const wrongSecret = key.slice(0, 20) + (key[20] === 'A' ? 'B' : 'A') + key.slice(21);
      const unknownId = `tg_ffffffffffffffff_${key.slice(20)}`;
      const results = await Promise.all([
        rejection(authenticate(orm(), key, 'reader', { cache })), // no scheme
        rejection(authenticate(orm(), `Basic ${key}`, 'reader', { cache })),
        rejection(authenticate(orm(), 'Bearer', 'reader', { cache })),
        rejection(authenticate(orm(), '', 'reader', { cache })),
        rejection(authenticate(orm(), 'Bearer not-a-key', 'reader', { cache })),
        rejection(authenticate(orm(), `Bearer ${unknownId}`, 'reader', { cache })),
        rejection(authenticate(orm(), `Bearer ${wrongSecret}`, 'reader', { cache })),
      ]);
      expect(results).toEqual([
        `UNAUTHENTICATED: ${MALFORMED_HEADER_MESSAGE}`,
        `UNAUTHENTICATED: ${MALFORMED_HEADER_MESSAGE}`,
        `UNAUTHENTICATED: ${MALFORMED_HEADER_MESSAGE}`,
        `UNAUTHENTICATED: ${MALFORMED_HEADER_MESSAGE}`,
        `UNAUTHENTICATED: ${NOT_A_KEY_MESSAGE}`,
        // Unknown id and wrong secret read the same: the answer never tells whether an id exists.
        `UNAUTHENTICATED: ${INVALID_KEY_MESSAGE}`,
        `UNAUTHENTICATED: ${INVALID_KEY_MESSAGE}`,
      ]);
      await revokeApiKey(orm().em.fork(), record.id);
      expect(await rejection(authenticate(orm(), `Bearer ${key}`, 'reader', { cache }))).toBe(`UNAUTHENTICATED: ${INVALID_KEY_MESSAGE}`);
    });

    it('never caches a failure: a wrong secret keeps failing after the right key was verified', async () => {
      const { key } = await createApiKey(orm().em.fork(), { name: 'cached', role: 'reader' });
      const cache = new VerifiedKeyCache(60_000);
      const wrongSecret = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
      expect(await rejection(authenticate(orm(), `Bearer ${wrongSecret}`, null, { cache }))).toBe(
        `UNAUTHENTICATED: ${INVALID_KEY_MESSAGE}`,
      );
      expect(await rejection(authenticate(orm(), `Bearer ${key}`, null, { cache }))).toBe('accepted');
      expect(await rejection(authenticate(orm(), `Bearer ${wrongSecret}`, null, { cache }))).toBe(
        `UNAUTHENTICATED: ${INVALID_KEY_MESSAGE}`,
      );
      expect(cache.size).toBe(1);
    });

    it('honours a revocation by another process (the CLI) once the cache TTL has passed, not before', async () => {
      const { key, record } = await createApiKey(orm().em.fork(), { name: 'revoked elsewhere', role: 'reader' });
      const serverCache = new VerifiedKeyCache(400);
      expect(await rejection(authenticate(orm(), `Bearer ${key}`, null, { cache: serverCache }))).toBe('accepted');
      // Another process revokes: its own cache is forgotten, not this server's.
      await revokeApiKey(orm().em.fork(), record.id, new VerifiedKeyCache());
      expect(await rejection(authenticate(orm(), `Bearer ${key}`, null, { cache: serverCache }))).toBe('accepted');
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(await rejection(authenticate(orm(), `Bearer ${key}`, null, { cache: serverCache }))).toBe(
        `UNAUTHENTICATED: ${INVALID_KEY_MESSAGE}`,
      );
    });

    it('records last_used_at in the background at most once per interval', async () => {
      const { key, record } = await createApiKey(orm().em.fork(), { name: 'busy', role: 'reader' });
      const lastUsed = new LastUsedRecorder(60_000);
      const cache = new VerifiedKeyCache(60_000);
      const lastUsedAt = async () => (await orm().em.fork().findOneOrFail(ApiKey, record.id)).lastUsedAt;
      await authenticate(orm(), `Bearer ${key}`, null, { cache, lastUsed });
      const first = await eventually(lastUsedAt);
      await authenticate(orm(), `Bearer ${key}`, null, { cache, lastUsed });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // The second use within the minute wrote nothing.
      expect(await lastUsedAt()).toEqual(first);
    });

    it('answers a cached key even when the last_used_at update fails (database unreachable)', async () => {
      const { key } = await createApiKey(orm().em.fork(), { name: 'while down', role: 'analyst' });
      const cache = new VerifiedKeyCache(60_000);
      await authenticate(orm(), `Bearer ${key}`, null, { cache });
      // A real ORM on a port nothing listens on: every statement fails to connect.
      const unreachable = await MikroORM.init({
        ...createOrmConfig({ clientUrl: 'postgres://postgres@127.0.0.1:1/none', poolMax: 1 }),
        connect: false,
      });
      try {
        const failures: unknown[] = [];
        const viewer = await authenticate(unreachable, `Bearer ${key}`, null, {
          cache,
          lastUsed: new LastUsedRecorder(0),
          onBackgroundError: (e) => failures.push(e),
        });
        expect(viewer).toMatchObject({ role: 'analyst', name: 'while down' });
        await eventually(async () => failures[0]);
      } finally {
        await unreachable.close(true);
      }
    });
  });
});

/** Polls until `read` gives a truthy value (background work), for at most 5 s. */
async function eventually<T>(read: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('background work did not happen within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

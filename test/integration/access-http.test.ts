import { ErrorCode } from '../../src/errors/app-error';
import { createApiKey } from '../../src/modules/access/api-key.service';
import { INVALID_KEY_MESSAGE, MALFORMED_HEADER_MESSAGE } from '../../src/modules/access/authenticate';
import type { Role } from '../../src/modules/access/role';
import { startTestApp, type GraphQLResponse, type TestApp } from '../support/test-app';

const CREATE = `mutation($name: String!, $role: Role!) { createApiKey(name: $name, role: $role) { key apiKey { id role } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const VIEWER = `{ viewer { role name } }`;

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const codes = (response: GraphQLResponse<unknown>) => response.errors?.map((e) => e.extensions?.code);

/** Keys as clients send them: the Authorization header over real HTTP, read by the server's edge. */
describe('API keys over HTTP', () => {
  let app: TestApp;
  const keys: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    // ANONYMOUS_ROLE set explicitly: the default differs between the embedded database and a server.
    app = await startTestApp({ reference: false, env: { ANONYMOUS_ROLE: 'reader' } });
    for (const role of ['reader', 'analyst', 'admin'] as const) {
      keys[role] = (await createApiKey(app.running.db.orm.em.fork(), { name: `${role} client`, role })).key;
    }
  });
  afterAll(() => app?.close());

  it('answers who is asking: the anonymous reader, or the key holder', async () => {
    expect((await app.raw(VIEWER)).data).toEqual({ viewer: { role: 'READER', name: null } });
    expect((await app.raw(VIEWER, undefined, bearer(keys.analyst!))).data).toEqual({ viewer: { role: 'ANALYST', name: 'analyst client' } });
  });

  it('refuses writes to an anonymous client (UNAUTHENTICATED) and to a reader key (FORBIDDEN)', async () => {
    const anonymous = await app.raw(CREATE, { name: 'x', role: 'ADMIN' });
    expect([anonymous.data, codes(anonymous)]).toEqual([null, [ErrorCode.UNAUTHENTICATED]]);
    const reader = await app.raw(CREATE, { name: 'x', role: 'ADMIN' }, bearer(keys.reader!));
    expect([reader.data, codes(reader)]).toEqual([null, [ErrorCode.FORBIDDEN]]);
    expect(codes(await app.raw(REVOKE, { id: keys.admin!.slice(3, 19) }, bearer(keys.reader!)))).toEqual([ErrorCode.FORBIDDEN]);
    expect(codes(await app.raw(REVOKE, { id: keys.admin!.slice(3, 19) }))).toEqual([ErrorCode.UNAUTHENTICATED]);
  });

  it('lets an admin key create a key that works at once, and revoke it so that it stops working at once', async () => {
    const created = await app.raw(CREATE, { name: 'BI team', role: 'ANALYST' }, bearer(keys.admin!));
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = (created.data as { createApiKey: { key: string; apiKey: { id: string; role: string } } }).createApiKey;
    expect(apiKey.role).toBe('ANALYST');
    expect((await app.raw(VIEWER, undefined, bearer(key))).data).toEqual({ viewer: { role: 'ANALYST', name: 'BI team' } });

    expect(codes(await app.raw(REVOKE, { id: apiKey.id }, bearer(keys.admin!)))).toBeUndefined();
    const afterRevoke = await app.raw(VIEWER, undefined, bearer(key));
    expect([afterRevoke.status, codes(afterRevoke), afterRevoke.errors?.[0].message]).toEqual([
      401,
      [ErrorCode.UNAUTHENTICATED],
      INVALID_KEY_MESSAGE,
    ]);
  });

  it('answers 401 UNAUTHENTICATED to a malformed header and to an unknown key, even for a read', async () => {
    const malformed = await app.raw(VIEWER, undefined, { authorization: `Token ${keys.reader}` });
    expect([malformed.status, codes(malformed), malformed.errors?.[0].message]).toEqual([
      401,
      [ErrorCode.UNAUTHENTICATED],
      MALFORMED_HEADER_MESSAGE,
    ]);
    const unknown = await app.raw(VIEWER, undefined, bearer(`tg_ffffffffffffffff_${'A'.repeat(43)}`));
    expect([unknown.status, codes(unknown), unknown.errors?.[0].message]).toEqual([401, [ErrorCode.UNAUTHENTICATED], INVALID_KEY_MESSAGE]);
  });
});

describe('API keys over HTTP with ANONYMOUS_ROLE=none', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ reference: false, env: { ANONYMOUS_ROLE: 'none' } });
  });
  afterAll(() => app?.close());

  it('refuses a client without a key with 401 UNAUTHENTICATED, and serves one with a reader key', async () => {
    const anonymous = await app.raw(VIEWER);
    expect([anonymous.status, codes(anonymous)]).toEqual([401, [ErrorCode.UNAUTHENTICATED]]);
    const { key } = await createApiKey(app.running.db.orm.em.fork(), { name: 'dashboard', role: 'reader' });
    expect((await app.raw(VIEWER, undefined, bearer(key))).data).toEqual({ viewer: { role: 'READER', name: 'dashboard' } });
  });
});

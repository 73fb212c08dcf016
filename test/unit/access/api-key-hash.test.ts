import { scryptSync } from 'node:crypto';
import { DECOY_HASH, hashSecret, SCRYPT_PARAMS, verifySecret } from '../../../src/modules/access/api-key-hash';

describe('scrypt hashing of key secrets', () => {
  it('stores the scrypt of the secret under a random salt with its parameters, never the secret', async () => {
    const stored = await hashSecret('correct horse');
    expect(stored).toEqual({ hash: expect.any(String), salt: expect.any(String), n: 16384, r: 8, p: 1 });
    expect(JSON.stringify(stored)).not.toContain('correct horse');
    // Recomputed independently with node:crypto's synchronous scrypt from the stored salt and parameters.
    const expected = scryptSync('correct horse', Buffer.from(stored.salt, 'base64'), 32, { N: 16384, r: 8, p: 1 });
    expect(stored.hash).toBe(expected.toString('base64'));
    expect(Buffer.from(stored.salt, 'base64')).toHaveLength(16);
  });

  it('gives the same secret a different hash each time (fresh salt)', async () => {
    const [a, b] = await Promise.all([hashSecret('same'), hashSecret('same')]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('verifies the right secret and refuses a wrong one, one character off', async () => {
    const stored = await hashSecret('secret-A');
    await expect(verifySecret('secret-A', stored)).resolves.toBe(true);
    await expect(verifySecret('secret-B', stored)).resolves.toBe(false);
    await expect(verifySecret('', stored)).resolves.toBe(false);
  });

  it('verifies with the parameters stored with the hash, so raising the defaults keeps old keys valid', async () => {
    const salt = Buffer.alloc(16, 7);
    const old = {
      hash: scryptSync('old key', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64'),
      salt: salt.toString('base64'),
      n: 1024,
      r: 8,
      p: 1,
    };
    expect(old.n).not.toBe(SCRYPT_PARAMS.n);
    await expect(verifySecret('old key', old)).resolves.toBe(true);
  });

  it('refuses everything against the decoy hash used for unknown key ids', async () => {
    await expect(verifySecret('', DECOY_HASH)).resolves.toBe(false);
    await expect(verifySecret('anything', DECOY_HASH)).resolves.toBe(false);
  });
});

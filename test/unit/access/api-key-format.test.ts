import { formatApiKey, generateApiKeyParts, keyPrefix, parseApiKey, parseKeyId } from '../../../src/modules/access/api-key-format';

describe('API key format tg_<id>_<secret>', () => {
  it('makes keys of 16 hex id characters and a 43-character base64url secret (32 random bytes = 256 bits)', () => {
    const parts = generateApiKeyParts();
    expect(parts.id).toMatch(/^[0-9a-f]{16}$/);
    expect(parts.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(parts.secret, 'base64url')).toHaveLength(32);
    expect(formatApiKey(parts)).toBe(`tg_${parts.id}_${parts.secret}`);
  });

  it('never repeats a key: 1,000 keys, 1,000 distinct ids and secrets', () => {
    const keys = Array.from({ length: 1000 }, generateApiKeyParts);
    expect(new Set(keys.map((k) => k.id)).size).toBe(1000);
    expect(new Set(keys.map((k) => k.secret)).size).toBe(1000);
  });

  it('parses a key back into its parts, even when the secret itself contains "_" and "-"', () => {
    const parts = { id: '0123456789abcdef', secret: 'a_b-'.repeat(10) + 'xyz' };
    expect(parseApiKey(formatApiKey(parts))).toEqual(parts);
  });

  it.each([
    ['no prefix', '0123456789abcdef_' + 'a'.repeat(43)],
    ['another prefix', 'sk_0123456789abcdef_' + 'a'.repeat(43)],
    ['upper-case id', 'tg_0123456789ABCDEF_' + 'a'.repeat(43)],
    ['short id', 'tg_0123456789abcde_' + 'a'.repeat(43)],
    ['short secret', 'tg_0123456789abcdef_' + 'a'.repeat(42)],
    ['long secret', 'tg_0123456789abcdef_' + 'a'.repeat(44)],
    ['a character outside base64url', 'tg_0123456789abcdef_' + 'a'.repeat(42) + '='],
    ['trailing space', 'tg_0123456789abcdef_' + 'a'.repeat(43) + ' '],
  ])('refuses a token with %s', (_case, token) => {
    expect(parseApiKey(token)).toBeNull();
  });

  it('names a key by its prefix, and reads an id typed with or without it', () => {
    expect(keyPrefix('0123456789abcdef')).toBe('tg_0123456789abcdef');
    expect(parseKeyId('tg_0123456789abcdef')).toBe('0123456789abcdef');
    expect(parseKeyId(' 0123456789ABCDEF ')).toBe('0123456789abcdef');
    expect(parseKeyId('tg_0123')).toBeNull();
    // A whole key is not an id: revoking by the secret would put it in shell history and logs.
    expect(parseKeyId('tg_0123456789abcdef_' + 'a'.repeat(43))).toBeNull();
  });
});

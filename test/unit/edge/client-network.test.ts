import { loadConfig } from '../../../src/config/config';
import { clientNetwork } from '../../../src/server/viewer';

describe('clientNetwork: whose budget an anonymous request draws on', () => {
  it('keeps an IPv4 address as it is, also when Node reports it IPv4-mapped', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('gives every address of one IPv6 /64 the same budget, however it is written', () => {
    // A host is handed a whole /64: these are two addresses of the same one, the second in short form.
    expect(clientNetwork('2001:db8:85a3:0042:1000:8a2e:0370:7334')).toBe('2001:db8:85a3:42::/64');
    expect(clientNetwork('2001:db8:85a3:42::1')).toBe('2001:db8:85a3:42::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('2001:db8:85a3:43::1')).not.toBe(clientNetwork('2001:db8:85a3:42::1'));
  });
});

describe('edge configuration', () => {
  it('lets anonymous clients read or nothing, never write', () => {
    expect(loadConfig({ ANONYMOUS_ROLE: 'none' }).anonymousRole).toBeNull();
    expect(loadConfig({ ANONYMOUS_ROLE: 'reader' }).anonymousRole).toBe('reader');
    expect(() => loadConfig({ ANONYMOUS_ROLE: 'admin' })).toThrow(/ANONYMOUS_ROLE="admin" must be reader or none/);
  });

  it('refuses a budget smaller than the cost of one accepted operation', () => {
    expect(() => loadConfig({ RATE_LIMIT_POINTS: '5000', MAX_QUERY_COST: '10000' })).toThrow(
      /RATE_LIMIT_POINTS \(5000\) must be at least MAX_QUERY_COST \(10000\)/,
    );
    expect(loadConfig({ RATE_LIMIT_POINTS: '10000', MAX_QUERY_COST: '10000' }).rateLimit.points).toBe(10000);
  });

  it('is open for reading on the embedded demo and closed on a server by default', () => {
    expect(loadConfig({}).anonymousRole).toBe('reader');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).anonymousRole).toBeNull();
  });
});

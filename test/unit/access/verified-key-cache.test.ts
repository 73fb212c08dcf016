import type { Viewer } from '../../../src/modules/access/role';
import { VerifiedKeyCache } from '../../../src/modules/access/verified-key-cache';

const viewer = (keyId: string): Viewer => ({ role: 'analyst', keyId, name: `key ${keyId}` });

describe('the verified-key cache', () => {
  // A clock of the test's own: the cache is told the time instead of faking timers globally.
  let now = 1_000_000;
  const clock = () => now;

  it('answers a verified key for the TTL and forgets it when the TTL has passed', () => {
    const cache = new VerifiedKeyCache(30_000, 10, clock);
    cache.remember('tg_key_a', viewer('a'), cache.generation());
    now += 29_999;
    expect(cache.get('tg_key_a')).toEqual(viewer('a'));
    now += 1; // exactly 30 s after: expired
    expect(cache.get('tg_key_a')).toBeUndefined();
  });

  it('matches only the exact key that was verified, not another secret with the same id', () => {
    const cache = new VerifiedKeyCache(30_000, 10, clock);
    cache.remember('tg_0123456789abcdef_right', viewer('0123456789abcdef'), cache.generation());
    expect(cache.get('tg_0123456789abcdef_wrong')).toBeUndefined();
  });

  it('keeps at most `capacity` keys, forgetting the least recently verified first', () => {
    const cache = new VerifiedKeyCache(30_000, 2, clock);
    cache.remember('k1', viewer('1'), cache.generation());
    cache.remember('k2', viewer('2'), cache.generation());
    cache.remember('k1', viewer('1'), cache.generation()); // verified again: now the newest
    cache.remember('k3', viewer('3'), cache.generation());
    expect(cache.size).toBe(2);
    expect([cache.get('k1'), cache.get('k2'), cache.get('k3')]).toEqual([viewer('1'), undefined, viewer('3')]);
  });

  it('forgets every key of a revoked id at once', () => {
    const cache = new VerifiedKeyCache(30_000, 10, clock);
    cache.remember('k1', viewer('1'), cache.generation());
    cache.remember('k2', viewer('2'), cache.generation());
    cache.forgetKey('1');
    expect([cache.get('k1'), cache.get('k2')]).toEqual([undefined, viewer('2')]);
  });

  it('does not remember a verification that began before a revocation (its row may predate it)', () => {
    const cache = new VerifiedKeyCache(30_000, 10, clock);
    const generation = cache.generation(); // the key's row is read here…
    cache.forgetKey('1'); // …the key is revoked while scrypt runs…
    cache.remember('k1', viewer('1'), generation); // …and the late success is dropped
    expect(cache.get('k1')).toBeUndefined();
  });

  it('with a TTL of 0 remembers nothing (every request verifies)', () => {
    const cache = new VerifiedKeyCache(0, 10, clock);
    cache.remember('k1', viewer('1'), cache.generation());
    expect(cache.size).toBe(0);
  });
});

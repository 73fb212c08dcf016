/**
 * Seeded pseudo-random numbers for the demo generator.
 *
 * The generator must produce byte-identical data for the same seed on every machine, so nothing here
 * touches Math.random or the clock: seeds are hashed with cyrb128 and fed to sfc32, both pure 32-bit
 * integer arithmetic and therefore bit-exact everywhere. The float transforms (normal, logNormal) use
 * Math.log/sqrt/cos/sin, which V8 implements in software (fdlibm ports), so they match across platforms.
 */

/** One value that contributes to a seed, e.g. the global seed, a year or an HS code. */
export type SeedPart = string | number;

/**
 * cyrb128: hashes a string into four 32-bit words, enough state to seed sfc32 without the weak
 * early outputs a single 32-bit seed would give.
 */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * Encodes seed parts unambiguously: the type tag keeps 1 and "1" apart, and the NUL separator keeps
 * ("ab", "c") apart from ("a", "bc").
 */
function seedText(parts: readonly SeedPart[]): string {
  return parts.map((part) => (typeof part === 'number' ? `n${part}` : `s${part}`)).join('\u0000');
}

/** A seeded generator (sfc32). Create with {@link createRng}. Not cryptographically secure. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Second Box–Muller variate, kept so that every other normal() costs no logarithm. */
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
    // The first outputs of sfc32 still correlate with the seed; discard them.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int: invalid range [${min}, ${max}]`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniformly chosen element. @throws RangeError on an empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick: empty array');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal variate (Box–Muller). */
  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.next())); // 1 - next() is in (0, 1], so log is finite
    const angle = 2 * Math.PI * this.next();
    this.spareNormal = radius * Math.sin(angle);
    this.hasSpareNormal = true;
    return radius * Math.cos(angle);
  }

  /** Log-normal variate: exp(mu + sigma * N(0, 1)). */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /**
   * Index chosen with probability proportional to its weight (linear scan: meant for setup code,
   * not for hot loops).
   * @throws RangeError when the weights do not have a positive sum.
   */
  weightedIndex(weights: ArrayLike<number>): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i] > 0 ? weights[i] : 0;
    if (!(total > 0)) throw new RangeError('weightedIndex: weights must have a positive sum');
    let target = this.next() * total;
    let last = -1;
    for (let i = 0; i < weights.length; i++) {
      if (!(weights[i] > 0)) continue;
      last = i;
      target -= weights[i];
      if (target < 0) return i;
    }
    return last; // only reached through floating-point rounding
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
}

/**
 * Creates a generator seeded from any number of parts, e.g. `createRng(seed, 'flows', 2020, '610910')`.
 * Equal parts give equal sequences; naming the purpose in the parts gives independent streams, so adding
 * a draw in one part of the generator does not shift the data generated elsewhere.
 */
export function createRng(...seedParts: SeedPart[]): Rng {
  const [a, b, c, d] = cyrb128(seedText(seedParts));
  return new Rng(a, b, c, d);
}

/**
 * Zipf weights for ranks 1..n: w_k = k^-s, normalised to sum to 1. s ≈ 1 gives the "a few dominate,
 * a long tail of minor players" shape seen in trade and supplier data.
 */
export function zipfWeights(n: number, s: number): number[] {
  const weights: number[] = [];
  let total = 0;
  for (let k = 1; k <= n; k++) {
    const w = Math.pow(k, -s);
    weights.push(w);
    total += w;
  }
  return weights.map((w) => w / total);
}

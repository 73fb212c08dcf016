/**
 * Splitting an integer total across weighted buckets with a per-bucket cap. Used to spread trade flows
 * over (year, product) slices and a slice's flows over exporters, where a bucket can never hold more
 * than a fixed number of distinct keys.
 */

/**
 * Splits `total` into integers proportional to `weights`, none above `cap` and summing exactly to
 * `total`. Buckets whose fair share would exceed the cap are saturated and the excess is re-spread over
 * the others (water-filling). Rounding uses largest remainders, ties to the lower index, so the result
 * depends only on the inputs. O(n log n).
 * @throws RangeError when `total` exceeds `cap` times the number of positive weights.
 */
export function allocateProportionally(total: number, weights: ArrayLike<number>, cap: number): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`allocate: invalid total ${total}`);
  const counts = new Array<number>(weights.length).fill(0);
  const order: number[] = [];
  for (let i = 0; i < weights.length; i++) if (weights[i] > 0) order.push(i);
  if (total > cap * order.length) {
    throw new RangeError(`allocate: ${total} does not fit in ${order.length} buckets of ${cap}`);
  }
  if (total === 0) return counts;
  // The heaviest buckets saturate first, so the saturated set is always a prefix of this order.
  order.sort((a, b) => weights[b] - weights[a] || a - b);
  let sum = 0;
  for (const i of order) sum += weights[i];
  let remaining = total;
  let first = 0;
  while (first < order.length && remaining >= cap && (remaining * weights[order[first]]) / sum >= cap) {
    counts[order[first]] = cap;
    remaining -= cap;
    sum -= weights[order[first]];
    first++;
  }
  if (remaining === 0) return counts;
  // Every remaining exact share is below the cap, so floor + 1 never exceeds it.
  const rest = order.slice(first);
  sum = 0; // re-summed rather than decremented so rounding errors cannot accumulate
  for (const i of rest) sum += weights[i];
  const fraction = new Float64Array(weights.length);
  let assigned = 0;
  for (const i of rest) {
    const exact = (remaining * weights[i]) / sum;
    counts[i] = Math.floor(exact);
    fraction[i] = exact - counts[i];
    assigned += counts[i];
  }
  rest.sort((a, b) => fraction[b] - fraction[a] || a - b);
  let left = remaining - assigned;
  // `left` is below rest.length up to floating-point error; the cap check keeps any extra pass safe.
  for (let k = 0; left > 0; k = (k + 1) % rest.length) {
    if (counts[rest[k]] < cap) {
      counts[rest[k]]++;
      left--;
    }
  }
  return counts;
}

/**
 * Capacity weight of a facility (METRICS.md, "Sourcing markets"): its workers when exact, the midpoint
 * of the range when only a range is known, and null when nothing is known — unknown capacity is never
 * weighed as 0 or 1.
 */
export function capacityWeight(workersMin: number | null | undefined, workersMax: number | null | undefined): number | null {
  if (workersMin == null || workersMax == null) return null;
  return (workersMin + workersMax) / 2;
}

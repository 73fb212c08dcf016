import type { ConcentrationRow } from '../concentration/concentration.result';

/** A ranked row's concentration of what remains, or undefined when nothing remains (the left join found no metrics). */
export function metricsOf(row: Partial<ConcentrationRow>): ConcentrationRow | undefined {
  return row.n == null ? undefined : (row as ConcentrationRow);
}

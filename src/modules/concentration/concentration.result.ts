import type { Dataset } from '../dataset/dataset.entity';
import { band } from '../metrics/concentration';
import type { BandGuidelines, ConcentrationBand, Concentration, ConcentrationShare, ParticipantKind } from './concentration.types';

/** One market's row from concentrationSql. */
export interface ConcentrationRow {
  n: number;
  total: number;
  hhi: number;
  cr1: number;
  cr3: number;
  cr5: number;
  crk: number;
  entropy: number;
  gini: number;
  top: Array<{ participant: string; weight: number; share: number; rank: number }>;
}

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/**
 * Builds the API result from a market's SQL row (or from nothing: an empty market, every metric null);
 * `kind` types its participants.
 */
export function toConcentration(
  row: ConcentrationRow | undefined,
  dataset: Dataset | null,
  guidelines: BandGuidelines,
  k: number,
  kind: ParticipantKind,
): Concentration {
  if (!row || row.n === 0) {
    return {
      dataset, participants: 0, totalWeight: 0, hhi: null, hhiPoints: null, normalizedHhi: null, cr1: null, cr3: null, cr5: null, crk: null,
      effectiveNumber: null, entropy: null, evenness: null, gini: null, band: null, guidelines, top: [],
    };
  }
  const n = Number(row.n);
  // Bounded figures are clamped to their ranges so that float rounding never shows (HHI in [1/N, 1]).
  const hhi = clamp(Number(row.hhi), 1 / n, 1);
  const entropy = clamp(Number(row.entropy), 0, Math.log(n));
  // CRk is exactly 1 when k ≥ N (METRICS.md), not a float sum of all shares.
  const cr = (value: number, kk: number) => (kk >= n ? 1 : clamp(Number(value), 0, 1));
  const top: ConcentrationShare[] = (row.top ?? []).map((t) => ({ kind, participantId: String(t.participant).trim(), weight: Number(t.weight), share: Number(t.share), rank: Number(t.rank) }));
  return {
    dataset,
    participants: n,
    totalWeight: Number(row.total),
    hhi,
    hhiPoints: 10_000 * hhi,
    normalizedHhi: n > 1 ? clamp((hhi - 1 / n) / (1 - 1 / n), 0, 1) : null,
    cr1: cr(row.cr1, 1),
    cr3: cr(row.cr3, 3),
    cr5: cr(row.cr5, 5),
    crk: cr(row.crk, k),
    effectiveNumber: clamp(1 / hhi, 1, n),
    entropy,
    evenness: n > 1 ? clamp(entropy / Math.log(n), 0, 1) : null,
    gini: n === 1 ? 0 : clamp(Number(row.gini), 0, 1 - 1 / n),
    // The pure band() compares at 1e-6 points, so a market of exactly 1,800 points is MODERATE, not HIGH.
    band: band(10_000 * hhi, guidelines) as ConcentrationBand,
    guidelines,
    top,
  };
}

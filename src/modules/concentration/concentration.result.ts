import type { Dataset } from '../dataset/dataset.entity';
import { crOf, emptyMarket, figuresOf } from '../metrics/concentration';
import type { BandGuidelines, Concentration, ConcentrationShare, ParticipantKind } from './concentration.types';

/** One market's row of the `concentration` statement (concentration.sql.ts). */
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

/**
 * Builds the API result from a market's SQL row (or from nothing: an empty market, every metric null);
 * `kind` types its participants. The derived figures come from the same formulas as the reference
 * implementation (metrics/concentration.ts `figuresOf`), fed with the sums PostgreSQL computed.
 */
export function toConcentration(
  row: ConcentrationRow | undefined,
  dataset: Dataset | null,
  guidelines: BandGuidelines,
  k: number,
  kind: ParticipantKind,
): Concentration {
  // The band is the GraphQL enum of the same values as the reference's string union.
  if (!row || Number(row.n) === 0) return { dataset, ...emptyMarket(), crk: null, guidelines, top: [] } as Concentration;
  const top: ConcentrationShare[] = row.top.map((t) => ({
    kind,
    participantId: String(t.participant).trim(),
    weight: Number(t.weight),
    share: Number(t.share),
    rank: Number(t.rank),
  }));
  const topSums: Record<number, number> = { 1: Number(row.cr1), 3: Number(row.cr3), 5: Number(row.cr5), [k]: Number(row.crk) };
  const sums = {
    n: Number(row.n),
    totalWeight: Number(row.total),
    hhi: Number(row.hhi),
    entropy: Number(row.entropy),
    gini: Number(row.gini),
    topShares: (j: number) => topSums[j],
  };
  return { dataset, ...figuresOf(sums, guidelines), crk: crOf(sums, k), guidelines, top } as Concentration;
}

import type { Dataset } from '../dataset/dataset.entity';
import { crOf, emptyMarket, figuresOf, type ConcentrationMetrics } from '../metrics/concentration';
import type { BandGuidelines, Concentration, ConcentrationShare, ParticipantKind } from './concentration.types';

/**
 * A market's sufficient statistics in the weights' own type (exact numeric for trade values, returned as
 * text): what trade_import_market stores, and what the `concentration` statement returns next to its ranked
 * figures, so that both give the same HHI and CR1 to the last digit.
 */
export interface MarketStatistics {
  n: number;
  /** W = Σ w. */
  sum_w: string | number;
  /** Σ w². */
  sum_w2: string | number;
  /** The largest w. */
  max_w: string | number;
}

/** One market's row of the `concentration` statement (concentration.sql.ts). */
export interface ConcentrationRow extends Partial<MarketStatistics> {
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
 * The fields of Concentration that follow from a market's statistics alone (`fromStatistics`): every other one
 * (CR3, CR5, CRk, entropy, evenness, Gini, the top participants) needs each participant's weight.
 */
export const STATISTICS_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'dataset',
  'participants',
  'totalWeight',
  'hhi',
  'hhiPoints',
  'normalizedHhi',
  'cr1',
  'effectiveNumber',
  'band',
  'guidelines',
]);

/** Fields a result built from statistics alone has no value for: reading one is a bug, never a made-up number. */
const RANKED_FIELDS = ['cr3', 'cr5', 'crk', 'entropy', 'evenness', 'gini', 'top'] as const;

/**
 * The sums HHI, its points, the effective number and CR1 follow from, as the reference implementation
 * (metrics/concentration.ts) forms them: Σw²/W² with a single rounding, from W and Σw² in double precision.
 */
function statisticsSums(row: MarketStatistics) {
  const total = Number(row.sum_w);
  const squares = Number(row.sum_w2);
  const totalSquared = total * total;
  return {
    totalWeight: total,
    hhi: squares / totalSquared,
    hhiPoints: (10_000 * squares) / totalSquared,
    effectiveNumber: totalSquared / squares,
    cr1: Number(row.max_w) / total,
  };
}

/**
 * Builds the API result from a market's SQL row (or from nothing: an empty market, every metric null);
 * `kind` types its participants. The derived figures come from the same formulas as the reference
 * implementation (metrics/concentration.ts `figuresOf`), fed with the sums PostgreSQL computed; where the row
 * has the market's exact statistics, W, HHI and CR1 come from them.
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
  const exact = row.sum_w2 == null ? null : statisticsSums(row as ConcentrationRow & MarketStatistics);
  const cr1 = exact ? exact.cr1 : Number(row.cr1);
  const topSums: Record<number, number> = { 3: Number(row.cr3), 5: Number(row.cr5), [k]: Number(row.crk), 1: cr1 };
  const sums = {
    n: Number(row.n),
    totalWeight: Number(row.total),
    hhi: Number(row.hhi),
    ...exact,
    entropy: Number(row.entropy),
    gini: Number(row.gini),
    topShares: (j: number) => topSums[j],
  };
  return { dataset, ...figuresOf(sums, guidelines), crk: crOf(sums, k), guidelines, top } as Concentration;
}

/**
 * A Concentration known only by its market's statistics: the ranked fields are getters that throw, so that a
 * caller that chose this path for a selection needing them fails instead of answering wrong (on the prototype,
 * so thousands of markets cost no more than plain objects). The fields are set one by one in a fixed order:
 * one hidden class for every market, no intermediate objects (a rest pattern and Object.assign of spreads
 * built three throwaway objects per market, 9 % of importConcentrations' CPU for 5,298 markets, issue #9).
 */
class StatisticsConcentration {
  constructor(dataset: Dataset | null, figures: ConcentrationMetrics, guidelines: BandGuidelines, crk: number | undefined) {
    const self = this as unknown as Record<string, unknown>;
    self.dataset = dataset;
    self.participants = figures.participants;
    self.totalWeight = figures.totalWeight;
    self.hhi = figures.hhi;
    self.hhiPoints = figures.hhiPoints;
    self.normalizedHhi = figures.normalizedHhi;
    self.cr1 = figures.cr1;
    self.effectiveNumber = figures.effectiveNumber;
    self.band = figures.band;
    self.guidelines = guidelines;
    if (crk !== undefined) self.crkFromStatistics = crk;
  }
}
for (const field of RANKED_FIELDS) {
  Object.defineProperty(StatisticsConcentration.prototype, field, {
    get(this: { crkFromStatistics?: number | null }) {
      if (field === 'crk' && this.crkFromStatistics !== undefined) return this.crkFromStatistics;
      throw new Error(`Concentration.${field} was read from a market's statistics, which cannot give it`);
    },
  });
}

/**
 * The result for a market known only by its statistics (trade_import_market): every field of
 * STATISTICS_FIELDS (and CRk for k = 1), the same numbers `toConcentration` gives from the flows.
 */
export function fromStatistics(
  row: MarketStatistics | undefined,
  dataset: Dataset | null,
  guidelines: BandGuidelines,
  k: number,
): Concentration {
  if (!row || Number(row.n) === 0) return { dataset, ...emptyMarket(), crk: null, guidelines, top: [] } as Concentration;
  const n = Number(row.n);
  const exact = statisticsSums(row);
  const topShares = () => exact.cr1;
  const figures = figuresOf(
    {
      n,
      totalWeight: exact.totalWeight,
      hhi: exact.hhi,
      hhiPoints: exact.hhiPoints,
      effectiveNumber: exact.effectiveNumber,
      entropy: 0,
      gini: 0,
      topShares,
    },
    guidelines,
  );
  const crk = k === 1 ? crOf({ n, topShares }, 1) : undefined;
  return new StatisticsConcentration(dataset, figures, guidelines, crk) as unknown as Concentration;
}

/** Whether every field a request selects of a Concentration can come from the market's statistics (`fromStatistics`). */
export function statisticsSuffice(fields: ReadonlySet<string>, k: number): boolean {
  return [...fields].every((field) => STATISTICS_FIELDS.has(field) || (field === 'crk' && k === 1));
}

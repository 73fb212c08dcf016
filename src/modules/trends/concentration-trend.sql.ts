import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConcentrationRow } from '../concentration/concentration.result';
import { marketConcentrations, type ConcentrationCuts } from '../concentration/concentration.sql';
import type { ParticipantKind } from '../concentration/concentration.types';
import { tradeWeights, type TradeWeightsQuery } from '../concentration/trade-weights.sql';
import { readShareShifts } from './share-shift.sql';
import type { ShareShift } from './share-shift.types';

/** The trade market a trend follows: everything of a weights query but its years and market column. */
export type TrendMarket = Omit<TradeWeightsQuery, 'years' | 'marketBy'>;

/** A year of the market with data, and its figures. */
export interface YearConcentrationRow {
  year: number;
  row: ConcentrationRow;
}

/** The market's concentration in every year of [from, to] that has data, in one statement. */
export async function yearConcentrations(
  em: EntityManager,
  market: TrendMarket,
  years: { from: number; to: number },
  cuts: ConcentrationCuts,
): Promise<YearConcentrationRow[]> {
  const rows = await marketConcentrations(em, tradeWeights({ ...market, years, marketBy: 'YEAR' }), cuts);
  return rows.map(({ market: year, ...row }) => ({ year: Number(year), row }));
}

/** What a trend's share shifts compare: the market at years a and b, its `top` largest participants at either. */
export interface TrendShareShiftsQuery {
  market: TrendMarket;
  from: number;
  to: number;
  top: number;
  kind: ParticipantKind;
}

/** The share shifts of the market between two years, in one statement. */
export async function trendShareShifts(em: EntityManager, q: TrendShareShiftsQuery): Promise<ShareShift[]> {
  const at = (year: number) => tradeWeights({ ...q.market, years: { from: year, to: year }, marketBy: 'ONE' });
  const shifts = await readShareShifts(em, { before: at(q.from), after: at(q.to), top: q.top, kind: q.kind });
  return shifts.map((s) => s.shift);
}

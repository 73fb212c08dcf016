import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql, type Sql } from '../../database/sql';
import type { ConcentrationRow } from './concentration.result';

/** How many top participants a statement sums (`k` of CRk) and lists (`top`). */
export interface ConcentrationCuts {
  k: number;
  top: number;
}

/** One market's row of `concentration`: its key (as the weights gave it) and its figures. */
export type MarketConcentrationRow = ConcentrationRow & { market: string | number };

/**
 * Concentration of many markets in one statement. `weights` selects (market, participant, weight) rows;
 * participants with weight 0 (or null) are not counted (METRICS.md). For every market the statement
 * returns N, W, HHI, CR1/CR3/CR5/CRk, entropy and Gini, plus its top participants with share and rank
 * (ties broken by participant id in byte order), all computed inside PostgreSQL. `k` and `top` are bound.
 * It also returns W, Σw² and max w in the weights' own type (sum_w, sum_w2, max_w): exact for trade values
 * (numeric), so HHI and CR1 follow from them as from the import markets' statistics (trade_import_market),
 * whatever order the rows are summed in.
 *
 * Gini uses the sorted form of Σ_i Σ_j |w_i − w_j| / (2 N² μ): Σ_i (2i − N − 1) w_(i) / (N W), with
 * w_(i) in ascending order — the same number in O(N log N).
 */
export function concentration(weights: Sql, { k, top }: ConcentrationCuts): Sql {
  return sql`
    with s as (${rankedShares(weights)}),
    metrics as (
      select market, max(n)::int as n, max(total) as total,
             sum(exact) as sum_w, sum(exact * exact) as sum_w2, max(exact) as max_w,
             sum(share * share) as hhi,
             sum(share) filter (where rank <= 1) as cr1,
             sum(share) filter (where rank <= 3) as cr3,
             sum(share) filter (where rank <= 5) as cr5,
             sum(share) filter (where rank <= ${k}::int) as crk,
             -sum(share * ln(share)) as entropy,
             sum((2 * rank_asc - n - 1) * weight) / (max(n) * max(total)) as gini,
             coalesce(json_agg(json_build_object('participant', participant, 'weight', weight, 'share', share, 'rank', rank) order by rank)
                      filter (where rank <= ${top}::int), '[]') as top
      from s group by market
    )
    select * from metrics`;
}

/** The concentration of every market `weights` selects (one row per market with a participant), in one statement. */
export function marketConcentrations(em: EntityManager, weights: Sql, cuts: ConcentrationCuts): Promise<MarketConcentrationRow[]> {
  return queryRows<MarketConcentrationRow>(em, concentration(weights, cuts), { replan: true });
}

/**
 * Every participant of every market, one row each: (market, participant, weight, exact, share, rank,
 * rank_asc, n, total), `exact` being the weight in its own type (float8 `weight` is what shares use). `weights` selects (market, participant, weight) rows; a participant's rows are summed, and
 * participants whose sum is 0 (or null) are left out. rank 1 = largest, ties broken by participant id in
 * byte order; rank_asc counts from the smallest; n = N and total = W of the participant's market.
 */
export function rankedShares(weights: Sql): Sql {
  // rank_asc orders by (weight asc, participant desc): the exact reverse of rank's order, so n + 1 − rank —
  // one sort of the participants instead of two.
  return sql`
    select market, participant, weight, exact, share, rank, n + 1 - rank as rank_asc, n, total from (
      select market, participant, weight, exact,
             weight / sum(weight) over m as share,
             row_number() over (partition by market order by weight desc, participant collate "C") as rank,
             count(*) over m as n,
             sum(weight) over m as total
      from (
        select market, participant, sum(weight) as exact, sum(weight)::float8 as weight from (${weights}) src
        group by market, participant having sum(weight) > 0
      ) w window m as (partition by market)) r`;
}

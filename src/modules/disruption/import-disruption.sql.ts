import type { ConcentrationRow } from '../concentration/concentration.result';
import { concentrationSql } from '../concentration/concentration.sql';
import { boundInList, joinSql, type BoundSql } from '../../database/sql';
import { TradeMarketKind } from '../concentration/trade-market-kind';
import { tradeWeightsSql } from '../concentration/trade-weights.sql';
import { type TradeReporter } from '../concentration/trade-reporter';

export interface ImportDisruptionQuery {
  /** Exporters in R (only countries affect trade). */
  removedCountries: string[];
  datasetId: number;
  mixed: boolean;
  year: number;
  /** HS prefix the products are under; null = every product. */
  product: string | null;
  /** HS level of the markets' products. */
  level: number;
  /** The importers asked; null = every importer country, each its own market. */
  importers: TradeReporter[] | null;
  minValue: number;
  includeUnaffected: boolean;
  first: number;
  k: number;
  top: number;
}

/** One ranked market (importer_code null on the single row of an empty page, which still carries total_count). */
export interface ImportDisruptionRow extends Partial<ConcentrationRow> {
  total_count: number;
  rank: number;
  importer_code: string | null;
  product_code: string;
  imports: number;
  supply_lost: number;
  lost_share: number;
}

/** The weights of every market asked: countries each their own importer, each group one importer read extra-group. */
function marketWeights(q: ImportDisruptionQuery): BoundSql {
  const common = {
    kind: TradeMarketKind.IMPORT_SOURCES,
    datasetId: q.datasetId,
    mixed: q.mixed,
    years: { from: q.year, to: q.year },
    product: q.product,
    level: q.level,
    marketBy: 'REPORTER_PRODUCT' as const,
  };
  if (q.importers === null) return tradeWeightsSql({ ...common, reporters: null, extraGroup: false });
  const countries = q.importers.filter((r) => !r.group).map((r) => r.code);
  const branches = [
    ...(countries.length ? [tradeWeightsSql({ ...common, reporters: [...new Set(countries)], extraGroup: false })] : []),
    ...q.importers.filter((r) => r.group).map((g) => tradeWeightsSql({ ...common, reporters: g.members, extraGroup: true, reporterLabel: g.code })),
  ];
  return joinSql(branches, ' union all ');
}

/**
 * Every import market's exposure to R in one statement: imports before and from R per (importer, product)
 * market of tradeWeightsSql, the ranking, and the concentration of what remains (concentrationSql over the
 * exporters outside R, renormalised; no substitution) for the markets of the page only.
 */
export function importDisruptionSql(q: ImportDisruptionQuery): BoundSql {
  const weights = marketWeights(q);
  const lost = boundInList('participant', q.removedCountries);
  const remaining = `select market, participant, weight from disruption_weights
    where not ${lost.sql} and market in (select market from disruption_page)`;
  const sql = `
    with disruption_weights as (${weights.sql}),
    disruption_markets as (
      select market, sum(weight)::float8 as imports, coalesce(sum(weight) filter (where ${lost.sql}), 0)::float8 as supply_lost
      from disruption_weights group by market having sum(weight) > 0 and sum(weight) >= ?
    ),
    disruption_ranked as (
      select market, split_part(market, ':', 1) as importer_code, split_part(market, ':', 2) as product_code,
             imports, supply_lost, supply_lost / imports as lost_share,
             (row_number() over (order by supply_lost / imports desc, supply_lost desc,
                                 split_part(market, ':', 1) collate "C", split_part(market, ':', 2) collate "C"))::int as rank
      from disruption_markets where supply_lost > 0 or ?
    ),
    disruption_page as (select * from disruption_ranked where rank <= ?)
    select t.total_count, p.rank, p.importer_code, p.product_code, p.imports, p.supply_lost, p.lost_share, m.*
    from (select count(*)::int as total_count from disruption_ranked) t
    left join disruption_page p on true
    left join (${concentrationSql(remaining, { k: q.k, top: q.top })}) m on m.market = p.market
    order by p.rank`;
  return { sql, params: [...weights.params, ...lost.params, q.minValue, q.includeUnaffected, q.first, ...lost.params] };
}

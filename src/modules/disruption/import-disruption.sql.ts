import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { inList, join, sql, type Sql } from '../../database/sql';
import { toConcentration, type ConcentrationRow } from '../concentration/concentration.result';
import { concentration } from '../concentration/concentration.sql';
import { ParticipantKind, type BandGuidelines } from '../concentration/concentration.types';
import { TradeMarketKind } from '../concentration/trade-market-kind';
import type { TradeReporter } from '../concentration/trade-reporter';
import { tradeWeights } from '../concentration/trade-weights.sql';
import type { Dataset } from '../dataset/dataset.entity';
import type { ImportMarketDisruption } from './disruption.types';
import { metricsOf } from './remaining';

export interface ImportDisruptionQuery {
  /** Exporters in R (only countries affect trade). */
  removedCountries: string[];
  dataset: Dataset;
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
  guidelines: BandGuidelines;
}

/** One ranked market (importerCode null on the single row of an empty page, which still carries totalCount). */
type ImportDisruptionRow = Partial<ConcentrationRow> & {
  totalCount: number;
  rank: number;
  importerCode: string | null;
  productCode: string;
  imports: number;
  supplyLost: number;
  supplyLostShare: number;
};

/** The weights of every market asked: countries each their own importer, each group one importer read extra-group. */
function marketWeights(q: ImportDisruptionQuery): Sql {
  const common = {
    kind: TradeMarketKind.IMPORT_SOURCES,
    datasetId: q.dataset.id,
    mixed: q.mixed,
    years: { from: q.year, to: q.year },
    product: q.product,
    level: q.level,
    marketBy: 'REPORTER_PRODUCT' as const,
  };
  if (q.importers === null) return tradeWeights({ ...common, reporters: null, extraGroup: false });
  const countries = q.importers.filter((r) => !r.group).map((r) => r.code);
  const branches = [
    ...(countries.length ? [tradeWeights({ ...common, reporters: [...new Set(countries)], extraGroup: false })] : []),
    ...q.importers
      .filter((r) => r.group)
      .map((g) => tradeWeights({ ...common, reporters: g.members, extraGroup: true, reporterLabel: g.code })),
  ];
  return join(branches, ' union all ');
}

/**
 * Every import market's exposure to R in one statement: imports before and from R per (importer, product)
 * market of tradeWeights, the ranking, and the concentration of what remains (concentration over the
 * exporters outside R, renormalised; no substitution) for the markets of the page only.
 */
export function importDisruptionSql(q: ImportDisruptionQuery): Sql {
  const lost = inList(sql`participant`, q.removedCountries);
  const remaining = sql`select market, participant, weight from disruption_weights
    where not ${lost} and market in (select market from disruption_page)`;
  return sql`
    with disruption_weights as (${marketWeights(q)}),
    disruption_markets as (
      select market, sum(weight)::float8 as imports, coalesce(sum(weight) filter (where ${lost}), 0)::float8 as supply_lost
      from disruption_weights group by market having sum(weight) > 0 and sum(weight) >= ${q.minValue}
    ),
    disruption_ranked as (
      select market, split_part(market, ':', 1) as importer_code, split_part(market, ':', 2) as product_code,
             imports, supply_lost, supply_lost / imports as lost_share,
             (row_number() over (order by supply_lost / imports desc, supply_lost desc,
                                 split_part(market, ':', 1) collate "C", split_part(market, ':', 2) collate "C"))::int as rank
      from disruption_markets where supply_lost > 0 or ${q.includeUnaffected}
    ),
    disruption_page as (select * from disruption_ranked where rank <= ${q.first})
    select t.total_count as "totalCount", p.rank, p.importer_code as "importerCode", p.product_code as "productCode", p.imports,
           p.supply_lost as "supplyLost", p.lost_share as "supplyLostShare", m.*
    from (select count(*)::int as total_count from disruption_ranked) t
    left join disruption_page p on true
    left join (${concentration(remaining, { k: q.k, top: q.top })}) m on m.market = p.market
    order by p.rank`;
}

/** Import markets ranked by their exposure to R, the first `first` with the concentration of what remains of each. */
export async function importDisruptions(
  em: EntityManager,
  q: ImportDisruptionQuery,
): Promise<{ totalCount: number; nodes: ImportMarketDisruption[] }> {
  const rows = await queryRows<ImportDisruptionRow>(em, importDisruptionSql(q), { replan: true });
  const groups = new Set(q.importers?.filter((r) => r.group).map((r) => r.code));
  return {
    totalCount: rows[0]?.totalCount ?? 0,
    nodes: rows
      .filter((r): r is ImportDisruptionRow & { importerCode: string } => r.importerCode !== null)
      .map(({ totalCount: _count, rank, importerCode, productCode, imports, supplyLost, supplyLostShare, ...metrics }) => ({
        rank,
        importerCode,
        importerIsGroup: groups.has(importerCode),
        productCode,
        imports,
        supplyLost,
        supplyLostShare,
        remaining: toConcentration(metricsOf(metrics), q.dataset, q.guidelines, q.k, ParticipantKind.COUNTRY),
      })),
  };
}

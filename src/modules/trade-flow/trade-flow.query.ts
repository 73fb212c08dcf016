import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { checkYear, checkYearRange } from '../../graphql/years';
import { requireCountries } from '../country/country-code';
import { Country } from '../country/country.entity';
import { requireGroupMembers } from '../country-group/country-group.lookup';
import { requireRegionName } from '../country/region';
import { resolveTradeDataset } from '../dataset/trade-dataset';
import { parseHsCode } from '../product/hs-code';
import { hsPrefixSql } from './hs-rollup.sql';
import { TradeFlow } from './trade-flow.entity';
import type { TradeFlowFilter } from './trade-flow.input';

type Side = 'exporter' | 'importer';

/**
 * Country ids one side of a flow may take under the filter (lists, regions, sub-regions and groups,
 * intersected), or undefined when that side is unrestricted. Every argument is validated.
 */
export async function sideCountries(em: EntityManager, filter: Partial<TradeFlowFilter>, side: Side): Promise<string[] | undefined> {
  const sets: string[][] = [];
  const list = side === 'exporter' ? filter.exporters : filter.importers;
  if (list?.length) sets.push(await requireCountries(em, list, `filter.${side}s`));
  const region = side === 'exporter' ? filter.exporterRegion : filter.importerRegion;
  if (region) {
    const name = await requireRegionName(em, 'region', region, `filter.${side}Region`);
    sets.push((await em.find(Country, { region: name }, { fields: ['id'] })).map((c) => c.id));
  }
  const subRegion = side === 'exporter' ? filter.exporterSubRegion : filter.importerSubRegion;
  if (subRegion) {
    const name = await requireRegionName(em, 'sub_region', subRegion, `filter.${side}SubRegion`);
    sets.push((await em.find(Country, { subRegion: name }, { fields: ['id'] })).map((c) => c.id));
  }
  const group = side === 'exporter' ? filter.exporterGroup : filter.importerGroup;
  if (group) sets.push(await requireGroupMembers(em, group, `filter.${side}Group`));
  if (sets.length === 0) return undefined;
  return sets.reduce((acc, next) => acc.filter((id) => next.includes(id)));
}

/**
 * Builds the trade-flow query for a filter, validating every argument first.
 * Wrapped in an object because a MikroORM QueryBuilder is thenable: awaiting it directly would run it.
 */
export async function tradeFlowQuery(em: EntityManager, filter: TradeFlowFilter | null): Promise<{ qb: QueryBuilder<TradeFlow> }> {
  const qb = em.createQueryBuilder(TradeFlow, 'tf');
  if (!filter) return { qb };
  // The same check as every trade figure's: the dataset exists and holds flows (a named disclosure is an error, not an empty page).
  if (filter.dataset) qb.andWhere({ dataset: (await resolveTradeDataset(em, filter.dataset, 'filter.dataset')).id });
  checkYear(filter.year, 'filter.year');
  checkYearRange(filter.yearFrom, filter.yearTo, 'filter.yearFrom', 'filter.yearTo');
  if (filter.year != null) qb.andWhere({ year: filter.year });
  if (filter.yearFrom != null) qb.andWhere({ year: { $gte: filter.yearFrom } });
  if (filter.yearTo != null) qb.andWhere({ year: { $lte: filter.yearTo } });
  for (const side of ['exporter', 'importer'] as const) {
    const ids = await sideCountries(em, filter, side);
    if (ids !== undefined) qb.andWhere({ [side]: { $in: ids } });
  }
  if (filter.hsPrefix) {
    const prefix = hsPrefixSql('tf.product_code', parseHsCode(filter.hsPrefix, 'filter.hsPrefix'));
    qb.andWhere(prefix.sql, prefix.params);
  }
  if (filter.minValueUsd != null) {
    if (!Number.isFinite(filter.minValueUsd) || filter.minValueUsd < 0) {
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `filter.minValueUsd must be 0 or more (got ${filter.minValueUsd}).`, { argument: 'filter.minValueUsd' });
    }
    qb.andWhere({ valueUsd: { $gte: filter.minValueUsd } });
  }
  return { qb };
}

import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import type { CatalogSnapshot } from '../../catalog/catalog';
import { andWhereSql } from '../../database/raw';
import { join, sql, type Sql } from '../../database/sql';
import { AppError, ErrorCode } from '../../errors/app-error';
import { checkYear, checkYearRange } from '../../graphql/years';
import { requireCountries } from '../country/country-code';
import { requireGroup } from '../country-group/country-group.lookup';
import { memberOfAll, type Membership } from '../country-group/membership.sql';
import { requireRegionName } from '../country/region';
import { resolveTradeDatasetIn } from '../dataset/trade-dataset';
import { parseHsCode } from '../product/hs-code';
import { hsPrefix } from './hs-rollup.sql';
import { TradeFlow } from './trade-flow.entity';
import type { TradeFlowFilter } from './trade-flow.input';

/**
 * A filter of trade flows: tradeFlows' own, or any part of it (the aggregate's filter has no dataset, single
 * year, regions or minimum value).
 */
export type FlowFilter = Partial<TradeFlowFilter>;

/** The arguments that restrict each side of a flow, and the side's column on trade_flow `f`. */
const SIDES = {
  exporter: {
    column: sql`f.exporter_id`,
    countries: 'exporters',
    region: 'exporterRegion',
    subRegion: 'exporterSubRegion',
    group: 'exporterGroup',
  },
  importer: {
    column: sql`f.importer_id`,
    countries: 'importers',
    region: 'importerRegion',
    subRegion: 'importerSubRegion',
    group: 'importerGroup',
  },
} as const;

/**
 * The memberships one side of a flow must have under the filter (lists, regions, sub-regions and groups,
 * all of them), each validated: the countries, regions and groups named must exist. Empty when the side is
 * unrestricted.
 */
function sideMemberships(catalog: CatalogSnapshot, filter: FlowFilter, side: keyof typeof SIDES): Membership[] {
  const names = SIDES[side];
  const memberships: Membership[] = [];
  const countries = filter[names.countries];
  if (countries?.length) memberships.push({ kind: 'countries', ids: requireCountries(catalog, countries, `filter.${side}s`) });
  const region = filter[names.region];
  if (region)
    memberships.push({ kind: 'region', level: 'region', name: requireRegionName(catalog, 'region', region, `filter.${side}Region`) });
  const subRegion = filter[names.subRegion];
  if (subRegion)
    memberships.push({
      kind: 'region',
      level: 'sub_region',
      name: requireRegionName(catalog, 'sub_region', subRegion, `filter.${side}SubRegion`),
    });
  const group = filter[names.group];
  if (group) memberships.push({ kind: 'group', code: requireGroup(catalog, group, `filter.${side}Group`) });
  return memberships;
}

/**
 * The one compiler of a trade-flow filter: its conditions on trade_flow `f`, all of which must hold (none
 * when nothing restricts), every argument validated first, in the order of the filter's fields. Group,
 * region and list membership stay sub-selects and lists of the statement (membership.sql.ts), never ids
 * fetched into Node.
 */
export function tradeFlowConditions(catalog: CatalogSnapshot, filter: FlowFilter): Sql[] {
  const conditions: Sql[] = [];
  // The same check as every trade figure's: the dataset exists and holds flows (a named disclosure is an error, not an empty page).
  if (filter.dataset) conditions.push(sql`f.dataset_id = ${resolveTradeDatasetIn(catalog, filter.dataset, 'filter.dataset').id}`);
  checkYear(filter.year, 'filter.year');
  checkYearRange(filter.yearFrom, filter.yearTo, 'filter.yearFrom', 'filter.yearTo');
  if (filter.year != null) conditions.push(sql`f.year = ${filter.year}`);
  if (filter.yearFrom != null) conditions.push(sql`f.year >= ${filter.yearFrom}`);
  if (filter.yearTo != null) conditions.push(sql`f.year <= ${filter.yearTo}`);
  for (const side of ['exporter', 'importer'] as const) {
    const memberships = sideMemberships(catalog, filter, side);
    if (memberships.length > 0) conditions.push(memberOfAll(SIDES[side].column, memberships));
  }
  if (filter.hsPrefix) conditions.push(hsPrefix(sql`f.product_code`, parseHsCode(filter.hsPrefix, 'filter.hsPrefix')));
  if (filter.minValueUsd != null) {
    if (!Number.isFinite(filter.minValueUsd) || filter.minValueUsd < 0) {
      throw new AppError(ErrorCode.INVALID_ARGUMENT, `filter.minValueUsd must be 0 or more (got ${filter.minValueUsd}).`, {
        argument: 'filter.minValueUsd',
      });
    }
    conditions.push(sql`f.value_usd >= ${filter.minValueUsd}`);
  }
  return conditions;
}

/**
 * Builds the trade-flow query for a filter (trade_flow as `f`), validating every argument first.
 * Wrapped in an object because a MikroORM QueryBuilder is thenable: awaiting it directly would run it.
 */
export function tradeFlowQuery(
  em: EntityManager,
  catalog: CatalogSnapshot,
  filter: TradeFlowFilter | null,
): { qb: QueryBuilder<TradeFlow> } {
  const qb = em.createQueryBuilder(TradeFlow, 'f');
  const conditions = filter ? tradeFlowConditions(catalog, filter) : [];
  if (conditions.length > 0) andWhereSql(qb, join(conditions, ' and '));
  return { qb };
}

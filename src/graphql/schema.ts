import { withCostDescriptions } from './cost';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ApiKeyResolver } from '../modules/access/api-key.resolver';
import { authChecker } from '../modules/access/auth-checker';
import { BrandResolver } from '../modules/brand/brand.resolver';
import { BrandConcentrationResolver } from '../modules/concentration/brand-concentration.resolver';
import { ConcentrationShareResolver } from '../modules/concentration/concentration-share.resolver';
import { CountryConcentrationResolver, ProductConcentrationResolver } from '../modules/concentration/country-concentration.resolver';
import { TradeConcentrationResolver } from '../modules/concentration/trade-concentration.resolver';
import { ImportConcentrationsResolver } from '../modules/concentration/import-concentrations.resolver';
import { StrategicDependencyResolver } from '../modules/dependency/strategic-dependency.resolver';
import { ManufacturerConcentrationResolver } from '../modules/concentration/manufacturer-concentration.resolver';
import { SingleSourceResolver } from '../modules/dependency/single-source.resolver';
import { CountryGroupResolver } from '../modules/country-group/country-group.resolver';
import { BrandDisruptionResolver, ImportMarketDisruptionResolver } from '../modules/disruption/disruption-navigation.resolver';
import { DisruptionResolver } from '../modules/disruption/disruption.resolver';
import { CountryResolver } from '../modules/country/country.resolver';
import { DatasetResolver } from '../modules/dataset/dataset.resolver';
import { FacilityResolver } from '../modules/facility/facility.resolver';
import { ManufacturerResolver } from '../modules/manufacturer/manufacturer.resolver';
import { ProductTypeResolver } from '../modules/product-type/product-type.resolver';
import { HsSectionResolver, ProductResolver } from '../modules/product/product.resolver';
import { SourcingLinkResolver } from '../modules/sourcing-link/sourcing-link.resolver';
import { TradeAggregateRowResolver } from '../modules/trade-aggregate/trade-aggregate-row.resolver';
import { TradeAggregateResolver } from '../modules/trade-aggregate/trade-aggregate.resolver';
import { TradeFlowResolver } from '../modules/trade-flow/trade-flow.resolver';
import { ConcentrationTrendResolver } from '../modules/trends/concentration-trend.resolver';
import { BrandDisclosureChangeResolver, DisclosureChangeResolver } from '../modules/trends/disclosure-change.resolver';
import { ShareShiftResolver } from '../modules/trends/share-shift.resolver';
import { ComplexityResolver } from '../modules/specialisation/complexity.resolver';
import { RcaResolver } from '../modules/specialisation/rca.resolver';
// #12 unit values
import { BrandQualitySignalsResolver, QualitySignalResolver } from '../modules/unit-value/quality-signals.resolver';
import {
  ProductUnitValueResolver,
  UnitValueRankResolver,
  UnitValueSeriesResolver,
  UnitValuesResolver,
  UnitValueYearResolver,
} from '../modules/unit-value/unit-value.resolver';
import {
  CountryComplexityResolver,
  CountryProductComplexityResolver,
  ProductComplexityResolver,
  RcaRowResolver,
} from '../modules/specialisation/specialisation-rows.resolver';
// Country indicators (#12, part "indicators").
import { IndicatorsResolver } from '../modules/indicators/indicators.resolver';
import { CountryProfileResolver } from '../modules/indicators/profile.resolver';
import { CountryTradeCountsResolver } from '../modules/indicators/country-counts.resolver';
// #12 rival overlap
import { BrandOverlapResolver } from '../modules/overlap/brand-overlap.resolver';
import { OverlapNetworkResolver } from '../modules/overlap/overlap-network.resolver';
import { RivalOverlapResolver } from '../modules/overlap/rival-overlap.resolver';
// #12 upstream exposure
import { BrandUpstreamResolver, UpstreamExposureResolver, UpstreamOriginResolver } from '../modules/upstream/upstream-exposure.resolver';
import { BrandUpstreamLossResolver } from '../modules/upstream/upstream-loss.resolver';

export const resolvers = [
  CountryResolver,
  CountryGroupResolver,
  ProductResolver,
  HsSectionResolver,
  ProductTypeResolver,
  DatasetResolver,
  TradeFlowResolver,
  TradeAggregateResolver,
  TradeAggregateRowResolver,
  TradeConcentrationResolver,
  ImportConcentrationsResolver,
  BrandConcentrationResolver,
  CountryConcentrationResolver,
  ProductConcentrationResolver,
  ConcentrationShareResolver,
  DisruptionResolver,
  BrandDisruptionResolver,
  ImportMarketDisruptionResolver,
  ManufacturerConcentrationResolver,
  StrategicDependencyResolver,
  SingleSourceResolver,
  BrandResolver,
  ManufacturerResolver,
  FacilityResolver,
  SourcingLinkResolver,
  ConcentrationTrendResolver,
  BrandDisclosureChangeResolver,
  DisclosureChangeResolver,
  ShareShiftResolver,
  RcaResolver,
  RcaRowResolver,
  ComplexityResolver,
  CountryComplexityResolver,
  ProductComplexityResolver,
  CountryProductComplexityResolver,
  ApiKeyResolver,
  // Country indicators (#12, part "indicators").
  IndicatorsResolver,
  CountryProfileResolver,
  CountryTradeCountsResolver,
  // #12 unit values
  UnitValuesResolver,
  ProductUnitValueResolver,
  UnitValueYearResolver,
  UnitValueSeriesResolver,
  UnitValueRankResolver,
  BrandQualitySignalsResolver,
  QualitySignalResolver,
  // #12 rival overlap
  BrandOverlapResolver,
  RivalOverlapResolver,
  OverlapNetworkResolver,
  // #12 upstream exposure
  BrandUpstreamResolver,
  UpstreamExposureResolver,
  UpstreamOriginResolver,
  BrandUpstreamLossResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the GraphQL schema from the decorated classes (once per process). */
export function createSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [...resolvers],
    validate: false,
    // @Authorized('analyst') on writes; the checker throws UNAUTHENTICATED / FORBIDDEN itself.
    authChecker,
    authMode: 'error',
  }).then((built) => {
    // Each priced field's description ends with its cost (from the one cost table), for the analyst.
    const schema = withCostDescriptions(built);
    schema.getQueryType()!.description =
      'tradegraph: countries, HS products, brands, manufacturers, facilities, sourcing links and bilateral trade flows in one graph. Lists are Relay connections (first/after, totalCount, pageInfo); errors carry a stable extensions.code. Every operation is priced before it runs (extensions.cost; over MAX_QUERY_COST it is refused with QUERY_TOO_COMPLEX): see the "Cost:" sentence of each priced field.';
    const mutation = schema.getMutationType();
    if (mutation) {
      mutation.description =
        'Writes. Each needs an API key ("Authorization: Bearer <key>") whose role is at least the one its description names; otherwise UNAUTHENTICATED (no key) or FORBIDDEN (a key of a lower role).';
    }
    return schema;
  });
  return cached;
}

/** The schema as SDL, sorted so that the committed `schema/schema.graphql` diffs cleanly. */
export async function printSdl(): Promise<string> {
  const header = '# Generated from the code by `npm run schema`. Do not edit: a test fails when this file is stale.\n\n';
  return header + printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}

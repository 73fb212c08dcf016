import { GraphQLLocalDate } from 'graphql-scalars';
import { recordDatasetsOf } from '../dataset/datasets-used';
import { linkDatasetIds } from '../sourcing-link/sourcing-link.resolver';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { parseNumericId } from '../../graphql/ids';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { paginate } from '../../graphql/paginate';
import { Connection, PageArgs } from '../../graphql/pagination';
import { Brand } from '../brand/brand.entity';
import { Country } from '../country/country.entity';
import { Manufacturer } from '../manufacturer/manufacturer.entity';
import { ProductType } from '../product-type/product-type.entity';
import { SourcingLink } from '../sourcing-link/sourcing-link.entity';
import { capacityWeight } from './capacity';
import { Facility } from './facility.entity';
import { FacilityFilter } from './facility.input';
import { facilityQuery } from './facility.query';

@ObjectType({ description: 'A page of facilities, ordered by id.' })
export class FacilityConnection extends Connection(Facility, 'Facility') {}

@Resolver(() => Facility)
export class FacilityResolver {
  @Query(() => Facility, { nullable: true, description: 'One facility by id; null when no such facility.' })
  facility(@Arg('id', () => ID, { description: 'Facility id.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.facility.load(parseNumericId(id, 'id', 'facility'));
  }

  @Query(() => FacilityConnection, { description: 'Production facilities, filtered, in id order.' })
  async facilities(
    @Arg('filter', () => FacilityFilter, { nullable: true, description: 'Optional filters.' }) filter: FacilityFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const { qb } = await facilityQuery(ctx.em, ctx.catalog, filter);
    return paginate<Facility>(qb, page, { keyProperty: 'id', keyKind: 'number', keyOf: (f) => f.id, maxPageSize: ctx.config.maxPageSize });
  }

  @FieldResolver(() => Country, { description: 'Country the facility is in.' })
  country(@Root() facility: Facility, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(facility.country.unwrap().id);
  }

  @FieldResolver(() => Manufacturer, { nullable: true, description: 'Owner (supplier group), when known.' })
  manufacturer(@Root() facility: Facility, @Ctx() ctx: GraphQLContext) {
    return facility.manufacturer ? ctx.loaders.manufacturer.load(facility.manufacturer.unwrap().id) : null;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Exact workforce when disclosed as a number; null when only a range (see workersMin/Max) or nothing is known.',
  })
  workers(@Root() facility: Facility) {
    return facility.workersMin != null && facility.workersMin === facility.workersMax ? facility.workersMin : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Capacity weight used by sourcing metrics: exact workers, or the midpoint of the workers range; null when unknown (never guessed as 0 or 1).',
  })
  capacityWeight(@Root() facility: Facility) {
    return capacityWeight(facility.workersMin, facility.workersMax);
  }

  @FieldResolver(() => [Brand], { description: 'Brands that disclosed this facility at `disclosedAt`, or at any date when omitted.' })
  brands(
    @Root() facility: Facility,
    @Arg('disclosedAt', () => GraphQLLocalDate, {
      nullable: true,
      description: 'Only brands whose disclosure of this date lists the facility.',
    })
    disclosedAt: string | null,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.facilityBrands, 'by id') }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.facilityBrands
      .with({ disclosedAt: disclosedAt ?? null, limit: boundedFirst(first, LIST_BOUNDS.facilityBrands) })
      .load(facility.id);
  }

  @FieldResolver(() => [SourcingLink], {
    description: 'Sourcing links to this facility at `disclosedAt`, or at every date; by date, then id.',
  })
  async sourcingLinks(
    @Root() facility: Facility,
    @Arg('disclosedAt', () => GraphQLLocalDate, { nullable: true, description: 'Only links of this disclosure date.' })
    disclosedAt: string | null,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.sourcingLinks, 'by date, then id') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const links = await ctx.loaders.linksOfFacility
      .with({ disclosedAt: disclosedAt ?? null, limit: boundedFirst(first, LIST_BOUNDS.sourcingLinks) })
      .load(facility.id);
    await recordDatasetsOf(ctx, linkDatasetIds(links));
    return links;
  }

  @FieldResolver(() => [ProductType], { description: 'Product types brands disclosed this facility for, over all dates.' })
  productTypes(
    @Root() facility: Facility,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.facilityProductTypes, 'by code') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.facilityProductTypes.with({ limit: boundedFirst(first, LIST_BOUNDS.facilityProductTypes) }).load(facility.id);
  }
}

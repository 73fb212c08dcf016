import { Arg, Args, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { andWhereSql } from '../../database/raw';
import { sql } from '../../database/sql';
import type { GraphQLContext } from '../../graphql/context';
import { containsPattern } from '../../graphql/like';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription, NESTED_FIRST_DESCRIPTION, nestedLimit } from '../../graphql/nested';
import { paginate } from '../../graphql/paginate';
import { Connection, PageArgs } from '../../graphql/pagination';
import { Brand } from '../brand/brand.entity';
import { CountryGroup } from '../country-group/country-group.entity';
import { requireGroup } from '../country-group/country-group.lookup';
import { memberOfAll } from '../country-group/membership.sql';
import { Facility } from '../facility/facility.entity';
import { parseCountryCode } from './country-code';
import { Country } from './country.entity';
import { CountryFilter } from './country.input';
import { requireRegionName } from './region';

@ObjectType({ description: 'A page of countries, ordered by alpha-3 id.' })
export class CountryConnection extends Connection(Country, 'Country') {}

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, {
    nullable: true,
    description: 'One country by ISO 3166-1 alpha-3 code (case-insensitive); null when no such country.',
  })
  country(@Arg('id', () => String, { description: 'ISO 3166-1 alpha-3 code, e.g. "VNM".' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(parseCountryCode(id, 'id'));
  }

  @Query(() => CountryConnection, { description: 'Countries and territories (ISO 3166-1), filtered, in alpha-3 order.' })
  async countries(
    @Arg('filter', () => CountryFilter, { nullable: true, description: 'Optional filters.' }) filter: CountryFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const qb = ctx.em.createQueryBuilder(Country, 'c');
    if (filter?.search) {
      const term = filter.search.trim();
      qb.andWhere({ $or: [{ name: { $ilike: containsPattern(term) } }, { id: term.toUpperCase() }, { alpha2: term.toUpperCase() }] });
    }
    if (filter?.region) qb.andWhere({ region: requireRegionName(await ctx.catalog.snapshot(), 'region', filter.region, 'filter.region') });
    if (filter?.subRegion)
      qb.andWhere({ subRegion: requireRegionName(await ctx.catalog.snapshot(), 'sub_region', filter.subRegion, 'filter.subRegion') });
    if (filter?.group)
      andWhereSql(
        qb,
        memberOfAll(sql`c.id`, [{ kind: 'group', code: requireGroup(await ctx.catalog.snapshot(), filter.group, 'filter.group') }]),
      );
    return paginate(qb, page, { keyProperty: 'id', keyKind: 'string', keyOf: (c) => c.id, maxPageSize: ctx.config.maxPageSize });
  }

  @FieldResolver(() => [CountryGroup], { description: 'Groups this country belongs to (EU27, G7…).' })
  groups(
    @Root() country: Country,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.groupsOfCountry, 'by code') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.groupsOfCountry.with({ limit: boundedFirst(first, LIST_BOUNDS.groupsOfCountry) }).load(country.id);
  }

  @FieldResolver(() => [Facility], { description: 'Production facilities located in this country.' })
  facilities(
    @Root() country: Country,
    @Arg('first', () => Int, { nullable: true, description: NESTED_FIRST_DESCRIPTION }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.facilitiesByCountry.with({ limit: nestedLimit(first) }).load(country.id);
  }

  @FieldResolver(() => [Brand], { description: 'Brands headquartered in this country.' })
  brandsHeadquartered(
    @Root() country: Country,
    @Arg('first', () => Int, { nullable: true, description: NESTED_FIRST_DESCRIPTION }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.brandsByHqCountry.with({ limit: nestedLimit(first) }).load(country.id);
  }
}

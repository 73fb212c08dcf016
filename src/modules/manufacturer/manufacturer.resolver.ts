import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { andWhereSql } from '../../database/raw';
import { sql } from '../../database/sql';
import type { GraphQLContext } from '../../graphql/context';
import { parseNumericId } from '../../graphql/ids';
import { containsPattern } from '../../graphql/like';
import { NESTED_FIRST_DESCRIPTION, nestedLimit } from '../../graphql/nested';
import { paginate } from '../../graphql/paginate';
import { Connection, PageArgs } from '../../graphql/pagination';
import { requireCountry } from '../country/country-code';
import { Country } from '../country/country.entity';
import { Facility } from '../facility/facility.entity';
import { Manufacturer } from './manufacturer.entity';

@ObjectType({ description: 'A page of manufacturers, ordered by id.' })
export class ManufacturerConnection extends Connection(Manufacturer, 'Manufacturer') {}

@InputType({ description: 'Filters for manufacturers; all given filters must hold.' })
export class ManufacturerFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Headquarters country (ISO alpha-3).' })
  hqCountry?: string | null;

  @Field(() => String, { nullable: true, description: 'Owning at least one facility in this country (ISO alpha-3).' })
  facilityCountry?: string | null;
}

@Resolver(() => Manufacturer)
export class ManufacturerResolver {
  @Query(() => Manufacturer, { nullable: true, description: 'One manufacturer by id; null when no such manufacturer.' })
  manufacturer(@Arg('id', () => ID, { description: 'Manufacturer id.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.manufacturer.load(parseNumericId(id, 'id', 'manufacturer'));
  }

  @Query(() => ManufacturerConnection, { description: 'Manufacturers (supplier groups), filtered, in id order.' })
  async manufacturers(
    @Arg('filter', () => ManufacturerFilter, { nullable: true, description: 'Optional filters.' }) filter: ManufacturerFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const qb = ctx.em.createQueryBuilder(Manufacturer, 'm');
    if (filter?.search) qb.andWhere({ name: { $ilike: containsPattern(filter.search) } });
    if (filter?.hqCountry) qb.andWhere({ hqCountry: requireCountry(await ctx.catalog.snapshot(), filter.hqCountry, 'filter.hqCountry') });
    if (filter?.facilityCountry) {
      const country = requireCountry(await ctx.catalog.snapshot(), filter.facilityCountry, 'filter.facilityCountry');
      andWhereSql(qb, sql`exists (select 1 from facility f where f.manufacturer_id = m.id and f.country_id = ${country})`);
    }
    return paginate(qb, page, { keyProperty: 'id', keyKind: 'number', keyOf: (m) => m.id, maxPageSize: ctx.config.maxPageSize });
  }

  @FieldResolver(() => Country, { nullable: true, description: 'Country of the headquarters, when known.' })
  hqCountry(@Root() manufacturer: Manufacturer, @Ctx() ctx: GraphQLContext) {
    return manufacturer.hqCountry ? ctx.loaders.country.load(manufacturer.hqCountry.unwrap().id) : null;
  }

  @FieldResolver(() => [Facility], { description: 'Facilities this manufacturer owns, in id order.' })
  facilities(
    @Root() manufacturer: Manufacturer,
    @Arg('first', () => Int, { nullable: true, description: NESTED_FIRST_DESCRIPTION }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.manufacturerFacilities.with({ limit: nestedLimit(first) }).load(manufacturer.id);
  }
}

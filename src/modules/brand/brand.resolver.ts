import { GraphQLLocalDate } from 'graphql-scalars';
import { recordDatasetsOf } from '../dataset/datasets-used';
import { linkDatasetIds } from '../sourcing-link/sourcing-link.resolver';
import { Arg, Args, Ctx, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { parseNumericId } from '../../graphql/ids';
import { containsPattern } from '../../graphql/like';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription, NESTED_FIRST_DESCRIPTION, nestedLimit } from '../../graphql/nested';
import { paginate } from '../../graphql/paginate';
import { Connection, PageArgs } from '../../graphql/pagination';
import { requireCountry } from '../country/country-code';
import { Country } from '../country/country.entity';
import { Facility } from '../facility/facility.entity';
import { SourcingLink } from '../sourcing-link/sourcing-link.entity';
import { Brand } from './brand.entity';
import { BrandFilter } from './brand.input';

@ObjectType({ description: 'A page of brands, ordered by id.' })
export class BrandConnection extends Connection(Brand, 'Brand') {}

@Resolver(() => Brand)
export class BrandResolver {
  @Query(() => Brand, { nullable: true, description: 'One brand by id; null when no such brand.' })
  brand(@Arg('id', () => ID, { description: 'Brand id.' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.brand.load(parseNumericId(id, 'id', 'brand'));
  }

  @Query(() => BrandConnection, { description: 'Brands, filtered, in id order.' })
  async brands(
    @Arg('filter', () => BrandFilter, { nullable: true, description: 'Optional filters.' }) filter: BrandFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const qb = ctx.em.createQueryBuilder(Brand, 'b');
    if (filter?.search) {
      const like = containsPattern(filter.search);
      qb.andWhere({ $or: [{ name: { $ilike: like } }, { parentCompany: { $ilike: like } }] });
    }
    if (filter?.hqCountry) qb.andWhere({ hqCountry: requireCountry(await ctx.catalog.snapshot(), filter.hqCountry, 'filter.hqCountry') });
    return paginate(qb, page, { keyProperty: 'id', keyKind: 'number', keyOf: (b) => b.id, maxPageSize: ctx.config.maxPageSize });
  }

  @FieldResolver(() => Country, { nullable: true, description: 'Country of the headquarters, when known.' })
  hqCountry(@Root() brand: Brand, @Ctx() ctx: GraphQLContext) {
    return brand.hqCountry ? ctx.loaders.country.load(brand.hqCountry.unwrap().id) : null;
  }

  @FieldResolver(() => [GraphQLLocalDate], { description: 'Dates of the disclosures loaded for this brand, oldest first.' })
  disclosureDates(@Root() brand: Brand, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.brandDisclosureDates.load(brand.id);
  }

  @FieldResolver(() => [Facility], {
    description: "Facilities in the brand's disclosure of `disclosedAt` (default: its latest disclosure), in id order.",
  })
  facilities(
    @Root() brand: Brand,
    @Arg('disclosedAt', () => GraphQLLocalDate, { nullable: true, description: 'Disclosure date; default the latest one of this brand.' })
    disclosedAt: string | null,
    @Arg('first', () => Int, { nullable: true, description: NESTED_FIRST_DESCRIPTION }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.brandFacilities.with({ disclosedAt: disclosedAt ?? null, limit: nestedLimit(first) }).load(brand.id);
  }

  @FieldResolver(() => [SourcingLink], {
    description: "The brand's sourcing links at `disclosedAt`, or at every date when omitted; by date, then id.",
  })
  async sourcingLinks(
    @Root() brand: Brand,
    @Arg('disclosedAt', () => GraphQLLocalDate, { nullable: true, description: 'Only links of this disclosure date.' })
    disclosedAt: string | null,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.sourcingLinks, 'by date, then id') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const links = await ctx.loaders.linksOfBrand
      .with({ disclosedAt: disclosedAt ?? null, limit: boundedFirst(first, LIST_BOUNDS.sourcingLinks) })
      .load(brand.id);
    await recordDatasetsOf(ctx, linkDatasetIds(links));
    return links;
  }
}

import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { andWhereSql } from '../../database/raw';
import { sql } from '../../database/sql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { parseNumericId } from '../../graphql/ids';
import { paginate } from '../../graphql/paginate';
import { Connection, PageArgs } from '../../graphql/pagination';
import { Brand } from '../brand/brand.entity';
import { requireCountry } from '../country/country-code';
import { Dataset } from '../dataset/dataset.entity';
import { Facility } from '../facility/facility.entity';
import { ProductType } from '../product-type/product-type.entity';
import { recordDatasetsOf } from '../dataset/datasets-used';
import { SourcingLink } from './sourcing-link.entity';
import { requireProductType } from '../product-type/product-type.lookup';

@ObjectType({ description: 'A page of sourcing links, ordered by id.' })
export class SourcingLinkConnection extends Connection(SourcingLink, 'SourcingLink') {}

@InputType({ description: 'Filters for sourcing links; all given filters must hold.' })
export class SourcingLinkFilter {
  @Field(() => ID, { nullable: true, description: 'Links of this brand.' })
  brand?: string | null;

  @Field(() => ID, { nullable: true, description: 'Links to this facility.' })
  facility?: string | null;

  @Field(() => String, { nullable: true, description: 'Links for this product type, e.g. "APPAREL".' })
  productType?: string | null;

  @Field(() => String, { nullable: true, description: 'Links to facilities in this country (ISO alpha-3).' })
  facilityCountry?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Disclosed on or after this date.' })
  disclosedFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Disclosed on or before this date.' })
  disclosedTo?: string | null;
}

@Resolver(() => SourcingLink)
export class SourcingLinkResolver {
  @Query(() => SourcingLinkConnection, { description: 'Brand ↔ facility sourcing links, filtered, in id order.' })
  async sourcingLinks(
    @Arg('filter', () => SourcingLinkFilter, { nullable: true, description: 'Optional filters.' }) filter: SourcingLinkFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const qb = ctx.em.createQueryBuilder(SourcingLink, 'sl');
    if (filter?.brand) qb.andWhere({ brand: parseNumericId(filter.brand, 'filter.brand', 'brand') });
    if (filter?.facility) qb.andWhere({ facility: parseNumericId(filter.facility, 'filter.facility', 'facility') });
    if (filter?.productType) qb.andWhere({ productType: await requireProductType(ctx.em, filter.productType, 'filter.productType') });
    if (filter?.facilityCountry) {
      const country = requireCountry(await ctx.catalog.snapshot(), filter.facilityCountry, 'filter.facilityCountry');
      andWhereSql(qb, sql`exists (select 1 from facility f where f.id = sl.facility_id and f.country_id = ${country})`);
    }
    if (filter?.disclosedFrom && filter?.disclosedTo && filter.disclosedFrom > filter.disclosedTo) {
      throw new AppError(
        ErrorCode.INVALID_ARGUMENT,
        `filter.disclosedFrom (${filter.disclosedFrom}) is after filter.disclosedTo (${filter.disclosedTo}).`,
        {
          argument: 'filter.disclosedFrom',
        },
      );
    }
    if (filter?.disclosedFrom) qb.andWhere({ disclosedAt: { $gte: filter.disclosedFrom } });
    if (filter?.disclosedTo) qb.andWhere({ disclosedAt: { $lte: filter.disclosedTo } });
    const links = await paginate(qb, page, {
      keyProperty: 'id',
      keyKind: 'number',
      keyOf: (l) => l.id,
      maxPageSize: ctx.config.maxPageSize,
    });
    await recordDatasetsOf(ctx, linkDatasetIds(links.nodes));
    return links;
  }

  @FieldResolver(() => Brand, { description: 'The disclosing brand.' })
  brand(@Root() link: SourcingLink, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.brand.load(link.brand.unwrap().id);
  }

  @FieldResolver(() => Facility, { description: 'The disclosed facility.' })
  facility(@Root() link: SourcingLink, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.facility.load(link.facility.unwrap().id);
  }

  @FieldResolver(() => ProductType, { description: 'Product type the facility makes for the brand (OTHER when not stated).' })
  productType(@Root() link: SourcingLink, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.productType.load(link.productType.unwrap().id);
  }

  @FieldResolver(() => Dataset, { nullable: true, description: 'The disclosure dataset this link was loaded from.' })
  dataset(@Root() link: SourcingLink, @Ctx() ctx: GraphQLContext) {
    return link.dataset ? ctx.loaders.dataset.load(link.dataset.unwrap().id) : null;
  }
}

/** The disclosure dataset of each link (an export's provenance). */
export function linkDatasetIds(links: readonly SourcingLink[]): Array<number | undefined> {
  return links.map((link) => link.dataset?.unwrap().id);
}

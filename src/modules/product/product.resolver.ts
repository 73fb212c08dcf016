import { Arg, Args, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { likeEscape } from '../../graphql/like';
import { paginate } from '../../graphql/paginate';
import { Connection, PageArgs } from '../../graphql/pagination';
import { ProductType } from '../product-type/product-type.entity';
import { HsSection } from './hs-section.entity';
import { checkHsLevel, parseHsCode } from './hs-code';
import { Product } from './product.entity';
import { ProductFilter } from './product.input';

@ObjectType({ description: 'A page of HS products, ordered by code.' })
export class ProductConnection extends Connection(Product, 'Product') {}

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, {
    nullable: true,
    description: 'One HS product by code ("61", "6109", "610910"); null when the code is not loaded.',
  })
  product(
    @Arg('code', () => String, { description: 'HS code, 2/4/6 digits with leading zeros.' }) code: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.product.load(parseHsCode(code, 'code'));
  }

  @Query(() => ProductConnection, { description: 'HS chapters, headings and subheadings, filtered, in code order.' })
  products(
    @Arg('filter', () => ProductFilter, { nullable: true, description: 'Optional filters.' }) filter: ProductFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ) {
    const qb = ctx.em.createQueryBuilder(Product, 'p');
    if (filter?.level != null) {
      qb.andWhere({ level: checkHsLevel(filter.level, 'filter.level') });
    }
    if (filter?.codePrefix) qb.andWhere({ code: { $like: `${parseHsCode(filter.codePrefix, 'filter.codePrefix')}%` } });
    if (filter?.parent) qb.andWhere({ parent: parseHsCode(filter.parent, 'filter.parent') });
    if (filter?.section != null) {
      if (!Number.isInteger(filter.section) || filter.section < 1 || filter.section > 21) {
        throw new AppError(ErrorCode.INVALID_ARGUMENT, `filter.section must be 1–21 (got ${filter.section}).`, {
          argument: 'filter.section',
        });
      }
      qb.andWhere({ section: filter.section });
    }
    for (const word of filter?.search?.trim().split(/\s+/).filter(Boolean) ?? []) {
      qb.andWhere({ description: { $ilike: `%${likeEscape(word)}%` } });
    }
    return paginate(qb, page, { keyProperty: 'code', keyKind: 'string', keyOf: (p) => p.code, maxPageSize: ctx.config.maxPageSize });
  }

  @Query(() => [HsSection], { description: 'The 21 sections of the Harmonized System, in order.' })
  hsSections(
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.hsSections, 'in order') }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.em.find(HsSection, {}, { orderBy: { id: 'asc' }, limit: boundedFirst(first, LIST_BOUNDS.hsSections) });
  }

  @FieldResolver(() => Product, {
    nullable: true,
    description: 'The code one level up (heading of a subheading, chapter of a heading); null for chapters.',
  })
  parent(@Root() product: Product, @Ctx() ctx: GraphQLContext) {
    return product.parent ? ctx.loaders.product.load(product.parent.unwrap().code) : null;
  }

  @FieldResolver(() => HsSection, {
    nullable: true,
    description: 'The HS section of the chapter; null for chapter 99 and codes loaded without one.',
  })
  section(@Root() product: Product, @Ctx() ctx: GraphQLContext) {
    return product.section ? ctx.loaders.hsSection.load(product.section.unwrap().id) : null;
  }

  @FieldResolver(() => [Product], { description: 'Codes one level down that are loaded, in code order.' })
  children(
    @Root() product: Product,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.productChildren, 'by code') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.productChildren.with({ limit: boundedFirst(first, LIST_BOUNDS.productChildren) }).load(product.code);
  }

  @FieldResolver(() => [ProductType], { description: 'Brand product types whose HS mapping covers this code (e.g. 6109 → APPAREL).' })
  productTypes(
    @Root() product: Product,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.productTypesOfProduct, 'by code') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.productTypesOfProduct.with({ limit: boundedFirst(first, LIST_BOUNDS.productTypesOfProduct) }).load(product.code);
  }
}

@Resolver(() => HsSection)
export class HsSectionResolver {
  @FieldResolver(() => [Product], { description: 'The chapters of this section, in code order.' })
  chapters(
    @Root() section: HsSection,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.sectionChapters, 'by code') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.sectionChapters.with({ limit: boundedFirst(first, LIST_BOUNDS.sectionChapters) }).load(section.id);
  }
}

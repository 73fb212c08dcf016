import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { boundedFirst, firstDescription } from '../../graphql/nested';
import type { GraphQLContext } from '../../graphql/context';
import { Product } from '../product/product.entity';
import { ProductType } from './product-type.entity';

@Resolver(() => ProductType)
export class ProductTypeResolver {
  @Query(() => [ProductType], { description: 'Every brand product type with its HS mapping, in code order.' })
  productTypes(
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.productTypes, 'by code') }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.em.find(ProductType, {}, { orderBy: { id: 'asc' }, limit: boundedFirst(first, LIST_BOUNDS.productTypes) });
  }

  @Query(() => ProductType, { nullable: true, description: 'One product type by code (case-insensitive); null when unknown.' })
  productType(@Arg('id', () => String, { description: 'Product type code, e.g. "FOOTWEAR".' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.productType.load(id.trim().toUpperCase());
  }

  @FieldResolver(() => [Product], { description: 'HS codes this type maps to; a flow of any code under them counts as this type.' })
  hsProducts(
    @Root() type: ProductType,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.hsProductsOfType, 'by code') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.hsProductsOfType.with({ limit: boundedFirst(first, LIST_BOUNDS.hsProductsOfType) }).load(type.id);
  }

  @FieldResolver(() => [Product], {
    description:
      "HS codes of the type's main inputs, which its makers import (leather, rubber, yarn, fabric…): what Brand.upstreamExposure reads ([input mapping](/docs/metrics#input-mapping)). Chapters or headings, rolled up by prefix like every product; set by the reference seed (seeds/data/product-types.ts).",
  })
  inputs(
    @Root() type: ProductType,
    @Arg('first', () => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.inputsOfType, 'by code') })
    first: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.loaders.inputsOfType.with({ limit: boundedFirst(first, LIST_BOUNDS.inputsOfType) }).load(type.id);
  }
}

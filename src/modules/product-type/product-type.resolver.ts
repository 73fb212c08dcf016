import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Product } from '../product/product.entity';
import { ProductType } from './product-type.entity';

@Resolver(() => ProductType)
export class ProductTypeResolver {
  @Query(() => [ProductType], { description: 'Every brand product type with its HS mapping, in code order.' })
  productTypes(@Ctx() ctx: GraphQLContext) {
    return ctx.em.find(ProductType, {}, { orderBy: { id: 'asc' } });
  }

  @Query(() => ProductType, { nullable: true, description: 'One product type by code (case-insensitive); null when unknown.' })
  productType(@Arg('id', () => String, { description: 'Product type code, e.g. "FOOTWEAR".' }) id: string, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.productType.load(id.trim().toUpperCase());
  }

  @FieldResolver(() => [Product], { description: 'HS codes this type maps to; a flow of any code under them counts as this type.' })
  hsProducts(@Root() type: ProductType, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.hsProductsOfType.load(type.id);
  }
}

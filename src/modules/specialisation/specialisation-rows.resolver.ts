import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Country } from '../country/country.entity';
import { Product } from '../product/product.entity';
import { CountryComplexity, CountryProductComplexity, ProductComplexity } from './complexity.types';
import { RcaRow } from './rca.types';

// Navigation from specialisation rows to their country and product, batched by the per-request loaders.

@Resolver(() => RcaRow)
export class RcaRowResolver {
  @FieldResolver(() => Country, { description: 'The exporting country c.' })
  country(@Root() row: RcaRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(row.countryId);
  }

  @FieldResolver(() => Product, { description: 'The product k, at the HS level asked.' })
  product(@Root() row: RcaRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.product.load(row.productCode);
  }
}

@Resolver(() => CountryComplexity)
export class CountryComplexityResolver {
  @FieldResolver(() => Country, { description: 'The country.' })
  country(@Root() row: CountryComplexity, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(row.countryId);
  }
}

@Resolver(() => ProductComplexity)
export class ProductComplexityResolver {
  @FieldResolver(() => Product, { description: 'The product, at the HS level asked.' })
  product(@Root() row: ProductComplexity, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.product.load(row.productCode);
  }
}

@Resolver(() => CountryProductComplexity)
export class CountryProductComplexityResolver {
  @FieldResolver(() => Country, { description: 'The country.' })
  country(@Root() row: CountryProductComplexity, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.country.load(row.countryId);
  }

  @FieldResolver(() => Product, { description: 'The product, at the HS level asked.' })
  product(@Root() row: CountryProductComplexity, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.product.load(row.productCode);
  }
}

import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Brand } from '../brand/brand.entity';
import { CountryGroup } from '../country-group/country-group.entity';
import { Country } from '../country/country.entity';
import { Product } from '../product/product.entity';
import { BrandDisruption, ImportMarketDisruption } from './disruption.types';

/** The brand of a ranked row, through the request's loader (one statement for the whole ranking). */
@Resolver(() => BrandDisruption)
export class BrandDisruptionResolver {
  @FieldResolver(() => Brand, { description: 'The brand.' })
  async brand(@Root() row: BrandDisruption, @Ctx() ctx: GraphQLContext): Promise<Brand> {
    return (await ctx.loaders.brand.load(row.brandId))!;
  }
}

/** The importer and product of a ranked market, through the request's loaders. */
@Resolver(() => ImportMarketDisruption)
export class ImportMarketDisruptionResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The importer when it is a country; null for a group (see importerGroup).' })
  importer(@Root() row: ImportMarketDisruption, @Ctx() ctx: GraphQLContext) {
    return row.importerIsGroup ? null : ctx.loaders.country.load(row.importerCode);
  }

  @FieldResolver(() => CountryGroup, {
    nullable: true,
    description: 'The importer when it is a country group (read extra-group); null for a country.',
  })
  importerGroup(@Root() row: ImportMarketDisruption, @Ctx() ctx: GraphQLContext) {
    return row.importerIsGroup ? ctx.loaders.countryGroup.load(row.importerCode) : null;
  }

  @FieldResolver(() => Product, { nullable: true, description: 'The product (null only if its code is not in the product table).' })
  product(@Root() row: ImportMarketDisruption, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.product.load(row.productCode);
  }
}

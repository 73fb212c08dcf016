import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Country } from '../country/country.entity';
import { Product } from '../product/product.entity';
import { TradeAggregateRow } from './trade-aggregate.types';

/** Lets an analyst navigate from an aggregate row to its countries and product (batched). */
@Resolver(() => TradeAggregateRow)
export class TradeAggregateRowResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The exporter, when grouped by EXPORTER.' })
  exporter(@Root() row: TradeAggregateRow, @Ctx() ctx: GraphQLContext) {
    return row.exporterId ? ctx.loaders.country.load(row.exporterId) : null;
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The importer, when grouped by IMPORTER.' })
  importer(@Root() row: TradeAggregateRow, @Ctx() ctx: GraphQLContext) {
    return row.importerId ? ctx.loaders.country.load(row.importerId) : null;
  }

  @FieldResolver(() => Product, {
    nullable: true,
    description: 'The product, when grouped by PRODUCT (null for a code not in the nomenclature).',
  })
  product(@Root() row: TradeAggregateRow, @Ctx() ctx: GraphQLContext) {
    return row.productCode ? ctx.loaders.product.load(row.productCode) : null;
  }
}

import { Arg, Args, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { checkYear } from '../../graphql/years';
import { Country } from '../country/country.entity';
import { parseHsCode } from '../product/hs-code';
import { toConcentration } from './concentration.result';
import { Concentration } from './concentration.types';
import { checkConcentrationArgs, ConcentrationOptions } from './trade-concentration.resolver';

@Resolver(() => Country)
export class CountryConcentrationResolver {
  @FieldResolver(() => Concentration, {
    description:
      "This country's import-source concentration for a product and year (participants = exporters; see Query.importConcentration). Batched: one statement for every country of the query.",
  })
  async importConcentration(
    @Root() country: Country,
    @Arg('product', () => String, { description: 'HS code: 2, 4 or 6 digits.' }) product: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('dataset', () => ID, { nullable: true, description: 'Dataset the flows come from; default: the only dataset holding trade flows.' }) datasetId: string | null,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Concentration> {
    checkYear(year, 'year');
    checkConcentrationArgs(k, top);
    const code = parseHsCode(product, 'product');
    const dataset = await ctx.loaders.tradeDataset.load(datasetId ?? '');
    const row = await ctx.loaders.importConcentration.with({ datasetId: dataset.id, product: code, year, k, top }).load(country.id);
    return toConcentration(row, dataset, guidelines, k);
  }
}

import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import { AppError, ErrorCode } from '../../errors/app-error';
import type { GraphQLContext } from '../../graphql/context';
import { checkYear } from '../../graphql/years';
import { Country } from '../country/country.entity';
import { CountryGroup } from '../country-group/country-group.entity';
import { groupMemberIds } from '../country-group/country-group.lookup';
import { parseHsCode } from '../product/hs-code';
import { hsRollupCondition, MIXED_LEVELS_SQL } from '../trade-flow/hs-rollup.sql';
import { toConcentration, type ConcentrationRow } from './concentration.result';
import { concentrationSql } from './concentration.sql';
import { BandGuidelines, Concentration } from './concentration.types';

const DATASET_DESCRIPTION = 'Dataset the flows come from; default: the only dataset holding trade flows (required when several do).';

/** Arguments every concentration field takes. */
@ArgsType()
export class ConcentrationOptions {
  @Field(() => Int, { defaultValue: 10, description: 'k of the CRk field.' })
  k!: number;

  @Field(() => Int, { defaultValue: 10, description: 'How many of the largest participants to list (0–1000).' })
  top!: number;

  @Field(() => BandGuidelines, { defaultValue: BandGuidelines.DOJ_FTC_2023, description: 'Guidelines for the band.' })
  guidelines!: BandGuidelines;
}

/** Checks the `k` and `top` arguments shared by concentration queries. */
export function checkConcentrationArgs(k: number, top: number): void {
  if (!Number.isInteger(k) || k < 1) throw new AppError(ErrorCode.INVALID_ARGUMENT, `k must be 1 or more (got ${k}).`, { argument: 'k' });
  if (!Number.isInteger(top) || top < 0 || top > 1000) throw new AppError(ErrorCode.INVALID_ARGUMENT, `top must be 0–1000 (got ${top}).`, { argument: 'top' });
}

@Resolver()
export class TradeConcentrationResolver {
  @Query(() => Concentration, {
    description:
      "Import-source concentration of an importer for a product and year: participants = exporters e, weights = x(e, importer, product, year). For a country group (e.g. \"EU27\") imports are extra-group: flows from its own members are left out. The product may be an HS chapter, heading or subheading (rolled up by prefix without adding a code to its own sub-codes). An importer with no such imports gives participants = 0 and null metrics.",
  })
  async importConcentration(
    @Arg('importer', () => String, { description: 'Importing country (ISO alpha-3) or country group code (EU27, ASEAN…).' }) importer: string,
    @Arg('product', () => String, { description: 'HS code: 2, 4 or 6 digits.' }) product: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Concentration> {
    checkYear(year, 'year');
    checkConcentrationArgs(k, top);
    const code = parseHsCode(product, 'product');
    const dataset = await ctx.loaders.tradeDataset.load(datasetId ?? '');
    const importers = await this.importerSide(ctx, importer);
    const list = importers.members.map(() => '?').join(', ');
    const exclude = importers.group ? `and f.exporter_id not in (${list})` : '';
    const connection = ctx.em.getConnection();
    const [{ mixed }] = await connection.execute<Array<{ mixed: boolean }>>(MIXED_LEVELS_SQL, [dataset.id]);
    const weights = `select 1 as market, f.exporter_id as participant, f.value_usd as weight from trade_flow f
      where f.dataset_id = ? and f.year = ? and f.importer_id in (${list}) ${exclude}
        and f.product_code like ? and ${hsRollupCondition(code.length, mixed)}`;
    const params = [dataset.id, year, ...importers.members, ...(importers.group ? importers.members : []), `${code}%`];
    const [row] = await connection.execute<ConcentrationRow[]>(concentrationSql(weights, { k, top }), params as never[]);
    return toConcentration(row, dataset, guidelines, k);
  }

  @Query(() => Concentration, {
    description:
      'World export concentration of a product in a year: participants = exporters e, weights = Σ_i x(e, i, product, year) over every importer (METRICS.md). HS roll-up as in importConcentration.',
  })
  async worldExportConcentration(
    @Arg('product', () => String, { description: 'HS code: 2, 4 or 6 digits.' }) product: string,
    @Arg('year', () => Int, { description: 'Year.' }) year: number,
    @Arg('dataset', () => ID, { nullable: true, description: DATASET_DESCRIPTION }) datasetId: string | null,
    @Args(() => ConcentrationOptions) { k, top, guidelines }: ConcentrationOptions,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Concentration> {
    checkYear(year, 'year');
    checkConcentrationArgs(k, top);
    const code = parseHsCode(product, 'product');
    const dataset = await ctx.loaders.tradeDataset.load(datasetId ?? '');
    const connection = ctx.em.getConnection();
    const [{ mixed }] = await connection.execute<Array<{ mixed: boolean }>>(MIXED_LEVELS_SQL, [dataset.id]);
    const weights = `select 1 as market, f.exporter_id as participant, f.value_usd as weight from trade_flow f
      where f.dataset_id = ? and f.year = ? and f.product_code like ? and ${hsRollupCondition(code.length, mixed)}`;
    const [row] = await connection.execute<ConcentrationRow[]>(concentrationSql(weights, { k, top }), [dataset.id, year, `${code}%`]);
    return toConcentration(row, dataset, guidelines, k);
  }

  /** A country importer, or a group read extra-group. */
  private async importerSide(ctx: GraphQLContext, importer: string): Promise<{ members: string[]; group: boolean }> {
    const code = importer.trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(code) && (await ctx.em.findOne(Country, code))) return { members: [code], group: false };
    const group = await ctx.em.findOne(CountryGroup, code);
    if (!group) {
      throw new AppError(ErrorCode.UNKNOWN_COUNTRY, `importer: "${importer}" is neither a country (ISO alpha-3) nor a country group.`, { argument: 'importer', value: importer });
    }
    return { members: await groupMemberIds(ctx.em, group.id), group: true };
  }
}

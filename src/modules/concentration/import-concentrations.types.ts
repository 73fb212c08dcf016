import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LIST_BOUNDS } from '../../graphql/cost/list-bounds';
import { firstDescription } from '../../graphql/nested';
import { DATASET_DESCRIPTION } from './concentration.args';
import { Concentration } from './concentration.types';
import { SIMPLE_RESOLVERS } from '../../graphql/simple-resolvers';

/** The order of `importConcentrations`. */
export enum ImportMarketOrder {
  PRODUCT = 'PRODUCT',
  HHI_DESC = 'HHI_DESC',
}
registerEnumType(ImportMarketOrder, {
  name: 'ImportMarketOrder',
  description: 'Order of the import markets of an importer-year.',
  valuesConfig: {
    PRODUCT: { description: 'By HS code.' },
    HHI_DESC: { description: 'Most concentrated first (HHI descending; ties by HS code).' },
  },
});

@ObjectType({
  simpleResolvers: SIMPLE_RESOLVERS,
  description: "One product's import market of an importer-year, with its import-source concentration.",
})
export class ProductConcentration {
  @Field({ description: 'HS code of the market (at the level asked).' })
  productCode!: string;

  @Field(() => Concentration, { description: 'Import-source concentration of the market (participants = exporters).' })
  concentration!: Concentration;
}

/** Arguments of `importConcentrations` but the concentration options. */
@ArgsType()
export class ImportConcentrationsArgs {
  @Field(() => String, { description: 'Importing country (ISO alpha-3) or country group code (EU27, ASEAN…), read extra-group.' })
  importer!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Int, {
    defaultValue: 6,
    description: 'HS level of the markets: 2, 4 or 6 (rolled up as in [HS roll-up](/docs/metrics#hs-roll-up)).',
  })
  level!: number;

  @Field(() => String, { nullable: true, description: 'Only the products under this HS code (2/4/6 digits, no finer than `level`).' })
  product?: string | null;

  @Field(() => ID, { nullable: true, description: DATASET_DESCRIPTION })
  dataset?: string | null;

  @Field(() => ImportMarketOrder, { defaultValue: ImportMarketOrder.PRODUCT, description: 'Order of the markets.' })
  order!: ImportMarketOrder;

  @Field(() => Int, { nullable: true, description: firstDescription(LIST_BOUNDS.importMarkets, 'in `order`') })
  first?: number | null;
}

import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/pagination';
import { Dataset } from '../dataset/dataset.entity';

@ObjectType({
  description:
    "Balassa revealed comparative advantage of a country in a product in one year: RCA = (x_ck / X_c) / (x_wk / X_w), with x_ck = the country's exports of the product, X_c = all its exports, x_wk = world exports of the product, X_w = all world exports, at the HS level asked ([RCA](/docs/metrics#rca)).",
})
export class RcaRow {
  /** ISO alpha-3 of the exporter (resolved to `country`). */
  countryId!: string;
  /** HS code at the level asked (resolved to `product`). */
  productCode!: string;

  @Field(() => Float, {
    description: 'x_ck: exports of the country in the product, USD (> 0: pairs with no exports have RCA 0 and are not listed).',
  })
  exportValue!: number;

  @Field(() => Float, { description: 'X_c: all exports of the country that year at this HS level, USD.' })
  countryExports!: number;

  @Field(() => Float, { description: 'x_wk: world exports of the product that year (every exporter of the dataset), USD.' })
  worldProductExports!: number;

  @Field(() => Float, {
    description: 'RCA = (x_ck / X_c) / (x_wk / X_w); above 1, the country exports relatively more of this product than the world does.',
  })
  rca!: number;

  @Field(() => Int, { description: 'M = 1 where RCA ≥ 1 (the country has a revealed comparative advantage in the product), else 0.' })
  m!: number;
}

@ObjectType({
  description: 'A page of RCA rows, ordered by country then product code, with the dataset, year and HS level they were computed for.',
})
export class RcaPage {
  @Field(() => Dataset, { description: 'The one dataset every figure here comes from.' })
  dataset!: Dataset;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Int, { description: 'HS level of the products (2, 4 or 6).' })
  level!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'X_w: all world exports that year at this HS level, USD. Null when the dataset has no exports that year at that level (then there are no rows).',
  })
  worldExports!: number | null;

  @Field(() => Int, { description: 'Rows matching the filters, over all pages.' })
  totalCount!: number;

  @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursor to get them (`after: endCursor`).' })
  pageInfo!: PageInfo;

  @Field(() => [RcaRow], { description: 'The rows of this page, by country then HS code.' })
  nodes!: RcaRow[];
}

import { Field, Float, Int, ObjectType } from 'type-graphql';

const WORLD =
  "the dataset's world: every flow it holds that year (for a file of a few exporters, e.g. a BACI extract, their exports alone)";

@ObjectType({
  description: `Trade intensity of a reporter's exports to a partner in a year (WITS): TI = (X_cp / X_c) / (X_wp / X_w), the share of the reporter's exports going to the partner over the world's share of exports going to it; above 1, the reporter trades more with the partner than the world does ([trade intensity](/docs/metrics#trade-intensity)). World totals are ${WORLD}.`,
})
export class TradeIntensity {
  @Field({ description: 'Reporter c (ISO alpha-3).' })
  reporter!: string;

  @Field({ description: 'Partner p (ISO alpha-3).' })
  partner!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Float, { nullable: true, description: 'TI = (X_cp / X_c) / (X_wp / X_w); null when X_c or X_wp is 0.' })
  index!: number | null;

  @Field(() => Float, { description: "X_cp: the reporter's exports to the partner, USD." })
  xcp!: number;

  @Field(() => Float, { description: "X_c: the reporter's exports to every country, USD." })
  xc!: number;

  @Field(() => Float, { description: "X_wp: the world's exports to the partner (its imports from every exporter of the dataset), USD." })
  xwp!: number;

  @Field(() => Float, { description: `X_w: world exports, USD — ${WORLD}.` })
  xw!: number;
}

@ObjectType({
  description:
    "Export–import complementarity of a reporter's exports with a partner's imports in a year (WITS): C = 100 · (1 − Σ_k |m_pk − x_ck| / 2), x_ck the share of product k in the reporter's exports, m_pk its share in the partner's imports, at the HS level asked; 100 when the structures match exactly, 0 when they have nothing in common ([complementarity](/docs/metrics#complementarity)).",
})
export class Complementarity {
  @Field({ description: 'Reporter c, the exporter (ISO alpha-3).' })
  reporter!: string;

  @Field({ description: 'Partner p, the importer (ISO alpha-3).' })
  partner!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Int, { description: 'HS level of the products k (2, 4 or 6).' })
  level!: number;

  @Field(() => Float, { nullable: true, description: 'C (0–100); null when the reporter exports nothing or the partner imports nothing.' })
  index!: number | null;

  @Field(() => Float, { description: "The reporter's exports over which x_ck are shares, USD." })
  exports!: number;

  @Field(() => Float, { description: "The partner's imports over which m_pk are shares, USD." })
  imports!: number;

  @Field(() => Int, { description: 'Products (at `level`) the reporter exports.' })
  exportProducts!: number;

  @Field(() => Int, { description: 'Products (at `level`) the partner imports.' })
  importProducts!: number;
}

@ObjectType({
  description:
    'Export market penetration of an exporter in one HS-6 product: the number of countries it exports the product to over the number of countries importing the product ([export market penetration](/docs/metrics#export-market-penetration)).',
})
export class ProductPenetration {
  @Field({ description: 'HS-6 code.' })
  productCode!: string;

  @Field(() => Int, { description: 'Countries the exporter exports the product to (value > 0).' })
  destinations!: number;

  @Field(() => Int, { description: 'Countries importing the product from any exporter of the dataset (value > 0).' })
  importers!: number;

  @Field(() => Float, { description: 'destinations / importers (0–1).' })
  penetration!: number;
}

@ObjectType({
  description:
    "Export market penetration of an exporter in a year: per HS-6 product it exports, (countries it exports the product to) / (countries importing the product), and the mean over every product it exports ([export market penetration](/docs/metrics#export-market-penetration)). The importers are those of the dataset's world.",
})
export class ExportMarketPenetration {
  @Field({ description: 'The exporter (ISO alpha-3).' })
  exporter!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Int, { description: 'HS-6 products the exporter exports (under `product` when given).' })
  productCount!: number;

  @Field(() => Float, { nullable: true, description: 'Mean penetration over every one of those products; null when it exports none.' })
  mean!: number | null;

  @Field(() => [ProductPenetration], { description: 'The products with the highest penetration first (ties by code), at most `first`.' })
  products!: ProductPenetration[];
}

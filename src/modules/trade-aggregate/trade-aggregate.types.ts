import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Dataset } from '../dataset/dataset.entity';
import { PageInfo } from '../../graphql/pagination';
import { SIMPLE_RESOLVERS } from '../../graphql/simple-resolvers';

/** What trade values can be grouped by. */
export enum TradeDimension {
  YEAR = 'YEAR',
  EXPORTER = 'EXPORTER',
  IMPORTER = 'IMPORTER',
  EXPORTER_REGION = 'EXPORTER_REGION',
  IMPORTER_REGION = 'IMPORTER_REGION',
  EXPORTER_SUB_REGION = 'EXPORTER_SUB_REGION',
  IMPORTER_SUB_REGION = 'IMPORTER_SUB_REGION',
  PRODUCT = 'PRODUCT',
}
registerEnumType(TradeDimension, {
  name: 'TradeDimension',
  description: 'A dimension of the trade aggregate.',
  valuesConfig: {
    YEAR: { description: 'Calendar year.' },
    EXPORTER: { description: 'Exporting country.' },
    IMPORTER: { description: 'Importing country.' },
    EXPORTER_REGION: { description: "Exporter's UN M49 region." },
    IMPORTER_REGION: { description: "Importer's UN M49 region." },
    EXPORTER_SUB_REGION: { description: "Exporter's UN M49 sub-region." },
    IMPORTER_SUB_REGION: { description: "Importer's UN M49 sub-region." },
    PRODUCT: { description: 'HS product at the level of `hsLevel`.' },
  },
});

export enum AggregateOrder {
  VALUE_DESC = 'VALUE_DESC',
  VALUE_ASC = 'VALUE_ASC',
  KEYS = 'KEYS',
}
registerEnumType(AggregateOrder, {
  name: 'AggregateOrder',
  description: 'Order of aggregate rows. Ties (and KEYS) are ordered by the grouped dimensions, so pages are stable.',
  valuesConfig: {
    VALUE_DESC: { description: 'Largest value first.' },
    VALUE_ASC: { description: 'Smallest value first.' },
    KEYS: { description: 'By the grouped dimensions, in the order given in groupBy.' },
  },
});

@InputType({ description: 'Which flows enter the aggregate; all given filters must hold.' })
export class TradeAggregateFilter {
  @Field(() => Int, { nullable: true, description: 'From this year (inclusive).' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'To this year (inclusive).' })
  yearTo?: number | null;

  @Field(() => [String], { nullable: true, description: 'Exporters (ISO alpha-3).' })
  exporters?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Importers (ISO alpha-3).' })
  importers?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Exporters that are members of this country group.' })
  exporterGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'Importers that are members of this country group.' })
  importerGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'Products under this HS code (2, 4 or 6 digits).' })
  hsPrefix?: string | null;
}

@ObjectType({
  simpleResolvers: SIMPLE_RESOLVERS,
  description: 'One row of a trade aggregate: the grouped dimensions (null when not grouped) and the sums.',
})
export class TradeAggregateRow {
  @Field(() => Int, { nullable: true, description: 'Year, when grouped by YEAR.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'Exporter (ISO alpha-3), when grouped by EXPORTER.' })
  exporterId!: string | null;

  @Field(() => String, { nullable: true, description: 'Importer (ISO alpha-3), when grouped by IMPORTER.' })
  importerId!: string | null;

  @Field(() => String, { nullable: true, description: "Exporter's region, when grouped by EXPORTER_REGION." })
  exporterRegion!: string | null;

  @Field(() => String, { nullable: true, description: "Importer's region, when grouped by IMPORTER_REGION." })
  importerRegion!: string | null;

  @Field(() => String, { nullable: true, description: "Exporter's sub-region, when grouped by EXPORTER_SUB_REGION." })
  exporterSubRegion!: string | null;

  @Field(() => String, { nullable: true, description: "Importer's sub-region, when grouped by IMPORTER_SUB_REGION." })
  importerSubRegion!: string | null;

  @Field(() => String, { nullable: true, description: 'HS code at `hsLevel`, when grouped by PRODUCT.' })
  productCode!: string | null;

  // The sums are null in the TypeScript value when the query did not select them: they were not computed.
  @Field(() => Float, { description: 'Sum of flow values, USD (computed exactly in numeric, returned as a double).' })
  valueUsd!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Sum of quantities in metric tons over the flows that report one; null when none does.',
  })
  quantityTons!: number | null;

  @Field(() => Int, { description: 'Flows with a quantity among those summed (so a partial quantity is visible).' })
  flowsWithQuantity!: number | null;

  @Field(() => Int, { description: 'Flows summed.' })
  flowCount!: number | null;
}

@ObjectType({ description: 'A page of trade aggregate rows, with the dataset they were computed from.' })
export class TradeAggregate {
  @Field(() => Dataset, { description: 'The one dataset every figure here comes from.' })
  dataset!: Dataset;

  @Field(() => Int, { description: 'HS level the figures were rolled up at: `hsLevel` as asked, or its default (see the argument).' })
  hsLevel!: number;

  @Field(() => Int, {
    description:
      'Number of rows over all pages. Computed only when selected: counting every group means computing the whole aggregate, whatever the page.',
  })
  totalCount!: number;

  @Field(() => PageInfo, {
    description:
      'Paging by keyset: pass `endCursor` as `after` for the rows after it, in the same order (ties by value are ordered by the group key, so none is skipped or repeated).',
  })
  pageInfo!: PageInfo;

  @Field(() => [TradeAggregateRow], { description: 'The rows of this page.' })
  rows!: TradeAggregateRow[];
}

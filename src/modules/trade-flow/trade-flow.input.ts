import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Filters for trade flows; all given filters must hold.' })
export class TradeFlowFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Flows of this dataset only. Never add flows of two datasets: they may report the same trade.',
  })
  dataset?: string | null;

  @Field(() => Int, { nullable: true, description: 'Flows of this year.' })
  year?: number | null;

  @Field(() => Int, { nullable: true, description: 'Flows of this year or later.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Flows of this year or earlier.' })
  yearTo?: number | null;

  @Field(() => [String], { nullable: true, description: 'Exporter is one of these countries (ISO alpha-3).' })
  exporters?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Importer is one of these countries (ISO alpha-3).' })
  importers?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Exporter is in this UN M49 region, e.g. "Asia".' })
  exporterRegion?: string | null;

  @Field(() => String, { nullable: true, description: 'Importer is in this UN M49 region.' })
  importerRegion?: string | null;

  @Field(() => String, { nullable: true, description: 'Exporter is in this UN M49 sub-region, e.g. "South-eastern Asia".' })
  exporterSubRegion?: string | null;

  @Field(() => String, { nullable: true, description: 'Importer is in this UN M49 sub-region.' })
  importerSubRegion?: string | null;

  @Field(() => String, { nullable: true, description: 'Exporter is a member of this country group, e.g. "ASEAN".' })
  exporterGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'Importer is a member of this country group, e.g. "EU27".' })
  importerGroup?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Product code starts with this HS prefix (2, 4 or 6 digits), e.g. "64" for all footwear.',
  })
  hsPrefix?: string | null;

  @Field(() => Float, { nullable: true, description: 'Value of at least this many US dollars.' })
  minValueUsd?: number | null;
}

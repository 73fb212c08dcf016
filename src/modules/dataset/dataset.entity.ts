import { BigIntType, Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DatasetKind } from './dataset-kind';

@ObjectType({ description: 'Provenance of imported rows: every trade flow and sourcing link names the dataset it came from.' })
@Entity({ tableName: 'dataset' })
@Unique({ properties: ['name', 'version'] })
export class Dataset {
  @Field(() => ID, { description: 'Stable numeric id.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => DatasetKind, { description: 'Kind of source.' })
  @Enum({ items: () => DatasetKind })
  kind!: DatasetKind;

  @Field({ description: 'Dataset name, e.g. "BACI HS92" or "tradegraph demo". With `version` it identifies a release.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Release or version label, e.g. "V202301".' })
  @Property({ type: 'text' })
  version!: string;

  @Field(() => String, { nullable: true, description: 'File (or generator) the rows were read from.' })
  @Property({ type: 'text', nullable: true })
  file?: string | null;

  @Field(() => String, { nullable: true, description: 'Licence the source is published under.' })
  @Property({ type: 'text', nullable: true })
  licence?: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the source file (or of the generator parameters).' })
  @Property({ type: 'text', nullable: true })
  checksum?: string | null;

  @Field(() => GraphQLDateTimeISO, { description: 'When the load finished.' })
  @Property({ type: 'timestamptz' })
  importedAt: Date = new Date();

  @Field(() => Float, {
    description:
      "Rows the dataset holds of its own kind: trade flows (BACI, Comtrade, flows files, the synthetic demo — whose sourcing links are not counted), export totals (EXPORT_TOTALS), or sourcing links (brand disclosures: one per brand, facility, product type and date, so fewer than the file's rows when rows repeat a facility). For the HS nomenclature and Open Supply Hub, whose products and facilities belong to no dataset, the records loaded from the file.",
  })
  @Property({ type: new BigIntType('number'), default: 0 })
  rowCount: number = 0;

  @Field(() => Int, {
    nullable: true,
    description: 'HS revision of the product codes, when the dataset has them (e.g. 1992 for BACI HS92).',
  })
  @Property({ type: 'smallint', nullable: true })
  hsRevision?: number | null;
}

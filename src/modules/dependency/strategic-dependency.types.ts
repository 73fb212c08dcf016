import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Dataset } from '../dataset/dataset.entity';
import { ConcentrationShare } from '../concentration/concentration.types';

export enum GeoDepCriterion {
  C1 = 'C1',
  C2 = 'C2',
  C3 = 'C3',
}
registerEnumType(GeoDepCriterion, {
  name: 'GeoDepCriterion',
  description: 'A CEPII GeoDep criterion ([GeoDep criteria](/docs/metrics#geodep-criteria)).',
  valuesConfig: {
    C1: { description: "HHI of the importer's import sources of the product > importHhiAbove (default 0.4)." },
    C2: { description: 'HHI of world exporters of the product > worldExportHhiAbove (default 0.4).' },
    C3: {
      description: "Importer's imports / exports of the product > importExportRatioAbove (default 1); no exports → ratio null and C3 true.",
    },
  },
});

export enum DependencyFilter {
  ALL = 'ALL',
  DEPENDENT = 'DEPENDENT',
  PERSISTENT = 'PERSISTENT',
}
registerEnumType(DependencyFilter, {
  name: 'DependencyFilter',
  description: 'Which imported products to list.',
  valuesConfig: {
    ALL: { description: 'Every HS-6 product imported in the year, with each criterion reported.' },
    DEPENDENT: { description: 'Products dependent in the year (every criterion asked holds).' },
    PERSISTENT: {
      description: 'Products persistently dependent (dependent in at least persistenceMin of the last persistenceYears years).',
    },
  },
});

@ArgsType()
export class GeoDepArgs {
  @Field(() => Float, { defaultValue: 0.4, description: "C1 threshold on the HHI (0–1) of the importer's sources." })
  importHhiAbove!: number;

  @Field(() => Float, { defaultValue: 0.4, description: 'C2 threshold on the HHI (0–1) of world exporters.' })
  worldExportHhiAbove!: number;

  @Field(() => Float, { defaultValue: 1, description: 'C3 threshold on imports / exports (≥ 0).' })
  importExportRatioAbove!: number;

  @Field(() => [GeoDepCriterion], {
    defaultValue: [GeoDepCriterion.C1, GeoDepCriterion.C2, GeoDepCriterion.C3],
    description: 'Criteria that must all hold for "dependent" (GeoDep: all three).',
  })
  criteria!: GeoDepCriterion[];

  @Field(() => Int, { defaultValue: 3, description: 'Persistence window: the last this many years, ending at `year` (1–10).' })
  persistenceYears!: number;

  @Field(() => Int, { defaultValue: 2, description: 'Persistent when dependent in at least this many years of the window.' })
  persistenceMin!: number;
}

@ObjectType({
  description: 'The GeoDep criteria for one HS-6 product imported by the importer in the year: each value next to its verdict.',
})
export class StrategicDependency {
  @Field({ description: 'HS-6 code of the product.' })
  productCode!: string;

  @Field(() => Float, { description: "Importer's imports of the product in the year (USD; extra-group for a group)." })
  importValue!: number;

  @Field(() => Float, { description: "Importer's exports of the product in the year (USD; extra-group for a group); 0 when none." })
  exportValue!: number;

  @Field(() => Float, { description: "C1 value: HHI of the importer's import sources (0–1)." })
  importHhi!: number;

  @Field({ description: 'C1 verdict: importHhi > importHhiAbove.' })
  c1!: boolean;

  @Field(() => Float, { description: 'C2 value: HHI of world exporters of the product (0–1).' })
  worldExportHhi!: number;

  @Field({ description: 'C2 verdict: worldExportHhi > worldExportHhiAbove.' })
  c2!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'C3 value: importValue / exportValue; null when the importer exports none of the product.',
  })
  importExportRatio!: number | null;

  @Field({ description: 'C3 verdict: importExportRatio > importExportRatioAbove, or no exports.' })
  c3!: boolean;

  @Field({ description: 'Every criterion asked (argument `criteria`) holds in the year.' })
  dependent!: boolean;

  @Field(() => [Int], {
    description: 'Years of the persistence window in which the product was dependent (a year without imports is not).',
  })
  dependentYears!: number[];

  @Field({ description: 'Dependent in at least persistenceMin of the last persistenceYears years.' })
  persistent!: boolean;

  @Field(() => ConcentrationShare, { description: 'The largest import source in the year, with its partner share (ties by country code).' })
  largestSource!: ConcentrationShare;
}

@ObjectType({
  description: 'Strategic dependencies of an importer (a country, or a group read extra-group) in a year, by the CEPII GeoDep criteria.',
})
export class StrategicDependencyReport {
  @Field({ description: 'Importer as asked: ISO alpha-3 or a country group code.' })
  importer!: string;

  @Field({ description: 'Whether the importer is a group (imports and exports read extra-group).' })
  group!: boolean;

  @Field(() => Dataset, { description: 'The one dataset the figures come from.' })
  dataset!: Dataset;

  @Field(() => Int, { description: 'Year asked.' })
  year!: number;

  @Field(() => Int, { description: 'First year of the persistence window (year − persistenceYears + 1).' })
  windowStart!: number;

  @Field(() => Int, {
    description: 'HS-6 products the importer imported in the year (under the product prefix). 0 means no data for the year.',
  })
  productsImported!: number;

  @Field(() => Int, { description: 'Of these, products dependent in the year.' })
  dependentCount!: number;

  @Field(() => Int, { description: 'Of these, products persistently dependent.' })
  persistentCount!: number;

  @Field(() => [StrategicDependency], {
    description: 'Products matching `only`, persistent first, then by import value (largest first), then by code; at most `first`.',
  })
  items!: StrategicDependency[];
}

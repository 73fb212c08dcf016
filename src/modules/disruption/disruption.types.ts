import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Concentration } from '../concentration/concentration.types';
import { Dataset } from '../dataset/dataset.entity';
import type { CapacityWeight } from '../concentration/supplier-concentration.types';
import type { Removal } from './removal';

@InputType({ description: 'The set R a disruption scenario removes: countries, manufacturers and/or facilities (at least one).' })
export class DisruptionInput {
  @Field(() => [String], {
    nullable: true,
    description:
      "Countries (ISO alpha-3) or country groups (EU27, ASEAN…, expanded to their members): their facilities drop out of brand capacity, and their exports out of importers' supply.",
  })
  countries?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Manufacturers (ids): all their facilities drop out, wherever they are. No effect on trade.',
  })
  manufacturers?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Facilities (ids) that drop out. No effect on trade.' })
  facilities?: string[] | null;
}

@ObjectType({
  description:
    "A disruption scenario ([disruption scenario](/docs/metrics#disruption-scenario)): the set R is removed; `brands` says what share of each brand's capacity is lost and what concentration remains, `importMarkets` the same for importers' supply of products. Ask only for the parts you need: each is one SQL statement.",
})
export class DisruptionScenario {
  /** R, validated once for every part of the scenario. */
  removal!: Removal;
}

@ObjectType({ description: 'One brand under a disruption scenario, at its disclosure in force on `asOf`.' })
export class BrandDisruption {
  /** The brand, resolved through the request's loader. */
  brandId!: number;

  /** What the brand was read at and the countries of R: what its upstream loss (modules/upstream) needs. */
  scenario!: { asOf: string | null; weight: CapacityWeight; countries: string[] };

  @Field(() => Int, { description: 'Rank, 1 = most exposed: largest capacityLostShare first (null shares last), ties by brand id.' })
  rank!: number;

  @Field(() => GraphQLLocalDate, { description: "Date of the disclosure read: the brand's latest on or before `asOf`." })
  disclosedAt!: string;

  @Field(() => Int, { description: 'Facilities linked to the brand in that disclosure.' })
  facilities!: number;

  @Field(() => Int, {
    description: 'Of those, facilities in R (their country, their manufacturer or themselves removed), whatever their capacity.',
  })
  facilitiesLost!: number;

  @Field(() => Float, {
    description:
      'Capacity before: Σ of the weights of its facilities of known capacity (workers, or range midpoints; the facility count for weight COUNT).',
  })
  capacity!: number;

  @Field(() => Float, { description: 'Capacity lost: Σ of the weights of its facilities in R.' })
  capacityLost!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Capacity lost share = capacityLost / capacity, in [0, 1]; null when no facility of the brand has a known capacity.',
  })
  capacityLostShare!: number | null;

  @Field(() => Int, {
    description:
      'Facilities of the disclosure whose capacity is unknown: left out of every capacity figure, never weighed as 0 or 1 (weight CAPACITY only).',
  })
  unknownCapacity!: number;

  @Field(() => Int, { description: 'Of the unknownCapacity facilities, those in R (counted in facilitiesLost, not in capacityLost).' })
  unknownCapacityLost!: number;

  @Field(() => Concentration, {
    description:
      'Supplier concentration of what remains (the facilities outside R), by the dimension `by`; participants = 0 and null metrics when nothing of known capacity remains.',
  })
  remaining!: Concentration;
}

@ObjectType({ description: 'Brands ranked by exposure to a disruption scenario.' })
export class BrandDisruptions {
  @Field(() => Int, {
    description: 'Brands ranked (affected ones, or all with a disclosure by `asOf` when includeUnaffected), before the `first` cut.',
  })
  totalCount!: number;

  @Field(() => [BrandDisruption], { description: 'The first `first` brands by rank.' })
  nodes!: BrandDisruption[];
}

@ObjectType({ description: "One import market (an importer's imports of a product in a year) under a disruption scenario." })
export class ImportMarketDisruption {
  @Field(() => Int, {
    description: 'Rank, 1 = most exposed: largest supplyLostShare first, then largest supplyLost, ties by importer code then HS code.',
  })
  rank!: number;

  @Field({ description: 'Importer: a country (ISO alpha-3) or a country group code (its imports read extra-group).' })
  importerCode!: string;

  /** Whether the importer is a group (see `importerGroup`). */
  importerIsGroup!: boolean;

  @Field({ description: 'HS code of the product, at the level of the markets.' })
  productCode!: string;

  @Field(() => Float, { description: 'Imports before: W = Σ_e x(e, importer, product, year) over every exporter, in USD.' })
  imports!: number;

  @Field(() => Float, { description: 'Supply lost: Σ x(e, importer, product, year) over the exporters e in R, in USD.' })
  supplyLost!: number;

  @Field(() => Float, { description: 'Supply lost share = supplyLost / imports, in [0, 1]: the share of its imports coming from R.' })
  supplyLostShare!: number;

  @Field(() => Concentration, {
    description:
      'Import-source concentration of what remains: the exporters outside R, shares renormalised over their total. No substitution is assumed: no other exporter is taken to make up the lost supply. participants = 0 and null metrics when every exporter is in R.',
  })
  remaining!: Concentration;
}

@ObjectType({ description: 'Import markets ranked by exposure to a disruption scenario, computed from one dataset.' })
export class ImportMarketDisruptions {
  @Field(() => Dataset, { description: 'The one dataset the flows come from.' })
  dataset!: Dataset;

  @Field(() => Int, { description: 'Year of the flows.' })
  year!: number;

  @Field(() => Int, { description: "HS level (2, 4 or 6) of the markets' products." })
  level!: number;

  @Field(() => Int, { description: 'Markets ranked (affected ones, or all when includeUnaffected), before the `first` cut.' })
  totalCount!: number;

  @Field(() => [ImportMarketDisruption], { description: 'The first `first` markets by rank.' })
  nodes!: ImportMarketDisruption[];
}

import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LeakageLevel } from './leakage-exposure.sql';

registerEnumType(LeakageLevel, {
  name: 'LeakageLevel',
  description: 'Where a rival counts for leakage exposure ([leakage exposure](/docs/metrics#leakage-exposure)).',
  valuesConfig: {
    FACILITY: { description: 'At the facility itself: a rival makes there a product type the brand sources there.' },
    MANUFACTURER: {
      description:
        "At the facility's owner: a rival is served, at any facility of the manufacturer, in a product type the brand sources from it (a facility without owner is its own manufacturer).",
    },
  },
});

/**
 * How much the facility match rule decides, measured by test/integration/rival-overlap.test.ts on the
 * c. 2023 disclosures of Nike, adidas, VF and Puma (repeated in the descriptions below).
 */
export const MATCH_RULE_NOTE =
  "Facilities are shared when the importers' match rule made one facility of the brands' disclosures ([facility matching](/docs/metrics#facility-matching)): normalised name + country + normalised address. The rule decides a great deal: on the c. 2023 disclosures, none of the 9 facilities Nike shares with adidas (1), Puma (2) and VF (6) is spelled alike by both brands (all 9 exist only through the normalisation), and normalised name + country alone would pair 76 (24, 20, 32) — addresses written differently keep most shared factories apart, so overlap is a lower bound.";

@ObjectType({
  description: `A brand's overlap with one rival at their disclosures in force ([shared facilities](/docs/metrics#shared-facilities), [overlap share and Jaccard](/docs/metrics#overlap-share-and-jaccard)). ${MATCH_RULE_NOTE}`,
})
export class RivalOverlap {
  /** The rival, resolved through the request's brand loader. */
  rivalId!: number;
  /** F_b ∩ F_r, ascending ids, resolved through the facility loader. */
  facilityIds!: number[];

  @Field(() => Int, { description: 'Rank among the rivals: 1 = most shared facilities; ties by rival id.' })
  rank!: number;

  @Field(() => Int, { description: '|F_b ∩ F_r|: facilities both brands disclose (of `productType` when given).' })
  sharedFacilities!: number;

  @Field(() => Int, {
    description: 'Shared facilities where both brands source at least one common product type (T_b(f) ∩ T_r(f) ≠ ∅).',
  })
  sameTypeShared!: number;

  @Field(() => Float, {
    description: "Σ cap(f) over the shared facilities of known weight, in the brand's own weights (unit of `weight`).",
  })
  sharedCapacity!: number;

  @Field(() => Int, { description: 'Shared facilities whose weight is unknown: left out of sharedCapacity, never weighed as 0 or 1.' })
  sharedUnknownCapacity!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Overlap share = Σ_{f ∈ F_b ∩ F_r} cap(f) / Σ_{f ∈ F_b} cap(f), facilities of known weight only: the share of the brand's capacity at facilities it shares with this rival (not symmetric); null when no weight of the brand is known.",
  })
  overlapShare!: number | null;

  @Field(() => Float, { description: 'Jaccard = |F_b ∩ F_r| / |F_b ∪ F_r| (facility counts, symmetric), in (0, 1].' })
  jaccard!: number;
}

@ObjectType({
  description: `A brand's overlap with its rivals — every other brand with a disclosure in force on \`asOf\` ([rival overlap](/docs/metrics#rival-overlap)). ${MATCH_RULE_NOTE}`,
})
export class RivalOverlapList {
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "The brand's disclosure read (its latest on or before `asOf`); null when it has no facility (of `productType`) by then.",
  })
  asOf!: string | null;

  @Field(() => Int, { description: '|F_b|: facilities of the brand at that disclosure (of `productType` when given).' })
  facilities!: number;

  @Field(() => Float, { description: 'Σ_{f ∈ F_b} cap(f) over facilities of known weight: the denominator of overlapShare.' })
  capacity!: number;

  @Field(() => Int, { description: "The brand's facilities whose weight is unknown (left out of capacity, counted here)." })
  unknownCapacity!: number;

  @Field(() => Int, { description: 'Rivals sharing at least one facility (all of them; `rivals` lists the `first`).' })
  rivalCount!: number;

  @Field(() => [RivalOverlap], { description: 'Rivals sharing at least one facility, the most shared first (ties by rival id).' })
  rivals!: RivalOverlap[];
}

@ObjectType({
  description: `A brand's technology-leakage exposure ([leakage exposure](/docs/metrics#leakage-exposure)): the share of its capacity at facilities (or manufacturers) where at least one rival is served in a product type the brand sources there. ${MATCH_RULE_NOTE}`,
})
export class LeakageExposure {
  @Field(() => GraphQLLocalDate, { nullable: true, description: "The brand's disclosure read; null when it has none by `asOf`." })
  asOf!: string | null;

  @Field(() => LeakageLevel, { description: 'Where rivals were looked for.' })
  level!: LeakageLevel;

  @Field(() => Int, { description: '|F_b|: facilities of the brand at that disclosure.' })
  facilities!: number;

  @Field(() => Int, { description: 'Places of the brand: its facilities (FACILITY) or their manufacturers (MANUFACTURER).' })
  participants!: number;

  @Field(() => Float, { description: 'Σ cap(f) over the facilities of known weight: the denominator of share.' })
  capacity!: number;

  @Field(() => Int, { description: 'Facilities of unknown weight (left out of capacity and exposedCapacity, counted here).' })
  unknownCapacity!: number;

  @Field(() => Int, { description: "The brand's facilities at exposed places (at an exposed manufacturer for MANUFACTURER)." })
  exposedFacilities!: number;

  @Field(() => Int, { description: 'Exposed places: facilities (FACILITY) or manufacturers (MANUFACTURER).' })
  exposedParticipants!: number;

  @Field(() => Float, { description: 'Σ cap(f) over the exposed facilities of known weight: the numerator of share.' })
  exposedCapacity!: number;

  @Field(() => Int, { description: 'Exposed facilities of unknown weight (counted apart, not in exposedCapacity).' })
  exposedUnknownCapacity!: number;

  @Field(() => Float, { nullable: true, description: 'Leakage exposure = exposedCapacity / capacity, in [0, 1]; null when capacity is 0.' })
  share!: number | null;

  @Field(() => Int, { description: 'Rivals found at the exposed places.' })
  rivals!: number;
}

@ObjectType({ description: 'A brand of the overlap network: a flat row (for a graph tool, BI or GET /csv).' })
export class OverlapNode {
  @Field(() => ID, { description: 'Brand id (the node id; edges name it as brandAId / brandBId).' })
  brandId!: number;

  @Field({ description: 'Brand name.' })
  brandName!: string;

  @Field(() => GraphQLLocalDate, { description: "The brand's disclosure read (its latest on or before `asOf`)." })
  disclosedAt!: string;

  @Field(() => Int, { description: 'Facilities where the brand sources the product type (any type when none is given).' })
  facilities!: number;
}

@ObjectType({ description: 'An edge of the overlap network, brandAId < brandBId: a flat row (for a graph tool, BI or GET /csv).' })
export class OverlapEdge {
  @Field(() => ID, { description: 'One brand (the smaller id).' })
  brandAId!: number;

  @Field({ description: 'Its name.' })
  brandAName!: string;

  @Field(() => ID, { description: 'The other brand.' })
  brandBId!: number;

  @Field({ description: 'Its name.' })
  brandBName!: string;

  @Field(() => Int, { description: 'Facilities where both brands source the product type (the edge weight).' })
  sharedFacilities!: number;

  @Field(() => Float, {
    description:
      "Σ of the shared facilities' workers (exact or range midpoint): each facility's own latest figure, one number whichever brand disclosed it; unknown ones left out.",
  })
  sharedCapacity!: number;

  @Field(() => Int, { description: 'Shared facilities whose workers are unknown (left out of sharedCapacity).' })
  sharedUnknownCapacity!: number;
}

@ObjectType({
  description: `The overlap network of a product type at a date ([overlap network](/docs/metrics#overlap-network)): brands as nodes, an edge per pair sharing at least \`minShared\` facilities in that type. ${MATCH_RULE_NOTE}`,
})
export class OverlapNetwork {
  @Field(() => String, { nullable: true, description: 'Product type (null: facilities of any type).' })
  productType!: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: "Date asked: each brand's latest disclosure on or before it counts; null = each brand's latest.",
  })
  asOf!: string | null;

  @Field(() => Int, { description: 'Brands sourcing the type (all of them; `nodes` lists at most the bound).' })
  nodeCount!: number;

  @Field(() => Int, { description: 'Pairs with at least `minShared` shared facilities (all of them; `pairs` lists the `first`).' })
  pairCount!: number;

  @Field(() => [OverlapNode], { description: 'Brands sourcing the type, the most facilities first (ties by brand id).' })
  nodes!: OverlapNode[];

  @Field(() => [OverlapEdge], {
    description:
      'The edges: pairs of brands, the most shared facilities first (ties by brandAId, brandBId). Named `pairs`, not `edges`, so that GET /csv exports it as rows (`edges` means a connection there).',
  })
  pairs!: OverlapEdge[];
}

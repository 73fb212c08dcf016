import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Dataset } from '../dataset/dataset.entity';
import { SIMPLE_RESOLVERS } from '../../graphql/simple-resolvers';

export enum BandGuidelines {
  DOJ_FTC_2023 = 'DOJ_FTC_2023',
  DOJ_FTC_2010 = 'DOJ_FTC_2010',
}
registerEnumType(BandGuidelines, {
  name: 'BandGuidelines',
  description: 'US DOJ/FTC Merger Guidelines whose HHI thresholds define the concentration band ([bands](/docs/metrics#bands)).',
  valuesConfig: {
    DOJ_FTC_2023: { description: '2023 Guidelines: HHI points > 1,800 HIGH; 1,000–1,800 MODERATE; < 1,000 UNCONCENTRATED.' },
    DOJ_FTC_2010: { description: '2010 Guidelines: HHI points > 2,500 HIGH; 1,500–2,500 MODERATE; < 1,500 UNCONCENTRATED.' },
  },
});

export enum ConcentrationBand {
  UNCONCENTRATED = 'UNCONCENTRATED',
  MODERATE = 'MODERATE',
  HIGH = 'HIGH',
}
registerEnumType(ConcentrationBand, {
  name: 'ConcentrationBand',
  description: 'Concentration band by HHI points, per the chosen guidelines.',
  valuesConfig: {
    UNCONCENTRATED: { description: 'Below the lower threshold (1,000 points in 2023; 1,500 in 2010).' },
    MODERATE: { description: 'From the lower threshold up to the upper one (1,800 in 2023; 2,500 in 2010) inclusive.' },
    HIGH: { description: 'Above the upper threshold.' },
  },
});

export enum ParticipantKind {
  COUNTRY = 'COUNTRY',
  PRODUCT = 'PRODUCT',
  FACILITY = 'FACILITY',
  MANUFACTURER = 'MANUFACTURER',
  BRAND = 'BRAND',
}
registerEnumType(ParticipantKind, {
  name: 'ParticipantKind',
  description: 'What the participants of a market are; the matching typed field of ConcentrationShare is filled.',
  valuesConfig: {
    COUNTRY: { description: 'Countries (participantId = ISO alpha-3); see `country`.' },
    PRODUCT: { description: 'HS products (participantId = HS code); see `product`.' },
    FACILITY: { description: 'Facilities (participantId = facility id); see `facility`.' },
    MANUFACTURER: {
      description:
        'Manufacturers (participantId = manufacturer id; "facility:<id>" for a facility without an owner, which counts as its own manufacturer); see `manufacturer` / `facility`.',
    },
    BRAND: { description: 'Brands (participantId = brand id); see `brand`.' },
  },
});

@ObjectType({
  simpleResolvers: SIMPLE_RESOLVERS,
  description:
    'One participant of a market, with its weight, share and rank (1 = largest; ties by id). The typed field matching `kind` is set, so one can keep navigating.',
})
export class ConcentrationShare {
  @Field(() => ParticipantKind, { description: 'What the participant is.' })
  kind!: ParticipantKind;

  @Field({ description: 'Participant id (ISO alpha-3 for countries, HS code for products, numeric id otherwise).' })
  participantId!: string;

  @Field(() => Float, { description: 'Weight w_p (e.g. trade value in USD).' })
  weight!: number;

  @Field(() => Float, { description: 'Share s_p = w_p / W.' })
  share!: number;

  @Field(() => Int, { description: 'Rank by weight, 1 = largest; ties broken by participant id.' })
  rank!: number;
}

@ObjectType({
  simpleResolvers: SIMPLE_RESOLVERS,
  description:
    'Concentration of a market split among participants with weights w_p > 0 (participants with weight 0 are not counted). N = participants, W = Σ w_p, s_p = w_p / W (definitions: [concentration](/docs/metrics#concentration)).',
})
export class Concentration {
  @Field(() => Dataset, { nullable: true, description: 'The one dataset the weights come from (trade markets).' })
  dataset!: Dataset | null;

  @Field(() => Int, { description: 'N: participants with weight > 0. 0 means the market is empty (no data), and every metric is null.' })
  participants!: number;

  @Field(() => Float, { description: 'W = Σ w_p.' })
  totalWeight!: number;

  @Field(() => Float, { nullable: true, description: 'HHI = Σ s_p², in [1/N, 1]; null when N = 0 ([definition](/docs/metrics#hhi)).' })
  hhi!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'HHI points = 10,000 × HHI (antitrust scale); null when N = 0 ([definition](/docs/metrics#hhi-points)).',
  })
  hhiPoints!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Normalised HHI = (HHI − 1/N) / (1 − 1/N); null when N ≤ 1, where WITS reports no value ([definition](/docs/metrics#normalised-hhi)).',
  })
  normalizedHhi!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'CR1: share of the largest participant; 1 when N = 1, null when N = 0 ([definition](/docs/metrics#crk)).',
  })
  cr1!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'CR3: sum of the 3 largest shares; 1 when 1 ≤ N ≤ 3, null when N = 0 ([definition](/docs/metrics#crk)).',
  })
  cr3!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'CR5: sum of the 5 largest shares; 1 when 1 ≤ N ≤ 5, null when N = 0 ([definition](/docs/metrics#crk)).',
  })
  cr5!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'CRk for the k asked (argument `k`); 1 when k ≥ N ≥ 1, null when N = 0 ([definition](/docs/metrics#crk)).',
  })
  crk!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Effective number of participants = 1 / HHI; null when N = 0 ([definition](/docs/metrics#effective-number)).',
  })
  effectiveNumber!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Entropy = −Σ s_p ln s_p (natural log); 0 when N = 1, null when N = 0 ([definition](/docs/metrics#entropy)).',
  })
  entropy!: number | null;

  @Field(() => Float, { nullable: true, description: 'Evenness = entropy / ln N; null when N ≤ 1 ([definition](/docs/metrics#evenness)).' })
  evenness!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Gini = Σ_i Σ_j |w_i − w_j| / (2 N² μ), μ = W / N; 0 when N = 1, null when N = 0 ([definition](/docs/metrics#gini)).',
  })
  gini!: number | null;

  @Field(() => ConcentrationBand, {
    nullable: true,
    description: 'Band by HHI points under `guidelines`; null when N = 0 ([definition](/docs/metrics#bands)).',
  })
  band!: ConcentrationBand | null;

  @Field(() => BandGuidelines, { description: 'Guidelines the band was judged by.' })
  guidelines!: BandGuidelines;

  @Field(() => [ConcentrationShare], { description: 'The largest participants (argument `top`), largest first.' })
  top!: ConcentrationShare[];
}

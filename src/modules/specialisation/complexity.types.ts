import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { ComplexityResult } from '../complexity/complexity';
import { Dataset } from '../dataset/dataset.entity';

@ObjectType({
  description:
    "A country's place in the year's economic complexity (Hausmann–Hidalgo, eigenvector method, as the Atlas and Stata's ecomplexity compute it).",
})
export class CountryComplexity {
  /** ISO alpha-3 (resolved to `country`). */
  countryId!: string;

  @Field(() => Int, { description: 'Diversity k_c = Σ_p M_cp: the number of products the country exports with RCA ≥ 1.' })
  diversity!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'ECI: the eigenvector of the second-largest eigenvalue of M̃ = (M / k_c)(M / k_p)ᵀ, signed to correlate positively with diversity, then z-scored (Stata: sd over the country × product table). Null when undefined (fewer than 2 countries or products, or no second eigenvector).',
  })
  eci!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Complexity outlook index: Σ_p (1 − M_cp) density_cp kp_p over the products the country does not yet export with RCA ≥ 1, kp being the signed PCI eigenvector before z-scoring; then z-scored over countries (Stata ecomplexity). Null when undefined.',
  })
  coi!: number | null;
}

@ObjectType({ description: "A product's place in the year's economic complexity." })
export class ProductComplexity {
  /** HS code at the level asked (resolved to `product`). */
  productCode!: string;

  @Field(() => Int, { description: 'Ubiquity k_p = Σ_c M_cp: the number of countries that export the product with RCA ≥ 1.' })
  ubiquity!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "PCI: the product-side eigenvector of the same matrix (M / k_p)ᵀ(M / k_c), signed like the ECI and z-scored with the ECI's mean and standard deviation (so PCI and ECI share one scale). Null when undefined.",
  })
  pci!: number | null;
}

@ObjectType({ description: 'A country and a product of the complexity matrix: RCA, M and the product-space measures.' })
export class CountryProductComplexity {
  /** ISO alpha-3 (resolved to `country`). */
  countryId!: string;
  /** HS code (resolved to `product`). */
  productCode!: string;

  @Field(() => Float, { description: 'x_ck: exports of the country in the product, USD (0 when it exports none).' })
  exportValue!: number;

  @Field(() => Float, { description: 'Balassa RCA = (x_ck / X_c) / (x_wk / X_w).' })
  rca!: number;

  @Field(() => Int, { description: 'M = 1 where RCA ≥ 1, else 0.' })
  m!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Density Σ_p' M_cp' φ_p'p / Σ_p' φ_p'p: the share of the product's proximity (φ_pp' = Σ_c M_cp M_cp' / max(k_p, k_p')) that the country already covers with RCA ≥ 1. Null when the product has no proximity to any other.",
  })
  density!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Complexity outlook gain of the product for the country: (1 − M_cp) Σ_p' (1 − M_cp') φ_p'p kp_p' / Σ_p'' φ_p'p'' (kp: the signed PCI eigenvector before z-scoring), divided by the ECI's sd — what moving into p adds to the outlook; 0 where M = 1. Null when undefined.",
  })
  cog!: number | null;
}

@ObjectType({
  description:
    'Economic complexity of one year at one HS level (Atlas / Stata ecomplexity): M from the SQL RCA (M = 1 where RCA ≥ 1), then diversity, ubiquity, ECI, PCI, density, COI and COG. Countries and products without exports that year are not part of the matrix. Empty lists (and worldExports null) when the dataset has no exports that year at that level.',
})
export class Complexity {
  @Field(() => Dataset, { description: 'The one dataset every figure here comes from.' })
  dataset!: Dataset;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Int, { description: 'HS level of the products (2, 4 or 6).' })
  level!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'X_w: all world exports that year at this HS level, USD; null when the dataset has none.',
  })
  worldExports!: number | null;

  /** Every country of the matrix, by ISO code (listed by the `countries` field resolver, up to its `first`). */
  countries!: CountryComplexity[];

  /** Every product of the matrix, by HS code (listed by the `products` field resolver, up to its `first`). */
  products!: ProductComplexity[];

  /** The whole matrix, for `countryProducts`. */
  cells!: ComplexityResult['cells'];
}

/**
 * Upstream (second-tier) exposure of a brand: the reference implementation of METRICS.md, "Upstream
 * exposure". Pure functions, no I/O; the SQL implementation (modules/upstream) is tested against them.
 *
 * a_c = the brand's capacity share in supplier country c; m_{c,o} = c's import share from origin o of the
 * inputs of the product types the brand sources in c (value-weighted over the input codes, one dataset and
 * year); U(b, o) = Σ_c a_c · m_{c,o}. A supplier country without input imports adds its a_c to the uncovered
 * share; trade data does not see a country's own production of its inputs, so U is exposure through imports.
 */

import { concentration, type BandGuidelines, type ConcentrationMetrics } from './concentration';

/** A facility of the brand's disclosure: its country and weight (null = unknown: counted apart, never weighed). */
export interface UpstreamFacility {
  country: string;
  capacity: number | null;
}

/** One input-import flow into a supplier country: importer c, origin o, value (USD, summed over the input codes). */
export interface InputImport {
  importer: string;
  origin: string;
  value: number;
}

/** Exposure to one origin country. */
export interface UpstreamOriginShare {
  origin: string;
  /** U(b, o) = Σ_c a_c · m_{c,o}. */
  upstreamShare: number;
  /** a_o: the brand's own (direct) capacity share in o, 0 when it sources nothing there. */
  directShare: number;
}

/** A brand's upstream exposure. */
export interface UpstreamExposureFigures {
  /** Σ of the known capacity weights (W of a_c). */
  capacity: number;
  /** Facilities of unknown capacity, left out of every share. */
  unknownCapacity: number;
  /** Σ a_c over the supplier countries with no input imports (with no capacity at all: null). */
  uncoveredShare: number | null;
  /** Origins with U > 0 or a direct share > 0: U descending, then origin code. */
  origins: UpstreamOriginShare[];
  /** Concentration of U over the origins (U renormalised over the covered part, as every market's shares are). */
  concentration: ConcentrationMetrics;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Capacity shares a_c of the supplier countries (facilities of known capacity > 0 only). */
export function supplierShares(facilities: readonly UpstreamFacility[]): Map<string, number> {
  const byCountry = new Map<string, number>();
  let total = 0;
  for (const f of facilities) {
    if (f.capacity === null || !(f.capacity > 0)) continue;
    byCountry.set(f.country, (byCountry.get(f.country) ?? 0) + f.capacity);
    total += f.capacity;
  }
  for (const [c, w] of byCountry) byCountry.set(c, w / total);
  return byCountry;
}

/** Import shares m_{c,o} of each importer c over its origins (flows with value 0 or from c itself are not counted). */
export function importShares(imports: readonly InputImport[]): Map<string, Map<string, number>> {
  const byImporter = new Map<string, Map<string, number>>();
  for (const x of imports) {
    if (!(x.value > 0) || x.origin === x.importer) continue;
    const origins = byImporter.get(x.importer) ?? new Map<string, number>();
    origins.set(x.origin, (origins.get(x.origin) ?? 0) + x.value);
    byImporter.set(x.importer, origins);
  }
  for (const origins of byImporter.values()) {
    const total = [...origins.values()].reduce((s, v) => s + v, 0);
    for (const [o, v] of origins) origins.set(o, v / total);
  }
  return byImporter;
}

/**
 * U(b, o) for every origin, the direct share next to it, the uncovered share and the concentration of U.
 * `imports` are the input imports of the supplier countries (already restricted to the inputs of the types
 * sourced in each country); countries without any are uncovered.
 */
export function upstreamExposure(
  facilities: readonly UpstreamFacility[],
  imports: readonly InputImport[],
  guidelines: BandGuidelines = 'DOJ_FTC_2023',
): UpstreamExposureFigures {
  const a = supplierShares(facilities);
  const m = importShares(imports);
  const exposure = new Map<string, number>();
  for (const [c, share] of a) {
    const origins = m.get(c);
    if (!origins) continue;
    for (const [o, mco] of origins) exposure.set(o, (exposure.get(o) ?? 0) + share * mco);
  }
  const keys = new Set([...exposure.keys(), ...a.keys()]);
  const origins = [...keys]
    .map((origin) => ({ origin, upstreamShare: exposure.get(origin) ?? 0, directShare: a.get(origin) ?? 0 }))
    .sort((x, y) => y.upstreamShare - x.upstreamShare || byteOrder(x.origin, y.origin));
  const known = facilities.filter((f) => f.capacity !== null && f.capacity > 0);
  const capacity = known.reduce((s, f) => s + f.capacity!, 0);
  // Σ a_c over the uncovered countries as their weight over W: a wholly uncovered brand gives exactly 1.
  const uncovered = known.filter((f) => !m.has(f.country)).reduce((s, f) => s + f.capacity!, 0) / capacity;
  return {
    capacity,
    unknownCapacity: facilities.filter((f) => f.capacity === null).length,
    uncoveredShare: a.size === 0 ? null : uncovered,
    origins,
    concentration: concentration(
      [...exposure.values()].filter((u) => u > 0),
      guidelines,
    ),
  };
}

/** Upstream loss of a disruption removing origins R: Σ_{o ∈ R} U(b, o). */
export function upstreamLoss(figures: Pick<UpstreamExposureFigures, 'origins'>, removed: readonly string[]): number {
  const r = new Set(removed);
  return figures.origins.filter((o) => r.has(o.origin)).reduce((s, o) => s + o.upstreamShare, 0);
}

/**
 * Rival overlap (technology-leakage exposure): the reference implementation of METRICS.md, "Rival
 * overlap". Pure functions over sourcing links, no I/O; the SQL implementation is tested against them.
 *
 * A brand `b`'s facilities `F_b` are those it links at its disclosure in force; `cap(f)` is the weight of
 * `f` in `b`'s market (workers, range midpoint, 1 for COUNT…), null when unknown: unknown capacity is left
 * out of capacity sums and counted apart, never weighed as 0 or 1. `T_b(f)` are the product types `b`
 * sources from `f`. A rival of `b` is any other brand of the links.
 */

/** One brand's link to one facility for one product type, at the brand's disclosure in force. */
export interface OverlapLink {
  brand: string;
  facility: string;
  productType: string;
  /** cap(f) in this brand's market; null = unknown. Every link of one (brand, facility) carries the same value. */
  capacity: number | null;
  /** The facility's owner; null = none (the facility is its own manufacturer at MANUFACTURER level). */
  manufacturer?: string | null;
}

/** One brand's overlap with one rival. */
export interface RivalOverlap {
  rival: string;
  /** F_b ∩ F_r, ascending. */
  sharedFacilities: string[];
  /** |F_b ∩ F_r|. */
  shared: number;
  /** Shared facilities where T_b(f) ∩ T_r(f) ≠ ∅. */
  sameTypeShared: number;
  /** Σ cap(f) over the shared facilities of known capacity (b's weights). */
  sharedCapacity: number;
  /** Shared facilities of unknown capacity (left out of sharedCapacity). */
  sharedUnknownCapacity: number;
  /** sharedCapacity / Σ_{f ∈ F_b} cap(f) (known ones); null when b has no capacity known. */
  overlapShare: number | null;
  /** |F_b ∩ F_r| / |F_b ∪ F_r|. */
  jaccard: number;
}

/** A brand's facilities: each one's capacity in its market, the product types sourced there, its manufacturer. */
interface BrandSite {
  capacity: number | null;
  types: Set<string>;
  manufacturer: string;
}

/** Links grouped by brand, then facility; only links of `productType` when it is given. */
function sitesByBrand(links: readonly OverlapLink[], productType: string | null = null): Map<string, Map<string, BrandSite>> {
  const brands = new Map<string, Map<string, BrandSite>>();
  for (const l of links) {
    if (productType !== null && l.productType !== productType) continue;
    let sites = brands.get(l.brand);
    if (!sites) brands.set(l.brand, (sites = new Map()));
    let site = sites.get(l.facility);
    if (!site)
      sites.set(l.facility, (site = { capacity: l.capacity, types: new Set(), manufacturer: l.manufacturer ?? `facility:${l.facility}` }));
    site.types.add(l.productType);
  }
  return brands;
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const knownCapacity = (sites: Iterable<BrandSite>) => {
  let sum = 0;
  for (const s of sites) if (s.capacity !== null) sum += s.capacity;
  return sum;
};
const intersects = (a: Set<string>, b: Set<string>) => [...a].some((t) => b.has(t));

/**
 * `brand`'s overlap with every rival sharing at least one facility, by shared count descending (ties by
 * rival id). With `productType`, every brand's facilities are those where it sources that type.
 */
export function rivalOverlap(links: readonly OverlapLink[], brand: string, productType: string | null = null): RivalOverlap[] {
  const brands = sitesByBrand(links, productType);
  const own = brands.get(brand);
  if (!own) return [];
  const total = knownCapacity(own.values());
  const result: RivalOverlap[] = [];
  for (const [rival, sites] of brands) {
    if (rival === brand) continue;
    const shared = [...own.keys()].filter((f) => sites.has(f)).sort(compareKeys);
    if (shared.length === 0) continue;
    const ownShared = shared.map((f) => own.get(f)!);
    const sharedCapacity = knownCapacity(ownShared);
    result.push({
      rival,
      sharedFacilities: shared,
      shared: shared.length,
      sameTypeShared: shared.filter((f) => intersects(own.get(f)!.types, sites.get(f)!.types)).length,
      sharedCapacity,
      sharedUnknownCapacity: ownShared.filter((s) => s.capacity === null).length,
      overlapShare: total > 0 ? sharedCapacity / total : null,
      jaccard: shared.length / (own.size + sites.size - shared.length),
    });
  }
  return result.sort((a, b) => b.shared - a.shared || compareKeys(a.rival, b.rival));
}

/** Where leakage is looked for: at the facility itself, or anywhere at its owner. */
export type LeakageLevel = 'FACILITY' | 'MANUFACTURER';

/** A brand's leakage exposure (METRICS.md, "Leakage exposure"). */
export interface LeakageExposure {
  /** |F_b|. */
  facilities: number;
  /** Facilities (FACILITY) or manufacturers (MANUFACTURER) of b. */
  participants: number;
  /** Σ cap(f) over F_b (known ones). */
  capacity: number;
  /** Facilities of F_b of unknown capacity. */
  unknownCapacity: number;
  /** Facilities of F_b exposed: a rival makes there (at its owner) a type b sources there (from it). */
  exposedFacilities: number;
  /** Exposed facilities or manufacturers. */
  exposedParticipants: number;
  /** Σ cap(f) over the exposed facilities (known ones). */
  exposedCapacity: number;
  /** Exposed facilities of unknown capacity. */
  exposedUnknownCapacity: number;
  /** exposedCapacity / capacity; null when capacity is 0. */
  share: number | null;
  /** Rivals that make, at an exposed facility or manufacturer, a type b sources there. */
  rivals: number;
}

/**
 * `brand`'s leakage exposure: the share of its capacity at facilities (FACILITY) or owned by manufacturers
 * (MANUFACTURER, a facility without owner its own manufacturer) where at least one rival is served in a
 * product type `brand` sources there; at MANUFACTURER level a rival counts at any facility of the owner.
 */
export function leakageExposure(links: readonly OverlapLink[], brand: string, level: LeakageLevel): LeakageExposure {
  const brands = sitesByBrand(links);
  const own = brands.get(brand) ?? new Map<string, BrandSite>();
  const placeOf = (facility: string, site: BrandSite) => (level === 'FACILITY' ? facility : site.manufacturer);
  // T_b(place) and, per rival, T_r(place), over every facility of each brand.
  const ownTypes = new Map<string, Set<string>>();
  for (const [f, site] of own) {
    const place = placeOf(f, site);
    const types = ownTypes.get(place) ?? new Set<string>();
    site.types.forEach((t) => types.add(t));
    ownTypes.set(place, types);
  }
  const rivalsAt = new Map<string, Set<string>>();
  for (const [rival, sites] of brands) {
    if (rival === brand) continue;
    for (const [f, site] of sites) {
      const place = placeOf(f, site);
      const types = ownTypes.get(place);
      if (!types || !intersects(types, site.types)) continue;
      const rivals = rivalsAt.get(place) ?? new Set<string>();
      rivals.add(rival);
      rivalsAt.set(place, rivals);
    }
  }
  const exposed = [...own].filter(([f, site]) => rivalsAt.has(placeOf(f, site))).map(([, site]) => site);
  const capacity = knownCapacity(own.values());
  const exposedCapacity = knownCapacity(exposed);
  return {
    facilities: own.size,
    participants: ownTypes.size,
    capacity,
    unknownCapacity: [...own.values()].filter((s) => s.capacity === null).length,
    exposedFacilities: exposed.length,
    exposedParticipants: rivalsAt.size,
    exposedCapacity,
    exposedUnknownCapacity: exposed.filter((s) => s.capacity === null).length,
    share: capacity > 0 ? exposedCapacity / capacity : null,
    rivals: new Set([...rivalsAt.values()].flatMap((r) => [...r])).size,
  };
}

/** A brand of the overlap network. */
export interface OverlapNode {
  brand: string;
  /** Facilities where the brand sources the type (any type when none is given). */
  facilities: number;
}

/** Two brands sharing facilities in the type: `brandA` < `brandB`. */
export interface OverlapEdge {
  brandA: string;
  brandB: string;
  /** Facilities where both source the type. */
  sharedFacilities: number;
  /** Σ of the shared facilities' own capacity (`facilityCapacity`), known ones. */
  sharedCapacity: number;
  /** Shared facilities of unknown capacity. */
  sharedUnknownCapacity: number;
}

/**
 * The overlap network of `productType` (null: any type): a node per brand sourcing it, an edge per pair
 * sharing at least `minShared` (≥ 1) facilities where both source it, weighted by their count and by the
 * facilities' own capacity (one figure per facility, whichever brand disclosed it). Nodes by brand id,
 * edges by shared count descending, then brandA, brandB.
 */
export function overlapNetwork(
  links: readonly OverlapLink[],
  productType: string | null,
  minShared: number,
  facilityCapacity: (facility: string) => number | null,
): { nodes: OverlapNode[]; edges: OverlapEdge[] } {
  const brands = sitesByBrand(links, productType);
  const ids = [...brands.keys()].sort(compareKeys);
  const edges: OverlapEdge[] = [];
  ids.forEach((a, i) => {
    for (const b of ids.slice(i + 1)) {
      const other = brands.get(b)!;
      const shared = [...brands.get(a)!.keys()].filter((f) => other.has(f));
      if (shared.length === 0 || shared.length < minShared) continue;
      const capacities = shared.map(facilityCapacity);
      edges.push({
        brandA: a,
        brandB: b,
        sharedFacilities: shared.length,
        sharedCapacity: capacities.reduce<number>((sum, c) => sum + (c ?? 0), 0),
        sharedUnknownCapacity: capacities.filter((c) => c === null).length,
      });
    }
  });
  edges.sort((x, y) => y.sharedFacilities - x.sharedFacilities || compareKeys(x.brandA, y.brandA) || compareKeys(x.brandB, y.brandB));
  return { nodes: ids.map((brand) => ({ brand, facilities: brands.get(brand)!.size })), edges };
}

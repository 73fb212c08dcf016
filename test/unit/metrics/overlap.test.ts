import { leakageExposure, overlapNetwork, rivalOverlap, type OverlapLink } from '../../../src/modules/metrics/overlap';

const link = (
  brand: string,
  facility: string,
  productType: string,
  capacity: number | null,
  manufacturer: string | null = null,
): OverlapLink => ({
  brand,
  facility,
  productType,
  capacity,
  manufacturer,
});

/*
 * Brand A: f1 (100 workers, FOOTWEAR), f2 (300, APPAREL), f3 (unknown, APPAREL), f4 (600, FOOTWEAR + APPAREL).
 * Brand B: f1 (FOOTWEAR), f2 (FOOTWEAR), f5.  Brand C: f4 (APPAREL), f6.
 * Manufacturers: m1 owns f1, f2 and f5; f3, f4, f6 have no owner.
 * B's and C's capacities are their own (different figures for the same facility do not change A's shares).
 */
const links: OverlapLink[] = [
  link('A', 'f1', 'FOOTWEAR', 100, 'm1'),
  link('A', 'f2', 'APPAREL', 300, 'm1'),
  link('A', 'f3', 'APPAREL', null),
  link('A', 'f4', 'FOOTWEAR', 600),
  link('A', 'f4', 'APPAREL', 600),
  link('B', 'f1', 'FOOTWEAR', 90, 'm1'),
  link('B', 'f2', 'FOOTWEAR', 250, 'm1'),
  link('B', 'f5', 'APPAREL', 40, 'm1'),
  link('C', 'f4', 'APPAREL', 500),
  link('C', 'f6', 'EQUIPMENT', 10),
];

describe('rivalOverlap', () => {
  it('counts shared facilities, same-type ones, the overlap share of the brand capacity and Jaccard', () => {
    expect(rivalOverlap(links, 'A')).toEqual([
      // F_A ∩ F_B = {f1, f2}; same type only at f1 (FOOTWEAR; at f2 A makes APPAREL, B FOOTWEAR).
      // Overlap share (100 + 300) / (100 + 300 + 600) = 0.4 (f3 unknown, left out); Jaccard 2 / |{f1..f5}| = 2/5.
      {
        rival: 'B',
        sharedFacilities: ['f1', 'f2'],
        shared: 2,
        sameTypeShared: 1,
        sharedCapacity: 400,
        sharedUnknownCapacity: 0,
        overlapShare: 0.4,
        jaccard: 0.4,
      },
      // F_A ∩ F_C = {f4} (APPAREL on both sides): 600 / 1000; Jaccard 1 / |{f1, f2, f3, f4, f6}| = 1/5.
      {
        rival: 'C',
        sharedFacilities: ['f4'],
        shared: 1,
        sameTypeShared: 1,
        sharedCapacity: 600,
        sharedUnknownCapacity: 0,
        overlapShare: 0.6,
        jaccard: 0.2,
      },
    ]);
  });

  it('is not symmetric in the overlap share (a share of each brand own capacity), symmetric in Jaccard', () => {
    const [b] = rivalOverlap(links, 'B').filter((r) => r.rival === 'A');
    // B's capacity 90 + 250 + 40 = 380; shared f1 + f2 = 340.
    expect(b).toMatchObject({ shared: 2, sameTypeShared: 1, sharedCapacity: 340, jaccard: 0.4 });
    expect(b.overlapShare).toBeCloseTo(340 / 380, 15);
  });

  it('counts a shared facility of unknown capacity apart, never as 0 or 1', () => {
    const withUnknown = [...links, link('D', 'f3', 'APPAREL', 70)];
    const [d] = rivalOverlap(withUnknown, 'A').filter((r) => r.rival === 'D');
    expect(d).toMatchObject({ shared: 1, sameTypeShared: 1, sharedCapacity: 0, sharedUnknownCapacity: 1, overlapShare: 0, jaccard: 1 / 4 });
  });

  it('restricts every brand to the facilities of a product type when one is asked', () => {
    // FOOTWEAR: F_A = {f1, f4}, F_B = {f1, f2}, F_C = ∅. Overlap share 100 / 700; Jaccard 1 / 3.
    const result = rivalOverlap(links, 'A', 'FOOTWEAR');
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ rival: 'B', sharedFacilities: ['f1'], shared: 1, sameTypeShared: 1, sharedCapacity: 100 });
    expect(result[0].overlapShare).toBeCloseTo(1 / 7, 15);
    expect(result[0].jaccard).toBeCloseTo(1 / 3, 15);
  });

  it('breaks ties in the shared count by rival id', () => {
    const tied = [link('A', 'f1', 'APPAREL', 1), link('Z', 'f1', 'APPAREL', 1), link('M', 'f1', 'APPAREL', 1)];
    expect(rivalOverlap(tied, 'A').map((r) => r.rival)).toEqual(['M', 'Z']);
  });

  it('has null overlap share when no capacity of the brand is known', () => {
    const unknown = [link('A', 'f1', 'APPAREL', null), link('B', 'f1', 'APPAREL', 5)];
    expect(rivalOverlap(unknown, 'A')[0]).toMatchObject({ shared: 1, sharedUnknownCapacity: 1, overlapShare: null, jaccard: 1 });
  });

  it('is empty for a brand without links, a single brand, or rivals sharing nothing', () => {
    expect(rivalOverlap([], 'A')).toEqual([]);
    expect(rivalOverlap(links, 'X')).toEqual([]);
    expect(rivalOverlap([link('A', 'f1', 'APPAREL', 1)], 'A')).toEqual([]);
    expect(rivalOverlap([link('A', 'f1', 'APPAREL', 1), link('B', 'f2', 'APPAREL', 1)], 'A')).toEqual([]);
  });
});

describe('leakageExposure', () => {
  it('at FACILITY level: the capacity at facilities where a rival makes a type the brand sources there', () => {
    // f1: B makes FOOTWEAR, as A → exposed. f2: B makes FOOTWEAR, A APPAREL → not. f4: C makes APPAREL → exposed.
    // Exposed 100 + 600 of 1,000; f3 (unknown) is not exposed but counted in unknownCapacity.
    expect(leakageExposure(links, 'A', 'FACILITY')).toEqual({
      facilities: 4,
      participants: 4,
      capacity: 1000,
      unknownCapacity: 1,
      exposedFacilities: 2,
      exposedParticipants: 2,
      exposedCapacity: 700,
      exposedUnknownCapacity: 0,
      share: 0.7,
      rivals: 2,
    });
  });

  it('at MANUFACTURER level: a rival counts at any facility of the owner', () => {
    // m1 (f1, f2): A sources FOOTWEAR + APPAREL from m1; B makes FOOTWEAR at f1 and APPAREL at f5 (a facility A does
    // not use) → m1 exposed, so f1 and f2 both are. f4 (own manufacturer) exposed through C. f3 not.
    expect(leakageExposure(links, 'A', 'MANUFACTURER')).toEqual({
      facilities: 4,
      participants: 3, // m1, facility:f3, facility:f4
      capacity: 1000,
      unknownCapacity: 1,
      exposedFacilities: 3,
      exposedParticipants: 2,
      exposedCapacity: 1000,
      exposedUnknownCapacity: 0,
      share: 1,
      rivals: 2,
    });
  });

  it('counts an exposed facility of unknown capacity apart', () => {
    const withUnknown = [...links, link('D', 'f3', 'APPAREL', 70)];
    expect(leakageExposure(withUnknown, 'A', 'FACILITY')).toMatchObject({
      exposedFacilities: 3,
      exposedCapacity: 700,
      exposedUnknownCapacity: 1,
      rivals: 3,
    });
  });

  it('is 0 for a brand alone, and null share for a brand without capacity or links', () => {
    expect(leakageExposure([link('A', 'f1', 'APPAREL', 10)], 'A', 'FACILITY')).toMatchObject({ exposedFacilities: 0, share: 0, rivals: 0 });
    expect(leakageExposure([link('A', 'f1', 'APPAREL', null), link('B', 'f1', 'APPAREL', 3)], 'A', 'FACILITY')).toMatchObject({
      exposedFacilities: 1,
      exposedUnknownCapacity: 1,
      capacity: 0,
      share: null,
    });
    expect(leakageExposure([], 'A', 'MANUFACTURER')).toMatchObject({ facilities: 0, participants: 0, share: null });
  });
});

describe('overlapNetwork', () => {
  const facilityCapacity = (f: string) => ({ f1: 95, f2: 280, f3: null, f4: 550, f5: 40, f6: 10 })[f] ?? null;

  it('has a node per brand and an edge per pair sharing facilities, weighted by count and the facilities own capacity', () => {
    expect(overlapNetwork(links, null, 1, facilityCapacity)).toEqual({
      nodes: [
        { brand: 'A', facilities: 4 },
        { brand: 'B', facilities: 3 },
        { brand: 'C', facilities: 2 },
      ],
      edges: [
        { brandA: 'A', brandB: 'B', sharedFacilities: 2, sharedCapacity: 95 + 280, sharedUnknownCapacity: 0 },
        { brandA: 'A', brandB: 'C', sharedFacilities: 1, sharedCapacity: 550, sharedUnknownCapacity: 0 },
      ],
    });
  });

  it('of one product type counts only facilities where both brands source it', () => {
    // APPAREL: A {f2, f3, f4}, B {f5}, C {f4}: only A–C share f4.
    expect(overlapNetwork(links, 'APPAREL', 1, facilityCapacity).edges).toEqual([
      { brandA: 'A', brandB: 'C', sharedFacilities: 1, sharedCapacity: 550, sharedUnknownCapacity: 0 },
    ]);
  });

  it('leaves out pairs below minShared, and counts unknown capacity apart', () => {
    expect(overlapNetwork(links, null, 2, facilityCapacity).edges.map((e) => [e.brandA, e.brandB])).toEqual([['A', 'B']]);
    const unknown = overlapNetwork([link('A', 'f3', 'APPAREL', null), link('B', 'f3', 'APPAREL', null)], null, 1, facilityCapacity);
    expect(unknown.edges).toEqual([{ brandA: 'A', brandB: 'B', sharedFacilities: 1, sharedCapacity: 0, sharedUnknownCapacity: 1 }]);
  });

  it('is empty without links, and edgeless with a single brand', () => {
    expect(overlapNetwork([], null, 1, facilityCapacity)).toEqual({ nodes: [], edges: [] });
    expect(overlapNetwork([link('A', 'f1', 'APPAREL', 1)], null, 1, facilityCapacity)).toEqual({
      nodes: [{ brand: 'A', facilities: 1 }],
      edges: [],
    });
  });
});

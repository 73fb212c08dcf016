import { DEMO_INPUT_PRODUCTS } from '../../seeds/data/demo-input-products';
import { PRODUCT_TYPES } from '../../seeds/data/product-types';
import { generateFlows, generateInputFlows, type DemoCountry } from '../../seeds/demo/demo-generator';

const COUNTRIES: DemoCountry[] = ['CHN', 'VNM', 'IDN', 'KHM', 'BGD', 'IND', 'KOR', 'TWN', 'ITA', 'BRA', 'USA', 'THA'].map((id) => ({
  id,
  region: 'Asia',
}));
const INPUTS = DEMO_INPUT_PRODUCTS.filter((p) => p.code.length === 6).map((p) => p.code);
const FACILITIES = ['VNM', 'VNM', 'VNM', 'IDN', 'KHM', 'CHN', 'CHN'];
const OPTIONS = { seed: 7, flows: 500, yearFrom: 2021, yearTo: 2022, inputFlows: 300 };

describe('generateInputFlows (the demo’s imports of input products, #12)', () => {
  const flows = [...generateInputFlows(OPTIONS, COUNTRIES, INPUTS, FACILITIES)];

  it('emits exactly inputFlows rows, into the facilities’ countries only, never a key twice or a flow to itself', () => {
    expect(flows).toHaveLength(300);
    expect([...new Set(flows.map((f) => f.importer))].sort()).toEqual(['CHN', 'IDN', 'KHM', 'VNM']);
    expect(new Set(flows.map((f) => `${f.year}|${f.exporter}|${f.importer}|${f.product}`)).size).toBe(300);
    expect(flows.filter((f) => f.exporter === f.importer)).toEqual([]);
    expect(flows.every((f) => f.valueUsd >= 1 && Number.isInteger(f.valueUsd))).toBe(true);
  });

  it('is deterministic, and caps at every exporter of every slice', () => {
    expect([...generateInputFlows(OPTIONS, [...COUNTRIES].reverse(), INPUTS, [...FACILITIES].reverse())]).toEqual(flows);
    // 11 products × 2 years × 4 importers × 11 exporters.
    expect([...generateInputFlows({ ...OPTIONS, inputFlows: 10_000 }, COUNTRIES, INPUTS, FACILITIES)]).toHaveLength(11 * 2 * 4 * 11);
    expect([...generateInputFlows({ ...OPTIONS, inputFlows: 0 }, COUNTRIES, INPUTS, FACILITIES)]).toEqual([]);
  });

  it('leaves the demo’s other flows as they were (a stream of its own)', () => {
    const products = ['610910', '640399'];
    expect([
      ...generateFlows({ ...OPTIONS, brands: 1, manufacturers: 1, facilities: 1, disclosureDates: [] }, COUNTRIES, products),
    ]).toEqual([
      ...generateFlows({ ...OPTIONS, inputFlows: 0, brands: 1, manufacturers: 1, facilities: 1, disclosureDates: [] }, COUNTRIES, products),
    ]);
  });

  it('draws on products that are inputs of every sourced product type', () => {
    for (const type of ['APPAREL', 'FOOTWEAR', 'EQUIPMENT', 'BAGS', 'HEADWEAR']) {
      const inputs = PRODUCT_TYPES.find((t) => t.id === type)!.inputs;
      expect(INPUTS.some((code) => inputs.some((input) => code.startsWith(input)))).toBe(true);
    }
  });
});

import {
  complexityOfTable,
  computeComplexity,
  rcaTable,
  rcaTableFromCells,
  type ExportValue,
  type RcaCell,
} from '../../../src/modules/complexity/complexity';

/** Exports of 4 countries in 5 products, some pairs missing, one country and one product with nothing. */
const yearExports: ExportValue[] = [
  { country: 'D', product: 'p1', value: 5 },
  { country: 'D', product: 'p2', value: 1 },
  { country: 'D', product: 'p4', value: 7 },
  { country: 'A', product: 'p1', value: 10 },
  { country: 'A', product: 'p3', value: 2 },
  { country: 'A', product: 'p5', value: 0 },
  { country: 'C', product: 'p2', value: 8 },
  { country: 'C', product: 'p3', value: 3 },
  { country: 'C', product: 'p4', value: 1 },
  { country: 'B', product: 'p1', value: 1 },
  { country: 'B', product: 'p2', value: 4 },
  { country: 'B', product: 'p3', value: 6 },
  { country: 'E', product: 'p1', value: 0 },
];

describe('rcaTableFromCells (the API path: RCA and M from SQL, complexity in Node)', () => {
  it('rebuilds from the positive cells the table rcaTable builds from the raw exports, and the same complexity', () => {
    const reference = rcaTable(yearExports);
    const np = reference.products.length;
    const cells: RcaCell[] = reference.countries.flatMap((country, c) =>
      reference.products
        .map((product, p) => ({
          country,
          product,
          value: reference.values.data[c * np + p],
          rca: reference.rca.data[c * np + p],
          m: reference.m.data[c * np + p] as 0 | 1,
        }))
        .filter((x) => x.value > 0),
    );
    expect(cells.length).toBeLessThan(reference.countries.length * np);
    // Given in another order, as SQL may return them.
    const rebuilt = rcaTableFromCells([...cells].reverse());
    expect(rebuilt).toEqual(reference);
    expect([rebuilt.countries, rebuilt.products]).toEqual([
      ['A', 'B', 'C', 'D'],
      ['p1', 'p2', 'p3', 'p4'],
    ]);
    expect(complexityOfTable(rebuilt)).toEqual(computeComplexity(yearExports));
  });

  it('takes M as given: a cell marked M = 1 counts in diversity and ubiquity whatever its RCA', () => {
    const cells: RcaCell[] = [
      { country: 'A', product: 'p', value: 1, rca: 0.999, m: 1 },
      { country: 'A', product: 'q', value: 1, rca: 1.001, m: 0 },
      { country: 'B', product: 'q', value: 1, rca: 2, m: 1 },
    ];
    const result = complexityOfTable(rcaTableFromCells(cells));
    expect(result.countries.map((c) => [c.country, c.diversity])).toEqual([
      ['A', 1],
      ['B', 1],
    ]);
    expect(result.products.map((p) => [p.product, p.ubiquity])).toEqual([
      ['p', 1],
      ['q', 1],
    ]);
  });

  it('is empty for no cells', () => {
    expect(complexityOfTable(rcaTableFromCells([]))).toEqual({ countries: [], products: [], cells: [] });
  });
});

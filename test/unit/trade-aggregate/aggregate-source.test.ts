import {
  aggregateRollups,
  aggregateSource,
  restrictingFields,
  type AggregateRollups,
} from '../../../src/modules/trade-aggregate/aggregate-source';
import { TradeDimension as D, type TradeAggregateFilter } from '../../../src/modules/trade-aggregate/trade-aggregate.types';
import type { CatalogDataset } from '../../../src/catalog/catalog';

const ALL: AggregateRollups = { worldExports: true, exporterYears: true, importerYears: true };

/** The table an aggregate is read from, for a dataset with `rollups`. */
const source = (groupBy: D[], filter: TradeAggregateFilter | null, sums: Array<'valueUsd' | 'quantityTons' | 'flowCount'>, rollups = ALL) =>
  aggregateSource({ rollups, groupBy, filterFields: restrictingFields(filter) }, sums).table.text;

describe('the source of a trade aggregate', () => {
  it('is the smallest rollup whose grain covers the grouping, the filter and the sums', () => {
    // Q4: an exporter's value by year.
    expect(source([D.YEAR], { exporters: ['CHN'] }, ['valueUsd'])).toBe('trade_exporter_year');
    expect(source([D.EXPORTER_REGION, D.YEAR], { exporterGroup: 'EU27', yearFrom: 2020 }, ['quantityTons', 'flowCount'])).toBe(
      'trade_exporter_year',
    );
    expect(source([D.IMPORTER, D.YEAR], { importers: ['USA'], yearTo: 2022 }, ['valueUsd', 'quantityTons'])).toBe('trade_importer_year');
    expect(source([], null, ['valueUsd', 'flowCount'])).toBe('trade_exporter_year');
    // Q3: a product by year and exporter, the value alone.
    expect(source([D.YEAR, D.EXPORTER], { hsPrefix: '847130' }, ['valueUsd'])).toBe('trade_world_export');
    expect(source([D.PRODUCT, D.EXPORTER_SUB_REGION], { exporters: ['CHN'] }, ['valueUsd'])).toBe('trade_world_export');
  });

  it('is the flows for what no rollup keeps: both sides, a product with other sums, a missing rollup', () => {
    expect(source([D.YEAR], { exporters: ['CHN'], importers: ['USA'] }, ['valueUsd'])).toBe('trade_flow');
    expect(source([D.EXPORTER, D.IMPORTER], null, ['valueUsd'])).toBe('trade_flow');
    expect(source([D.YEAR, D.EXPORTER], { hsPrefix: '847130' }, ['valueUsd', 'flowCount'])).toBe('trade_flow');
    expect(source([D.PRODUCT, D.IMPORTER], null, ['valueUsd'])).toBe('trade_flow');
    expect(source([D.YEAR], { exporters: ['CHN'] }, ['valueUsd'], { ...ALL, exporterYears: false })).toBe('trade_world_export');
    expect(source([D.YEAR], { exporters: ['CHN'] }, ['flowCount'], { ...ALL, exporterYears: false })).toBe('trade_flow');
  });

  it('counts only the filter fields that restrict: an empty list does not', () => {
    expect([...restrictingFields({ exporters: [], importers: null, yearFrom: 2020, hsPrefix: '61' })].sort()).toEqual([
      'hsPrefix',
      'yearFrom',
    ]);
    expect(source([D.YEAR], { importers: [], exporters: ['CHN'] }, ['valueUsd'])).toBe('trade_exporter_year');
  });

  it('reads no rollup of a dataset whose codes mix levels', () => {
    const dataset = { mixed: true, worldRollup: true, exporterYears: true, importerYears: true } as CatalogDataset;
    expect(aggregateRollups(dataset)).toEqual({ worldExports: false, exporterYears: false, importerYears: false });
    expect(aggregateRollups({ ...dataset, mixed: false, importerYears: false })).toEqual({
      worldExports: true,
      exporterYears: true,
      importerYears: false,
    });
  });
});

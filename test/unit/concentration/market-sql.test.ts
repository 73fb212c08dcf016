import { sql } from '../../../src/database/sql';
import { brandLinks, brandWeights } from '../../../src/modules/concentration/brand-market.sql';
import { concentration } from '../../../src/modules/concentration/concentration.sql';
import { CapacityWeight, SupplierDimension } from '../../../src/modules/concentration/supplier-concentration.types';
import { TradeMarketKind } from '../../../src/modules/concentration/trade-market-kind';
import { tradeWeights } from '../../../src/modules/concentration/trade-weights.sql';

const market = {
  kind: TradeMarketKind.IMPORT_SOURCES,
  datasetId: 7,
  mixed: false,
  years: { from: 2022, to: 2022 },
  product: '640399',
  extraGroup: false,
};

describe('trade market SQL', () => {
  it('binds every value where its placeholder is: label, dataset, year, reporters (twice extra-group), product', () => {
    const q = tradeWeights({ ...market, reporters: ['DEU', 'FRA'], extraGroup: true, reporterLabel: 'EU27', marketBy: 'REPORTER' });
    expect(q.values).toEqual(['EU27', 7, 2022, 'DEU', 'FRA', 'DEU', 'FRA', '640399']);
    expect(q.text).toMatch(
      /^select \?::text as market, f\.exporter_id as participant, f\.value_usd as weight from trade_flow f where f\.dataset_id = \? and f\.year = \? /,
    );
    expect(q.text).toContain(
      'f.importer_id in (?, ?) and f.exporter_id not in (?, ?) and f.product_code = ? and length(f.product_code) >= 6',
    );
  });

  it('pastes the HS level as an asserted integer and keys per-product markets by it', () => {
    const q = tradeWeights({
      ...market,
      kind: TradeMarketKind.WORLD_EXPORTERS,
      product: null,
      reporters: null,
      products: ['6403', '6404'],
      marketBy: 'PRODUCT',
    });
    expect(q.text).toContain('select left(f.product_code, 4) as market');
    expect(q.text).toContain('left(f.product_code, 4) in (?, ?)');
    expect(q.values).toEqual([7, 2022, '6403', '6404']);
    expect(() => tradeWeights({ ...market, level: 2, marketBy: 'ONE', reporters: ['USA'] })).toThrow(/coarser/);
    expect(() => tradeWeights({ ...market, reporters: null, marketBy: 'ONE' })).toThrow(/needs reporters/);
  });

  it('binds k and top of the concentration statement after the weights’ values', () => {
    const q = concentration(sql`select 1 as market, 'A' as participant, ${5} as weight`, { k: 4, top: 12 });
    expect(q.values).toEqual([5, 4, 12]);
    expect(q.text).toContain('rank <= ?::int) as crk');
  });

  it('binds the brands of a supplier market before its date', () => {
    const q = brandWeights(brandLinks([3, 4], '2024-01-01'), SupplierDimension.MANUFACTURER, CapacityWeight.VOLUME);
    expect(q.values).toEqual([3, 4, '2024-01-01']);
    expect(q.text).toContain("coalesce(f.manufacturer_id::text, 'facility:' || f.id) as participant, l.volume as weight");
    expect(brandLinks(null, null).values).toEqual([null]);
  });
});

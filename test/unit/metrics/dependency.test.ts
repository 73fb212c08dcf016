import { GEODEP_DEFAULTS, geoDepVerdict, isPersistent } from '../../../src/modules/metrics/dependency';

describe('GeoDep verdicts (METRICS.md, "Strategic dependency")', () => {
  it('needs C1, C2 and C3 by default, each strictly above its threshold', () => {
    expect(geoDepVerdict({ importHhi: 0.5, worldExportHhi: 0.45, imports: 30, exports: 10 })).toEqual({
      c1: true,
      c2: true,
      importExportRatio: 3,
      c3: true,
      dependent: true,
    });
    // Exactly at a threshold is not above it.
    expect(geoDepVerdict({ importHhi: 0.4, worldExportHhi: 0.9, imports: 30, exports: 10 })).toMatchObject({ c1: false, dependent: false });
    expect(geoDepVerdict({ importHhi: 0.9, worldExportHhi: 0.9, imports: 10, exports: 10 })).toMatchObject({
      importExportRatio: 1,
      c3: false,
      dependent: false,
    });
  });

  it('reports a null ratio and C3 true when the importer exports none of the product', () => {
    expect(geoDepVerdict({ importHhi: 0.9, worldExportHhi: 0.9, imports: 5, exports: 0 })).toMatchObject({
      importExportRatio: null,
      c3: true,
      dependent: true,
    });
  });

  it('takes other thresholds and criteria as arguments', () => {
    const x = { importHhi: 0.3, worldExportHhi: 0.1, imports: 5, exports: 1 };
    expect(geoDepVerdict(x).dependent).toBe(false);
    expect(geoDepVerdict(x, { ...GEODEP_DEFAULTS, importHhiAbove: 0.25, criteria: ['C1', 'C3'] }).dependent).toBe(true);
    expect(geoDepVerdict(x, { ...GEODEP_DEFAULTS, importExportRatioAbove: 5, criteria: ['C3'] }).dependent).toBe(false);
  });

  it('is persistent when dependent in at least 2 of the last 3 years', () => {
    expect(isPersistent([2020, 2022], 2022)).toBe(true);
    expect(isPersistent([2022], 2022)).toBe(false);
    // 2019 is outside the window 2020–2022; 2023 is after the year asked.
    expect(isPersistent([2019, 2022, 2023], 2022)).toBe(false);
    expect(isPersistent([2021], 2022, 3, 1)).toBe(true);
  });
});

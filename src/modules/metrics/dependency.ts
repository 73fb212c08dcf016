/**
 * Strategic dependency verdicts (METRICS.md, "Strategic dependency", CEPII GeoDep criteria): the
 * reference implementation, pure and without I/O. Thresholds and the set of criteria are arguments so
 * that other methods (e.g. the European Commission's 2021 one) can be expressed.
 */

export type GeoDepCriterion = 'C1' | 'C2' | 'C3';

export interface GeoDepThresholds {
  /** C1 holds when the HHI of the importer's sources is above this (default 0.4). */
  importHhiAbove: number;
  /** C2 holds when the HHI of world exporters is above this (default 0.4). */
  worldExportHhiAbove: number;
  /** C3 holds when imports / exports is above this (default 1); no exports → ratio null and C3 true. */
  importExportRatioAbove: number;
  /** The criteria that must all hold for "dependent" (default all three). */
  criteria: readonly GeoDepCriterion[];
}

export const GEODEP_DEFAULTS: GeoDepThresholds = {
  importHhiAbove: 0.4,
  worldExportHhiAbove: 0.4,
  importExportRatioAbove: 1,
  criteria: ['C1', 'C2', 'C3'],
};

/** One importer, product and year. */
export interface GeoDepInput {
  importHhi: number;
  worldExportHhi: number;
  imports: number;
  exports: number;
}

export interface GeoDepVerdict {
  c1: boolean;
  c2: boolean;
  /** imports / exports; null when the importer has no exports of the product. */
  importExportRatio: number | null;
  c3: boolean;
  dependent: boolean;
}

/** Each criterion's verdict and whether all criteria asked hold. */
export function geoDepVerdict(x: GeoDepInput, t: GeoDepThresholds = GEODEP_DEFAULTS): GeoDepVerdict {
  const c1 = x.importHhi > t.importHhiAbove;
  const c2 = x.worldExportHhi > t.worldExportHhiAbove;
  const importExportRatio = x.exports > 0 ? x.imports / x.exports : null;
  const c3 = importExportRatio === null || importExportRatio > t.importExportRatioAbove;
  const holds = { C1: c1, C2: c2, C3: c3 };
  return { c1, c2, importExportRatio, c3, dependent: t.criteria.every((c) => holds[c]) };
}

/**
 * Persistence: dependent in at least `minYears` of the `years` years ending at (and including) the year
 * asked. `dependentYears` lists the years of the window in which the product was dependent; a year
 * without imports is not a dependent year.
 */
export function isPersistent(dependentYears: readonly number[], year: number, years = 3, minYears = 2): boolean {
  return dependentYears.filter((y) => y <= year && y > year - years).length >= minYears;
}

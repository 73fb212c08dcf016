import { unitValueTrend } from '../metrics/unitvalue';
import type { UnitValueCell } from './unit-value.sql';
import type { UnitValueFigures, UnitValueRank, UnitValueSeries, UnitValueYear } from './unit-value.types';

/** The thresholds of a unit-value answer (METRICS.md "Coverage", "Unit-value trend and drops"). */
export interface UnitValueOptions {
  coverageThreshold: number;
  dropThreshold: number;
  dropWindow: number;
}

function figuresOf(cell: UnitValueCell, coverageThreshold: number): UnitValueFigures {
  return {
    exporterId: cell.exporterId,
    uv: cell.uv,
    worldUv: cell.worldUv,
    ruv: cell.ruv,
    coverage: cell.coverage,
    lowCoverage: cell.coverage === null || cell.coverage < coverageThreshold,
    value: cell.value,
    valueWithQuantity: cell.valueWithQuantity,
    quantityTons: cell.quantityTons,
    flows: cell.flows,
    flowsWithQuantity: cell.flowsWithQuantity,
  };
}

const NO_DATA = {
  uv: null,
  worldUv: null,
  ruv: null,
  coverage: null,
  lowCoverage: false,
  value: 0,
  valueWithQuantity: 0,
  quantityTons: null,
  flows: 0,
  flowsWithQuantity: 0,
};

/**
 * Rows and series of exporters over [from, to] from the cells of one product (cells of the `dropWindow`
 * years before `from` feed the first years' YoY and drops): every exporter asked gets every year, a year
 * without exports with null figures; trends by the reference `unitValueTrend`.
 */
export function unitValueAnswer(
  cells: readonly UnitValueCell[],
  exporters: readonly string[],
  years: { from: number; to: number },
  options: UnitValueOptions,
): { rows: UnitValueYear[]; series: UnitValueSeries[] } {
  const rows: UnitValueYear[] = [];
  const series: UnitValueSeries[] = [];
  for (const exporterId of exporters) {
    const own = cells.filter((c) => c.exporterId === exporterId);
    const byYear = new Map(own.map((c) => [c.year, c]));
    const trend = unitValueTrend(own, years.from, years.to, options.dropWindow, options.dropThreshold);
    const lowCoverageYears: number[] = [];
    for (const point of trend.points) {
      const cell = byYear.get(point.year);
      const figures = cell ? figuresOf(cell, options.coverageThreshold) : { ...NO_DATA, exporterId };
      if (cell && figures.lowCoverage) lowCoverageYears.push(point.year);
      rows.push({
        ...figures,
        year: point.year,
        hasData: cell !== undefined,
        uvYoY: point.uvYoY,
        ruvYoY: point.ruvYoY,
        ruvChange: point.ruvChange,
        drop: point.drop,
      });
    }
    const { cagrFrom, cagrTo, uvCagr, ruvCagr, dropYears } = trend;
    series.push({ exporterId, cagrFrom, cagrTo, uvCagr, ruvCagr, dropYears, lowCoverageYears });
  }
  return { rows, series };
}

/** A product's ranking by RUV (highest first, ties by code) from its cells of one year; exporters without RUV, or below minCoverage, are unranked. */
export function unitValueRanking(
  cells: readonly UnitValueCell[],
  first: number,
  minCoverage: number | null,
  coverageThreshold: number,
): { worldUv: number | null; totalCount: number; unranked: number; nodes: UnitValueRank[] } {
  const ranked = cells
    .filter((c) => c.ruv !== null && (minCoverage === null || (c.coverage ?? 0) >= minCoverage))
    .sort((a, b) => b.ruv! - a.ruv! || (a.exporterId < b.exporterId ? -1 : 1));
  return {
    worldUv: cells[0]?.worldUv ?? null,
    totalCount: ranked.length,
    unranked: cells.length - ranked.length,
    nodes: ranked.slice(0, first).map((c, i) => ({ ...figuresOf(c, coverageThreshold), rank: i + 1 })),
  };
}

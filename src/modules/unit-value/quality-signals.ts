import { qualitySummary, relativeUnitValue } from '../metrics/unitvalue';
import { yoyGrowth } from '../metrics/trends';
import type { QualitySignalCell } from './quality-signals.sql';
import type { QualitySignal, QualitySummaryRow } from './quality-signals.types';

/** Signals and per-code summaries from one brand's cells (drops and the weighted summary by the reference functions). */
export function qualitySignalsOf(
  cells: readonly QualitySignalCell[],
  dropThreshold: number,
  coverageThreshold: number,
): { signals: QualitySignal[]; summary: QualitySummaryRow[] } {
  const mapped = cells.filter((c): c is QualitySignalCell & { productCode: string } => c.productCode !== null);
  const signals: QualitySignal[] = mapped.map((c) => {
    const ruvChange = yoyGrowth(c.ruvBefore, c.ruv);
    return {
      countryId: c.countryId,
      productCode: c.productCode,
      capacityShare: c.capacityShare,
      uv: c.uv,
      worldUv: c.worldUv ?? null,
      ruv: c.ruv ?? relativeUnitValue(c.uv, c.worldUv),
      uvBefore: c.uvBefore,
      ruvBefore: c.ruvBefore,
      uvChange: yoyGrowth(c.uvBefore, c.uv),
      ruvChange,
      drop: ruvChange === null ? null : ruvChange < -dropThreshold,
      coverage: c.coverage,
      lowCoverage: c.coverage === null || c.coverage < coverageThreshold,
      value: c.value,
      quantityTons: c.quantityTons,
    };
  });
  const codes = [...new Set(signals.map((s) => s.productCode))];
  const summary = codes.map((productCode) => {
    const of = signals.filter((s) => s.productCode === productCode);
    return {
      productCode,
      countries: of.length,
      ...qualitySummary(of.map((s) => ({ share: Math.min(1, s.capacityShare), ruv: s.ruv, drop: s.drop }))),
    };
  });
  return { signals, summary };
}

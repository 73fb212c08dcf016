import { ParticipantKind } from '../concentration/concentration.types';
import { geoDepVerdict, isPersistent } from '../metrics/dependency';
import type { GeoDepRow } from './strategic-dependency.sql';
import { DependencyFilter, type GeoDepArgs, type StrategicDependency } from './strategic-dependency.types';

/**
 * The items of a report from the window's rows (geoDepRows): every product imported in `year`, with each
 * criterion's value and verdict, the years of the window in which it was dependent, and persistence.
 */
export function dependencyItems(rows: readonly GeoDepRow[], year: number, args: GeoDepArgs): StrategicDependency[] {
  const dependentYears = new Map<string, number[]>();
  const current: Array<{ row: GeoDepRow; verdict: ReturnType<typeof geoDepVerdict> }> = [];
  for (const row of rows) {
    const verdict = geoDepVerdict(
      { importHhi: row.importHhi, worldExportHhi: row.worldExportHhi, imports: row.imports, exports: row.exports },
      args,
    );
    if (verdict.dependent) dependentYears.set(row.productCode, [...(dependentYears.get(row.productCode) ?? []), row.year]);
    if (row.year === year) current.push({ row, verdict });
  }
  return current.map(({ row, verdict }) => {
    const years = dependentYears.get(row.productCode) ?? [];
    return {
      productCode: row.productCode,
      importValue: row.imports,
      exportValue: row.exports,
      importHhi: Math.min(1, row.importHhi),
      worldExportHhi: Math.min(1, row.worldExportHhi),
      ...verdict,
      dependentYears: years,
      persistent: isPersistent(years, year, args.persistenceYears, args.persistenceMin),
      largestSource: { kind: ParticipantKind.COUNTRY, participantId: row.topSource, weight: row.topWeight, share: row.topShare, rank: 1 },
    };
  });
}

/** The items `only` asks for: persistent first, then by import value (largest first), then by code. */
export function listedItems(items: readonly StrategicDependency[], only: DependencyFilter): StrategicDependency[] {
  return items
    .filter((i) => only === DependencyFilter.ALL || (only === DependencyFilter.DEPENDENT ? i.dependent : i.persistent))
    .sort(
      (a, b) => Number(b.persistent) - Number(a.persistent) || b.importValue - a.importValue || a.productCode.localeCompare(b.productCode),
    );
}

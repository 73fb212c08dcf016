import type { CatalogDataset } from '../../catalog/catalog';
import { WarningCode } from '../../errors/warning-code';

/**
 * Whether a dataset reads as the imports of a few reporters (a Comtrade imports file: 27 EU importers, 200
 * partners exporting to them): its flows go into fewer than half as many countries as they come from. Its
 * "world" exports of a product are only the exports to those reporters, and a reporter's own exports only those
 * to the others. BACI, and any file of every reporter's imports and exports, covers both sides alike.
 */
export function isImportsOnly(dataset: Pick<CatalogDataset, 'holdsFlows' | 'importerCount' | 'exporterCount'>): boolean {
  return dataset.holdsFlows && dataset.importerCount * 2 < dataset.exporterCount;
}

/** IMPORTS_ONLY_DATASET for a figure that needs world exports, computed from `dataset`; null when the dataset covers them. */
export function importsOnlyWarning(dataset: CatalogDataset, figure: string): { code: WarningCode; message: string } | null {
  if (!isImportsOnly(dataset)) return null;
  return {
    code: WarningCode.IMPORTS_ONLY_DATASET,
    message: `${figure} needs world exports, but dataset ${dataset.id} ("${dataset.name}" ${dataset.version}) holds the imports of ${dataset.importerCount} reporters only (from ${dataset.exporterCount} partners): it was computed from the exports to those reporters alone. Name a dataset of world trade (BACI) as \`dataset\` for it.`,
  };
}

import type { CatalogDataset } from '../../catalog/catalog';
import { WarningCode } from '../../errors/warning-code';
import { importsOnlyWarning } from '../dataset/dataset-coverage';
import { GeoDepCriterion } from './strategic-dependency.types';

/**
 * What a GeoDep answer must say besides its figures: C2 (world exporters) and C3 (the importer's own exports)
 * read from an imports-only dataset (IMPORTS_ONLY_DATASET), and a dataset without HS-6 codes (HS_LEVEL_NOT_IN_DATASET), and an importer that imports nothing there in the
 * year, whose empty list is no finding (NO_MATCHING_ROWS).
 */
export function geoDepWarnings(
  dataset: CatalogDataset,
  importer: string,
  year: number,
  criteria: readonly GeoDepCriterion[],
  productsImported: number,
): Array<{ code: WarningCode; message: string }> {
  const warnings = [];
  const needing = criteria.filter((c) => c === GeoDepCriterion.C2 || c === GeoDepCriterion.C3);
  const partial = needing.length ? importsOnlyWarning(dataset, `GeoDep ${needing.join(' and ')}`) : null;
  if (partial) warnings.push(partial);
  const finest = dataset.flowLevels[dataset.flowLevels.length - 1];
  if (finest !== undefined && finest < 6)
    warnings.push({
      code: WarningCode.HS_LEVEL_NOT_IN_DATASET,
      message: `GeoDep assesses HS-6 products, but dataset ${dataset.id} ("${dataset.name}" ${dataset.version}) holds HS codes at level ${dataset.flowLevels.join(', ')} only: nothing can be assessed.`,
    });
  else if (productsImported === 0)
    warnings.push({
      code: WarningCode.NO_MATCHING_ROWS,
      message: `${importer} imports no HS-6 product (under the product asked) in ${year} in dataset ${dataset.id} ("${dataset.name}" ${dataset.version}): no flow to assess, which is no finding of independence.`,
    });
  return warnings;
}

import { checkHsLevel } from '../product/hs-code';
import { checkYear } from '../../graphql/years';

export const DATASET_DESCRIPTION =
  'Dataset the exports come from: bilateral flows (BACI, Comtrade: x_ck = Σ over importers) or exporter totals (EXPORT_TOTALS). Default: the default trade dataset (`datasets { isDefault }`) when it holds exports, else the first loaded that holds either; two sources of the same trade are never added.';

export const LEVEL_DESCRIPTION =
  'HS level of the products (2 chapter, 4 heading, 6 subheading): codes are rolled up by prefix without adding a code to its own sub-codes; codes reported only at a coarser level are left out.';

/** Checks the year and HS level every specialisation figure takes. */
export function checkYearAndLevel(year: number, level: number): void {
  checkYear(year, 'year');
  checkHsLevel(level, 'level');
}

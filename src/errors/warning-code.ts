/**
 * Stable warning codes returned in `extensions.warnings[].code` (and, for GET /csv, the X-Tradegraph-Warnings
 * header): an answer that succeeded but could be read as data it is not — an empty list, a level the dataset
 * does not have, a figure from a dataset that cannot give it whole. Clients may switch on them; never rename one.
 */
export enum WarningCode {
  /** No row of the dataset matches the filter: the empty (or all-null) answer is not "zero trade". */
  NO_MATCHING_ROWS = 'NO_MATCHING_ROWS',
  /** The HS level asked (or implied by an HS prefix) is finer than any code the dataset holds: its rows are left out. */
  HS_LEVEL_NOT_IN_DATASET = 'HS_LEVEL_NOT_IN_DATASET',
  /**
   * The figure needs world exports (every exporter's flows to every importer, or a country's exports to the world)
   * but the dataset holds the imports of a few reporters only (a Comtrade imports file): computed from what it has.
   */
  IMPORTS_ONLY_DATASET = 'IMPORTS_ONLY_DATASET',
}

/** One warning of an answer: its code, a message for people, and the response path of the field it is about. */
export interface AnswerWarning {
  code: WarningCode;
  message: string;
  path: ReadonlyArray<string | number>;
}

/** The set R of a disruption scenario, validated (`resolveRemoval`): every id exists; groups expanded to their members. */
export interface Removal {
  /** Alpha-3 codes, sorted, without duplicates. */
  countries: string[];
  manufacturers: number[];
  facilities: number[];
}

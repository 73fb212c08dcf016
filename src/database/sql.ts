/**
 * Small builders for raw SQL with `?` bindings, shared by every module that writes its own statements.
 */

/** SQL with its bindings, in order. */
export interface BoundSql {
  sql: string;
  params: unknown[];
}

/** `?, ?, ?` for `n` bindings of an IN list. */
export function placeholders(n: number): string {
  return new Array(n).fill('?').join(', ');
}

/** `column in (…)` with its bindings; `false` for an empty list (SQL has no empty IN list). */
export function inList(column: string, values: readonly unknown[]): BoundSql {
  return values.length === 0 ? { sql: 'false', params: [] } : { sql: `${column} in (${placeholders(values.length)})`, params: [...values] };
}

/** Parts joined by `separator` (e.g. ' union all ', ' or '), their bindings concatenated in the same order. */
export function joinSql(parts: readonly BoundSql[], separator: string): BoundSql {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

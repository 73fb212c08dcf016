/**
 * The one way raw SQL is written in tradegraph: a tagged template in which every value travels with the
 * fragment it belongs to.
 *
 *     const market = sql`f.dataset_id = ${datasetId} and f.year between ${from} and ${to}`;
 *     const query = sql`select … from trade_flow f where ${market} and ${inList(sql`f.exporter_id`, ids)}`;
 *
 * An interpolated value becomes a binding; an interpolated `Sql` is nested, its bindings spliced in at its
 * place. Bindings are therefore in placeholder order by construction: moving a fragment moves its values
 * with it. Text that is not a value enters only through helpers that check it: `ident` (a name from a
 * list the code owns) and `int` (a safe integer, asserted). There is deliberately no `raw(string)`.
 *
 * A statement renders for either driver: `toMikro()` (`?` placeholders, the form MikroORM's `execute`
 * takes) and `toPg()` (`$1…$n`, node-postgres and PGlite, used by imports' bulk sessions).
 *
 * Written here rather than taken from `sql-template-tag` (the well-kept package for this), whose current
 * major is ESM-only and cannot be required by this CommonJS build and its Jest transform; and we need the
 * checked identifier and integer helpers and the `?` escaping that MikroORM's placeholder format wants.
 */

/** A value a statement may bind (arrays are refused: use `list` for IN lists). */
export type SqlValue = string | number | boolean | bigint | Date | null;

export class Sql {
  /** Text between bindings: always `values.length + 1` pieces. */
  readonly strings: readonly string[];
  readonly values: readonly SqlValue[];

  constructor(strings: readonly string[], values: readonly unknown[]) {
    if (strings.length !== values.length + 1) throw new TypeError('Sql: expected one more text piece than values');
    const outStrings: string[] = [strings[0]];
    const outValues: SqlValue[] = [];
    values.forEach((value, i) => {
      if (value instanceof Sql) {
        outStrings[outStrings.length - 1] += value.strings[0];
        value.values.forEach((nested, j) => {
          outValues.push(nested);
          outStrings.push(value.strings[j + 1]);
        });
        outStrings[outStrings.length - 1] += strings[i + 1];
      } else {
        outValues.push(checkValue(value));
        outStrings.push(strings[i + 1]);
      }
    });
    this.strings = outStrings;
    this.values = outValues;
  }

  /** `?` placeholders for MikroORM's `execute` (which reads a literal `?` of the text as `\?`). */
  toMikro(): { sql: string; params: SqlValue[] } {
    return { sql: this.strings.map((s) => s.replaceAll('?', '\\?')).join('?'), params: [...this.values] };
  }

  /** `$1…$n` placeholders for node-postgres and PGlite. */
  toPg(): { text: string; values: SqlValue[] } {
    return { text: this.strings.reduce((text, s, i) => `${text}$${i}${s}`), values: [...this.values] };
  }

  /**
   * The text with every value written in as a literal, for the one kind of statement that takes no bound
   * values: `copy (…) to stdout` (COPY is a utility statement, so PostgreSQL cannot bind parameters to it).
   * Each literal has the type the inlined literal of MikroORM/knex had (see query.ts): numbers as numeric
   * constants, booleans, null, and strings and dates as quoted constants of unknown type.
   */
  toLiteral(): string {
    return this.strings.reduce((text, s, i) => `${text}${literal(this.values[i - 1])}${s}`);
  }

  /** The text with `?` placeholders, for logs, tests and EXPLAIN (never executed as such). */
  get text(): string {
    return this.strings.join('?');
  }
}

function checkValue(value: unknown): SqlValue {
  if (value === undefined) throw new TypeError('sql: an undefined value (a missing argument?)');
  if (Array.isArray(value)) throw new TypeError('sql: an array value; use list() for IN lists');
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`sql: a non-finite number (${value})`);
  if (value === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof value) || value instanceof Date) return value as SqlValue;
  throw new TypeError(`sql: a value of type ${typeof value} cannot be bound`);
}

/**
 * A value as a PostgreSQL constant. Strings are quoted as `quote_literal` quotes them: quotes doubled, and
 * with backslashes doubled in an E'' string when there are any, which reads the same whatever
 * standard_conforming_strings says. A negative number is parenthesised so that it never joins an operator
 * before it (`1-(-2)`, not `1--2`, a comment).
 */
function literal(value: SqlValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' || typeof value === 'bigint') return value < 0 ? `(${String(value)})` : String(value);
  const text = value instanceof Date ? value.toISOString() : value;
  if (text.includes('\0')) throw new TypeError('sql: a string with a NUL character');
  const quoted = `'${text.replaceAll("'", "''")}'`;
  return text.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/** The tag: values become bindings, nested `Sql` fragments are spliced in with theirs. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** The empty fragment (e.g. an optional condition that does not apply). */
export const empty = new Sql([''], []);

/** Fragments joined by a separator the code owns (`', '`, `' and '`, `' union all '`). */
export function join(parts: readonly Sql[], separator: ', ' | ' and ' | ' or ' | ' union all ' | ' ' | ',\n' = ', '): Sql {
  if (parts.length === 0) return empty;
  return new Sql(['', ...parts.slice(1).map(() => separator), ''], parts);
}

/** Comma-separated bindings, one per value, for `in (…)` or `values (…)`; an empty list is refused. */
export function list(values: readonly unknown[]): Sql {
  if (values.length === 0) throw new TypeError('sql: an empty list (SQL has no empty IN list; use inList)');
  return join(values.map((v) => new Sql(['', ''], [v])));
}

/** `expr in (…)`, or `false` for no values (SQL has no empty IN list). */
export function inList(expr: Sql, values: readonly unknown[]): Sql {
  return values.length === 0 ? sql`false` : sql`${expr} in (${list(values)})`;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/**
 * A table, column or expression name pasted as text: it must be one of `allowed`, a list the code owns
 * (never user input), and look like an identifier (`name` or `alias.name`).
 */
export function ident<T extends string>(name: T, allowed: readonly T[]): Sql {
  if (!allowed.includes(name) || !IDENTIFIER.test(name))
    throw new TypeError(`sql: identifier "${name}" is not one of ${allowed.join(', ')}`);
  return new Sql([name], []);
}

/**
 * A safe integer pasted as text, for the places SQL wants a literal rather than a binding (an HS level in
 * `left(code, 6)` that an index expression must match, a `generate_series` step). Asserted, never trusted.
 */
export function int(n: number, range: { min?: number; max?: number } = {}): Sql {
  if (!Number.isSafeInteger(n)) throw new TypeError(`sql: ${n} is not a safe integer`);
  if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
    throw new RangeError(`sql: ${n} is outside [${range.min ?? '-∞'}, ${range.max ?? '∞'}]`);
  }
  return new Sql([String(n)], []);
}

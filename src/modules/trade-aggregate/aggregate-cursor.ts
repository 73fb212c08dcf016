import { createHash } from 'node:crypto';
import { AppError, ErrorCode } from '../../errors/app-error';
import { AggregateOrder, TradeDimension } from './trade-aggregate.types';

/** One grouped dimension's value in a row: a year, a code or a name; null for a country without a region. */
export type GroupKeyValue = string | number | null;

/** Where a page of the aggregate resumes: strictly after this row, in the order of the query. */
export interface AggregatePosition {
  /** The row's group key, one value per dimension of groupBy, in groupBy order. */
  keys: GroupKeyValue[];
  /** The row's summed value (exact numeric text), for the orders by value. */
  valueUsd: string | null;
}

/** What a cursor belongs to: a page of another aggregate (other dataset, grouping, level, order or filter) is foreign. */
export interface AggregateIdentity {
  datasetId: number;
  groupBy: readonly TradeDimension[];
  hsLevel: number;
  order: AggregateOrder;
  filter: object | null;
}

const PREFIX = 'tga1:';
const NULLABLE = new Set<TradeDimension>([
  TradeDimension.EXPORTER_REGION,
  TradeDimension.IMPORTER_REGION,
  TradeDimension.EXPORTER_SUB_REGION,
  TradeDimension.IMPORTER_SUB_REGION,
]);
/** numeric(20,3) sums: digits, an optional fraction, no exponent (what PostgreSQL prints for a numeric). */
const NUMERIC = /^-?\d{1,40}(\.\d{1,20})?$/;

/** The filter's own fields with a value, sorted, so that the same filter always gives the same text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

function fingerprint(identity: AggregateIdentity): string {
  const text = JSON.stringify([identity.datasetId, identity.groupBy, identity.hsLevel, identity.order, canonical(identity.filter)]);
  return createHash('sha1').update(text).digest('base64url').slice(0, 12);
}

/** An opaque cursor for the row at `position` of the aggregate `identity`. */
export function encodeAggregateCursor(identity: AggregateIdentity, position: AggregatePosition): string {
  const payload = { q: fingerprint(identity), k: position.keys, ...(position.valueUsd !== null && { v: position.valueUsd }) };
  return Buffer.from(PREFIX + JSON.stringify(payload), 'utf8').toString('base64url');
}

function validKey(dimension: TradeDimension, value: unknown): value is GroupKeyValue {
  if (value === null) return NULLABLE.has(dimension);
  if (dimension === TradeDimension.YEAR) return Number.isSafeInteger(value);
  return typeof value === 'string' && value.length > 0 && value.length <= 100;
}

/**
 * The position a cursor of {@link encodeAggregateCursor} stands for. A cursor that was not issued for this
 * very aggregate (another grouping, order, level, dataset or filter; an offset cursor of an older server;
 * anything tampered with) is BAD_CURSOR: resuming it would skip or repeat rows without saying so.
 */
export function decodeAggregateCursor(cursor: string, identity: AggregateIdentity): AggregatePosition {
  const bad = (why: string) =>
    new AppError(ErrorCode.BAD_CURSOR, `Cursor "${cursor.slice(0, 80)}" ${why}; use the endCursor of a previous page of the same query.`, {
      argument: 'after',
    });
  let payload: unknown;
  try {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!text.startsWith(PREFIX)) throw bad('was not issued by tradeAggregate');
    payload = JSON.parse(text.slice(PREFIX.length));
  } catch (error) {
    throw error instanceof AppError ? error : bad('was not issued by tradeAggregate');
  }
  const { q, k, v } = (payload ?? {}) as { q?: unknown; k?: unknown; v?: unknown };
  if (q !== fingerprint(identity)) throw bad('belongs to another aggregate (dataset, groupBy, hsLevel, orderBy or filter differ)');
  const byValue = identity.order !== AggregateOrder.KEYS;
  if (
    !Array.isArray(k) ||
    k.length !== identity.groupBy.length ||
    !k.every((value, i) => validKey(identity.groupBy[i], value)) ||
    (byValue ? typeof v !== 'string' || !NUMERIC.test(v) : v !== undefined)
  )
    throw bad('is malformed');
  return { keys: k as GroupKeyValue[], valueUsd: byValue ? (v as string) : null };
}

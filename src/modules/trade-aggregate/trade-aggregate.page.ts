import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageInfo } from '../../graphql/pagination';
import type { CsvStreamSlot } from '../export/csv-stream';
import { encodeAggregateCursor, type AggregateIdentity } from './aggregate-cursor';
import {
  AGGREGATE_CSV_FIELDS,
  countTradeAggregate,
  isAggregateSum,
  readTradeAggregate,
  tradeAggregateCsvSql,
  type AggregateQuery,
} from './trade-aggregate.sql';
import type { TradeAggregate } from './trade-aggregate.types';

/** Rows of a page when `first` is not given. */
export const AGGREGATE_DEFAULT_ROWS = 100;
/** Largest page of aggregate rows (BI tools pull big flat tables; GET /csv streams every row in one request). */
export const AGGREGATE_MAX_ROWS = 10_000;

export interface AggregatePageQuery extends Omit<AggregateQuery, 'sums' | 'withTotal' | 'limit'> {
  identity: AggregateIdentity;
  /** The fields selected on each row: only the sums among them are computed. */
  rowFields: ReadonlySet<string>;
  /** Whether `totalCount` is selected. */
  withTotal: boolean;
  first: number | null;
  /** Given when a CSV export streams the rows (and every selected row field is a column the statement can write). */
  stream?: CsvStreamSlot;
}

/** Whether GET /csv can write these row fields straight from PostgreSQL (no nested country or product). */
export function streamableFields(rowFields: ReadonlySet<string>): boolean {
  return [...rowFields].every((f) => f === '__typename' || AGGREGATE_CSV_FIELDS.has(f));
}

/**
 * A page of the aggregate by keyset: `first` rows after the cursor's row, one more to see whether more
 * follow, and the cursors of its rows. The number of rows over all pages is counted only when selected (in
 * the same statement, as a window; by itself past the last row). For GET /csv the rows are not read here:
 * the statement of every row from the cursor on (at most the export's limit) goes to the stream instead; an
 * export that cannot stream (nested objects) pages through the rows like any client.
 */
export async function aggregatePage(em: EntityManager, q: AggregatePageQuery): Promise<Omit<TradeAggregate, 'dataset' | 'hsLevel'>> {
  const base: AggregateQuery = { ...q, sums: new Set([...q.rowFields].filter(isAggregateSum)), withTotal: false, limit: null };
  // Not selected, the count is never read: 0 stands in for a figure nobody asked for.
  const countIfSelected = async (page?: number | null) => (q.withTotal ? (page ?? (await countTradeAggregate(em, base))) : 0);
  if (q.stream) {
    q.stream.statement = (fields) =>
      tradeAggregateCsvSql(
        { ...base, sums: new Set(fields.filter(isAggregateSum)), limit: q.stream!.limit ?? null },
        fields,
        q.stream!.neutralise ?? true,
      );
    const pageInfo: PageInfo = { hasNextPage: false, hasPreviousPage: q.after !== null, startCursor: null, endCursor: null };
    return { rows: [], pageInfo, totalCount: await countIfSelected() };
  }
  const first = q.first ?? AGGREGATE_DEFAULT_ROWS;
  const page = await readTradeAggregate(em, { ...base, withTotal: q.withTotal, limit: first + 1 });
  const rows = page.rows.slice(0, first);
  const cursorAt = (i: number) => encodeAggregateCursor(q.identity, page.positionOf(i));
  return {
    rows,
    totalCount: await countIfSelected(page.totalCount),
    pageInfo: {
      hasNextPage: page.rows.length > first,
      hasPreviousPage: q.after !== null,
      startCursor: rows.length ? cursorAt(0) : null,
      endCursor: rows.length ? cursorAt(rows.length - 1) : null,
    },
  };
}

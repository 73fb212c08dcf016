import { type ClassType, Field, ObjectType, Int, ArgsType } from 'type-graphql';
import { AppError, ErrorCode } from '../errors/app-error';

/** Page size when `first` is not given. */
export const DEFAULT_PAGE_SIZE = 50;

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Number of items to return (default ${DEFAULT_PAGE_SIZE}; at most the server's maximum page size, 500 unless configured).`,
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor (an `endCursor` or edge `cursor` from a previous page of the same query).',
  })
  after?: string | null;
}

@ObjectType({ description: 'Where a page sits in its connection.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was asked for with `after`.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page; null when the page is empty.' })
  endCursor!: string | null;
}

/** Key types usable for keyset pagination: the primary key of each entity. */
export type CursorKey = string | number;

const CURSOR_PREFIX = 'tg1:';

/** Encodes a primary key as an opaque cursor. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(CURSOR_PREFIX + JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; anything else is a BAD_CURSOR error. */
export function decodeCursor(cursor: string, kind: 'string' | 'number'): CursorKey {
  const bad = () =>
    new AppError(ErrorCode.BAD_CURSOR, `Cursor "${cursor}" was not issued by this connection; use a cursor from a previous page.`, {
      argument: 'after',
    });
  let text: string;
  try {
    text = Buffer.from(cursor, 'base64url').toString('utf8');
  } catch {
    throw bad();
  }
  if (!text.startsWith(CURSOR_PREFIX)) throw bad();
  let key: unknown;
  try {
    key = JSON.parse(text.slice(CURSOR_PREFIX.length));
  } catch {
    throw bad();
  }
  if (kind === 'number' ? !Number.isSafeInteger(key) : typeof key !== 'string' || key.length === 0 || key.length > 64) throw bad();
  return key as CursorKey;
}

/**
 * Checks a `first` argument of any list (connection, nested list, ranking, page of rows): below 0 is
 * INVALID_PAGE_SIZE, above `max` PAGE_SIZE_TOO_LARGE, with `advice` (how to get more) in the message.
 */
export function checkFirst(first: number, max: number, advice?: string): number {
  if (!Number.isInteger(first) || first < 0)
    throw new AppError(ErrorCode.INVALID_PAGE_SIZE, `first must be 0 or more (got ${first}).`, { argument: 'first' });
  if (first > max) {
    throw new AppError(ErrorCode.PAGE_SIZE_TOO_LARGE, `first must be at most ${max} (got ${first})${advice ? `; ${advice}` : ''}.`, {
      argument: 'first',
      max,
    });
  }
  return first;
}

/** Validates `first` against the maximum page size of a connection. */
export function resolvePageSize(first: number | null | undefined, maxPageSize: number): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  return checkFirst(first, maxPageSize, 'page with `after` instead');
}

/**
 * Builds the Relay connection types for `NodeType`: `<Name>Edge` and `<Name>Connection`.
 * `totalCount` is a method so its COUNT(*) runs only when selected.
 */
export function Connection<T extends object>(NodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} and its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => NodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${name} items in a stable order (by id), with cursors that never skip or repeat an item.`,
  })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [NodeType], { description: 'The items of this page, without cursors (shorthand for edges.node).' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more pages follow, and the cursors to get them.' })
    pageInfo!: PageInfo;

    totalCountFn!: () => Promise<number>;

    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount(): Promise<number> {
      return this.totalCountFn();
    }
  }
  return ConnectionType;
}

/**
 * PageInfo of a page of rows numbered by position (cursors are offsets): `length` rows from `offset`,
 * `hasNextPage` when more were fetched than the page holds.
 */
export function offsetPageInfo(offset: number, length: number, hasNextPage: boolean): PageInfo {
  return {
    hasNextPage,
    hasPreviousPage: offset > 0,
    startCursor: length ? encodeCursor(offset) : null,
    endCursor: length ? encodeCursor(offset + length) : null,
  };
}

/** Turns a fetched page (`first + 1` rows, to see whether more follow) into a connection value. */
export function toConnection<T>(
  rows: T[],
  first: number,
  hadCursor: boolean,
  keyOf: (row: T) => CursorKey,
  totalCount: () => Promise<number>,
): { edges: Array<{ cursor: string; node: T }>; nodes: T[]; pageInfo: PageInfo; totalCountFn: () => Promise<number> } {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCountFn: totalCount,
  };
}

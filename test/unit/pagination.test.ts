import { AppError, ErrorCode } from '../../src/errors/app-error';
import { decodeCursor, encodeCursor, resolvePageSize, toConnection } from '../../src/graphql/pagination';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return 'no error';
};

describe('cursors', () => {
  it('round-trip string and numeric keys', () => {
    expect(decodeCursor(encodeCursor('VNM'), 'string')).toBe('VNM');
    expect(decodeCursor(encodeCursor(42), 'number')).toBe(42);
  });

  it.each([
    ['not base64 of ours', 'garbage'],
    ['a bare key', Buffer.from('"VNM"').toString('base64url')],
    ['broken JSON', Buffer.from('tg1:{').toString('base64url')],
  ])('reject %s with BAD_CURSOR', (_what, cursor) => {
    expect(codeOf(() => decodeCursor(cursor, 'string'))).toBe(ErrorCode.BAD_CURSOR);
  });

  it('reject a cursor of the other key kind', () => {
    expect(codeOf(() => decodeCursor(encodeCursor('VNM'), 'number'))).toBe(ErrorCode.BAD_CURSOR);
    expect(codeOf(() => decodeCursor(encodeCursor(7), 'string'))).toBe(ErrorCode.BAD_CURSOR);
  });
});

describe('page size', () => {
  it('defaults to 50 and accepts up to the maximum', () => {
    expect(resolvePageSize(undefined, 500)).toBe(50);
    expect(resolvePageSize(null, 20)).toBe(20);
    expect(resolvePageSize(0, 500)).toBe(0);
    expect(resolvePageSize(500, 500)).toBe(500);
  });

  it('rejects negative and oversized pages with their codes', () => {
    expect(codeOf(() => resolvePageSize(-1, 500))).toBe(ErrorCode.INVALID_PAGE_SIZE);
    expect(codeOf(() => resolvePageSize(501, 500))).toBe(ErrorCode.PAGE_SIZE_TOO_LARGE);
  });
});

describe('toConnection', () => {
  it('uses the extra row only to say that another page follows', async () => {
    const page = toConnection(
      [{ id: 1 }, { id: 2 }, { id: 3 }],
      2,
      true,
      (r) => r.id,
      async () => 10,
    );
    expect(page.nodes).toEqual([{ id: 1 }, { id: 2 }]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(1), endCursor: encodeCursor(2) });
    expect(await page.totalCountFn()).toBe(10);
    expect(
      toConnection(
        [],
        5,
        false,
        (r: { id: number }) => r.id,
        async () => 0,
      ).pageInfo,
    ).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});

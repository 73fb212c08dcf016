import { crlfLines } from '../../src/modules/export/stream-csv';

describe("PostgreSQL's CSV lines as RFC 4180 lines", () => {
  it('ends every line in CRLF, across and within chunks, and leaves a chunk without a line end as it is', () => {
    expect(crlfLines(Buffer.from('a,1\nb,2\n')).toString()).toBe('a,1\r\nb,2\r\n');
    expect(crlfLines(Buffer.from('\n\nc')).toString()).toBe('\r\n\r\nc');
    const partial = Buffer.from('no line end yet');
    expect(crlfLines(partial)).toBe(partial);
  });
});

import { parse } from 'csv-parse/sync';
import { copyCsvFields, copyCsvRows } from '../../../src/modules/export/stream-csv';

/** csv-parse with the per-field cast that tells NULL (unquoted empty) from "" (quoted empty): the slow, independent oracle. */
const oracle = (text: string): (string | null)[][] =>
  parse(text, {
    relax_column_count: true,
    cast: (value: string, context: { quoting: boolean }) => (context.quoting || value !== '' ? value : null),
  });

/** A field as PostgreSQL's COPY CSV writes it: NULL unquoted and empty, quoted when it holds a comma or quote or is empty. */
const copyField = (value: string | null) =>
  value === null ? '' : value === '' || /[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

describe('copyCsvFields / copyCsvRows (COPY … TO STDOUT (FORMAT csv) read back)', () => {
  it.each<[string, (string | null)[]]>([
    ['', [null]],
    ['""', ['']],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    [',', [null, null]],
    ['a,,b', ['a', null, 'b']],
    ['a,', ['a', null]],
    [',a', [null, 'a']],
    ['"",x,""', ['', 'x', '']],
    ['"a,b","say ""hi""",3', ['a,b', 'say "hi"', '3']],
    ['"""",""""""', ['"', '""']],
    ["'=1+1,-2.5,é", ["'=1+1", '-2.5', 'é']],
  ])('reads %j', (line, fields) => {
    expect(copyCsvFields(line)).toEqual(fields);
  });

  it('agrees with csv-parse on random rows cut into random chunks (multi-byte characters split across chunks too)', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const alphabet = ['a', 'Z', '0', ',', '"', ' ', 'é', '€', "'", '='];
    const value = () => {
      if (random() < 0.15) return null;
      const n = Math.floor(random() * 6);
      return Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    };
    const rows = Array.from({ length: 2_000 }, () => Array.from({ length: 1 + Math.floor(random() * 5) }, value));
    const text = rows.map((r) => r.map(copyField).join(',') + '\n').join('');
    const bytes = Buffer.from(text, 'utf8');
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length;) {
      const size = 1 + Math.floor(random() * 40);
      chunks.push(bytes.subarray(at, at + size));
      at += size;
    }
    async function* source() {
      yield* chunks;
    }
    const read: (string | null)[][] = [];
    for await (const row of copyCsvRows(source())) read.push(row);
    expect(read).toEqual(rows);
    expect(read).toEqual(oracle(text));
  });

  it('refuses output that ends inside a row', async () => {
    async function* cut() {
      yield Buffer.from('a,b\nc,');
    }
    await expect(async () => {
      for await (const row of copyCsvRows(cut())) void row;
    }).rejects.toThrow(/ended inside a row/);
  });
});

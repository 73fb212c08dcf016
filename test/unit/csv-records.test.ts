import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { CsvSyntaxError, csvRecords } from '../../src/modules/import/csv-records';
import { readRecords } from '../../src/modules/import/read-records';
import type { SourceRecord } from '../../src/modules/import/types';

async function* chunksOf(...chunks: Array<Buffer | string>): AsyncGenerator<Buffer | string> {
  yield* chunks;
}

/** All records of the input given as these chunks, batches flattened. */
async function records(...chunks: Array<Buffer | string>): Promise<SourceRecord[]> {
  const all: SourceRecord[] = [];
  for await (const batch of csvRecords(chunksOf(...chunks))) all.push(...batch);
  return all;
}

/** The records as [line, ...fields] tuples, easier to read in expectations. */
async function rows(...chunks: Array<Buffer | string>): Promise<Array<[number, ...string[]]>> {
  return (await records(...chunks)).map((r) => [r.line, ...r.fields]);
}

async function failure(...chunks: Array<Buffer | string>): Promise<CsvSyntaxError> {
  const error = await records(...chunks).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvSyntaxError);
  return error as CsvSyntaxError;
}

/** What csv-parse makes of the text with the options the importers used. */
function csvParse(text: string | Buffer): string[][] {
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
}

/** A deterministic pseudo-random generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('csvRecords', () => {
  it('splits fields at commas and records at CRLF, LF and lone CR, in any mix, with their lines', async () => {
    expect(await rows('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd'],
      [3, 'e', 'f'],
      [4, 'g', 'h'],
    ]);
    expect(await rows('a\n\rb\r\r\nc\n')).toEqual([
      [1, 'a'],
      [3, 'b'],
      [5, 'c'],
    ]);
  });

  it('skips empty lines but counts them, and keeps a line of spaces as one field', async () => {
    expect(await rows('\n\r\n\ra\n\n   \n,\n""\n')).toEqual([
      [4, 'a'],
      [6, '   '],
      [7, '', ''],
      [8, ''],
    ]);
    expect(await rows('')).toEqual([]);
    expect(await rows('\r\n\r\n')).toEqual([]);
  });

  it('keeps empty fields and ragged records, with or without a final line break', async () => {
    expect(await rows('a,,b,\n,\nx,y,z,w')).toEqual([
      [1, 'a', '', 'b', ''],
      [2, '', ''],
      [3, 'x', 'y', 'z', 'w'],
    ]);
    expect(await rows('a,')).toEqual([[1, 'a', '']]);
  });

  it('strips a leading BOM only', async () => {
    expect(await rows('\ufeffa,b\n\ufeffc')).toEqual([
      [1, 'a', 'b'],
      [2, '\ufeffc'],
    ]);
    expect(await rows(Buffer.from([0xef]), Buffer.from([0xbb, 0xbf, 0x61]))).toEqual([[1, 'a']]);
  });

  it('reads quoted fields with commas, escaped quotes and line breaks kept as in the source', async () => {
    expect(await rows('"a,b","say ""hi""","",x\n"1\r\n2\n3\r4",y\nz')).toEqual([
      [1, 'a,b', 'say "hi"', '', 'x'],
      [2, '1\r\n2\n3\r4', 'y'],
      [6, 'z'],
    ]);
    expect(await rows('"""",""""""\n')).toEqual([[1, '"', '""']]);
  });

  it('gives a record spanning lines the line it starts on, and counts the lines it spans', async () => {
    const text = 'h1,h2\r\n"multi\r\nline\r\n",1\r\n\r\nnext,"a\rb"\nlast,"\n"\r\nend';
    expect(await rows(text)).toEqual([
      [1, 'h1', 'h2'],
      [2, 'multi\r\nline\r\n', '1'],
      [6, 'next', 'a\rb'],
      [8, 'last', '\n'],
      [10, 'end'],
    ]);
  });

  it('keeps a quote inside an unquoted field literally (csv-parse would fail; we are lenient)', async () => {
    expect(await rows('12" pipe,a"b"c, "x"\n')).toEqual([[1, '12" pipe', 'a"b"c', ' "x"']]);
  });

  it('fails on text after a closing quote, naming its line', async () => {
    expect((await failure('a,b\n"abc"x,1\n')).line).toBe(2);
    expect((await failure('a\n"multi\nline" ,1')).line).toBe(3);
    const error = await failure('"abc"', '"d"x');
    expect([error.line, error.message]).toEqual([1, expect.stringMatching(/"d"|after the closing quote/)]);
  });

  it('fails on a quote left open at the end (a truncated file), naming the line where its record starts', async () => {
    const error = await failure('t,v\n1,2\n\n3,"  13.2\nmore\n');
    expect(error.line).toBe(4);
    // What validated-rows reports as malformed CSV at that line.
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error.message).toMatch(/not closed/);
    expect((await failure('"')).line).toBe(1);
  });

  it('decodes UTF-8, including a character split between chunks', async () => {
    const bytes = Buffer.from('€,"ü"\n😀', 'utf8');
    expect(await rows(bytes.subarray(0, 1), bytes.subarray(1, 6), bytes.subarray(6, 11), bytes.subarray(11))).toEqual([
      [1, '€', 'ü'],
      [2, '😀'],
    ]);
  });

  it('gives the same records wherever the chunks split (every one and two cut points, bytes and strings)', async () => {
    const text = '\ufeffa,"b,""c""\r\nd"\r\n\r\n\rx,é€,"😀"\r"q"\n,"\r",12" z\r\n"",end';
    const whole = await records(text);
    expect(whole.map((r) => r.line)).toEqual([1, 5, 6, 7, 9]);
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i <= bytes.length; i++) {
      expect(await records(bytes.subarray(0, i), bytes.subarray(i))).toEqual(whole);
      for (let j = i; j <= bytes.length; j++) {
        const parts = [bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)];
        expect(await records(...parts)).toEqual(whole);
      }
    }
    for (let i = 0; i <= text.length; i++) expect(await records(text.slice(0, i), text.slice(i))).toEqual(whole);
  });

  it('yields one batch per chunk that completes records, and none for a chunk inside a record', async () => {
    const batches: number[] = [];
    for await (const batch of csvRecords(chunksOf('a\nb\n"c', 'd\n', 'e"\nf\n', 'g'))) batches.push(batch.length);
    expect(batches).toEqual([2, 2, 1]);
  });

  it('reads a chunk bigger than its 64K-character scan slice as smaller chunks would be read', async () => {
    const text = Array.from({ length: 6000 }, (_, k) => `${k},"quoted,${k}\r\n""x""",😀é${'.'.repeat(k % 7)}`).join('\r\n');
    const whole = await records(text);
    expect(text.length).toBeGreaterThan(3 * 65536);
    expect(whole.map((r) => r.fields)).toEqual(csvParse(text));
    expect(whole[5999].line).toBe(5999 * 2 + 1);
    const bytes = Buffer.from(text, 'utf8');
    expect(await records(bytes)).toEqual(whole);
    const small = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, k) => bytes.subarray(k * 1000, (k + 1) * 1000));
    expect(await records(...small)).toEqual(whole);
  });

  it('agrees with csv-parse (and its lines) on random well-formed CSV cut into random chunks', async () => {
    const next = random(42);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    const pieces = ['a', 'bc', ' ', ',', '"', '\r', '\n', '\r\n', 'é', '😀', '12.5'];
    for (let round = 0; round < 300; round++) {
      const expected: SourceRecord[] = [];
      let text = '';
      let line = 1;
      const breaks = (s: string) => s.replace(/\r\n/g, '\n').replace(/[^\r\n]/g, '').length;
      for (let r = Math.floor(next() * 6); r > 0; r--) {
        const fields = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
          Array.from({ length: Math.floor(next() * 4) }, () => pick(pieces)).join(''),
        );
        const quoted = fields.map((f) =>
          /[",\r\n]/.test(f) || (fields.length === 1 && f === '') || next() < 0.2 ? `"${f.replace(/"/g, '""')}"` : f,
        );
        const record = quoted.join(',');
        expected.push({ line, fields });
        const end = pick(['\r\n', '\n', '\r', '\n\n', '\r\n\r\n']);
        text += record + end;
        line += breaks(record) + breaks(end);
      }
      if (next() < 0.3) text = text.replace(/(\r\n|\r|\n)+$/, '');
      const bytes = Buffer.from(text, 'utf8');
      const cuts = [0, Math.floor(next() * bytes.length), Math.floor(next() * bytes.length), bytes.length].sort((x, y) => x - y);
      const got = await records(...cuts.slice(1).map((cut, k) => bytes.subarray(cuts[k], cut)));
      expect(got).toEqual(expected);
      expect(got.map((r) => r.fields)).toEqual(csvParse(text));
    }
  });
});

describe('readRecords', () => {
  it('streams the records one by one, then knows the SHA-256 and size of the file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'csv-records-')), 'sample.csv');
    const text = '\ufefft,v\r\n' + Array.from({ length: 50000 }, (_, k) => `${k},"  ${k / 4}"`).join('\r\n') + '\r\n';
    fs.writeFileSync(file, text);
    const stream = readRecords(file);
    await expect(stream.checksum()).rejects.toThrow(/after the last record/);
    const iterator = stream.records[Symbol.asyncIterator]();
    // Calls that overlap (nobody waits) still get the records in order, none lost.
    const first = await Promise.all([iterator.next(), iterator.next(), iterator.next()]);
    expect(first.map((r) => r.value)).toEqual([
      { line: 1, fields: ['t', 'v'] },
      { line: 2, fields: ['0', '  0'] },
      { line: 3, fields: ['1', '  0.25'] },
    ]);
    let count = 3;
    let last: SourceRecord | undefined;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) [count, last] = [count + 1, next.value];
    expect([count, last]).toEqual([50001, { line: 50001, fields: ['49999', '  12499.75'] }]);
    expect(await stream.checksum()).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
    expect([stream.bytesRead(), stream.totalBytes]).toEqual([Buffer.byteLength(text), Buffer.byteLength(text)]);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});

import { gunzipSync } from 'node:zlib';
import { parse } from 'graphql';
import { createSchema } from '../../src/graphql/schema';
import { formatById, formatOfFile, FORMATS } from '../../src/modules/export/formats';
import { csvCell, tsvCell } from '../../src/modules/export/formats/delimited';
import { neutraliseFormula } from '../../src/modules/export/formats/formula';
import type { ExportProvenance, RowBatch } from '../../src/modules/export/formats/table-format';
import { gzipChunks } from '../../src/modules/export/gzip';
import { crlfLines } from '../../src/modules/export/stream-csv';
import { tableShape } from '../../src/modules/export/tabulate';

const provenance: ExportProvenance = {
  datasets: [
    {
      id: '3',
      kind: 'BACI',
      name: 'BACI HS92',
      version: 'V202301',
      file: null,
      checksum: null,
      licence: null,
      importedAt: '2026-01-01T00:00:00.000Z',
    },
    {
      id: '5',
      kind: 'COMTRADE',
      name: 'Comtrade, EU',
      version: '2024',
      file: null,
      checksum: null,
      licence: null,
      importedAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  exportedAt: '2026-12-04T00:00:00.000Z',
  source: 'tradeFlows',
};

async function* batchesOf(...batches: RowBatch[]): AsyncGenerator<RowBatch> {
  for (const b of batches) yield b;
}

async function encode(id: string, rows: RowBatch, bom = false): Promise<string> {
  const chunks: Uint8Array[] = [];
  const columns = [
    { name: 'name', type: 'text' as const },
    { name: 'valueUsd', type: 'decimal' as const },
  ];
  for await (const chunk of formatById(id).encode(columns, provenance, batchesOf(rows), { bom })) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe('export formats', () => {
  it('neutralises text a spreadsheet would run as a formula (OWASP), never numbers', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('a=1')).toBe('a=1');
    expect([csvCell(-5), csvCell(1.5), csvCell(true), csvCell(null), csvCell(Number.NaN)]).toEqual(['-5', '1.5', 'true', '', '']);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(tsvCell('a\tb\r\nc')).toBe('a b c');
  });

  it('writes csv, tsv and jsonl with the provenance after every row, datasets joined with "; "', async () => {
    const rows: RowBatch = [
      ['Viet, Nam', 12.5],
      ['-x', null],
    ];
    expect(await encode('csv', rows)).toBe(
      'name,valueUsd,dataset.id,dataset.name,dataset.version\r\n' +
        '"Viet, Nam",12.5,3; 5,"BACI HS92; Comtrade, EU",V202301; 2024\r\n' +
        '\'-x,,3; 5,"BACI HS92; Comtrade, EU",V202301; 2024\r\n',
    );
    expect((await encode('tsv', rows)).split('\r\n')[2]).toBe("'-x\t\t3; 5\tBACI HS92; Comtrade, EU\tV202301; 2024");
    const lines = (await encode('jsonl', rows))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[1]).toEqual({
      name: '-x',
      valueUsd: null,
      'dataset.id': '3; 5',
      'dataset.name': 'BACI HS92; Comtrade, EU',
      'dataset.version': 'V202301; 2024',
    });
    expect((await encode('csv', rows, true)).startsWith('\ufeffname,')).toBe(true);
  });

  it('finds a format by id or file extension, and refuses an unknown one with the list', () => {
    expect([...FORMATS.keys()]).toEqual(['csv', 'tsv', 'jsonl', 'parquet', 'xlsx']);
    expect(formatById(undefined).id).toBe('csv');
    expect(formatById('TSV').id).toBe('tsv');
    expect(formatOfFile('out/flows.jsonl')?.id).toBe('jsonl');
    expect(formatOfFile('flows.txt')).toBeUndefined();
    expect(() => formatById('xml')).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_FORMAT',
        details: expect.objectContaining({ formats: ['csv', 'tsv', 'jsonl', 'parquet', 'xlsx'] }),
      }),
    );
  });

  it('types columns from the schema: money decimal, codes and ids code, Int integer, ratios float', async () => {
    const schema = await createSchema();
    const shape = tableShape(
      schema,
      parse('{ tradeFlows { nodes { id year valueUsd quantityTons exporter { id name } product { code } dataset { importedAt } } } }'),
    );
    expect(shape.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'code'],
      ['year', 'integer'],
      ['valueUsd', 'decimal'],
      ['quantityTons', 'float'],
      ['exporter.id', 'code'],
      ['exporter.name', 'text'],
      ['product.code', 'code'],
      ['dataset.importedAt', 'datetime'],
    ]);
    expect(shape.paged?.node.name.value).toBe('tradeFlows');
    const aggregate = tableShape(
      schema,
      parse('{ tradeAggregate(groupBy: [EXPORTER]) { rows { exporterId productCode valueUsd flowCount } } }'),
    );
    expect(aggregate.columns.map((c) => c.type)).toEqual(['code', 'code', 'decimal', 'integer']);
    expect(aggregate.paged?.type.name).toBe('TradeAggregate');
    expect(tableShape(schema, parse('{ datasets { id } }')).paged).toBeNull();
  });

  it('gzips a stream as it comes, flushing what waits once the flush interval has passed', async () => {
    async function* slow(): AsyncGenerator<Buffer> {
      yield Buffer.from('a'.repeat(1000));
      await new Promise((r) => setTimeout(r, 30));
      yield Buffer.from('b'.repeat(1000));
    }
    const chunks: Buffer[] = [];
    for await (const chunk of gzipChunks(slow(), 10)) chunks.push(chunk);
    // Flushed after the second chunk (30 ms > 10 ms), then ended: more than one piece, one valid stream.
    expect(chunks.length).toBeGreaterThan(1);
    expect(gunzipSync(Buffer.concat(chunks)).toString()).toBe('a'.repeat(1000) + 'b'.repeat(1000));
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('x');
      throw new Error('the source failed');
    }
    await expect(async () => {
      for await (const _ of gzipChunks(failing())) void _;
    }).rejects.toThrow('the source failed');
  });

  it('ends COPY lines with the provenance cells', () => {
    expect(crlfLines(Buffer.from('a,1\nb,2\n'), Buffer.from(',3,BACI\r\n')).toString()).toBe('a,1,3,BACI\r\nb,2,3,BACI\r\n');
  });
});

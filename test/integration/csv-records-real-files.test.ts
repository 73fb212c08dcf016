import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { csvRecords } from '../../src/modules/import/csv-records';
import type { SourceRecord } from '../../src/modules/import/types';
import { sharedFile } from '../support/shared-data';

// csvRecords against csv-parse on real files read whole (the 3 MB BACI extract among them): no database,
// but too big for the unit tier. The reader's own cases are in test/unit/csv-records.test.ts.

async function* chunksOf(...chunks: Array<Buffer | string>): AsyncGenerator<Buffer | string> {
  yield* chunks;
}

/** All records of the input given as these chunks, batches flattened. */
async function records(...chunks: Array<Buffer | string>): Promise<SourceRecord[]> {
  const all: SourceRecord[] = [];
  for await (const batch of csvRecords(chunksOf(...chunks))) all.push(...batch);
  return all;
}

/** The file as a read stream chunks it (small chunks, so records and characters straddle them). */
async function fileChunks(file: string): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4093 })) chunks.push(chunk as Buffer);
  return chunks;
}

describe('csvRecords', () => {
  describe.each([
    'trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv',
    'trade/comtrade_tha_hs030613_2007-2011.csv',
    'brands/nike_manufacturing_export_2021-02.csv',
    'brands/brand_disclosures_adidas_vf_puma_c2023.csv',
  ])('on the real file %s', (relative) => {
    const file = sharedFile(relative);
    (file ? it : it.skip)('reads exactly the fields csv-parse reads, with the lines it reports', async () => {
      const expected = parse(fs.readFileSync(file!), {
        bom: true,
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
        record_delimiter: ['\r\n', '\n', '\r'],
      }) as Array<{ record: string[]; info: { lines: number } }>;
      const got = await records(...(await fileChunks(file!)));
      expect(got.length).toBe(expected.length);
      expect(got.map((r) => r.fields)).toEqual(expected.map((e) => e.record));
      // None of these files has a line break inside a field, so a record starts on the line csv-parse ends it on.
      expect(got.map((r) => r.line)).toEqual(expected.map((e) => e.info.lines));
    });
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../../src/modules/import/run-import';
import { DatasetsDocument } from '../generated/graphql';
import { sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

const root = path.resolve(__dirname, '..', '..');
const baciFile = sharedFile('trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv');
const baciCountries = sharedFile('trade/BACI_country_codes_V202301.csv');
const comtradeEu = sharedFile('trade/comtrade_eu27_wood_imports_2018-2022.csv');
const haveFiles = Boolean(baciFile && baciCountries && comtradeEu);

/** The generic flows format end to end: the real files load without conversion scripts (#10). */
(haveFiles ? describe : describe.skip)('importing plain flows files (flows format)', () => {
  let app: TestApp;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-flows-'));
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await app.running.db.orm.em.fork().getConnection().execute(text, params)) as T[];

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('loads the Comtrade EU-27 extract by its column names, with the same flows as the comtrade format and areas skipped and counted', async () => {
    const flows = await runImport(app.running.db, { format: 'flows', files: [comtradeEu!], dataset: 'EU wood (flows)' });
    const comtrade = await runImport(app.running.db, { format: 'comtrade', files: [comtradeEu!], dataset: 'EU wood (comtrade)' });
    const [f, c] = [flows.files[0], comtrade.files[0]];
    expect(f).toMatchObject({ records: 173_358, loaded: 170_719, rejected: 0 });
    expect(Object.fromEntries(f.skipped)).toEqual(Object.fromEntries(c.skipped));
    expect(f.skipped.get('partner _X "Areas, nes" is an area, not a country')).toBe(1_061);
    const digest = async (id: number | null) =>
      (
        await sql<{ d: string; n: string }>(
          `select count(*) as n, md5(string_agg(concat_ws(',', year, exporter_id, importer_id, product_code, value_usd, quantity_tons), ';' order by year, exporter_id, importer_id, product_code)) as d
           from trade_flow where dataset_id = ?`,
          [id],
        )
      )[0];
    expect(await digest(f.datasetId)).toEqual(await digest(c.datasetId));
    expect((await digest(f.datasetId)).n).toBe('170719');
  });

  it('loads an OEC-style file (year,origin,dest,hs92,export_val,import_val; lower-case codes): origin → dest at the export value', async () => {
    // The BACI extract rewritten as the OEC writes its bilateral files: alpha codes in lower case, USD, HS92
    // codes with their leading zero lost as a numeric column loses it, and an import_val column (the
    // reverse flow) that must not be read. Exporter codes from BACI's own table.
    const codes = new Map(
      fs
        .readFileSync(baciCountries!, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map((f) => [f[0], f.at(-1)!.trim().toLowerCase()]),
    );
    const lines = fs.readFileSync(baciFile!, 'utf8').trim().split('\n').slice(1, 2001);
    const oec = path.join(tmp, 'oec_yodp_hs92_2021.csv');
    let expectedTotal = 0;
    const rows = lines.map((l) => {
      const [t, i, j, k, v] = l.split(',');
      const usd = Math.round(Number(v) * 1000);
      expectedTotal += usd;
      // Where BACI's table has no alpha code ("N/A": 490, Other Asia, nes), the numeric code, as a mixed file has it.
      const code = (n: string) => (/^[a-z]{3}$/.test(codes.get(n)!) ? codes.get(n) : n);
      return `${t},${code(i)},${code(j)},${k},${usd},${usd * 2}`;
    });
    fs.writeFileSync(oec, ['year,origin,dest,hs92,export_val,import_val', ...rows].join('\n') + '\n');

    const result = await runImport(app.running.db, { format: 'flows', files: [oec] });
    const file = result.files[0];
    expect(file.metadata).toEqual({ direction: 'origin → dest', value: 'export_val', ignored: 'import_val (the reverse flow)' });
    expect(file).toMatchObject({ records: 2000, rejected: 0 });
    const [loaded] = await sql<{ n: string; total: string; exporters: string; short: string }>(
      `select count(*) as n, sum(value_usd)::text as total, string_agg(distinct exporter_id, ',') as exporters,
              count(*) filter (where length(product_code) <> 6) as short
       from trade_flow where dataset_id = ?`,
      [file.datasetId],
    );
    expect(loaded).toEqual({ n: String(file.loaded), total: expect.any(String), exporters: 'AFG', short: '0' });
    expect(Object.fromEntries(file.skipped)).toEqual({});
    expect(file.loaded).toBe(2000);
    expect(Number(loaded.total)).toBe(expectedTotal);
    const datasets = await app.gql(DatasetsDocument);
    expect(datasets.data!.datasets.find((d) => d.name === 'oec_yodp_hs92_2021')).toMatchObject({ kind: 'FLOWS', rowCount: file.loaded });
  });

  it('loads the BACI extract through the generic format given its columns and unit, summing to the same $69,369,988,138', async () => {
    const result = await runImport(app.running.db, {
      format: 'flows',
      files: [baciFile!],
      dataset: 'BACI via flows',
      flows: { columns: { year: 't', exporter: 'i', importer: 'j', product: 'k', value: 'v', quantity: 'q' }, valueUnit: 'thousand-usd' },
    });
    const file = result.files[0];
    expect(file).toMatchObject({ loaded: 71_192, rejected: 0 });
    const [sum] = await sql<{ total: string }>('select sum(value_usd)::text as total from trade_flow where dataset_id = ?', [
      file.datasetId,
    ]);
    expect(Number(sum.total)).toBe(69_369_988_138);
  });

  it('the import command takes the flows options and says what is wrong with them (exit 2); --help documents them', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TRADEGRAPH_DATA_DIR: path.join(tmp, 'db') };
    delete env.DATABASE_URL;
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/import.ts', ...args], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout + help.stderr).toMatch(/flows +any CSV of bilateral flows/);
    expect(help.stdout + help.stderr).toContain('--value-unit UNIT');
    const wrong = run(['flows', baciFile!, '--value-unit', 'euro']);
    expect([wrong.status, wrong.stderr]).toEqual([
      2,
      expect.stringContaining('--value-unit: "euro" is not one of usd, thousand-usd, million-usd'),
    ]);
    const elsewhere = run(['baci', baciFile!, '--year-column', 't']);
    expect([elsewhere.status, elsewhere.stderr]).toEqual([2, expect.stringContaining('are options of the flows format')]);
  });
});

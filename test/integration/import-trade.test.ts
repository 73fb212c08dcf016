import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImport } from '../../src/modules/import/run-import';
import { ImportError } from '../../src/modules/import/import-error';
import { partitionIndexNames, partitionName } from '../../src/modules/trade-flow/trade-flow.partition';
import { DatasetsDocument, TradeAggregateDocument, TradeFlowsDocument } from '../generated/graphql';
import { sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

const baciFile = sharedFile('trade/BACI_HS92_Y2021_V202301_exporters_AFG_ZAF.csv');
const baciCountries = sharedFile('trade/BACI_country_codes_V202301.csv');
const comtradeEu = sharedFile('trade/comtrade_eu27_wood_imports_2018-2022.csv');
const comtradeTha = sharedFile('trade/comtrade_tha_hs030613_2007-2011.csv');
const hsFile = sharedFile('reference/hs2022-nomenclature.csv');
const haveFiles = Boolean(baciFile && baciCountries && comtradeEu && comtradeTha && hsFile);

(haveFiles ? describe : describe.skip)('importing trade data (BACI, UN Comtrade, HS)', () => {
  let app: TestApp;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-import-'));
  const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
    (await app.running.db.orm.em.fork().getConnection().execute(text, params)) as T[];
  const counts = async () =>
    (
      await sql<{ flows: string; datasets: string; products: string }>(
        'select (select count(*) from trade_flow) as flows, (select count(*) from dataset) as datasets, (select count(*) from product) as products',
      )
    )[0];
  /** A copy of the first `lines` lines of `file`, with `edit` applied to line `n` (1-based). */
  const copyWith = (file: string, name: string, lines: number, n?: number, edit?: (line: string) => string) => {
    const all = fs.readFileSync(file, 'utf8').split('\n').slice(0, lines);
    if (n && edit) all[n - 1] = edit(all[n - 1]);
    const out = path.join(tmp, name);
    fs.writeFileSync(out, all.join('\n') + '\n');
    return out;
  };

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('loads the HS 2022 nomenclature: 97 chapters, 1,229 headings, 5,613 subheadings', async () => {
    const result = await runImport(app.running.db, { format: 'hs', files: [hsFile!] });
    expect(result.files[0]).toMatchObject({ loaded: 97 + 1229 + 5613, rejected: 0 });
    const levels = await sql<{ level: number; n: string }>('select level, count(*) as n from product group by level order by level');
    expect(levels.map((l) => [l.level, Number(l.n)])).toEqual([
      [2, 97],
      [4, 1229],
      [6, 5613],
    ]);
  });

  it('loads a BACI file: thousand USD become USD, leading zeros come back, NA quantities are null', async () => {
    const result = await runImport(app.running.db, { format: 'baci', files: [baciFile!], countriesFile: baciCountries! });
    const file = result.files[0];
    expect(file).toMatchObject({ unchanged: false, rejected: 0 });
    expect(file.loaded + [...file.skipped.values()].reduce((a, b) => a + b, 0)).toBe(71192);
    const datasets = await app.gql(DatasetsDocument);
    expect(datasets.data!.datasets.filter((d) => d.kind === 'BACI')).toEqual([
      expect.objectContaining({
        kind: 'BACI',
        name: 'BACI_HS92_Y2021_exporters_AFG_ZAF',
        version: 'V202301',
        rowCount: file.loaded,
        licence: expect.stringMatching(/Etalab/),
      }),
    ]);
    // Line 2 of the file: 2021,4,24,382390,52.051,"       13.235" — Afghanistan to Angola, 52.051 thousand USD.
    const flows = await app.gql(TradeFlowsDocument, { filter: { exporters: ['AFG'], importers: ['AGO'], hsPrefix: '382390' } });
    expect(flows.data!.tradeFlows.nodes).toEqual([
      expect.objectContaining({ year: 2021, valueUsd: 52051, quantityTons: 13.235, product: { code: '382390', level: 6 } }),
    ]);
    // "10111" in the file is HS 010111 (live pure-bred horses).
    const [horses] = await sql<{ n: string }>("select count(*) as n from trade_flow where product_code like '01%'");
    expect(Number(horses.n)).toBeGreaterThan(0);
    const [na] = await sql<{ n: string }>('select count(*) as n from trade_flow where quantity_tons is null');
    const naLines = fs
      .readFileSync(baciFile!, 'utf8')
      .split('\n')
      .filter((l) => /,"?\s*NA"?\s*$/.test(l)).length;
    expect(Number(na.n)).toBe(naLines);
    // Its world exports are materialised as it loads: exactly the flows summed over importers.
    const mismatch = await sql<{ n: string }>(
      `select count(*) as n from (
         (select year, product_code, exporter_id, value_usd from trade_world_export where dataset_id = ?
          except select year, product_code, exporter_id, sum(value_usd) from trade_flow where dataset_id = ? group by 1, 2, 3)
         union all
         (select year, product_code, exporter_id, sum(value_usd) from trade_flow where dataset_id = ? group by 1, 2, 3
          except select year, product_code, exporter_id, value_usd from trade_world_export where dataset_id = ?)) d`,
      Array(4).fill(file.datasetId),
    );
    expect(mismatch).toEqual([{ n: '0' }]);
  });

  it("attaches the file's partition with the indexes and foreign keys built before ATTACH, which adopts them: one natural-key index", async () => {
    const [{ id }] = await sql<{ id: number }>("select id from dataset where kind = 'BACI' order by id limit 1");
    const partition = partitionName(id);
    const indexes = await sql<{ indexname: string; indexdef: string }>(
      'select indexname, indexdef from pg_indexes where tablename = ? order by indexname',
      [partition],
    );
    // trade_flow has 7 indexes (its migrations): primary key, natural key, id, product-year, year-exporter-product,
    // year-importer-product, coarse codes. ATTACH builds any the partition lacks, so 7 names, all ours, means none twice.
    expect(indexes.map((i) => i.indexname)).toEqual([...partitionIndexNames(id)].sort());
    expect(indexes).toHaveLength(7);
    const naturalKeys = indexes.filter((i) => i.indexdef.includes('(dataset_id, year, exporter_id, importer_id, product_code)'));
    expect(naturalKeys.map((i) => i.indexname)).toEqual([`${partition}_natural_key`]);
    // Each is a partition of one of trade_flow's indexes; the foreign keys are the parent's four, inherited.
    const [adopted] = await sql<{ indexes: number; parents: number; fks: number; inherited: number }>(
      `select (select count(*)::int from pg_index x join pg_inherits h on h.inhrelid = x.indexrelid where x.indrelid = ?::regclass) as indexes,
              (select count(*)::int from pg_index where indrelid = 'trade_flow'::regclass) as parents,
              (select count(*)::int from pg_constraint where conrelid = ?::regclass and contype = 'f') as fks,
              (select count(*)::int from pg_constraint where conrelid = ?::regclass and contype = 'f' and conparentid <> 0) as inherited`,
      [partition, partition, partition],
    );
    expect(adopted).toEqual({ indexes: 7, parents: 7, fks: 4, inherited: 4 });
  });

  it('changes nothing when the same release is loaded again', async () => {
    const before = await counts();
    const again = await runImport(app.running.db, { format: 'baci', files: [baciFile!], countriesFile: baciCountries! });
    expect(again.files[0].unchanged).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('stops at a corrupt line, names the file and line, and imports nothing', async () => {
    const before = await counts();
    const bad = copyWith(baciFile!, 'BACI_HS92_Y2021_V202401_bad.csv', 5000, 1234, (l) => l.replace(/,([0-9.]+),/, ',12x4,'));
    const error = await runImport(app.running.db, { format: 'baci', files: [bad], countriesFile: baciCountries! }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).line).toBe(1234);
    expect((error as Error).message).toMatch(/BACI_HS92_Y2021_V202401_bad\.csv:1234: .*12x4/);
    expect(await counts()).toEqual(before);
  });

  it('fails at the last row and leaves the database as it was (one transaction)', async () => {
    const before = await counts();
    const total = fs.readFileSync(baciFile!, 'utf8').trimEnd().split('\n').length;
    const bad = copyWith(baciFile!, 'BACI_HS92_Y2021_V202402_lastrow.csv', total, total, (l) => l.replace(/^2021,\d+/, '2021,99999'));
    await expect(runImport(app.running.db, { format: 'baci', files: [bad], countriesFile: baciCountries! })).rejects.toThrow(
      new RegExp(`:${total}: `),
    );
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'a wrong header',
      (lines: string[]) => ['year,exporter,importer,product,value,quantity', ...lines.slice(1)],
      1,
      /expected header t,i,j,k,v,q/,
    ],
    ['a duplicate flow', (lines: string[]) => [...lines, lines[10]], 21, /duplicate flow .* also on line 11/],
    ['a truncated file (unclosed quote)', (lines: string[]) => [...lines, '2021,4,24,382390,1.5,"  13.2'], 21, /malformed CSV/],
  ])('rejects %s with the line that shows it, importing nothing', async (_what, edit, line, reason) => {
    const before = await counts();
    const lines = fs.readFileSync(baciFile!, 'utf8').split(/\r?\n/).slice(0, 20);
    const file = path.join(tmp, `BACI_HS92_Y2019_V202301_${line}.csv`);
    fs.writeFileSync(file, edit(lines).join('\n') + '\n');
    const error = (await runImport(app.running.db, { format: 'baci', files: [file], countriesFile: baciCountries! }).catch(
      (e) => e,
    )) as ImportError;
    expect([error.line, error.message]).toEqual([line, expect.stringMatching(reason)]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['1e999', 'column v: "1e999" is not a finite number'],
    ['Infinity', 'column v: "Infinity" is not a finite number'],
    ['NaN', 'column v: "NaN" is not a finite number'],
    ['100000000000000', 'column v: "100000000000000" is out of range once scaled by 10^3 (at most 99,999,999,999,999,999.999)'],
  ])('stops at a value numeric(20,3) cannot hold (%s) with file:line: column …, importing nothing (#10)', async (value, reason) => {
    const before = await counts();
    const bad = copyWith(baciFile!, `BACI_HS92_Y2017_V202301_${value}.csv`, 300, 7, (l) =>
      l.replace(/^(2021,\d+,\d+,\d+),[0-9.]+,/, `$1,${value},`),
    );
    const error = await runImport(app.running.db, { format: 'baci', files: [bad], countriesFile: baciCountries! }).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe(`${bad}:7: ${reason}`);
    expect(await counts()).toEqual(before);
  });

  it('skips BACI self-flows (i = j) and counts them in the summary, as Comtrade does, instead of refusing the file (#10)', async () => {
    // Line 10 of the real file made Afghanistan → Afghanistan.
    const self = copyWith(baciFile!, 'BACI_HS92_Y2016_V202301_self.csv', 60, 10, (l) => l.replace(/^2021,4,\d+,/, '2021,4,4,'));
    expect(fs.readFileSync(self, 'utf8').split('\n')[9]).toMatch(/^2021,4,4,/);
    const result = await runImport(app.running.db, { format: 'baci', files: [self], countriesFile: baciCountries! });
    const file = result.files[0];
    expect(file).toMatchObject({ records: 59, loaded: 58, rejected: 0 });
    expect(Object.fromEntries(file.skipped)).toEqual({ 'exporter and importer are the same country': 1 });
    const [flows] = await sql<{ n: string; self: string }>(
      'select count(*) as n, count(*) filter (where exporter_id = importer_id) as self from trade_flow where dataset_id = ?',
      [file.datasetId],
    );
    expect(flows).toEqual({ n: '58', self: '0' });
  });

  it("loads BACI's own HS92 product table as product descriptions", async () => {
    const productTable = sharedFile('trade/BACI_product_codes_HS92_V202301.csv')!;
    const result = await runImport(app.running.db, { format: 'hs', files: [productTable], dataset: 'BACI HS92 product codes' });
    expect(result.files[0]).toMatchObject({ loaded: 5021, rejected: 0 });
    const [horses] = await sql<{ description: string; hs_revision: string }>(
      "select description, hs_revision from product where code = '010111'",
    );
    expect(horses).toEqual({ description: 'Horses: live, pure-bred breeding animals', hs_revision: 'HS1992' });
  });

  it('with --skip-invalid loads the valid rows and reports the rejected ones with reasons', async () => {
    const bad = copyWith(baciFile!, 'BACI_HS92_Y2020_V202301_partial.csv', 101, 50, (l) => l.replace(/^2021/, '20x1'));
    const report = path.join(tmp, 'rejected.csv');
    const result = await runImport(app.running.db, {
      format: 'baci',
      files: [bad],
      countriesFile: baciCountries!,
      skipInvalid: true,
      reportFile: report,
    });
    expect(result.rejected).toBe(1);
    expect(result.files[0].loaded + result.files[0].rejected + [...result.files[0].skipped.values()].reduce((a, b) => a + b, 0)).toBe(100);
    const lines = fs.readFileSync(report, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('file,line,reason,record');
    expect(lines[1]).toMatch(/BACI_HS92_Y2020_V202301_partial\.csv",50,".*20x1/);
  });

  it('replaces an older release of the same dataset atomically', async () => {
    const name = 'BACI_HS92_Y2020_exporters_AFG_ZAF';
    const v1 = copyWith(baciFile!, 'BACI_HS92_Y2020_V202301_exporters_AFG_ZAF.csv', 200);
    const v2 = copyWith(baciFile!, 'BACI_HS92_Y2020_V202401_exporters_AFG_ZAF.csv', 300);
    await runImport(app.running.db, { format: 'baci', files: [v1], countriesFile: baciCountries! });
    const second = await runImport(app.running.db, { format: 'baci', files: [v2], countriesFile: baciCountries! });
    expect(second.files[0].replaced).toHaveLength(1);
    const rows = await sql<{ version: string; row_count: string; flows: string }>(
      'select d.version, d.row_count, (select count(*) from trade_flow f where f.dataset_id = d.id) as flows from dataset d where d.name = ?',
      [name],
    );
    expect(rows).toEqual([{ version: 'V202401', row_count: expect.anything(), flows: rows[0].row_count }]);
    // The old release's world exports went with it; the new one has its own.
    const orphans = await sql<{ n: string }>(
      'select count(*) as n from trade_world_export w where not exists (select 1 from dataset d where d.id = w.dataset_id)',
    );
    expect(orphans).toEqual([{ n: '0' }]);
    const [rolled] = await sql<{ n: string }>('select count(*) as n from trade_world_export where dataset_id = ?', [
      second.files[0].datasetId,
    ]);
    expect(Number(rolled.n)).toBeGreaterThan(0);
  });

  it('loads Comtrade EU imports as partner → reporter flows, without World or other areas', async () => {
    const result = await runImport(app.running.db, { format: 'comtrade', files: [comtradeEu!] });
    const file = result.files[0];
    expect(file.rejected).toBe(0);
    expect(file.loaded).toBeGreaterThan(150000);
    const skipped = [...file.skipped.keys()].join('\n');
    expect(skipped).toMatch(/World|area|not a country/i);
    // Line 2: Austria imported 4401 from Albania in 2018, 7.087 USD.
    const dataset = String(file.datasetId);
    const flows = await app.gql(TradeFlowsDocument, {
      filter: { dataset, exporters: ['ALB'], importers: ['AUT'], year: 2018, hsPrefix: '4401' },
    });
    expect(flows.data!.tradeFlows.nodes).toEqual([
      expect.objectContaining({ valueUsd: 7.087, exporter: { id: 'ALB' }, importer: { id: 'AUT' } }),
    ]);
    // Chapters 48 and 49 come as whole chapters: at HS 2 they count, at HS 4 they cannot be split.
    const ch = await app.gql(TradeAggregateDocument, { dataset, groupBy: ['PRODUCT'], hsLevel: 2, filter: { hsPrefix: '48' } });
    expect(ch.data!.tradeAggregate.rows[0].productCode).toBe('48');
    const h4 = await app.gql(TradeAggregateDocument, { dataset, groupBy: ['PRODUCT'], hsLevel: 4, filter: { hsPrefix: '48' } });
    expect(h4.data!.tradeAggregate.rows).toEqual([]);
    // A dataset mixing HS levels gets no materialised world exports: a sum over importers cannot follow the roll-up.
    expect(await sql('select count(*) as n from trade_world_export where dataset_id = ?', [file.datasetId])).toEqual([{ n: '0' }]);
  });

  it('loads the Thai Comtrade file: exports leave Thailand, imports arrive, re-imports (RM) and areas are skipped, Other Asia is Taiwan', async () => {
    const result = await runImport(app.running.db, { format: 'comtrade', files: [comtradeTha!] });
    const dataset = String(result.files[0].datasetId);
    const exports = await app.gql(TradeAggregateDocument, { dataset, groupBy: ['EXPORTER'], orderBy: 'KEYS', first: 1000 });
    const exporters = exports.data!.tradeAggregate.rows.map((r) => r.exporterId);
    expect(exporters).toContain('THA');
    const imports = await app.gql(TradeAggregateDocument, { dataset, groupBy: ['IMPORTER'], filter: { exporters: ['THA'] }, first: 1000 });
    expect(imports.data!.tradeAggregate.rows.map((r) => r.importerId)).toContain('TWN');
    expect([...result.files[0].skipped.keys()].join('\n')).toMatch(/"RM" is not an import or an export/);
    const [self] = await sql<{ n: string }>('select count(*) as n from trade_flow where dataset_id = ? and exporter_id = importer_id', [
      Number(dataset),
    ]);
    expect(Number(self.n)).toBe(0);
  });
});

import { buildCountryRows } from '../../seeds/data/countries';
import { COUNTRY_GROUPS } from '../../seeds/data/country-groups';
import { facilityMatchKey } from '../../src/modules/import/formats/facility-match';
import { resolveCountryName } from '../../src/modules/import/formats/country-names';
import { runImport } from '../../src/modules/import/run-import';
import { concentration } from '../../src/modules/metrics/concentration';
import { cagr, rankChanges, yoyGrowth } from '../../src/modules/metrics/trends';
import {
  ConcentrationTrendDocument,
  DisclosureChangeDocument,
  ImportConcentrationDocument,
  type ConcentrationTrendQueryVariables,
} from '../generated/graphql';
import { factories } from '../support/factories';
import { ofBrand, readNikeFactories, workersBy } from '../support/nike-files';
import { readCsv, sharedFile } from '../support/shared-data';
import { startTestApp, type TestApp } from '../support/test-app';

const shareOf = (weights: Map<string, number>) => {
  const total = [...weights.values()].reduce((a, b) => a + b, 0);
  return (key: string) => (weights.get(key) ?? 0) / total;
};

describe('trends', () => {
  let app: TestApp;
  let ds: string;
  const brandIds: Record<string, string> = {};
  const facilityIds: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp();
    const make = factories(app.running.db.orm.em.fork());
    await make.product('6403', 'Footwear, leather uppers');
    await make.product('640399', 'Other');
    const d = await make.dataset({ name: 'trend flows', version: 'v1' });
    ds = String(d.id);
    const usa = (year: number, exporter: string, valueUsd: number) => ({ year, exporter, importer: 'USA', product: '640399', valueUsd });
    await make.flows(d, [
      usa(2018, 'CHN', 80),
      usa(2018, 'VNM', 20), // before the range asked: W 100, HHI .8² + .2² = .68
      usa(2019, 'CHN', 90),
      usa(2019, 'VNM', 60), // W 150, HHI .6² + .4² = .52
      usa(2020, 'ITA', 0), // a zero is no trade: 2020 has no data for the USA…
      { year: 2020, exporter: 'CHN', importer: 'DEU', product: '640399', valueUsd: 500 }, // …though the dataset covers 2020
      usa(2021, 'CHN', 90),
      usa(2021, 'VNM', 60),
      usa(2021, 'IDN', 150), // IDN enters: W 300, HHI .3² + .2² + .5² = .38
      { year: 2021, exporter: 'CHN', importer: 'DEU', product: '640399', valueUsd: 100 },
      usa(2022, 'CHN', 60),
      usa(2022, 'VNM', 30),
      usa(2022, 'IDN', 210), // W 300, HHI .2² + .1² + .7² = .54
    ]);

    // Two disclosures, d1 = 2022-01-01 and d2 = 2023-01-01 (workers of each facility; Delta's unknown).
    const facility = async (name: string, country: string, workers: number | null) => {
      const f = await make.facility({ name, country, workersMin: workers, workersMax: workers });
      facilityIds[name] = String(f.id);
      return f;
    };
    const [alpha, beta, gamma, delta, eps] = [
      await facility('Alpha', 'VNM', 100),
      await facility('Beta', 'CHN', 300),
      await facility('Gamma', 'VNM', 200),
      await facility('Delta', 'IDN', null),
      await facility('Eps', 'CHN', 100),
    ];
    const brand = async (name: string, d1: (typeof alpha)[], d2: (typeof alpha)[]) => {
      const b = await make.brand(name);
      brandIds[name] = String(b.id);
      for (const f of d1) await make.link(b, f, '2022-01-01');
      for (const f of d2) await make.link(b, f, '2023-01-01');
    };
    await brand('Acme', [alpha, beta, delta, eps], [alpha, gamma, delta, eps]); // drops Beta, adds Gamma
    await brand('Solo', [alpha, beta], [beta]); // down to one country
    await brand('Newbie', [], [gamma]); // first disclosed on d2
  });
  afterAll(() => app?.close());

  describe('concentrationTrend', () => {
    const usaTrend = (vars: Partial<ConcentrationTrendQueryVariables> = {}) =>
      app.gql(ConcentrationTrendDocument, {
        market: 'IMPORT_SOURCES',
        reporter: 'USA',
        product: '640399',
        fromYear: 2019,
        toYear: 2023,
        dataset: ds,
        ...vars,
      });

    it('lists every year, a year without data as missing with null figures, and compares only adjacent years with data', async () => {
      const result = await usaTrend();
      expect(result.errors).toBeUndefined();
      const t = result.data!.concentrationTrend;
      expect(t.dataset.id).toBe(ds);
      expect(t.points.map((p) => [p.year, p.hasData, p.value])).toEqual([
        [2019, true, 150],
        [2020, false, null],
        [2021, true, 300],
        [2022, true, 300],
        [2023, false, null],
      ]);
      expect(t.missingYears).toEqual([2020, 2023]);
      expect(t.points[1]).toMatchObject({ valueYoY: null, concentration: null, deltaHhiPoints: null, significantIncrease: null });
      // 2019 against 2018 (before the range): 150 / 100 − 1 and 5,200 − 6,800; 2021 follows a gap; 2022: 300 / 300 − 1.
      expect(t.points.map((p) => p.valueYoY)).toEqual([0.5, null, null, 0, null]);
      const deltas = t.points.map((p) => p.deltaHhiPoints);
      expect(deltas[0]).toBeCloseTo(-1600, 8);
      expect(deltas.slice(1, 3)).toEqual([null, null]);
      expect(deltas[3]).toBeCloseTo(1600, 8); // 5,400 − 3,800, in a HIGH market: a significant increase
      expect(t.points.map((p) => p.significantIncrease)).toEqual([false, null, null, true, null]);
      expect(t.points.map((p) => p.concentration?.hhi ?? null).map((h) => h && Math.round(h * 1e9) / 1e9)).toEqual([
        0.52,
        null,
        0.38,
        0.54,
        null,
      ]);
      expect(t.points[3].concentration!.top.map((s) => [s.participantId, s.rank])).toEqual([
        ['IDN', 1],
        ['CHN', 2],
        ['VNM', 3],
      ]);
      // CAGR over the first and last years with data: (300 / 150)^(1/3) − 1; ΔHHI 5,400 − 5,200.
      expect([t.cagrFrom, t.cagrTo]).toEqual([2019, 2022]);
      expect(t.cagr).toBeCloseTo(2 ** (1 / 3) - 1, 12);
      expect(t.deltaHhiPoints).toBeCloseTo(200, 8);
    });

    it('follows the largest participants at either end: shares, shifts in points, ranks and rank changes', async () => {
      const t = (await usaTrend({ participants: 2 })).data!.concentrationTrend;
      // Top 2 in 2019: CHN, VNM; in 2022: IDN, CHN. IDN entered (share 0 before, no rank).
      expect(
        t.shareShifts.map((s) => [
          s.participantId,
          s.country?.id,
          s.weightBefore,
          s.weightAfter,
          s.shareBefore,
          s.shareAfter,
          s.rankBefore,
          s.rankAfter,
          s.rankChange,
        ]),
      ).toEqual([
        ['IDN', 'IDN', 0, 210, 0, 0.7, null, 1, null],
        ['CHN', 'CHN', 90, 60, 0.6, 0.2, 1, 2, -1],
        ['VNM', 'VNM', 60, 30, 0.4, 0.1, 2, 3, -1],
      ]);
      expect(t.shareShifts.map((s) => s.shiftPoints).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([70, -40, -30]);
      expect(t.shareShifts[0].kind).toBe('COUNTRY');
      const one = (await usaTrend({ participants: 1 })).data!.concentrationTrend;
      expect(one.shareShifts.map((s) => s.participantId)).toEqual(['IDN', 'CHN']); // the leader at either end
      expect((await usaTrend({ participants: 0 })).data!.concentrationTrend.shareShifts).toEqual([]);
    });

    it('gives each year the same concentration as importConcentration of that year', async () => {
      const t = (await usaTrend({ fromYear: 2018, toYear: 2022 })).data!.concentrationTrend;
      for (const p of t.points.filter((x) => x.hasData)) {
        const one = (await app.gql(ImportConcentrationDocument, { importer: 'USA', product: '640399', year: p.year, dataset: ds })).data!
          .importConcentration;
        expect([p.year, p.concentration!.participants, p.concentration!.totalWeight, p.concentration!.band]).toEqual([
          p.year,
          one.participants,
          one.totalWeight,
          one.band,
        ]);
        expect(p.concentration!.hhi).toBeCloseTo(one.hhi!, 12);
      }
      // 2018 is now the first year: nothing before it in the range's data (2017 has none).
      expect(t.points[0]).toMatchObject({ year: 2018, valueYoY: null, deltaHhiPoints: null });
    });

    it('serves the other markets: world exporters, export destinations', async () => {
      const world = (
        await app.gql(ConcentrationTrendDocument, {
          market: 'WORLD_EXPORTERS',
          product: '640399',
          fromYear: 2020,
          toYear: 2021,
          dataset: ds,
        })
      ).data!.concentrationTrend;
      // 2020: only CHN → DEU 500 (ITA's 0 is no trade); 2021: CHN 90 + 100, VNM 60, IDN 150.
      expect(world.points.map((p) => [p.year, p.value, p.concentration?.participants])).toEqual([
        [2020, 500, 1],
        [2021, 400, 3],
      ]);
      expect(world.points[1].valueYoY).toBeCloseTo(400 / 500 - 1, 12);
      const chn = (
        await app.gql(ConcentrationTrendDocument, {
          market: 'EXPORT_DESTINATIONS',
          reporter: 'CHN',
          fromYear: 2021,
          toYear: 2022,
          dataset: ds,
        })
      ).data!.concentrationTrend;
      // CHN's exports (every product, by chapter) in 2021: USA 90, DEU 100; in 2022: USA 60.
      expect(chn.points.map((p) => p.concentration!.top.map((s) => [s.participantId, s.share]))).toEqual([
        [
          ['DEU', 100 / 190],
          ['USA', 90 / 190],
        ],
        [['USA', 1]],
      ]);
      expect(chn.shareShifts.map((s) => [s.participantId, s.rankBefore, s.rankAfter, s.rankChange])).toEqual([
        ['USA', 2, 1, 1],
        ['DEU', 1, null, null],
      ]);
    });

    it('says an empty market is empty: every year missing, no span', async () => {
      const t = (
        await app.gql(ConcentrationTrendDocument, {
          market: 'IMPORT_SOURCES',
          reporter: 'BRA',
          product: '6403',
          fromYear: 2018,
          toYear: 2022,
          dataset: ds,
        })
      ).data!.concentrationTrend;
      expect(t.missingYears).toEqual([2018, 2019, 2020, 2021, 2022]);
      expect([t.cagrFrom, t.cagrTo, t.cagr, t.deltaHhiPoints, t.shareShifts]).toEqual([null, null, null, null, []]);
    });

    it('computes every year in the same statements whatever the range', async () => {
      app.resetQueryCount();
      await usaTrend({ fromYear: 2019, toYear: 2021 });
      const short = app.queryCount();
      app.resetQueryCount();
      await usaTrend({ fromYear: 2000, toYear: 2049 });
      expect(app.queryCount()).toBe(short);
    });

    it.each([
      ['fromYear after toYear', { fromYear: 2022, toYear: 2019 }, 'YEAR_OUT_OF_RANGE'],
      ['more than 50 years', { fromYear: 1970, toYear: 2020 }, 'INVALID_ARGUMENT'],
      ['no reporter for import sources', { reporter: null }, 'INVALID_ARGUMENT'],
      ['a reporter for world exporters', { market: 'WORLD_EXPORTERS' as const }, 'INVALID_ARGUMENT'],
      ['no product for import sources', { product: null }, 'INVALID_ARGUMENT'],
      ['an unknown reporter', { reporter: 'XYZ' }, 'UNKNOWN_COUNTRY'],
      ['an unknown product', { product: '640411' }, 'UNKNOWN_PRODUCT'],
      ['a malformed product', { product: '640' }, 'MALFORMED_HS_CODE'],
      ['participants out of range', { participants: -1 }, 'INVALID_ARGUMENT'],
      ['top out of range', { top: 1001 }, 'INVALID_ARGUMENT'],
    ])('rejects %s with a code', async (_what, vars, code) => {
      const result = await usaTrend(vars);
      expect(result.errors?.[0].extensions?.code).toBe(code);
    });
  });

  describe('Brand.disclosureChange', () => {
    const change = async (
      brand: string,
      vars: { from: string; to?: string; by?: 'COUNTRY' | 'FACILITY' | 'MANUFACTURER'; weight?: 'CAPACITY' | 'COUNT'; top?: number },
    ) => {
      const result = await app.gql(DisclosureChangeDocument, { id: brandIds[brand], ...vars });
      expect(result.errors).toBeUndefined();
      return result.data!.brand!.disclosureChange;
    };

    it('reads the disclosure in force at each date: facilities added, dropped and kept', async () => {
      const c = await change('Acme', { from: '2022-06-30', to: '2023-03-01' });
      expect([c.fromDate, c.toDate, c.added, c.dropped, c.kept]).toEqual(['2022-01-01', '2023-01-01', 1, 1, 3]);
      expect(c.addedFacilities.map((f) => f.id)).toEqual([facilityIds.Gamma]);
      expect(c.droppedFacilities.map((f) => f.id)).toEqual([facilityIds.Beta]);
      expect(c.keptFacilities.map((f) => f.id)).toEqual([facilityIds.Alpha, facilityIds.Delta, facilityIds.Eps]);
      const latest = await change('Acme', { from: '2022-06-30' });
      expect(latest.toDate).toBe('2023-01-01'); // `to` omitted: the latest disclosure
    });

    it('moves country shares by capacity: before VNM 100 / CHN 400, after VNM 300 / CHN 100 (Delta unknown)', async () => {
      const c = await change('Acme', { from: '2022-01-01', to: '2023-01-01' });
      expect(
        c.shares.map((s) => [
          s.participantId,
          s.country?.id,
          s.weightBefore,
          s.weightAfter,
          s.shareBefore,
          s.shareAfter,
          s.rankBefore,
          s.rankAfter,
          s.rankChange,
        ]),
      ).toEqual([
        ['VNM', 'VNM', 100, 300, 0.2, 0.75, 2, 1, 1],
        ['CHN', 'CHN', 400, 100, 0.8, 0.25, 1, 2, -1],
      ]);
      expect(c.shares.map((s) => s.shiftPoints)).toEqual([55, -55].map((x) => expect.closeTo(x, 9)));
      // HHI .2² + .8² = .68 → .75² + .25² = .625: ΔHHI −550 points, no significant increase.
      expect(c.concentrationBefore).toMatchObject({
        asOf: '2022-01-01',
        participants: 2,
        totalWeight: 500,
        unknownCapacity: 1,
        band: 'HIGH',
      });
      expect(c.concentrationAfter).toMatchObject({ asOf: '2023-01-01', participants: 2, totalWeight: 400, unknownCapacity: 1 });
      expect(c.concentrationBefore.hhiPoints).toBeCloseTo(6800, 8);
      expect(c.concentrationAfter.hhiPoints).toBeCloseTo(6250, 8);
      expect(c.deltaHhiPoints).toBeCloseTo(-550, 8);
      expect(c.significantIncrease).toBe(false);
    });

    it('ranks by count and by facility as the pure rankChanges does', async () => {
      const byCount = await change('Acme', { from: '2022-01-01', to: '2023-01-01', weight: 'COUNT' });
      // Before: CHN 2, IDN 1, VNM 1; after: VNM 2, CHN 1, IDN 1 (ties by code).
      const count = rankChanges(
        new Map([
          ['CHN', 2],
          ['IDN', 1],
          ['VNM', 1],
        ]),
        new Map([
          ['VNM', 2],
          ['CHN', 1],
          ['IDN', 1],
        ]),
      );
      expect(byCount.shares.map((s) => [s.participantId, s.rankBefore, s.rankAfter, s.rankChange])).toEqual(
        [...count].map(([k, r]) => [k, r.rankBefore, r.rankAfter, r.change]),
      );
      expect(byCount.shares.map((s) => [s.shareBefore, s.shareAfter])).toEqual([
        [0.25, 0.5],
        [0.5, 0.25],
        [0.25, 0.25],
      ]);

      const byFacility = await change('Acme', { from: '2022-01-01', to: '2023-01-01', by: 'FACILITY' });
      const id = facilityIds;
      const ranks = rankChanges(
        new Map([
          [id.Alpha, 100],
          [id.Beta, 300],
          [id.Eps, 100],
        ]),
        new Map([
          [id.Alpha, 100],
          [id.Gamma, 200],
          [id.Eps, 100],
        ]),
      );
      expect(byFacility.shares.map((s) => [s.participantId, s.facility?.id, s.rankBefore, s.rankAfter, s.rankChange])).toEqual(
        [...ranks].map(([k, r]) => [k, k, r.rankBefore, r.rankAfter, r.change]),
      );
      expect(byFacility.shares.find((s) => s.participantId === id.Beta)).toMatchObject({
        weightAfter: 0,
        shareAfter: 0,
        rankAfter: null,
        shiftPoints: expect.closeTo(-60, 9),
      });
    });

    it('flags a significant increase, and says a side before any disclosure is empty', async () => {
      const solo = await change('Solo', { from: '2022-01-01', to: '2023-01-01' });
      // CHN 300 / VNM 100 (6,250 points) → CHN alone (10,000): +3,750 in a HIGH market.
      expect(solo.deltaHhiPoints).toBeCloseTo(3750, 8);
      expect(solo.significantIncrease).toBe(true);
      expect([solo.added, solo.dropped, solo.kept]).toEqual([0, 1, 1]);

      const newbie = await change('Newbie', { from: '2022-06-30', to: '2023-06-30' });
      expect([newbie.fromDate, newbie.toDate, newbie.added, newbie.dropped, newbie.kept]).toEqual([null, '2023-01-01', 1, 0, 0]);
      expect(newbie.concentrationBefore).toMatchObject({ asOf: null, participants: 0, totalWeight: 0, hhiPoints: null, band: null });
      expect([newbie.deltaHhiPoints, newbie.significantIncrease]).toEqual([null, null]);
      expect(newbie.shares).toEqual([
        expect.objectContaining({ participantId: 'VNM', shareBefore: 0, shareAfter: 1, rankBefore: null, rankAfter: 1 }),
      ]);
    });

    it('costs the same statements for a list of brands as for one', async () => {
      const query = (first: number) => `{ brands(first: ${first}) { nodes { name disclosureChange(from: "2022-06-30") {
          fromDate added keptFacilities { id } shares { participantId country { id } } concentrationBefore { hhi } concentrationAfter { hhi } deltaHhiPoints significantIncrease } } } }`;
      app.resetQueryCount();
      const one = await app.raw(query(1));
      const oneCount = app.queryCount();
      app.resetQueryCount();
      const three = await app.raw(query(3));
      expect([one.errors, three.errors]).toEqual([undefined, undefined]);
      expect((three.data!.brands as { nodes: unknown[] }).nodes).toHaveLength(3);
      expect(app.queryCount()).toBe(oneCount);
    });

    it.each([
      ['from after to', 'from: "2023-01-01", to: "2022-01-01"', '{ added }', 'INVALID_ARGUMENT'],
      ['from equal to to', 'from: "2023-01-01", to: "2023-01-01"', '{ added }', 'INVALID_ARGUMENT'],
      ['a negative share count', 'from: "2022-01-01"', '{ shares(top: -1) { participantId } }', 'INVALID_ARGUMENT'],
      ['too long a facility list', 'from: "2022-01-01"', '{ addedFacilities(first: 5000) { id } }', 'PAGE_SIZE_TOO_LARGE'],
    ])('rejects %s with a code', async (_what, args, selection, code) => {
      const result = await app.raw(`{ brand(id: "${brandIds.Acme}") { disclosureChange(${args}) ${selection} } }`);
      expect(result.errors?.[0].extensions?.code).toBe(code);
    });
  });

  const comtradeEu = sharedFile('trade/comtrade_eu27_wood_imports_2018-2022.csv');
  (comtradeEu ? it : it.skip)(
    "follows the EU27's extra-EU imports of HS 44 over 2017–2022 as an independent computation from the Comtrade file does",
    async () => {
      const imported = await runImport(app.running.db, { format: 'comtrade', files: [comtradeEu!] });
      const dataset = String(imported.files[0].datasetId);
      // Independent: imports by EU reporters from country partners outside the EU, of codes under 44 rolled up
      // as METRICS.md says (a code counts unless an ancestor under 44 is there for the same year and pair).
      const eu = new Set(COUNTRY_GROUPS.find((g) => g.id === 'EU27')!.members);
      const countries = new Set(buildCountryRows().map((c) => c.id));
      const codesByPair = new Map<string, Array<{ code: string; value: number }>>();
      for (const r of readCsv(comtradeEu!)) {
        const partner = r.partner_iso.trim() === 'S19' ? 'TWN' : r.partner_iso.trim();
        if (
          r.flow_desc !== 'Import' ||
          !r.cmd_code.startsWith('44') ||
          !countries.has(partner) ||
          eu.has(partner) ||
          !eu.has(r.reporter_iso)
        )
          continue;
        const pair = `${r.ref_year}|${partner}|${r.reporter_iso}`;
        codesByPair.set(pair, [...(codesByPair.get(pair) ?? []), { code: r.cmd_code, value: Number(r.primary_value) }]);
      }
      const byYear = new Map<number, Map<string, number>>();
      for (const [pair, rows] of codesByPair) {
        const [year, partner] = pair.split('|');
        const counted = rows.filter((r) => !rows.some((a) => a.code.length < r.code.length && r.code.startsWith(a.code)));
        const weights = byYear.get(Number(year)) ?? new Map<string, number>();
        weights.set(partner, (weights.get(partner) ?? 0) + counted.reduce((a, r) => a + r.value, 0));
        byYear.set(Number(year), weights);
      }
      const total = (year: number) => [...byYear.get(year)!.values()].reduce((a, b) => a + b, 0);
      const hhiPoints = (year: number) => concentration([...byYear.get(year)!.values()]).hhiPoints!;

      const result = await app.gql(ConcentrationTrendDocument, {
        market: 'IMPORT_SOURCES',
        reporter: 'EU27',
        product: '44',
        fromYear: 2017,
        toYear: 2022,
        dataset,
        participants: 5,
        top: 3,
      });
      expect(result.errors).toBeUndefined();
      const t = result.data!.concentrationTrend;
      expect(t.missingYears).toEqual([2017]); // the file starts in 2018
      for (const p of t.points.slice(1)) {
        expect(p.value).toBeCloseTo(total(p.year), 2);
        expect(p.concentration!.participants).toBe([...byYear.get(p.year)!.values()].filter((w) => w > 0).length);
        expect(p.concentration!.hhiPoints).toBeCloseTo(hhiPoints(p.year), 6);
        if (p.year === 2018)
          expect([p.valueYoY, p.deltaHhiPoints]).toEqual([null, null]); // 2017 has no data
        else {
          expect(p.valueYoY).toBeCloseTo(yoyGrowth(total(p.year - 1), total(p.year))!, 10);
          expect(p.deltaHhiPoints).toBeCloseTo(hhiPoints(p.year) - hhiPoints(p.year - 1), 6);
        }
      }
      expect([t.cagrFrom, t.cagrTo]).toEqual([2018, 2022]);
      expect(t.cagr).toBeCloseTo(cagr(total(2018), total(2022), 4)!, 10);
      expect(t.deltaHhiPoints).toBeCloseTo(hhiPoints(2022) - hhiPoints(2018), 6);
      // Share shifts: the union of the 5 largest in 2018 and in 2022, ranked over every partner.
      const ranks = rankChanges(byYear.get(2018)!, byYear.get(2022)!);
      const followed = [...ranks].filter(([, r]) => (r.rankBefore ?? 99) <= 5 || (r.rankAfter ?? 99) <= 5);
      expect(t.shareShifts.map((s) => [s.participantId, s.rankBefore, s.rankAfter, s.rankChange])).toEqual(
        followed.map(([k, r]) => [k, r.rankBefore, r.rankAfter, r.change]),
      );
      const [before, after] = [shareOf(byYear.get(2018)!), shareOf(byYear.get(2022)!)];
      for (const s of t.shareShifts) {
        expect(s.shareBefore).toBeCloseTo(before(s.participantId), 12);
        expect(s.shareAfter).toBeCloseTo(after(s.participantId), 12);
        expect(s.shiftPoints).toBeCloseTo(100 * (after(s.participantId) - before(s.participantId)), 10);
      }
    },
  );

  const nike = [
    sharedFile('brands/nike_manufacturing_export_2021-02.csv'),
    sharedFile('brands/nike_manufacturing_export_2023-08.csv'),
    sharedFile('brands/nike_manufacturing_export_2025-06.csv'),
  ];
  (nike.every(Boolean) ? it : it.skip)(
    "computes Nike's change from February 2021 to June 2025 as an independent computation from its files does",
    async () => {
      for (const file of nike) await runImport(app.running.db, { format: 'nike', files: [file!] });
      const nikeId = (await app.raw('{ brands(filter: { search: "Nike" }) { nodes { id name } } }')).data!.brands as {
        nodes: Array<{ id: string; name: string }>;
      };
      // "Nike" also finds Converse, whose parent company is Nike, Inc.
      nikeId.nodes = nikeId.nodes.filter((b) => b.name === 'Nike');
      // Independent: each file's factories, one facility per match key (the documented rule), countries by name.
      const countries = { countries: new Set(buildCountryRows().map((c) => c.id)) };
      const countryOf = (name: string) => resolveCountryName(name, countries)!;
      // Nike's own rows: Converse, named in the brand column, is a brand of its own (#10).
      const [first, last] = [ofBrand(readNikeFactories(nike[0]!), 'NIKE'), ofBrand(readNikeFactories(nike[2]!), 'NIKE')];
      const keys = (rows: typeof first) =>
        new Set(rows.map((r) => facilityMatchKey({ name: r.name, country: countryOf(r.countryName), address: r.address.trim() || null })));
      const [k1, k2] = [keys(first), keys(last)];
      expect([k1.size, k2.size]).toEqual([498, 632]); // one facility per factory row
      const kept = [...k1].filter((k) => k2.has(k)).length;
      const [w1, w2] = [workersBy(first, (r) => countryOf(r.countryName)), workersBy(last, (r) => countryOf(r.countryName))];

      const result = await app.gql(DisclosureChangeDocument, {
        id: nikeId.nodes[0].id,
        from: '2021-02-01',
        to: '2025-06-01',
        top: 1000,
        first: 0,
      });
      expect(result.errors).toBeUndefined();
      const c = result.data!.brand!.disclosureChange;
      expect([c.fromDate, c.toDate]).toEqual(['2021-02-01', '2025-06-01']);
      expect([c.added, c.dropped, c.kept]).toEqual([k2.size - kept, k1.size - kept, kept]);
      expect([c.concentrationBefore.unknownCapacity, c.concentrationAfter.unknownCapacity]).toEqual([w1.unknown, w2.unknown]);
      const ranks = rankChanges(w1.weights, w2.weights);
      expect(c.shares.map((s) => [s.participantId, s.weightBefore, s.weightAfter, s.rankBefore, s.rankAfter, s.rankChange])).toEqual(
        [...ranks].map(([k, r]) => [k, w1.weights.get(k) ?? 0, w2.weights.get(k) ?? 0, r.rankBefore, r.rankAfter, r.change]),
      );
      const [before, after] = [shareOf(w1.weights), shareOf(w2.weights)];
      for (const s of c.shares) expect(s.shiftPoints).toBeCloseTo(100 * (after(s.participantId) - before(s.participantId)), 10);
      const [h1, h2] = [concentration([...w1.weights.values()]).hhiPoints!, concentration([...w2.weights.values()]).hhiPoints!];
      expect(c.deltaHhiPoints).toBeCloseTo(h2 - h1, 8);
    },
  );
});

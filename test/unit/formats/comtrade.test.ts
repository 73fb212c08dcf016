import { comtradeFormat } from '../../../src/modules/import/formats/comtrade';
import type { FlowRecord } from '../../../src/modules/import/types';
import { csvRecords, mapOne, referenceContext } from '../../support/format-harness';

const context = referenceContext();
/** The API's camelCase layout with the breakdown columns. */
const API =
  'refYear,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,partner2Code,motCode,customsCode,cmdCode,primaryValue,netWgt,isAggregate';
/** The short snake_case layout of the EU file. */
const SHORT = 'reporter_iso,reporter_desc,flow_desc,partner_iso,partner_desc,cmd_code,cmd_desc,primary_value,ref_year';

const api = (line: string) => mapOne(comtradeFormat, API, line, context);
const short = (line: string) => mapOne(comtradeFormat, SHORT, line, context);
const flow = (parsed: ReturnType<typeof api>): FlowRecord => {
  if (parsed.kind !== 'row') throw new Error(`expected a row, got ${parsed.kind}: ${parsed.reason}`);
  return parsed.row;
};

describe('Comtrade format: layouts', () => {
  it('recognises camelCase and snake_case headers in any order and case', () => {
    expect(comtradeFormat.open(csvRecords(API), context)).toMatchObject({ headerIndex: 0, metadata: { layout: 'camelCase' } });
    expect(comtradeFormat.open(csvRecords(SHORT), context)).toMatchObject({ headerIndex: 0, metadata: { layout: 'snake_case' } });
    const shuffled = mapOne(
      comtradeFormat,
      'PRIMARY_VALUE,Cmd_Code,partner_iso,FLOW_DESC,reporter_iso,ref_year',
      '12.5,4401,BEL,Import,AUT,2018',
      context,
    );
    expect(flow(shuffled)).toEqual({ year: 2018, exporter: 'BEL', importer: 'AUT', product: '4401', valueUsd: 12.5, quantityTons: null });
  });

  it('names the missing columns of a header it does not recognise', () => {
    expect(comtradeFormat.open(csvRecords('reporter_iso,partner_iso,flow_desc,ref_year\nAUT,BEL,Import,2018'), context)).toEqual({
      error:
        'expected a UN Comtrade header with cmdCode, primaryValue (camelCase or snake_case), found reporter_iso,partner_iso,flow_desc,ref_year',
      line: 1,
    });
    expect(comtradeFormat.open(csvRecords('t,i,j,k,v,q'), context)).toMatchObject({
      error: expect.stringContaining(
        'refYear, reporterISO or reporterCode, partnerISO or partnerCode, flowCode or flowDesc, cmdCode, primaryValue',
      ),
    });
  });
});

describe('Comtrade format: direction, countries and areas', () => {
  it('turns an import into partner → reporter and an export into reporter → partner, net weight kg into tons', () => {
    expect(flow(api('2007,764,THA,M,508,MOZ,0,0,C00,030613,2482223,292990,FALSE'))).toEqual({
      year: 2007,
      exporter: 'MOZ',
      importer: 'THA',
      product: '030613',
      valueUsd: 2482223,
      quantityTons: 292.99,
    });
    expect(flow(api('2007,764,THA,X,36,AUS,0,0,C00,030613,36120291,5545602,FALSE'))).toMatchObject({ exporter: 'THA', importer: 'AUS' });
    expect(flow(short('AUT,Austria,Import,BEL,Belgium,4401,Fuel wood,248162.321,2018'))).toMatchObject({
      exporter: 'BEL',
      importer: 'AUT',
      valueUsd: 248162.321,
    });
    expect(flow(short('AUT,Austria,Export,BEL,Belgium,4401,Fuel wood,1,2018'))).toMatchObject({ exporter: 'AUT', importer: 'BEL' });
  });

  it('skips re-imports, re-exports and other flows', () => {
    expect(api('2007,764,THA,RM,36,AUS,0,0,C00,030613,1,1,FALSE')).toEqual({
      kind: 'skip',
      reason: 'flow "RM" is not an import or an export',
    });
    expect(api('2007,764,THA,RX,36,AUS,0,0,C00,030613,1,1,FALSE')).toEqual({
      kind: 'skip',
      reason: 'flow "RX" is not an import or an export',
    });
    expect(short('AUT,Austria,Re-export,BEL,Belgium,4401,x,1,2018')).toEqual({
      kind: 'skip',
      reason: 'flow "Re-export" is not an import or an export',
    });
    expect(api('2007,764,THA,,36,AUS,0,0,C00,030613,1,1,FALSE')).toEqual({ kind: 'invalid', reason: 'column flowCode is empty' });
  });

  it('maps India 699 and "Other Asia, nes" 490 / S19 (Taiwan) and codes given without an ISO column', () => {
    expect(flow(api('2007,764,THA,M,699,IND,0,0,C00,030613,1,,FALSE')).exporter).toBe('IND');
    expect(flow(api('2007,764,THA,M,699,,0,0,C00,030613,1,,FALSE')).exporter).toBe('IND');
    expect(flow(api('2007,764,THA,X,490,S19,0,0,C00,030613,1,,FALSE')).importer).toBe('TWN');
    expect(flow(short('AUT,Austria,Import,S19,"Other Asia, nes",4401,x,1,2018')).exporter).toBe('TWN');
    const codesOnly = 'refYear,reporterCode,flowCode,partnerCode,cmdCode,primaryValue';
    expect(flow(mapOne(comtradeFormat, codesOnly, '2020,842,M,251,61,1', context))).toMatchObject({ exporter: 'FRA', importer: 'USA' });
    expect(flow(mapOne(comtradeFormat, codesOnly, '2020,842,M,356,61,1', context))).toMatchObject({ exporter: 'IND' });
    expect(mapOne(comtradeFormat, codesOnly, '2020,842,M,123,61,1', context)).toEqual({
      kind: 'invalid',
      reason: 'partner is not a known country or Comtrade area: partnerCode "123"',
    });
  });

  it.each([
    ['0,W00', 'partner is World: a total, not a bilateral flow'],
    [',W00', 'partner is World: a total, not a bilateral flow'],
    ['899,"_X "', 'partner _X "Areas, nes" is an area, not a country'],
    ['837,"X1 "', 'partner X1 "Bunkers" is an area, not a country'],
    ['839,XX', 'partner XX "Special Categories" is an area, not a country'],
    ['577,F19', 'partner F19 "Other Africa, nes" is an area, not a country'],
    ['568,E19', 'partner E19 "Other Europe, nes" is an area, not a country'],
    [',A79', 'partner "A79" is an area, not a country'],
  ])('skips partner %s: %s', (partner, reason) => {
    expect(api(`2007,764,THA,X,${partner},0,0,C00,030613,1,1,FALSE`)).toEqual({ kind: 'skip', reason });
  });

  it('skips padded area codes of the short layout and self-flows, refuses unknown three-letter codes', () => {
    expect(short('AUT,Austria,Import,"_X ","Areas, nes",4401,x,1,2018')).toEqual({
      kind: 'skip',
      reason: 'partner _X "Areas, nes" is an area, not a country',
    });
    expect(short('AUT,Austria,Import,"XX ",Special Categories,4401,x,1,2018')).toEqual({
      kind: 'skip',
      reason: 'partner XX "Special Categories" is an area, not a country',
    });
    expect(short('AUT,Austria,Import,AUT,Austria,4401,x,1,2018')).toEqual({
      kind: 'skip',
      reason: 'reporter and partner are the same country',
    });
    expect(short('ABC,Nowhere,Import,BEL,Belgium,4401,x,1,2018')).toEqual({
      kind: 'invalid',
      reason: 'reporter is not a known country or Comtrade area: reporter_iso "ABC"',
    });
    // Kosovo (XKX, user-assigned) is a country our table does not hold, not an area: still refused.
    expect(short('AUT,Austria,Import,XKX,Kosovo,4401,x,1,2018')).toMatchObject({ kind: 'invalid' });
    expect(short('AUT,Austria,Import,,?,4401,x,1,2018')).toEqual({ kind: 'invalid', reason: 'partner is not given: partner_iso ""' });
    expect(api('2020,97,EUR,M,156,CHN,0,0,C00,61,1,1,TRUE')).toEqual({
      kind: 'skip',
      reason: 'reporter EUR "European Union" is an area, not a country',
    });
  });
});

describe('Comtrade format: BLX, OEC and M49 areas, former countries (#10)', () => {
  it('reads BLX (Belgium-Luxembourg) as Belgium, as the exports format does, in any case', () => {
    expect(flow(short('AUT,Austria,Import,BLX,Belgium-Luxembourg,4401,x,1,1995'))).toMatchObject({ exporter: 'BEL', importer: 'AUT' });
    expect(flow(short('blx,Belgium-Luxembourg,Export,AUT,Austria,4401,x,1,1995'))).toMatchObject({ exporter: 'BEL', importer: 'AUT' });
    expect(flow(api('1995,58,BLX,X,36,AUS,0,0,C00,030613,1,1,FALSE')).exporter).toBe('BEL');
  });

  it.each([
    // The OEC's non-country groups (ISO user-assigned XAA–XZZ) and its world total.
    ['xxb', 'partner "XXB" is an area, not a country'],
    ['XXC', 'partner "XXC" is an area, not a country'],
    ['wld', 'partner is World: a total, not a bilateral flow'],
    ['ANS', 'partner ANS "Areas, nes" is an area, not a country'],
    ['ZZZ', 'partner "ZZZ" is an area, not a country'],
  ])('skips partner %s, counted by reason: %s', (partner, reason) => {
    expect(short(`AUT,Austria,Import,${partner},x,4401,x,1,2018`)).toEqual({ kind: 'skip', reason });
  });

  it.each([
    ['150', 'partner 150 "Europe" is an area, not a country'],
    ['419', 'partner 419 "Latin America and the Caribbean" is an area, not a country'],
    ['1', 'partner is World: a total, not a bilateral flow'],
  ])('skips numeric partner %s: %s', (partner, reason) => {
    const codesOnly = 'refYear,reporterCode,flowCode,partnerCode,cmdCode,primaryValue';
    expect(mapOne(comtradeFormat, codesOnly, `2020,842,M,${partner},61,1`, context)).toEqual({ kind: 'skip', reason });
  });

  it('reads former countries the reference data holds (ANT, YUG) as countries, by alpha or numeric code', () => {
    const codesOnly = 'refYear,reporterCode,flowCode,partnerCode,cmdCode,primaryValue';
    expect(flow(short('AUT,Austria,Import,ant,Netherlands Antilles,4401,x,1,2008')).exporter).toBe('ANT');
    expect(flow(mapOne(comtradeFormat, codesOnly, '1990,842,M,890,61,1', context)).exporter).toBe('YUG');
  });

  it('no M49 region code is an ISO 3166 numeric code: ISO numbers stay countries (010 Antarctica, 840 USA)', () => {
    const codesOnly = 'refYear,reporterCode,flowCode,partnerCode,cmdCode,primaryValue';
    expect(flow(mapOne(comtradeFormat, codesOnly, '2020,842,M,010,61,1', context)).exporter).toBe('ATA');
    for (const code of [
      1, 2, 5, 9, 11, 13, 14, 15, 17, 18, 19, 21, 29, 30, 34, 35, 39, 53, 54, 57, 61, 142, 143, 145, 150, 151, 154, 155, 202, 419,
    ]) {
      expect(context.countriesByNumeric.has(code)).toBe(false);
      expect(mapOne(comtradeFormat, codesOnly, `2020,842,M,${code},61,1`, context).kind).toBe('skip');
    }
  });
});

describe('Comtrade format: breakdowns, products, values', () => {
  it('skips the breakdowns of a total row by second partner, transport mode and customs procedure', () => {
    expect(api('2007,764,THA,X,36,AUS,36,0,C00,030613,1,1,FALSE')).toEqual({
      kind: 'skip',
      reason: 'second partner is not World: a breakdown of the total row',
    });
    expect(api('2007,764,THA,X,36,AUS,0,2100,C00,030613,1,1,FALSE')).toEqual({
      kind: 'skip',
      reason: 'mode of transport is not the total (0): a breakdown of the total row',
    });
    expect(api('2007,764,THA,X,36,AUS,0,0,C01,030613,1,1,FALSE')).toEqual({
      kind: 'skip',
      reason: 'customs procedure is not the total (C00): a breakdown of the total row',
    });
    expect(
      flow(
        mapOne(
          comtradeFormat,
          'ref_year,reporter_iso,flow_code,partner_iso,partner2iso,cmd_code,primary_value',
          '2007,THA,X,AUS,W00,03,1',
          context,
        ),
      ),
    ).toMatchObject({ product: '03' });
    expect(
      mapOne(
        comtradeFormat,
        'ref_year,reporter_iso,flow_code,partner_iso,partner2iso,cmd_code,primary_value',
        '2007,THA,X,AUS,CHN,03,1',
        context,
      ),
    ).toMatchObject({ kind: 'skip' });
  });

  it('keeps 2, 4 and 6 digit codes, skips TOTAL and refuses other shapes', () => {
    expect(flow(short('AUT,Austria,Import,BEL,Belgium,48,x,1,2018')).product).toBe('48');
    expect(flow(short('AUT,Austria,Import,BEL,Belgium,470610,x,1,2018')).product).toBe('470610');
    expect(short('AUT,Austria,Import,BEL,Belgium,TOTAL,x,1,2018')).toEqual({
      kind: 'skip',
      reason: 'commodity TOTAL (all products) is not an HS code',
    });
    expect(short('AUT,Austria,Import,BEL,Belgium,30613,x,1,2018')).toEqual({
      kind: 'invalid',
      reason: 'column cmd_code: "30613" is not an HS code (2, 4 or 6 digits); was its leading zero lost?',
    });
    expect(short('AUT,Austria,Import,BEL,Belgium,44AG,x,1,2018')).toEqual({
      kind: 'invalid',
      reason: 'column cmd_code: "44AG" is not an HS code (2, 4 or 6 digits)',
    });
  });

  it('reads decimal values, empty or NA weights as unknown, and refuses bad numbers', () => {
    expect(flow(api('2007,764,THA,X,36,AUS,0,0,C00,030613,7.087,,FALSE'))).toMatchObject({ valueUsd: 7.087, quantityTons: null });
    expect(flow(api('2007,764,THA,X,36,AUS,0,0,C00,030613,1,NA,FALSE')).quantityTons).toBeNull();
    expect(flow(api('2007,764,THA,X,36,AUS,0,0,C00,030613,1,0.5,FALSE')).quantityTons).toBe(0.0005);
    expect(api('2007,764,THA,X,36,AUS,0,0,C00,030613,,1,FALSE')).toEqual({ kind: 'invalid', reason: 'column primaryValue is empty' });
    expect(api('2007,764,THA,X,36,AUS,0,0,C00,030613,1 234,1,FALSE')).toEqual({
      kind: 'invalid',
      reason: 'column primaryValue: "1 234" is not a number',
    });
    expect(api('2007,764,THA,X,36,AUS,0,0,C00,030613,-5,1,FALSE')).toEqual({
      kind: 'invalid',
      reason: 'column primaryValue: "-5" is negative',
    });
    expect(api('2007,764,THA,X,36,AUS,0,0,C00,030613,5,-1,FALSE')).toEqual({ kind: 'invalid', reason: 'column netWgt: "-1" is negative' });
  });

  it.each([
    ['1e999,1', 'column primaryValue: "1e999" is not a finite number'],
    ['Infinity,1', 'column primaryValue: "Infinity" is not a finite number'],
    ['NaN,1', 'column primaryValue: "NaN" is not a finite number'],
    ['1e17,1', 'column primaryValue: "1e17" is out of range (at most 99,999,999,999,999,999.999)'],
    ['1,1e999', 'column netWgt: "1e999" is not a finite number'],
    ['1,-Infinity', 'column netWgt: "-Infinity" is not a finite number'],
    ['1,1e20', 'column netWgt: "1e20" is out of range once scaled by 10^-3 (at most 99,999,999,999,999,999.999)'],
  ])('refuses a value or weight numeric(20,3) cannot hold: %s', (numbers, reason) => {
    expect(api(`2007,764,THA,X,36,AUS,0,0,C00,030613,${numbers},FALSE`)).toEqual({ kind: 'invalid', reason });
  });

  it('refuses bad years, ragged rows and monthly data', () => {
    expect(api('07,764,THA,X,36,AUS,0,0,C00,030613,1,1,FALSE')).toEqual({ kind: 'invalid', reason: 'column refYear: "07" is not a year' });
    expect(api('1900,764,THA,X,36,AUS,0,0,C00,030613,1,1,FALSE')).toEqual({
      kind: 'invalid',
      reason: 'column refYear: year 1900 is outside 1950–2100',
    });
    expect(api('2007,764,THA,X,36,AUS,0,0,C00,030613,1,1')).toEqual({
      kind: 'invalid',
      reason: 'expected 13 fields as in the header, found 12',
    });
    expect(mapOne(comtradeFormat, `freqCode,${API}`, 'M,2007,764,THA,X,36,AUS,0,0,C00,030613,1,1,FALSE', context)).toEqual({
      kind: 'invalid',
      reason: 'column freqCode: monthly data ("M") is not supported; tradegraph holds annual flows',
    });
  });
});

import path from 'node:path';
import { openSupplyHubFormat } from '../../../src/modules/import/formats/open-supply-hub';
import { readOshWorkers } from '../../../src/modules/import/formats/osh-workers';
import type { OpenSupplyHubRecord } from '../../../src/modules/import/types';
import { FIXTURES, readRecords, recordsOf, runFormat, testContext, type Outcome } from './facility-harness';

describe('readOshWorkers', () => {
  it.each([
    ['', null, null],
    ['1000', 1000, 1000],
    ['1001-5000', 1001, 5000],
    ['1,001 – 5,000', 1001, 5000],
    ['Less than 1000', 1, 999],
    ['5001-10000', 5001, 10000],
    // Open-ended: our facilities hold closed ranges only (see osh-workers.ts).
    ['More than 10000', null, null],
    ['10000+', null, null],
  ])('%j → %s–%s', (value, min, max) => {
    expect(readOshWorkers(value === '' ? null : value, 'number_of_workers')).toEqual({ ok: true, value: { min, max } });
  });

  it('says why it cannot read a value', () => {
    expect(readOshWorkers('5000-1001', 'number_of_workers')).toEqual({
      ok: false,
      reason: 'column number_of_workers: range "5000-1001" is inverted (lower > upper)',
    });
    expect(readOshWorkers('lots', 'number_of_workers')).toEqual({
      ok: false,
      reason: 'column number_of_workers: "lots" is not a number of workers, a range or "Less/More than N"',
    });
  });
});

describe('openSupplyHubFormat on the sample download (test/fixtures/open-supply-hub-sample.csv)', () => {
  let outcome: Outcome<OpenSupplyHubRecord>;
  let byId: Map<string, Outcome<OpenSupplyHubRecord>['rows'][number]>;
  beforeAll(async () => {
    outcome = runFormat(openSupplyHubFormat, await readRecords(path.join(FIXTURES, 'open-supply-hub-sample.csv')));
    byId = new Map(outcome.rows.map((r) => [r.row.osId, r]));
  });

  it('loads 11 of its 12 facilities and skips the closed one', () => {
    expect(outcome.opened).toMatchObject({ headerIndex: 0, metadata: {} });
    expect(outcome.invalid).toEqual([]);
    expect(outcome.rows).toHaveLength(11);
    expect(outcome.skipped).toEqual([{ line: 9, reason: 'facility is closed (is_closed)' }]);
    expect(byId.has('LK2020260C5HV2M')).toBe(false);
  });

  it('maps a complete row, alpha-2 → alpha-3, contributors split on "|"', () => {
    expect(byId.get('CN2019303BQ3FZP')).toEqual({
      line: 2,
      row: {
        osId: 'CN2019303BQ3FZP',
        name: 'Dongguan Evergreen Footwear Co., Ltd.',
        address: 'No. 8 Industrial Road, Houjie Town, Dongguan, Guangdong',
        country: 'CHN',
        latitude: 22.9336,
        longitude: 113.671,
        sector: 'Footwear',
        contributors: ['Brand A (Public List)', 'Fair Labor Association'],
        workersMin: 1001,
        workersMax: 5000,
        parentCompany: 'Evergreen Holdings Ltd.',
        facilityType: 'Final Product Assembly',
      },
    });
  });

  it('reads every form of number_of_workers', () => {
    const workers = (id: string) => [byId.get(id)!.row.workersMin, byId.get(id)!.row.workersMax];
    expect(workers('VN2020045K7P2QD')).toEqual([1000, 1000]);
    expect(workers('BD2019085KN4N1Y')).toEqual([1, 999]);
    expect(workers('KH2021110A8C2RT')).toEqual([null, null]);
    expect(workers('TR2022031P0LK7Z')).toEqual([5001, 10000]);
    expect(workers('IN2019150Q4RT8N')).toEqual([null, null]);
    expect(workers('PK2023012V9NB3S')).toEqual([1001, 5000]);
    expect(workers('US2020126D4JPKB')).toEqual([45, 45]);
  });

  it('keeps quoted commas, trims contributor lists, and reads the country by name when the code is missing', () => {
    expect(byId.get('BD2019085KN4N1Y')!.row).toMatchObject({
      parentCompany: 'Crystal Group, Ltd.',
      contributors: ['Better Work (Public)', 'Brand A (Public List)', 'Worldly'],
      sector: 'Apparel|Textiles',
    });
    expect(byId.get('TR2022031P0LK7Z')!.row).toMatchObject({
      country: 'TUR',
      name: 'Ege Tekstil Sanayi ve Ticaret A.Ş.',
      contributors: ['Brand A (Public List)', 'Textile Exchange'],
    });
    expect(byId.get('PK2023012V9NB3S')!.row).toMatchObject({ country: 'PAK', name: 'Sialkot Sports Goods (Pvt.), Ltd.' });
    expect(byId.get('US2020126D4JPKB')!.row).toMatchObject({ country: 'USA', longitude: -122.6658 });
  });

  it('leaves coordinates unknown when one or both are missing', () => {
    expect(byId.get('ID2018200M3XW9K')!.row).toMatchObject({ latitude: null, longitude: null });
    expect(byId.get('TW2021050W2EJ6A')!.row).toMatchObject({ country: 'TWN', latitude: null, longitude: null });
  });

  it('reads a short (ragged) record: absent columns are null', () => {
    expect(byId.get('MX2022205H8GT1L')).toMatchObject({
      line: 13,
      row: { country: 'MEX', contributors: [], workersMin: null, workersMax: null, facilityType: null, parentCompany: null },
    });
  });
});

describe('openSupplyHubFormat headers and invalid records', () => {
  it('matches columns case-insensitively in any order and names the missing ones', () => {
    const records = recordsOf(
      [
        'Country Code,NAME,Address,OS ID,Number of Workers,Contributor (List)',
        'VN,Factory A,"Lot 1, Zone 2",VN2020045K7P2QD,101-500,A|B',
      ].join('\n'),
    );
    expect(runFormat(openSupplyHubFormat, records).rows[0].row).toMatchObject({
      osId: 'VN2020045K7P2QD',
      country: 'VNM',
      contributors: ['A', 'B'],
      workersMin: 101,
      workersMax: 500,
      latitude: null,
      sector: null,
    });
    expect(openSupplyHubFormat.open(recordsOf('os_id,name,country_code'), testContext())).toEqual({
      error: "expected Open Supply Hub's header (at least os_id, name, address, country_code) on line 1",
      line: 1,
    });
  });

  it('gives a record spanning lines the line it starts on, and folds the line break of a quoted field', () => {
    const records = recordsOf(
      ['os_id,name,address,country_code', 'VN1,Factory A,"Lot 1,', '  Zone 2",VN', 'VN2,Factory B,Addr,VN'].join('\n'),
    );
    expect(runFormat(openSupplyHubFormat, records).rows.map((r) => [r.line, r.row.address])).toEqual([
      [2, 'Lot 1, Zone 2'],
      [4, 'Addr'],
    ]);
  });

  it('says precisely why a record is invalid', () => {
    const header = 'os_id,name,address,country_code,country_name,lat,lng,number_of_workers';
    const { invalid } = runFormat(
      openSupplyHubFormat,
      recordsOf(
        [
          header,
          ',Factory,Addr,VN,Viet Nam,,,',
          'X1,,Addr,VN,Viet Nam,,,',
          'X2,Factory,Addr,QQ,Atlantis,,,',
          'X3,Factory,Addr,VN,,91.5,10,',
          'X4,Factory,Addr,VN,,10,east,',
          'X5,Factory,Addr,VN,,,,lots',
        ].join('\n'),
      ),
    );
    expect(invalid).toEqual([
      { line: 2, reason: 'column os_id is empty' },
      { line: 3, reason: 'column name is empty' },
      { line: 4, reason: 'column country_code: "QQ" is not a known ISO alpha-2 code; column country_name: unknown country "Atlantis"' },
      { line: 5, reason: 'column lat: 91.5 is outside −90…90' },
      { line: 6, reason: 'column lng: "east" is not a number' },
      { line: 7, reason: 'column number_of_workers: "lots" is not a number of workers, a range or "Less/More than N"' },
    ]);
  });
});

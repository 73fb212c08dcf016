import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { empty, ident, inList, int, join, list, sql } from '../../../src/database/sql';

describe('the sql tag', () => {
  it('binds values in placeholder order, nested fragments included', () => {
    const years = sql`f.year between ${2020} and ${2023}`;
    const q = sql`select 1 from trade_flow f where f.dataset_id = ${7} and ${years} and f.exporter_id = ${'CHN'}`;
    expect(q.text).toBe('select 1 from trade_flow f where f.dataset_id = ? and f.year between ? and ? and f.exporter_id = ?');
    expect(q.values).toEqual([7, 2020, 2023, 'CHN']);
    expect(q.toPg()).toEqual({
      text: 'select 1 from trade_flow f where f.dataset_id = $1 and f.year between $2 and $3 and f.exporter_id = $4',
      values: [7, 2020, 2023, 'CHN'],
    });
  });

  it('moves a fragment together with its values', () => {
    const a = sql`a = ${1}`;
    const b = sql`b = ${2}`;
    expect(sql`${a} and ${b}`.values).toEqual([1, 2]);
    expect(sql`${b} and ${a}`.values).toEqual([2, 1]);
    expect(sql`${b} and ${a}`.text).toBe('b = ? and a = ?');
  });

  it('reuses a fragment as often as it is interpolated', () => {
    const members = list(['DEU', 'FRA']);
    const q = sql`f.importer_id in (${members}) and f.exporter_id not in (${members})`;
    expect(q.text).toBe('f.importer_id in (?, ?) and f.exporter_id not in (?, ?)');
    expect(q.values).toEqual(['DEU', 'FRA', 'DEU', 'FRA']);
  });

  it('joins, lists and renders empty IN lists as false', () => {
    expect(join([sql`x = ${1}`, sql`y = ${2}`], ' and ').text).toBe('x = ? and y = ?');
    expect(join([], ' and ')).toBe(empty);
    expect(inList(sql`c`, []).text).toBe('false');
    expect(inList(sql`c`, ['A', 'B']).toPg()).toEqual({ text: 'c in ($1, $2)', values: ['A', 'B'] });
    expect(() => list([])).toThrow(/empty list/);
  });

  it('refuses values it cannot bind unambiguously', () => {
    expect(() => sql`x = ${undefined}`).toThrow(/undefined/);
    expect(() => sql`x in (${['a', 'b']})`).toThrow(/list\(\)/);
    expect(() => sql`x = ${Number.NaN}`).toThrow(/non-finite/);
    expect(() => sql`x = ${Infinity}`).toThrow(/non-finite/);
    expect(() => sql`x = ${{ a: 1 }}`).toThrow(/cannot be bound/);
  });

  it('pastes text only through the checked helpers', () => {
    expect(sql`select ${ident('f.importer_id', ['f.importer_id', 'f.exporter_id'])} from t`.text).toBe('select f.importer_id from t');
    expect(() => ident('f.importer_id; drop table x' as 'f.importer_id', ['f.importer_id'])).toThrow();
    expect(() => ident('x' as 'y', ['y'])).toThrow(/not one of/);
    expect(sql`left(c, ${int(6, { min: 2, max: 6 })})`.text).toBe('left(c, 6)');
    expect(() => int(1.5)).toThrow(/safe integer/);
    expect(() => int(8, { max: 6 })).toThrow(RangeError);
  });

  it("renders MikroORM's placeholders so that its formatter inlines the right values, a literal ? included", () => {
    const q = sql`select '?' as mark, ${"it's"} as a, ${3} as b where ${sql`x = ${'y'}`}`;
    const { sql: text, params } = q.toMikro();
    expect(new PostgreSqlPlatform().formatQuery(text, params)).toBe(`select '?' as mark, 'it''s' as a, 3 as b where x = 'y'`);
  });

  it('writes values in as literals for COPY, quoted as quote_literal quotes them', () => {
    const q = sql`select ${"it's"}, ${'a\\b'}, ${-5}, ${1.5}, ${12n}, ${null}, ${true}, ${new Date('2024-01-02T03:04:05Z')} where x - ${-1} = 0`;
    expect(q.toLiteral()).toBe(`select 'it''s', E'a\\\\b', (-5), 1.5, 12, null, true, '2024-01-02T03:04:05.000Z' where x - (-1) = 0`);
    expect(() => sql`select ${'a\0b'}`.toLiteral()).toThrow(/NUL/);
  });
});

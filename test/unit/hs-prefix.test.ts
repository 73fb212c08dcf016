import { sql } from '../../src/database/sql';
import { hsPrefix } from '../../src/modules/trade-flow/hs-rollup.sql';

/** The condition on column `c` with its bindings (all strings), in MikroORM's `?` form. */
function hsPrefixSql(_column: 'c', code: string): { sql: string; params: string[] } {
  const { sql: text, params } = hsPrefix(sql`c`, code).toMikro();
  return { sql: text, params: params.map(String) };
}

describe('hsPrefix (an HS prefix an index can serve under any collation)', () => {
  it('is an equality for a 6-digit code and nothing for the empty prefix', () => {
    expect(hsPrefixSql('c', '640399')).toEqual({ sql: 'c = ?', params: ['640399'] });
    expect(hsPrefixSql('c', '')).toEqual({ sql: 'true', params: [] });
  });

  it('is the range [p, p + 1) for a shorter code, leading zeros and carries kept, with the LIKE beside it', () => {
    expect(hsPrefixSql('c', '6204')).toEqual({ sql: 'c >= ? and c < ? and c like ?', params: ['6204', '6205', '6204%'] });
    expect(hsPrefixSql('c', '09')).toEqual({ sql: 'c >= ? and c < ? and c like ?', params: ['09', '10', '09%'] });
    expect(hsPrefixSql('c', '0199').params).toEqual(['0199', '0200', '0199%']);
  });

  it('has no upper bound after the last code of a level', () => {
    expect(hsPrefixSql('c', '99')).toEqual({ sql: 'c >= ? and c like ?', params: ['99', '99%'] });
    expect(hsPrefixSql('c', '9999').params).toEqual(['9999', '9999%']);
  });

  it('selects exactly the codes under the prefix, in digit order', () => {
    const codes = ['01', '0101', '010121', '0199', '02', '6204', '620411', '620462', '6205', '99', '9999'];
    const under = (p: string) => {
      const { params } = hsPrefixSql('c', p);
      const [low, high] = params.length === 3 ? params : [params[0], undefined];
      return codes.filter((c) => c >= low && (high === undefined || c < high) && c.startsWith(p));
    };
    for (const p of ['01', '0101', '62', '6204', '99']) expect([p, under(p)]).toEqual([p, codes.filter((c) => c.startsWith(p))]);
  });
});

import { columnList, type BulkSession } from '../../../database/bulk/bulk-session';
import type { CopyValue } from '../../../database/bulk/copy-format';
import { sql } from '../../../database/sql';
import { ensureProductCodes } from '../../product/placeholder-products';
import { ImportError } from '../import-error';
import type { ProductRecord } from '../types';
import type { Lined } from '../validated-rows';
import { firstRepeatedKey, stagingTable, withStaging } from './staging';

const STAGE = stagingTable('import_product');

/**
 * Loads an HS nomenclature: every code is inserted or updated (description, parent, section, revision),
 * which also gives real descriptions to codes a trade import had to create as placeholders. Parents
 * missing from both the file and the database are created as placeholders.
 */
export async function loadProducts(session: BulkSession, file: string, hsRevisionLabel: string, rows: AsyncIterable<Lined<ProductRecord>>) {
  return withStaging(
    session,
    STAGE,
    sql`line int, code varchar(6), level smallint, description text, parent_code varchar(6), section_id smallint`,
    async () => {
      const written = await session.copy(
        STAGE,
        columnList(['line', 'code', 'level', 'description', 'parent_code', 'section_id']),
        (async function* (): AsyncGenerator<readonly CopyValue[]> {
          for await (const { line, row } of rows) yield [line, row.code, row.level, row.description, row.parent, row.section];
        })(),
      );
      const duplicate = await firstRepeatedKey<{ code: string }>(session, STAGE, ['code'], 'line');
      if (duplicate)
        throw new ImportError(file, duplicate.lines[1], `HS code ${duplicate.code} appears twice (also on line ${duplicate.lines[0]})`);
      // Parents missing from both the file and the database (BACI's HS92 table lists subheadings whose
      // headings HS 2022 no longer has) become placeholders; the file's own codes are described just below.
      await ensureProductCodes(session, sql`select code from ${STAGE}`, hsRevisionLabel);

      await session.query(
        sql`insert into product (code, level, description, parent_code, section_id, hs_revision)
       select s.code, s.level, s.description, s.parent_code,
              coalesce(s.section_id, (select p.section_id from product p where p.code = left(s.code, 2))), ${hsRevisionLabel}
       from ${STAGE} s
       on conflict (code) do update set description = excluded.description, parent_code = excluded.parent_code,
         section_id = coalesce(excluded.section_id, product.section_id), hs_revision = excluded.hs_revision`,
      );
      return written;
    },
  );
}

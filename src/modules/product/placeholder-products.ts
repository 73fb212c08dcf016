import type { BulkSession } from '../../database/bulk/bulk-session';
import { sql, type Sql } from '../../database/sql';

/**
 * Makes sure every code that `codes` selects (as a `code` column) exists in the product table, with
 * its heading and chapter: codes not there yet are created as placeholders ("HS 010111 (not in the loaded
 * nomenclature)") that a later nomenclature import describes. Lets trade data load before, or without,
 * the nomenclature of its HS revision.
 */
export async function ensureProductCodes(session: BulkSession, codes: Sql, hsRevisionLabel: string): Promise<void> {
  await session.query(
    sql`with codes as (${codes}),
     needed as (
       select code from codes
       union select left(code, 4) from codes where length(code) = 6
       union select left(code, 2) from codes
     )
     insert into product (code, level, description, parent_code, section_id, hs_revision)
     select n.code, length(n.code), 'HS ' || n.code || ' (not in the loaded nomenclature)',
            case when length(n.code) > 2 then left(n.code, length(n.code) - 2) end,
            (select c.section_id from product c where c.code = left(n.code, 2)), ${hsRevisionLabel}
     from needed n where not exists (select 1 from product p where p.code = n.code)`,
  );
}

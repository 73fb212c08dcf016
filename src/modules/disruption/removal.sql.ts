import { inList, join, sql, type Sql } from '../../database/sql';
import type { Removal } from './removal';

/** SQL condition on facility `f`: it is in R (its country, its manufacturer or itself removed). */
export function removedFacility(removal: Removal): Sql {
  const any = join(
    [
      inList(sql`f.country_id`, removal.countries),
      inList(sql`f.manufacturer_id`, removal.manufacturers),
      inList(sql`f.id`, removal.facilities),
    ],
    ' or ',
  );
  return sql`(${any})`;
}

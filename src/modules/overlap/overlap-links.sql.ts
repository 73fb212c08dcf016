import { empty, sql, type Sql } from '../../database/sql';

/**
 * Every brand's sourcing links at its disclosure in force on `asOf` (its latest on or before `asOf`, its
 * latest of all when null), as `brandLinks` reads them: one row (brand_id, facility_id, product_type_id,
 * disclosed_at)
 * per product type a brand sources from a facility then; only `productType`'s when one is given. A rival
 * of a brand is any other brand of these rows. Facilities are rows of `facility`: the importers' match
 * rule already made one row of a factory that several brands disclose (see METRICS.md, "Facility matching").
 */
export function linksInForce(asOf: string | null, productType: string | null): Sql {
  const ofType = productType === null ? empty : sql` and sl.product_type_id = ${productType}`;
  return sql`select distinct sl.brand_id, sl.facility_id, sl.product_type_id, sl.disclosed_at
        from sourcing_link sl
        join (select brand_id, max(disclosed_at) as disclosed_at from sourcing_link
              where disclosed_at <= coalesce(${asOf}::date, 'infinity') group by brand_id) d
          on d.brand_id = sl.brand_id and d.disclosed_at = sl.disclosed_at
        where true${ofType}`;
}

/**
 * Rival overlap's questions for bench/analytics.ts (#12): the brand sharing most facilities with other
 * brands (at every brand's latest disclosure) — its overlap with each rival, its leakage exposure — and the
 * overlap network of every brand, each next to a hand-written SQL twin on sourcing_link and facility.
 */
import { assertClose, type Case } from './analytics-case';
import type { BenchInputs } from './analytics-cases';
import type { Query } from './analytics-risk-case';

/** Every brand's latest disclosure: (brand_id, facility_id, product_type_id) links, and each brand's workers per facility. */
const LATEST = `latest as (select brand_id, max(disclosed_at) as d from sourcing_link group by 1),
  t as (select distinct sl.brand_id, sl.facility_id, sl.product_type_id from sourcing_link sl
        join latest on latest.brand_id = sl.brand_id and latest.d = sl.disclosed_at),
  l as (select sl.brand_id, sl.facility_id,
               (coalesce(min(sl.workers_min), min(f.workers_min)) + coalesce(max(sl.workers_max), max(f.workers_max))) / 2.0 as w
        from sourcing_link sl join latest on latest.brand_id = sl.brand_id and latest.d = sl.disclosed_at
        join facility f on f.id = sl.facility_id group by 1, 2)`;

export const overlapCases = async (_inputs: BenchInputs, q: Query): Promise<Case[]> => {
  const [picked] = await q(
    `with ${LATEST}
     select a.brand_id as brand from l a join l b on b.facility_id = a.facility_id and b.brand_id <> a.brand_id
     group by 1 order by count(distinct a.facility_id) desc, 1 limit 1`,
  );
  if (!picked) return [];
  const brand = Number(picked.brand);
  const cases: Case[] = [
    {
      name: `R1. rival overlap of brand ${brand} (the one sharing most facilities), every rival at its latest disclosure`,
      api: {
        query: `query($id: ID!) { brand(id: $id) { rivalOverlap(first: 20) { rivalCount rivals { rival { id } sharedFacilities overlapShare jaccard } } } }`,
        variables: { id: String(brand) },
      },
      sql: [
        {
          text: `with ${LATEST},
              b as (select facility_id, w from l where brand_id = $1),
              n as (select brand_id, count(*) as n from l group by 1)
            select r.brand_id as rival, count(*) as shared, coalesce(sum(b.w), 0) / (select sum(w) from b) as share,
                   count(*)::float8 / ((select count(*) from b) + max(n.n) - count(*)) as jaccard
            from b join l r on r.facility_id = b.facility_id and r.brand_id <> $1 join n on n.brand_id = r.brand_id
            group by r.brand_id order by shared desc, rival limit 20`,
          values: [brand],
        },
      ],
      check: (api, [sql]) => {
        const rivals = api.brand.rivalOverlap.rivals;
        if (rivals.length !== sql.length) throw new Error(`rivals: the API lists ${rivals.length}, the SQL ${sql.length}`);
        sql.forEach((row, i) => {
          assertClose(`rival ${i + 1}`, Number(rivals[i].rival.id), Number(row.rival));
          assertClose(`shared facilities of rival ${i + 1}`, rivals[i].sharedFacilities, Number(row.shared));
          assertClose(`overlap share of rival ${i + 1}`, rivals[i].overlapShare, Number(row.share));
          assertClose(`Jaccard of rival ${i + 1}`, rivals[i].jaccard, Number(row.jaccard));
        });
      },
    },
    {
      name: `R2. leakage exposure of brand ${brand} at FACILITY level`,
      api: {
        query: `query($id: ID!) { brand(id: $id) { leakageExposure(level: FACILITY) { share exposedFacilities } } }`,
        variables: { id: String(brand) },
      },
      sql: [
        {
          text: `with ${LATEST},
              x as (select distinct a.facility_id from t a
                    join t r on r.facility_id = a.facility_id and r.product_type_id = a.product_type_id and r.brand_id <> a.brand_id
                    where a.brand_id = $1)
            select coalesce(sum(w) filter (where facility_id in (select facility_id from x)), 0) / sum(w) as share,
                   count(*) filter (where facility_id in (select facility_id from x)) as exposed
            from l where brand_id = $1`,
          values: [brand],
        },
      ],
      check: (api, [[row]]) => {
        assertClose('leakage share', api.brand.leakageExposure.share, Number(row.share));
        assertClose('exposed facilities', api.brand.leakageExposure.exposedFacilities, Number(row.exposed));
      },
    },
    {
      name: 'R3. overlap network of every brand (any product type), the 500 pairs sharing most facilities',
      api: {
        query: `{ overlapNetwork(first: 500) { pairCount pairs { brandAId brandBId sharedFacilities sharedCapacity } } }`,
        variables: {},
      },
      sql: [
        {
          text: `with ${LATEST}, s as (select distinct brand_id, facility_id from t)
            select a.brand_id as a, b.brand_id as b, count(*) as shared, coalesce(sum((f.workers_min + f.workers_max) / 2.0), 0) as cap
            from s a join s b on b.facility_id = a.facility_id and b.brand_id > a.brand_id join facility f on f.id = a.facility_id
            group by 1, 2 order by shared desc, a, b limit 500`,
          values: [],
        },
      ],
      check: (api, [sql]) => {
        const pairs = api.overlapNetwork.pairs;
        if (pairs.length !== sql.length) throw new Error(`pairs: the API lists ${pairs.length}, the SQL ${sql.length}`);
        sql.forEach((row, i) => {
          assertClose(`pair ${i + 1} brand A`, Number(pairs[i].brandAId), Number(row.a));
          assertClose(`pair ${i + 1} brand B`, Number(pairs[i].brandBId), Number(row.b));
          assertClose(`pair ${i + 1} shared`, pairs[i].sharedFacilities, Number(row.shared));
          assertClose(`pair ${i + 1} capacity`, pairs[i].sharedCapacity, Number(row.cap));
        });
      },
    },
  ];
  return cases;
};

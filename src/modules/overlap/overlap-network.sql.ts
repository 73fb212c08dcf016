import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../database/query';
import { sql } from '../../database/sql';
import { linksInForce } from './overlap-links.sql';

export interface OverlapNetworkArgs {
  asOf: string | null;
  productType: string | null;
  minShared: number;
  /** Edges listed, the most shared first. */
  first: number;
  /** Nodes listed, the most facilities first. */
  maxNodes: number;
}

export interface OverlapNodeRow {
  brandId: number;
  brandName: string;
  disclosedAt: string;
  facilities: number;
}

export interface OverlapEdgeRow {
  brandAId: number;
  brandAName: string;
  brandBId: number;
  brandBName: string;
  sharedFacilities: number;
  sharedCapacity: number;
  sharedUnknownCapacity: number;
}

export interface OverlapNetworkRows {
  nodeCount: number;
  pairCount: number;
  nodes: OverlapNodeRow[];
  pairs: OverlapEdgeRow[];
}

type Row = { kind: 'count' | 'node' | 'edge'; a: number | null; aName: string | null; b: number | null; bName: string | null } & {
  disclosedAt: string | null;
  n: number;
  capacity: number | null;
  unknown: number | null;
};

/**
 * The overlap network in one statement: a node per brand sourcing the type at its disclosure in force
 * (its facilities of the type), an edge per pair of brands (a < b by id) with at least `minShared`
 * facilities where both source it, weighted by their count and their capacity — each facility's own
 * figure (its workers, the range midpoint; `facility`'s latest known), one number whichever brand
 * disclosed it; unknown ones counted apart. Rows: one count row, then nodes, then edges.
 */
export async function overlapNetwork(em: EntityManager, q: OverlapNetworkArgs): Promise<OverlapNetworkRows> {
  const rows = await queryRows<Row>(
    em,
    sql`
      with typed as (${linksInForce(q.asOf, q.productType)}),
      sites as (select brand_id, facility_id, max(disclosed_at) as disclosed_at from typed group by brand_id, facility_id),
      nodes as (
        select brand_id, to_char(max(disclosed_at), 'YYYY-MM-DD') as disclosed_at, count(*)::int as facilities,
               (row_number() over (order by count(*) desc, brand_id))::int as rank
        from sites group by brand_id
      ),
      edges as (
        select a.brand_id as a, b.brand_id as b, count(*)::int as shared,
               coalesce(sum((f.workers_min + f.workers_max) / 2.0), 0)::float8 as capacity,
               (count(*) filter (where f.workers_min is null))::int as unknown,
               (row_number() over (order by count(*) desc, a.brand_id, b.brand_id))::int as rank
        from sites a join sites b on b.facility_id = a.facility_id and b.brand_id > a.brand_id
        join facility f on f.id = a.facility_id
        group by a.brand_id, b.brand_id having count(*) >= ${q.minShared}
      )
      select 'count' as kind, (select count(*) from nodes)::int as a, null as "aName", (select count(*) from edges)::int as b, null as "bName",
             null as "disclosedAt", 0 as n, null::float8 as capacity, null::int as unknown, 0 as rank
      union all
      select 'node', n.brand_id, ba.name, null, null, n.disclosed_at, n.facilities, null, null, n.rank
      from nodes n join brand ba on ba.id = n.brand_id where n.rank <= ${q.maxNodes}
      union all
      select 'edge', e.a, ba.name, e.b, bb.name, null, e.shared, e.capacity, e.unknown, e.rank
      from edges e join brand ba on ba.id = e.a join brand bb on bb.id = e.b where e.rank <= ${q.first}
      order by kind, rank`,
  );
  const network: OverlapNetworkRows = { nodeCount: 0, pairCount: 0, nodes: [], pairs: [] };
  for (const r of rows) {
    if (r.kind === 'count') [network.nodeCount, network.pairCount] = [Number(r.a), Number(r.b)];
    else if (r.kind === 'node')
      network.nodes.push({ brandId: Number(r.a), brandName: r.aName!, disclosedAt: r.disclosedAt!, facilities: r.n });
    else
      network.pairs.push({
        brandAId: Number(r.a),
        brandAName: r.aName!,
        brandBId: Number(r.b),
        brandBName: r.bName!,
        sharedFacilities: r.n,
        sharedCapacity: r.capacity!,
        sharedUnknownCapacity: r.unknown!,
      });
  }
  return network;
}

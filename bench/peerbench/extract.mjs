// How peerbench (run-paged.sh) reads tradegraph's answers for its checks: rows of { key: [...], value }
// in the SQL file's key order; `pages` says how a paged query walks its pages (the cursor) and merges them.
const agg = (cols) => (data) => data.tradeAggregate.rows.map((r) => ({ key: cols.map((c) => r[c]), value: r.valueUsd }));
const mergeAgg = (datas) => ({ tradeAggregate: { rows: datas.flatMap((d) => d.tradeAggregate.rows) } });
const mergeProducts = (datas) => ({ products: { nodes: datas.flatMap((d) => d.products.nodes) } });
export default {
  Q1: agg(['exporterId']),
  'Q1-HHI': (data) => [{ key: [], value: data.importConcentration.hhi }],
  Q2: agg(['productCode', 'exporterId']),
  // products USA does not import have participants = 0 and hhi null; the SQL lists only imported ones
  'Q2-HHI': (data) =>
    data.products.nodes
      .filter((n) => n.importConcentration.participants > 0)
      .map((n) => ({ key: [n.code], value: n.importConcentration.hhi })),
  Q3: agg(['year', 'exporterId']),
  Q4: agg(['year']),
  pages: {
    Q2: { next: (d) => (d.tradeAggregate.pageInfo.hasNextPage ? d.tradeAggregate.pageInfo.endCursor : null), merge: mergeAgg },
    'Q2-HHI': { next: (d) => (d.products.pageInfo.hasNextPage ? d.products.pageInfo.endCursor : null), merge: mergeProducts },
  },
};

#!/usr/bin/env node
// Writes the request bodies of the reliability rig (Node 20 stdlib only):
//   node queries/make-queries.mjs        (re)writes every .json file next to this script
// The files are committed; this script is how they were made, so a change is one edit here.
//
// Depth is counted as graphql-armor's max-depth (and graphql-depth-limit) count it: every field of
// the deepest path, the leaf included — `{ a { b } }` has depth 2.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const write = (rel, body) => {
  const file = path.join(here, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(body, null, 1)}\n`);
  console.log(`${rel}: ${Buffer.byteLength(body.query)} bytes of query`);
};

/** Nests `fields` cyclically to `depth` fields in all, the last one being `leaf`. */
function chain(fields, depth, leaf) {
  let open = '';
  let close = '';
  for (let d = 0; d < depth - 1; d++) {
    open += `${fields[d % fields.length]} { `;
    close += ' }';
  }
  return `${open}${leaf}${close}`;
}
const depthOf = (q) => {
  let d = 0;
  let m = 0;
  for (const c of q) {
    if (c === '{') m = Math.max(m, ++d);
    else if (c === '}') d--;
  }
  return m;
};

// ---------------------------------------------------------------- cheap and DB-backed queries
write('lookup.json', {
  name: 'lookup',
  query: '{ country(id: "VNM") { id name region } }',
});
// USA's imports of HS 6403 in 2023: 119 exporters in the 1 M-flow demo (seed 42, 2018-2023).
write('import-concentration.json', {
  name: 'importConcentration',
  query:
    '{ importConcentration(importer: "USA", product: "6403", year: 2023) { participants hhi hhiPoints normalizedHhi band cr1 cr3 cr5 effectiveNumber entropy gini top { participantId share rank } } }',
});
// fault.sh: reads three tables (country, facility, manufacturer); the answer never changes.
write('fault-query.json', {
  name: 'fault-query',
  query: '{ country(id: "VNM") { id name facilities(first: 3) { id name manufacturer { id name } } } }',
});

// ---------------------------------------------------------------- abusive documents
const abuse = [];
// 1. depth 11 (below the default depth limit of 12): product types ↔ their HS codes, a fan-out of ~10
//    per pair of levels; executed on a server without cost analysis it answers megabytes.
{
  const q = `{ ${chain(['productTypes', 'hsProducts'], 11, 'code')} }`;
  abuse.push(['abuse/depth11-product-types.json', { name: 'depth11-productTypes-hsProducts', query: q }]);
}
// 2. 15 levels of country → facilities(first: 3) → country → …: ×3 per pair of levels.
{
  const fields = ['country(id: "VNM")', 'facilities(first: 3)'];
  let open = '';
  let close = '';
  for (let d = 0; d < 14; d++) {
    open += `${d === 0 ? fields[0] : d % 2 === 1 ? fields[1] : 'country'} { `;
    close += ' }';
  }
  const q = `{ ${open}id${close} }`;
  abuse.push(['abuse/nested15-country-facilities.json', { name: 'nested15-country-facilities', query: q }]);
}
// 3. 1,000 aliases of one analytics field.
{
  const field = 'importConcentration(importer: "USA", product: "6403", year: 2023) { hhi }';
  const q = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
  abuse.push(['abuse/aliases1000-import-concentration.json', { name: 'aliases1000-importConcentration', query: q }]);
}
// 4. depth 30 along Product.parent (cheap if executed: a subheading has two ancestors), so only a depth
//    limit can refuse it.
{
  const q = `{ product(code: "640399") { ${chain(['parent'], 29, 'code')} } }`;
  abuse.push(['abuse/depth30-product-parent.json', { name: 'depth30-product-parent', query: q }]);
}
for (const [rel, body] of abuse) {
  write(rel, body);
  console.log(`  depth ${depthOf(body.query)}`);
}

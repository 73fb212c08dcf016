import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLNamedType } from 'graphql';
import { EXPLORER_EXAMPLES } from '../../src/server/explorer-examples';
import { headingId, METRICS_DOC_FILE, METRICS_DOC_PATH, renderMarkdown } from '../../src/server/docs-route';

const root = path.resolve(__dirname, '..', '..');
const committedSchema = fs.readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const metricsMarkdown = fs.readFileSync(METRICS_DOC_FILE, 'utf8');
const headingIds = new Set(renderMarkdown(metricsMarkdown).ids);

/** Every description of the schema (types, fields, arguments, enum values), with where it is. */
function descriptions(sdl: string): Array<{ where: string; text: string }> {
  const schema = buildSchema(sdl);
  const found: Array<{ where: string; text: string }> = [];
  const add = (where: string, text: string | null | undefined) => {
    if (text) found.push({ where, text });
  };
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    // graphql-js's own types and scalars: not our text.
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    add(type.name, type.description);
    if (isObjectType(type) || isInputObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) add(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) add(`${type.name}.${value.name}`, value.description);
  }
  return found;
}

/** The anchors of the links to the served page in a text: `/docs/metrics#x` (and `docs/METRICS.md#x` in Markdown files). */
function anchorsIn(text: string, alsoFileLinks = false): string[] {
  const pattern = alsoFileLinks ? /(?:\/docs\/metrics|docs\/METRICS\.md)#([A-Za-z0-9_-]+)/g : /\/docs\/metrics#([A-Za-z0-9_-]+)/g;
  return [...text.matchAll(pattern)].map((m) => m[1]);
}

/** The text with its Markdown links `[label](target)` taken out: what is left names METRICS.md only as plain text. */
function withoutLinks(text: string): string {
  return text.replace(/\[[^\]]*\]\([^)]*\)/g, '');
}

describe('the metric definitions (docs/METRICS.md) and the links to them', () => {
  it('names no METRICS.md in a schema description except through a link, and links the served page relatively', () => {
    const all = descriptions(committedSchema);
    expect(all.filter((d) => /METRICS\.md/.test(withoutLinks(d.text))).map((d) => d.where)).toEqual([]);
    // A bare "METRICS.md" is what GraphiQL turned into http://METRICS.md; a link to another host is no better.
    expect(all.filter((d) => /\]\(https?:\/\//.test(d.text)).map((d) => d.where)).toEqual([]);
    const linking = all.filter((d) => anchorsIn(d.text).length > 0);
    expect(linking.length).toBeGreaterThanOrEqual(20);
  });

  it('links only to headings the rendered page has, from the schema, the explorer examples and the README', () => {
    const links = [
      ...descriptions(committedSchema).flatMap((d) => anchorsIn(d.text).map((a) => ({ from: d.where, anchor: a }))),
      ...EXPLORER_EXAMPLES.flatMap((e) => anchorsIn(e.query).map((a) => ({ from: `explorer: ${e.title}`, anchor: a }))),
      ...anchorsIn(readme, true).map((a) => ({ from: 'README.md', anchor: a })),
      // The page's own table of contents and cross references.
      ...[...metricsMarkdown.matchAll(/\]\(#([A-Za-z0-9_-]+)\)/g)].map((m) => ({ from: 'METRICS.md', anchor: m[1] })),
    ];
    expect(links.filter((l) => l.from.startsWith('explorer')).length).toBeGreaterThanOrEqual(1);
    expect(links.filter((l) => l.from === 'README.md').length).toBeGreaterThanOrEqual(1);
    expect(links.filter((l) => !headingIds.has(l.anchor))).toEqual([]);
    // The headings the schema's first links were written against are there.
    for (const id of ['hhi', 'normalised-hhi', 'crk', 'gini', 'bands', 'hs-roll-up', 'trade-markets', 'rca', 'geodep-criteria'])
      expect(headingIds).toContain(id);
  });

  it('names METRICS.md in the README and the explorer examples only through links or the served path', () => {
    expect(withoutLinks(readme)).not.toMatch(/METRICS\.md/);
    expect(EXPLORER_EXAMPLES.filter((e) => e.query.includes('METRICS.md')).map((e) => e.title)).toEqual([]);
    expect(METRICS_DOC_PATH).toBe('/docs/metrics');
  });

  it('gives headings GitHub-like ids, refuses two headings with one id, and renders no raw HTML', () => {
    expect(headingId('Normalised HHI')).toBe('normalised-hhi');
    expect(headingId('Partners and areas')).toBe('partners-and-areas');
    expect(headingId('HS roll-up')).toBe('hs-roll-up');
    expect(headingId('Delta HHI (ΔHHI)')).toBe('delta-hhi-δhhi');
    expect(renderMarkdown('## HHI\n\ntext').body).toContain('<h2 id="hhi"><a class="header-anchor" href="#hhi">HHI</a></h2>');
    expect(() => renderMarkdown('## HHI\n\n## HHI\n')).toThrow('two headings have the id "hhi"');
    const html = renderMarkdown('<script>alert(1)</script>\n\n<b onclick="x()">b</b>').body;
    expect(html).not.toMatch(/<script|<b /);
    expect(html).toContain('&lt;script&gt;');
  });
});

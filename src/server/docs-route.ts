import fs from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import { projectRoot } from '../config/paths';

/** Where the user documentation is served (docsRoutes is mounted there). */
export const DOCS_PATH = '/docs';

/** Where the metric definitions are served, rendered; `${METRICS_DOC_PATH}.md` is the Markdown itself. */
export const METRICS_DOC_PATH = `${DOCS_PATH}/metrics`;

/** The metric definitions, written for users (docs/METRICS.md of the project). */
export const METRICS_DOC_FILE = path.join(projectRoot, 'docs', 'METRICS.md');

/**
 * A heading's id, as GitHub forms it for ASCII text: lower case, punctuation dropped, spaces to hyphens
 * ("Normalised HHI" → "normalised-hhi"), so that a `#hhi` link works on the served page and on the file alike.
 */
export function headingId(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, '-');
}

/** The page's HTML body and the ids of its headings, in order. */
export interface RenderedDoc {
  body: string;
  ids: string[];
}

/**
 * Renders Markdown with markdown-it (CommonMark + GitHub tables), raw HTML off: the page carries no markup
 * the file did not describe, and so nothing the Content-Security-Policy would refuse. Every heading gets a
 * stable id (markdown-it-anchor) and is a link to itself; two headings with one id are an error.
 */
export function renderMarkdown(markdown: string): RenderedDoc {
  const ids: string[] = [];
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(anchor, {
    slugify: headingId,
    tabIndex: false,
    permalink: anchor.permalink.headerLink(),
    callback: (_token, info) => {
      // markdown-it-anchor makes a repeated id unique ("hhi-1"): a link to it would silently land elsewhere.
      if (info.slug !== headingId(info.title)) throw new Error(`two headings have the id "${headingId(info.title)}"`);
      ids.push(info.slug);
    },
  });
  return { body: md.render(markdown), ids };
}

/** A small stylesheet of our own (no CDN, no web font): readable text, tables and formulas. */
const STYLESHEET = `:root { color-scheme: light dark; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 58rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
nav { font-size: 0.9rem; margin-bottom: 1rem; }
h1, h2, h3 { line-height: 1.25; margin-top: 2rem; }
h2 { border-bottom: 1px solid #8884; padding-bottom: 0.2rem; }
a.header-anchor { color: inherit; text-decoration: none; }
a.header-anchor:hover::after { content: " #"; opacity: 0.5; }
:target { scroll-margin-top: 1rem; background: #ffd54f33; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
code { background: #8882; padding: 0.1em 0.3em; border-radius: 3px; }
pre { background: #8882; padding: 0.75rem 1rem; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }
th, td { border: 1px solid #8886; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #8881; }
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The whole page: the rendered Markdown under a title and a short navigation, this server's stylesheet only. */
export function docPage(title: string, rendered: RenderedDoc, markdownPath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>${escapeHtml(title)}</title>
  <link rel="stylesheet" href="${DOCS_PATH}/docs.css" />
</head>
<body>
  <nav><a href="/graphql">tradegraph explorer</a> · <a href="${escapeHtml(markdownPath)}">this page as Markdown</a></nav>
  <main>
${rendered.body}
  </main>
</body>
</html>
`;
}

/**
 * Mounted at DOCS_PATH: GET /docs/metrics (the metric definitions, rendered once at startup from
 * docs/METRICS.md), GET /docs/metrics.md (the Markdown) and the stylesheet. Offline: nothing is loaded
 * from another server.
 */
export function docsRoutes(file: string = METRICS_DOC_FILE): Router {
  const markdown = fs.readFileSync(file, 'utf8');
  const page = docPage('tradegraph — metric definitions', renderMarkdown(markdown), `${METRICS_DOC_PATH}.md`);
  const router = express.Router();
  const cache = (res: express.Response) => res.setHeader('Cache-Control', 'public, max-age=300');
  router.get('/metrics', (_req, res) => {
    cache(res);
    res.type('text/html; charset=utf-8').send(page);
  });
  router.get('/metrics.md', (_req, res) => {
    cache(res);
    res.type('text/markdown; charset=utf-8').send(markdown);
  });
  router.get('/docs.css', (_req, res) => {
    cache(res);
    res.type('text/css; charset=utf-8').send(STYLESHEET);
  });
  return router;
}

import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import accepts from 'accepts';
import express, { type Router } from 'express';
import { EXPLORER_EXAMPLES } from './explorer-examples';

/** Where the explorer's scripts are served from: our own server, never a CDN (the explorer must work offline). */
export const EXPLORER_ASSETS_PATH = '/explorer/assets';

const assetFiles: Record<string, string> = {
  'react.production.min.js': path.join(path.dirname(require.resolve('react')), 'umd', 'react.production.min.js'),
  'react-dom.production.min.js': path.join(path.dirname(require.resolve('react-dom')), 'umd', 'react-dom.production.min.js'),
  'graphiql.min.js': require.resolve('graphiql/graphiql.min.js'),
  'graphiql.min.css': require.resolve('graphiql/graphiql.min.css'),
  // The Explorer plugin's UMD build reads React, GraphiQL.React and GraphiQL.GraphQL from the globals the
  // scripts above define, so it shares their one copy of each.
  'plugin-explorer.umd.js': require.resolve('@graphiql/plugin-explorer/dist/index.umd.js'),
  'plugin-explorer.css': require.resolve('@graphiql/plugin-explorer/dist/style.css'),
};

/** Escapes a JSON payload for inclusion inside a <script> element. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * Starts GraphiQL with the settings of the page's JSON data block, and the Explorer plugin (point-and-click
 * query building from the schema) open beside the editor. A file of its own, not an inline script, so that
 * the Content-Security-Policy allows this server's scripts only.
 */
const EXPLORER_SCRIPT = `(function () {
  var settings = JSON.parse(document.getElementById('explorer-settings').textContent);
  var fetcher = GraphiQL.createFetcher({ url: settings.endpoint });
  var explorer = GraphiQLPluginExplorer.explorerPlugin();
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultTabs: settings.tabs,
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
    plugins: [explorer],
    visiblePlugin: explorer,
  }));
})();
`;

/** The GraphiQL page, with the example operations as tabs. */
export function explorerHtml(endpoint: string): string {
  const tabs = EXPLORER_EXAMPLES.map((e) => ({ query: e.query, variables: e.variables }));
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>tradegraph explorer</title>
  <link rel="stylesheet" href="${EXPLORER_ASSETS_PATH}/graphiql.min.css" />
  <link rel="stylesheet" href="${EXPLORER_ASSETS_PATH}/plugin-explorer.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading the tradegraph explorer…</div>
  <script id="explorer-settings" type="application/json">${scriptSafeJson({ endpoint, tabs })}</script>
  <script src="${EXPLORER_ASSETS_PATH}/react.production.min.js"></script>
  <script src="${EXPLORER_ASSETS_PATH}/react-dom.production.min.js"></script>
  <script src="${EXPLORER_ASSETS_PATH}/graphiql.min.js"></script>
  <script src="${EXPLORER_ASSETS_PATH}/plugin-explorer.umd.js"></script>
  <script src="${EXPLORER_ASSETS_PATH}/explorer.js"></script>
</body>
</html>`;
}

/** Serves the explorer's static assets from node_modules. */
export function explorerAssets(): Router {
  const router = express.Router();
  router.get('/explorer.js', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/javascript').send(EXPLORER_SCRIPT);
  });
  for (const [name, file] of Object.entries(assetFiles)) {
    router.get(`/${name}`, (_req, res) => {
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.sendFile(file);
    });
  }
  return router;
}

/** True for a browser navigating to the endpoint (wants HTML, sends no query). */
export function wantsExplorer(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false;
  const url = req.url ?? '';
  const search = url.indexOf('?');
  if (search >= 0 && new URLSearchParams(url.slice(search + 1)).has('query')) return false;
  return accepts(req).type(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

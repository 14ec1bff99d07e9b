import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where scripts/build-graphiql.ts writes the browser bundle. It lives under
 * node_modules because it is derived from installed packages only: it goes
 * away (and is rebuilt) together with them, and is never committed.
 */
export const GRAPHIQL_BUILD_DIR = fileURLToPath(new URL('../../node_modules/.cache/graphiql/', import.meta.url));

const JS = 'text/javascript; charset=utf-8';

/** The only names graphiqlAsset serves; anything else is a 404. */
export const GRAPHIQL_ASSETS: Readonly<Record<string, string>> = Object.freeze({
  'graphiql.js': JS,
  'graphiql.css': 'text/css; charset=utf-8',
  'editor.worker.js': JS,
  'json.worker.js': JS,
  'graphql.worker.js': JS,
});

export interface GraphiqlPageOptions {
  /** URL (absolute or relative to the page) that queries are POSTed to. */
  endpoint: string;
  /** Shown in a fresh editor, and again whenever the saved query is empty. */
  defaultQuery: string;
  title: string;
  /** URL prefix the assets are served under, e.g. "/graphql/assets". */
  assetBase: string;
  /** Offered in the page's Examples panel. */
  examples: { name: string; description: string; query: string }[];
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** JSON that cannot end its <script> element or be read as HTML. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The GraphiQL page. It has no inline script: options travel in a JSON data
 * block read by graphiql.js, so `script-src 'self'` is enough. Monaco injects
 * <style> elements, so styles need `style-src 'self' 'unsafe-inline'`.
 */
export function graphiqlPage(options: GraphiqlPageOptions): string {
  const base = options.assetBase.replace(/\/+$/, '');
  const config = {
    endpoint: options.endpoint,
    defaultQuery: options.defaultQuery,
    assetBase: base,
    examples: options.examples,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(`${base}/graphiql.css`)}">
<script type="module" src="${escapeHtml(`${base}/graphiql.js`)}"></script>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="graphiql-config" type="application/json">${jsonForScript(config)}</script>
</body>
</html>
`;
}

const cache = new Map<string, { body: Buffer; contentType: string }>();

/**
 * A built GraphiQL asset by bare file name, or null when the name is not on
 * the allow-list or the bundle has not been built. Misses are not cached, so
 * a build made while the server runs is picked up.
 */
export function graphiqlAsset(name: string): { body: Buffer; contentType: string } | null {
  if (!Object.hasOwn(GRAPHIQL_ASSETS, name)) return null;
  const hit = cache.get(name);
  if (hit) return hit;
  let body: Buffer;
  try {
    body = readFileSync(`${GRAPHIQL_BUILD_DIR}${name}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const asset = { body, contentType: GRAPHIQL_ASSETS[name]! };
  cache.set(name, asset);
  return asset;
}

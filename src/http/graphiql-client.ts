/// <reference lib="dom" />
// Browser entry for the GraphiQL page, bundled by scripts/build-graphiql.ts
// into graphiql.js (+ graphiql.css). Options come from the page's JSON block.
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

interface GraphiqlConfig {
  endpoint: string;
  defaultQuery: string;
  assetBase: string;
}

const config = JSON.parse(document.getElementById('graphiql-config')?.textContent ?? '{}') as GraphiqlConfig;

// Monaco asks for its workers by label; serve our own bundles instead of the
// CDN or bundler-specific setups that graphiql/setup-workers/* provide.
const WORKERS: Record<string, string> = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const file = WORKERS[label] ?? 'editor.worker.js';
    return new Worker(`${config.assetBase}/${file}`, { name: label });
  },
};

// GraphiQL only falls back to defaultQuery when nothing is saved; an editor
// saved empty would otherwise come back empty on every visit.
function savedQuery(): string | null {
  try {
    return localStorage.getItem('graphiql:query');
  } catch {
    return null; // storage disabled
  }
}
const initialQuery = savedQuery()?.trim() ? undefined : config.defaultQuery;

const fetcher = createGraphiQLFetcher({
  url: new URL(config.endpoint, location.href).href,
});

const container = document.getElementById('graphiql')!;
document.body.style.margin = '0';
container.style.height = '100dvh';
container.textContent = '';

createRoot(container).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: config.defaultQuery,
    initialQuery,
    isHeadersEditorEnabled: true,
  }),
);

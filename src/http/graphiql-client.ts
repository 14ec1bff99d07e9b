/// <reference lib="dom" />
// Browser entry for the GraphiQL page, bundled by scripts/build-graphiql.ts
// into graphiql.js (+ graphiql.css). Options come from the page's JSON block.
import 'graphiql/style.css';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { createClient, type Client } from 'graphql-ws';
import { useGraphiQL, useGraphiQLActions, type GraphiQLPlugin } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';

interface Example {
  name: string;
  description: string;
  query: string;
}

interface GraphiqlConfig {
  endpoint: string;
  defaultQuery: string;
  assetBase: string;
  examples: Example[];
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

// Queries and mutations go over HTTP with the headers editor's headers (paste
// {"Authorization": "Bearer <token>"} there); subscriptions go over a WebSocket
// that signs in with the same Authorization header, reconnecting when it changes.
const httpUrl = new URL(config.endpoint, location.href);
const wsUrl = Object.assign(new URL(httpUrl.href), { protocol: httpUrl.protocol === 'https:' ? 'wss:' : 'ws:' }).href;
let signedInAs: string | undefined;
let subscriptions: Client | null = null;
const withClient = new Map<string, Fetcher>();

const fetcher: Fetcher = (params, options) => {
  const headers = (options?.headers ?? {}) as Record<string, string>;
  const authorization = headers.Authorization ?? headers.authorization;
  if (!subscriptions || authorization !== signedInAs) {
    void subscriptions?.dispose();
    signedInAs = authorization;
    subscriptions = createClient({ url: wsUrl, lazy: true, connectionParams: authorization ? { authorization } : {} });
    withClient.clear();
  }
  const key = authorization ?? '';
  if (!withClient.has(key)) withClient.set(key, createGraphiQLFetcher({ url: httpUrl.href, wsClient: subscriptions }));
  return withClient.get(key)!(params, options);
};

// The Examples panel: the questions in schema/examples, each opened in a tab of its own.
function ExamplesPanel() {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const open = (example: Example) => {
    addTab();
    queryEditor?.setValue(example.query);
  };
  return h(
    'section',
    { className: 'examples-panel', 'aria-label': 'Example operations' },
    h('div', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
    h('p', { style: { margin: '0.5em 0 1em' } }, 'Questions the API answers. Each opens in a new tab, ready to run.'),
    h(
      'ul',
      { style: { listStyle: 'none', padding: 0, margin: 0 } },
      config.examples.map((example) =>
        h(
          'li',
          { key: example.name, style: { marginBottom: '1em' } },
          h(
            'button',
            {
              type: 'button',
              className: 'graphiql-un-styled example-open',
              'data-example': example.name,
              onClick: () => open(example),
              style: { fontWeight: 600, cursor: 'pointer', color: 'hsl(var(--color-primary))', textAlign: 'left' },
            },
            example.name,
          ),
          h('div', { style: { fontSize: '0.9em', opacity: 0.8 } }, example.description),
        ),
      ),
    ),
  );
}

const examplesPlugin: GraphiQLPlugin = {
  title: 'Examples',
  icon: () => h('span', { 'aria-hidden': true, style: { fontWeight: 700 } }, 'Ex'),
  content: ExamplesPanel,
};

const container = document.getElementById('graphiql')!;
document.body.style.margin = '0';
container.style.height = '100dvh';
container.textContent = '';

createRoot(container).render(
  h(GraphiQL, {
    fetcher,
    defaultQuery: config.defaultQuery,
    initialQuery,
    isHeadersEditorEnabled: true,
    plugins: [examplesPlugin],
  }),
);

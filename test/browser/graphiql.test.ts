/**
 * GraphiQL in a real browser: the page served at GET /graphql must load entirely from this server (no
 * CDN, no fonts, no telemetry), show the example query, and run it against the seeded database.
 * Unit tests of the HTML cannot prove that: the bundle, its Monaco workers, the CSP and the fetcher only
 * meet in a browser. Needs Debian's chromium at /usr/bin/chromium (`.ci/run` installs it).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp } from '../support/app.js';
import { launchChromium } from '../support/browser.js';
import { loadExamples } from '../../src/http/examples.js';

const SCREENSHOT = '/tmp/graphiql-ci.png';
const QUERY_EDITOR = '.graphiql-query-editor .monaco-editor .view-lines';
const RESULT_WINDOW = 'section.result-window';
// The verbatim opening of recommendation 6, which the default example query asks for.
const RECOMMENDATION_6 = 'Strengthen leadership and practice';

/** Monaco renders spaces as U+00A0; compare text as a reader sees it. */
const normalise = (text: string) => text.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');

/**
 * Waits until `locator` contains `needle`. On timeout the error shows what was there instead, so a
 * failure says "empty editor" or "an error response" rather than just "timed out".
 */
async function waitForText(locator: Locator, needle: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  while (Date.now() < deadline) {
    seen = normalise(
      (await locator
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => null)) ?? '',
    );
    if (seen.includes(needle)) return seen;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`"${needle}" did not appear in ${locator} within ${timeoutMs} ms; it showed: ${JSON.stringify(seen.slice(0, 500))}`);
}

// Every operation in schema/examples, by name, as the panel should list them.
const EXAMPLE_NAMES = loadExamples().map((e) => e.name);

// The real app on the run's seeded database, on a free loopback port: the same wiring `npm start` uses.
const served = serveApp();

describe('GraphiQL in headless Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  // Everything the browser asked for, and everything it complained about, across the whole visit.
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    origin = `${served.app().url}/`;
    browser = await launchChromium();
    // A fresh context has empty localStorage, so GraphiQL starts from the server's default query.
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Context-level, so requests from Monaco's web workers are recorded too.
    context.on('request', (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console.error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
  });

  afterAll(async () => {
    // Whatever the outcome, keep a picture of the final page for whoever reads the CI log.
    await page?.screenshot({ path: SCREENSHOT }).catch(() => {});
    await browser?.close();
  });

  it('renders the editor with the default example query', async () => {
    const response = await page.goto(`${served.app().url}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    const editor = await waitForText(page.locator(QUERY_EDITOR), 'query RecommendationDetail');
    expect(editor).toContain('recommendation(inspection: $inspection, number: $number)');
  });

  it('runs the query against the server and shows real data', async () => {
    await page.locator('button.graphiql-execute-button').click();
    const result = await waitForText(page.locator(RESULT_WINDOW), RECOMMENDATION_6);
    expect(result).toContain('"number": 6');
    expect(result).not.toContain('"errors"');
  });

  it('offers every example operation, each opening in its own tab and running', async () => {
    await page.locator('.graphiql-sidebar button[aria-label="Show Examples"]').click();
    const listed = await page.locator('button.example-open').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-example')));
    expect(listed).toEqual(EXAMPLE_NAMES);
    await page.locator('button[data-example="OpenAtRound"]').click();
    await waitForText(page.locator(QUERY_EDITOR), 'query OpenAtRound');
    expect(await page.locator('.graphiql-tab').count()).toBe(2);
    await page.locator('button.graphiql-execute-button').click();
    const result = await waitForText(page.locator(RESULT_WINDOW), '"asOf"');
    expect(result).toContain('"totalCount": 10');
    expect(result).not.toContain('"errors"');
  });

  it('made no request beyond this server', () => {
    // data: (the inlined codicon font) and blob: (worker plumbing) never leave the machine.
    const outside = requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url));
    expect(outside, `requests to other origins:\n${outside.join('\n')}`).toEqual([]);
    // The page did fetch its bundle and POST the query here, so the list is not empty by accident.
    expect(requests).toContain(`${origin}graphql/assets/graphiql.js`);
    expect(requests).toContain(`${origin}graphql`);
  });

  it('logged no console errors, page errors or failed requests', () => {
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

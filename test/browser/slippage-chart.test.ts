/**
 * The slippage chart as a person sees it: rendered by Chromium, every recommendation has a visible,
 * labelled row of its own, in order, coloured by the status the API gives it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp } from '../support/app.js';
import { launchChromium } from '../support/browser.js';

const SCREENSHOT = '/tmp/slippage-chart-ci.png';
const served = serveApp();

describe('the slippage chart in headless Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  });
  afterAll(async () => {
    await page?.screenshot({ path: SCREENSHOT, fullPage: true }).catch(() => {});
    await browser?.close();
  });

  it('draws a visible, labelled row for every recommendation, with the status the API gives it', async () => {
    const response = await page.goto(`${served.app().url}/inspections/ct-joint-inspection-2023/slippage.svg?asOfRound=letter-2025-03`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');

    const api = await fetch(`${served.app().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ asOf(round: "letter-2025-03") { recommendations(first: 100) { nodes { number status { state } } } } }',
      }),
    });
    const expected = (await api.json()).data.asOf.recommendations.nodes as { number: number; status: { state: string } }[];
    expect(expected).toHaveLength(21);

    const svg = (await page.locator('svg').boundingBox())!;
    let previousY = -Infinity;
    for (const { number, status } of expected) {
      const row = page.locator(`g.recommendation[data-number="${number}"]`);
      expect(await row.getAttribute('data-state'), `R${number}`).toBe(status.state);
      const label = row.locator('text', { hasText: new RegExp(`^R${number}$`) });
      expect(await label.isVisible(), `R${number} label`).toBe(true);
      const box = (await label.boundingBox())!;
      // Inside the drawing, below the previous row: nothing overlaps or falls off the edge.
      expect(box.y).toBeGreaterThan(previousY);
      expect(box.x + box.width).toBeLessThanOrEqual(svg.x + svg.width);
      expect(box.y + box.height).toBeLessThanOrEqual(svg.y + svg.height);
      previousY = box.y + box.height - 1;
      const status_ = row.locator('text', { hasText: status.state.replace(/_/g, ' ') });
      expect(await status_.isVisible(), `R${number} status`).toBe(true);
    }
    // Revised targets are drawn: recommendation 6's two revisions.
    expect(await page.locator('g.recommendation[data-number="6"] path').count()).toBe(2);
  });

  it('answers an unknown inspection with 404', async () => {
    const response = await fetch(`${served.app().url}/inspections/no-such-inspection/slippage.svg`);
    expect(response.status).toBe(404);
    expect((await response.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

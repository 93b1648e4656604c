import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';
import type axe from 'axe-core';
import { expect } from './fixtures';

/** axe's rules for WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

declare const window: Window & { axe?: typeof axe };

/**
 * axe's minified build (580 KB; `axe.source` is the 1.3 MB readable one): sent to the browser and
 * compiled once per document, which took seconds per scan on a busy machine.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Puts axe into the document, unless an earlier scan of the same document already did. */
async function withAxe(target: Page | Frame): Promise<void> {
  if (await target.evaluate(() => window.axe === undefined)) await target.evaluate(axeSource);
}

/** The rules, as axe runs them inside a document. */
const runOptions = { runOnly: { type: 'tag', values: WCAG_22_AA }, iframes: false } as const;

const summary = (results: axe.AxeResults) =>
  results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/**
 * Runs axe's WCAG 2.2 AA rules over the widget: inside the frame's cross-origin document, and, on
 * the provider's page, over the iframe element itself (its title). Fails with each violation's
 * rule and elements.
 *
 * axe runs in each document by itself rather than through @axe-core/playwright's frame walk: that
 * gives itself one second to inject axe into a frame and, on a busy machine, silently leaves the
 * frame out, and a scan that never got in would pass for the wrong reason.
 */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const frame = page.frames().find((f) => f.url().includes('/frame.html'));
  if (!frame) throw new Error(`no widget frame to scan: ${what}`);
  await withAxe(frame);
  const inside = await frame.evaluate((options) => window.axe!.run(document, options), runOptions);
  expect(inside.passes.length, `axe ran inside the frame: ${what}`).toBeGreaterThan(10);
  expect(summary(inside), `axe, WCAG 2.2 AA, in the frame: ${what}`).toEqual([]);

  await withAxe(page);
  const onPage = await page.evaluate((options) => window.axe!.run({ include: [['iframe']] }, options), runOptions);
  expect(summary(onPage), `axe, WCAG 2.2 AA, the iframe on the page: ${what}`).toEqual([]);
}

/** Runs axe's WCAG 2.2 AA rules over a whole top-level page of the host (redirect mode's), with no frame to walk. */
export async function expectNoAxeViolationsOnPage(page: Page, what: string): Promise<void> {
  await withAxe(page);
  const results = await page.evaluate((options) => window.axe!.run(document, options), runOptions);
  expect(results.passes.length, `axe ran on the page: ${what}`).toBeGreaterThan(10);
  expect(summary(results), `axe, WCAG 2.2 AA: ${what}`).toEqual([]);
}

import type { Page } from '@playwright/test';
import axe from 'axe-core';
import { expect } from './fixtures';

/** axe's rules for WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

declare const window: Window & { axe: typeof axe };

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
  await frame.evaluate(axe.source);
  const inside = await frame.evaluate((options) => window.axe.run(document, options), runOptions);
  expect(inside.passes.length, `axe ran inside the frame: ${what}`).toBeGreaterThan(10);
  expect(summary(inside), `axe, WCAG 2.2 AA, in the frame: ${what}`).toEqual([]);

  await page.evaluate(axe.source);
  const onPage = await page.evaluate((options) => window.axe.run({ include: [['iframe']] }, options), runOptions);
  expect(summary(onPage), `axe, WCAG 2.2 AA, the iframe on the page: ${what}`).toEqual([]);
}

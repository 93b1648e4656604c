import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { integrityOf } from '../scripts/integrity';
import { demoOrigin, expect, hostOrigin, test, widgetFrame } from './fixtures';

// HOST/v1/embed.js with Subresource Integrity (docs/versions.md), on a page of the registered demo
// origin; the loader and the frame are the real host's, across origins.

const distDir = process.env.KYCVS_DIST_DIR || join(import.meta.dirname, '..', 'dist');
const builtIntegrity = integrityOf(readFileSync(join(distDir, 'embed.js')));

/**
 * The demo's index page (served from the demo origin, and without embed.js of its own) gets the
 * script tag a portal would write, with `integrity` and `crossorigin`, and a container.
 */
async function loadPinned(page: Page, integrity: string) {
  await page.goto(`${demoOrigin}/`);
  await page.evaluate(
    ({ src, integrity }) => {
      const container = document.createElement('div');
      container.className = 'kycvs';
      container.dataset.provider = 'demo-test';
      document.body.append(container);
      const script = document.createElement('script');
      script.src = src;
      script.integrity = integrity;
      script.crossOrigin = 'anonymous';
      document.head.append(script);
    },
    { src: `${hostOrigin}/v1/embed.js`, integrity },
  );
}

test('a page that pins /v1/embed.js by its published integrity gets the widget', async ({ page }) => {
  await loadPinned(page, builtIntegrity);
  await expect(widgetFrame(page).getByRole('button', { name: 'Get OTP' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { KYCVS?: { version: string } }).KYCVS?.version)).toBe(
    JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).version,
  );
});

test('a wrong integrity: the browser refuses the script, and no widget appears', async ({ page, consoleErrors }) => {
  consoleErrors.expect(/integrity|digest/i);
  const refused = page.waitForEvent('console', (message) => /integrity|digest/i.test(message.text()));
  await loadPinned(page, 'sha384-' + 'A'.repeat(64));
  await refused;
  expect(await page.evaluate(() => 'KYCVS' in window)).toBe(false);
  await expect(page.locator('iframe')).toHaveCount(0);
});

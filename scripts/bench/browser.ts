import { chromium, devices, type Browser, type BrowserContextOptions } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium';

/** The one Chromium of a bench run, launched as the e2e tests launch it (playwright.config.ts). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      'no Chromium found: install one with `apt-get install -y chromium` (Debian), or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

const { defaultBrowserType: _, ...desktopChrome } = devices['Desktop Chrome'];

/** Each context as the e2e tests' (a desktop Chrome); a new one has an empty cache. */
export const CONTEXT: BrowserContextOptions = desktopChrome;

/**
 * `fn(arg)` as an expression for `page.evaluate` or an init script. tsx compiles with esbuild's
 * keepNames, which calls a helper `__name` inside functions; the page has none, so the expression
 * brings a stand-in. `fn` must be self-contained, and `arg` JSON.
 */
export const inPage = <A>(fn: (arg: A) => unknown, arg: A): string =>
  `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;

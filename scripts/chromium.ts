import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

// Playwright passes --disable-features=…,ThirdPartyStoragePartitioning,… Chromium honours only the
// last --disable-features switch, so this list replaces Playwright's (playwright-core 1.65's list,
// minus ThirdPartyStoragePartitioning, so a cross-site iframe behaves as in a real browser).
const disableFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
].join(',');

/** The switches the e2e tests and the bench launch Chromium with. */
export const CHROMIUM_ARGS = [
  `--disable-features=${disableFeatures}`,
  '--disable-background-networking',
  '--disable-component-update',
];

/** Debian's old headless shell (package chromium-headless-shell): the same Chromium, no browser UI. */
export const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/**
 * Which Chromium to drive: CHROMIUM_PATH, then (for the e2e tests) Debian's headless shell, then
 * Debian's /usr/bin/chromium, then a browser Playwright downloaded itself (where downloads are
 * possible), then the shell for the bench too. `undefined` when none.
 *
 * The e2e tests prefer the shell, as Playwright itself does for headless runs: the full browser in
 * its new headless mode did the same tests in twice the time on 2 cores (README, "Tests"). The
 * bench keeps the full browser, which is what a beneficiary's page is drawn by.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  { headlessShell = false }: { headlessShell?: boolean } = {},
): string | undefined {
  const candidates = [
    env.CHROMIUM_PATH,
    headlessShell ? HEADLESS_SHELL : undefined,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    playwrightsOwn(),
    HEADLESS_SHELL,
  ];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

function playwrightsOwn(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

// As a script: fail early, in one sentence, before Playwright prints a page of stack.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const found = findChromium(process.env, { headlessShell: true });
  if (!found) {
    console.error(
      'No Chromium found for the e2e tests: install one with `apt-get install -y chromium-headless-shell` (Debian) ' +
        'or `npx playwright install chromium`, or point CHROMIUM_PATH at a Chromium binary.',
    );
    process.exit(1);
  }
}

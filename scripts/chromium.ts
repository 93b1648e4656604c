import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Which Chromium the e2e tests drive: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a
 * browser Playwright downloaded itself (where downloads are possible). `undefined` when none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', playwrightsOwn()];
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
  const found = findChromium();
  if (!found) {
    console.error(
      'No Chromium found for the e2e tests: install one with `apt-get install -y chromium` (Debian) ' +
        'or `npx playwright install chromium`, or point CHROMIUM_PATH at a Chromium binary.',
    );
    process.exit(1);
  }
}

import type { Browser } from '@playwright/test';
import { CONTEXT, inPage } from './browser';
import { median } from './stats';

export interface Timing {
  runs: number;
  /** Milliseconds from asking for the page to a usable Full name field in its iframe, each run. */
  widget: number[];
  bare: number[];
  widgetMedian: number;
  bareMedian: number;
  ratio: number;
}

export const BINDING = '__kycvsBenchUsable';

/**
 * In every child frame, from before its first script: calls `binding` once, at the first animation
 * frame in which an input labelled Full name is visible (it has a box, and is not hidden) and
 * enabled. Checked inside the frame so that the moment is not rounded up to Playwright's polling.
 */
export function reportUsableField(binding: string) {
  if (window.top === window) return;
  const usable = (input: HTMLInputElement) =>
    [...(input.labels ?? [])].some((label) => label.textContent?.includes('Full name')) &&
    !input.matches(':disabled') &&
    input.getBoundingClientRect().width > 0 &&
    getComputedStyle(input).visibility !== 'hidden';
  const check = () => {
    if ([...document.querySelectorAll('input')].some(usable)) {
      (window as unknown as Record<string, () => void>)[binding]!();
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/**
 * One cold load of `url` in a fresh context (empty cache): milliseconds from `page.goto` until the
 * Full name field inside the page's iframe is usable.
 */
async function timeOnce(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext(CONTEXT);
  try {
    let usable!: (at: number) => void;
    const reported = new Promise<number>((resolve) => (usable = resolve));
    await context.exposeBinding(BINDING, () => usable(performance.now()));
    await context.addInitScript({ content: inPage(reportUsableField, BINDING) });
    const page = await context.newPage();

    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${url}: no usable Full name field within 30 s.`)), 30_000);
    });
    const end = await Promise.race([reported, late]).finally(() => clearTimeout(timer));

    // Playwright's own reading agrees: the field is there, visible and enabled.
    const field = page.locator('iframe').contentFrame().getByLabel('Full name');
    await field.waitFor({ state: 'visible', timeout: 5_000 });
    if (!(await field.isEnabled())) throw new Error(`${url}: the Full name field was reported usable but is disabled.`);
    return end - start;
  } finally {
    await context.close();
  }
}

/**
 * Times the widget's page against the bare iframe's, `runs` cold loads of each, alternating and
 * swapping which goes first every round, so that a machine busy for a while slows both alike. One
 * round before them warms Chromium and the servers up and is not counted.
 */
export async function timeToUsableForm(
  browser: Browser,
  urls: { widget: string; bare: string },
  runs: number,
  progress: (line: string) => void,
): Promise<Timing> {
  const widget: number[] = [];
  const bare: number[] = [];
  await timeOnce(browser, urls.widget);
  await timeOnce(browser, urls.bare);
  for (let round = 0; round < runs; round++) {
    const order = round % 2 ? (['bare', 'widget'] as const) : (['widget', 'bare'] as const);
    for (const which of order) (which === 'widget' ? widget : bare).push(await timeOnce(browser, urls[which]));
    progress(
      `  run ${round + 1}/${runs}: widget ${Math.round(widget.at(-1)!)} ms, bare iframe ${Math.round(bare.at(-1)!)} ms`,
    );
  }
  const widgetMedian = median(widget);
  const bareMedian = median(bare);
  return { runs, widget, bare, widgetMedian, bareMedian, ratio: widgetMedian / bareMedian };
}

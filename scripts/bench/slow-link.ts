import type { Browser, BrowserContext, Request } from '@playwright/test';
import { CONTEXT, inPage } from './browser';
import { median } from './stats';
import { SLOW_4G, throttleTree } from './throttle';
import { BINDING, reportUsableField } from './timing';

/** One request sent before the form was usable: its URL and what came over the wire for it. */
export interface Sent {
  url: string;
  /** Response headers + encoded body, bytes; 0 when the cache answered. */
  bytes: number;
  fromCache: boolean;
  /** Milliseconds from sending the request to the first byte of its answer. */
  wait: number;
}

export interface Visit {
  ms: number;
  sent: Sent[];
}

/**
 * The widget by its script tag, by its script tag with the frame written into the page
 * (docs/portals.md), by a direct iframe (a portal), and the bare iframe.
 */
export const SLOW_PAGES = ['widget', 'written', 'portal', 'bare'] as const;
export type SlowPage = (typeof SLOW_PAGES)[number];

export interface SlowLink {
  runs: number;
  cold: Record<SlowPage, Visit[]>;
  warm: Record<SlowPage, Visit[]>;
}

/** Milliseconds to a usable Full name field, and the requests sent before it, of one visit. */
async function visit(context: BrowserContext, url: string, usableAt: () => Promise<number>): Promise<Visit> {
  const page = await context.newPage();
  try {
    await throttleTree(await context.newCDPSession(page));
    const started: { request: Request; at: number }[] = [];
    const onRequest = (request: Request) => started.push({ request, at: performance.now() });
    context.on('request', onRequest);
    const reported = usableAt();
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${url}: no usable Full name field within 60 s.`)), 60_000);
    });
    const end = await Promise.race([reported, late]).finally(() => clearTimeout(timer));
    context.off('request', onRequest);
    const before = started.filter((s) => s.at <= end);
    const sent = await Promise.all(
      before.map(async ({ request }): Promise<Sent> => {
        const response = await request.response();
        const sizes = await request.sizes().catch(() => ({ responseHeadersSize: 0, responseBodySize: 0 }));
        const timing = request.timing();
        // The cache's answer has no encoded body (CDP's encodedDataLength is 0), though Playwright
        // still reports its headers' size; a 304 has none either, but came over the network.
        const fromCache = !!response && response.status() !== 304 && sizes.responseBodySize <= 0;
        return {
          url: request.url(),
          bytes: fromCache ? 0 : Math.max(0, sizes.responseHeadersSize) + Math.max(0, sizes.responseBodySize),
          fromCache,
          wait: timing.responseStart - timing.requestStart,
        };
      }),
    );
    return { ms: end - start, sent };
  } finally {
    await page.close();
  }
}

/** A cold visit (a new context: an empty cache), then a warm one (a new tab, the cache kept). */
async function visitTwice(browser: Browser, url: string): Promise<{ cold: Visit; warm: Visit }> {
  const context = await browser.newContext(CONTEXT);
  try {
    let usable: (at: number) => void = () => {};
    await context.exposeBinding(BINDING, () => usable(performance.now()));
    await context.addInitScript({ content: inPage(reportUsableField, BINDING) });
    const usableAt = () => new Promise<number>((resolve) => (usable = resolve));
    const cold = await visit(context, url, usableAt);
    const warm = await visit(context, url, usableAt);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

/**
 * The widget's pages against the bare iframe's on Slow 4G with a 4× slower CPU, each `runs` times,
 * in turn, with a different page first every round, after one warm-up round of each.
 */
export async function slowLink(
  browser: Browser,
  urls: Record<SlowPage, string>,
  runs: number,
  progress: (line: string) => void,
): Promise<SlowLink> {
  const none = () => ({ widget: [], written: [], portal: [], bare: [] });
  const result: SlowLink = { runs, cold: none(), warm: none() };
  for (const page of SLOW_PAGES) await visitTwice(browser, urls[page]);
  for (let round = 0; round < runs; round++) {
    const order = SLOW_PAGES.map((_, i) => SLOW_PAGES[(i + round) % SLOW_PAGES.length]!);
    for (const which of order) {
      const { cold, warm } = await visitTwice(browser, urls[which]);
      result.cold[which].push(cold);
      result.warm[which].push(warm);
    }
    const last = (cache: 'cold' | 'warm') =>
      SLOW_PAGES.map((page) => `${page} ${Math.round(result[cache][page].at(-1)!.ms)} ms`).join(', ');
    progress(`  slow link ${round + 1}/${runs}: cold ${last('cold')}; warm ${last('warm')}`);
  }
  checkThrottled(result);
  return result;
}

/**
 * The throttling reached every target: each request that went to the network (the frame's too,
 * from its own process) waited at least the emulated round trip for its answer. A request that
 * did not would make the figures a fast link's.
 */
function checkThrottled(result: SlowLink): void {
  for (const visits of [...Object.values(result.cold), ...Object.values(result.warm)])
    for (const { sent } of visits)
      for (const s of sent)
        if (!s.fromCache && s.wait >= 0 && s.wait < SLOW_4G.latency * 0.95)
          throw new Error(`${s.url} was answered in ${Math.round(s.wait)} ms: the slow link did not apply to it.`);
}

export const medianMs = (visits: Visit[]) => median(visits.map((v) => v.ms));

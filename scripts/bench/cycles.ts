import type { Browser, CDPSession, Page } from '@playwright/test';
import { CONTEXT, inPage } from './browser';
import { COUNTER, countTimers, type LiveTimers, type TimerCounter } from './timer-counter';

export interface Snapshot {
  iframes: number;
  /** Listeners on window and on document, by CDP's DOMDebugger.getEventListeners, by type. */
  listeners: Record<string, number>;
  timers: LiveTimers;
  /** JS heap in use after a full garbage collection, bytes. */
  heapUsed: number;
}

export interface Cycles {
  count: number;
  before: Snapshot;
  after: Snapshot;
  /** The JS heap in use after GC as the cycles went on: a leak grows with them, a warm-up does not. */
  heap: Array<{ cycles: number; used: number }>;
}

/** Where in its life each cycle destroys the widget, taken in turn. */
export const STAGES = ['in the task that rendered it', 'once its iframe is in', 'once the frame said ready'] as const;

/** In the page: lets what is queued for the next two frames run, then counts iframes and live timers. */
function countInPage(name: string) {
  const counter = (window as unknown as Record<string, TimerCounter>)[name]!;
  return new Promise((resolve) =>
    counter.requestAnimationFrame(() =>
      counter.requestAnimationFrame(() =>
        resolve({ iframes: document.querySelectorAll('iframe').length, timers: counter.live() }),
      ),
    ),
  );
}

/**
 * In the page: renders into #slot and destroys, cycles `from` to `to`, each at the next of the
 * stages (0: same task, 1: after the microtask that puts the iframe in, 2: after `ready`).
 */
function cyclesInPage({ from, to, stages, name }: { from: number; to: number; stages: number; name: string }) {
  type Handle = { destroy(): void };
  type Options = { provider: string; lang: string; onEvent(e: { type: string }): void };
  const kycvs = (window as unknown as { KYCVS: { render(target: Element, options: Options): Handle } }).KYCVS;
  const counter = (window as unknown as Record<string, TimerCounter>)[name]!;
  const slot = document.getElementById('slot')!;
  return (async () => {
    for (let i = from; i < to; i++) {
      const stage = i % stages;
      let ready!: () => void;
      const saidReady = new Promise<'ready'>((resolve) => (ready = () => resolve('ready')));
      const handle = kycvs.render(slot, {
        provider: 'demo-travel',
        lang: 'en',
        onEvent: (e) => e.type === 'ready' && ready(),
      });
      if (stage === 1) {
        await Promise.resolve();
        if (!slot.querySelector('iframe')) throw new Error(`cycle ${i}: no iframe after a microtask.`);
      } else if (stage === 2) {
        // The page's own setTimeout is counted: this wait uses the unwrapped one.
        let timer: unknown;
        const late = new Promise<'late'>((resolve) => (timer = counter.setTimeout(() => resolve('late'), 30_000)));
        const outcome = await Promise.race([saidReady, late]);
        counter.clearTimeout(timer);
        if (outcome === 'late') throw new Error(`cycle ${i}: the frame did not say ready within 30 s.`);
      }
      handle.destroy();
    }
  })();
}

async function listenersOn(cdp: CDPSession, expression: 'window' | 'document'): Promise<string[]> {
  const { result } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'bench' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  return listeners.map((l) => l.type);
}

async function snapshot(page: Page, cdp: CDPSession): Promise<Snapshot> {
  const { iframes, timers } = (await page.evaluate(inPage(countInPage, COUNTER))) as Pick<
    Snapshot,
    'iframes' | 'timers'
  >;
  const listeners: Record<string, number> = {};
  for (const target of ['window', 'document'] as const) {
    for (const type of await listenersOn(cdp, target)) {
      listeners[`${target} ${type}`] = (listeners[`${target} ${type}`] ?? 0) + 1;
    }
  }
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench' });
  return { iframes, listeners, timers, heapUsed: await heapUsed(cdp) };
}

async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/**
 * `count` × `KYCVS.render()` then `handle.destroy()` on the bench's page of the demo site, each
 * cycle destroying at the next of STAGES; then what is left, against what was there before.
 */
export async function renderDestroyCycles(
  browser: Browser,
  url: string,
  count: number,
  progress: (line: string) => void,
): Promise<Cycles> {
  const context = await browser.newContext(CONTEXT);
  try {
    await context.addInitScript({ content: inPage(countTimers, COUNTER) });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => 'KYCVS' in window);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const before = await snapshot(page, cdp);

    const heap = [{ cycles: 0, used: before.heapUsed }];
    const chunk = 50;
    for (let from = 0; from < count; from += chunk) {
      const to = Math.min(count, from + chunk);
      await page.evaluate(inPage(cyclesInPage, { from, to, stages: STAGES.length, name: COUNTER }));
      if (to < count) heap.push({ cycles: to, used: await heapUsed(cdp) });
      progress(`  ${to}/${count} cycles`);
    }

    const after = await snapshot(page, cdp);
    heap.push({ cycles: count, used: after.heapUsed });
    return { count, before, after, heap };
  } finally {
    await context.close();
  }
}

/** What the cycles left: iframes, listeners and timers more than before. */
export function leftOver(cycles: Cycles): { iframes: number; listeners: number; timers: number } {
  const sum = (o: object) => Object.values(o).reduce((a: number, b: number) => a + b, 0);
  return {
    iframes: cycles.after.iframes - cycles.before.iframes,
    listeners: sum(cycles.after.listeners) - sum(cycles.before.listeners),
    timers: sum(cycles.after.timers) - sum(cycles.before.timers),
  };
}

/** What the page's counter says: timers and animation frames set and not yet run or cleared. */
export interface LiveTimers {
  timeouts: number;
  intervals: number;
  animationFrames: number;
}

/** The counter's handle on `window`, with the unwrapped functions for the bench's own waits. */
export interface TimerCounter {
  live(): LiveTimers;
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  requestAnimationFrame(callback: () => void): unknown;
}

export const COUNTER = '__kycvsBenchTimers';

/**
 * Run first in the page (Playwright's `addInitScript`, before any script of the page): wraps
 * setTimeout, setInterval, requestAnimationFrame and their clear/cancel functions in the top
 * window, so that the bench can count the ones still live. Self-contained: its source is sent
 * to the page (`inPage`), which calls it with `name` alone.
 */
export function countTimers(name: string, win: Window = window): void {
  if (win.top !== win) return;
  // Loosely typed on purpose: the ids are numbers in a browser, objects under Node (the unit test).
  type Fn = (...args: unknown[]) => unknown;
  const w = win as unknown as Record<string, Fn>;
  const names = [
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'requestAnimationFrame',
    'cancelAnimationFrame',
  ] as const;
  const raw = Object.fromEntries(names.map((n) => [n, w[n]!.bind(win)])) as Record<(typeof names)[number], Fn>;
  // Timeouts and intervals share one list of ids, and either clear function clears either kind.
  const timers = new Map<unknown, 'timeout' | 'interval'>();
  const frames = new Set<unknown>();

  w.setTimeout = (handler, ...rest) => {
    if (typeof handler !== 'function') return raw.setTimeout(handler, ...rest);
    const [ms, ...args] = rest;
    const id = raw.setTimeout(
      (...a: unknown[]) => {
        timers.delete(id);
        (handler as Fn)(...a);
      },
      ms,
      ...args,
    );
    timers.set(id, 'timeout');
    return id;
  };
  w.setInterval = (...args) => {
    const id = raw.setInterval(...args);
    timers.set(id, 'interval');
    return id;
  };
  w.clearTimeout = (id) => (timers.delete(id), raw.clearTimeout(id));
  w.clearInterval = (id) => (timers.delete(id), raw.clearInterval(id));
  w.requestAnimationFrame = (callback) => {
    const id = raw.requestAnimationFrame((time: unknown) => {
      frames.delete(id);
      (callback as Fn)(time);
    });
    frames.add(id);
    return id;
  };
  w.cancelAnimationFrame = (id) => (frames.delete(id), raw.cancelAnimationFrame(id));

  const counter: TimerCounter = {
    live: () => {
      const kinds = [...timers.values()];
      return {
        timeouts: kinds.filter((k) => k === 'timeout').length,
        intervals: kinds.filter((k) => k === 'interval').length,
        animationFrames: frames.size,
      };
    },
    setTimeout: raw.setTimeout,
    clearTimeout: raw.clearTimeout,
    requestAnimationFrame: raw.requestAnimationFrame,
  };
  Object.defineProperty(win, name, { value: counter });
}

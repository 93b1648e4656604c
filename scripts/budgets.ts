/**
 * The budgets of docs/architecture.md, in one place: `npm test` holds the build to the two sizes
 * (scripts/check-budgets.ts), and `npm run bench` reports all four (scripts/bench.ts).
 */
export const KB = 1024;

export const BUDGETS = {
  /** embed.js, gzip -9. */
  embedGzip: { bytes: 3 * KB, label: '3 KB' },
  /** The frame's first load: the entry script, its static imports and stylesheets, gzip -9. */
  firstLoadGzip: { bytes: 25 * KB, label: '25 KB' },
  /** Time to a usable form, as a multiple of a bare iframe's with one static input. */
  timeRatio: 1.5,
  /** The same on Slow 4G with a 4× slower CPU (issue 17): a first visit, and a second one. */
  slowColdRatio: 1.25,
  slowWarmRatio: 1.1,
  /** Iframes, listeners and timers left after the render + destroy cycles. */
  leftAfterCycles: 0,
} as const;

/** How the bench measures: cold runs of each page for the timing, render + destroy cycles, slow-link rounds. */
export const BENCH = { timingRuns: 15, cycles: 500, slowRuns: 7 } as const;

/** `3,263 B`. */
export const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;

/** `197 B to spare` or `191 B over`. */
export function verdict(measured: number, budget: number): { ok: boolean; text: string } {
  return measured <= budget
    ? { ok: true, text: `${bytes(budget - measured)} to spare` }
    : { ok: false, text: `${bytes(measured - budget)} over` };
}

import { expect, test } from 'vitest';
import type { Cycles, Snapshot } from './cycles';
import type { SlowLink, Visit } from './slow-link';
import { benchRows, benchTable, markdownTable, slowLinkWire, type BenchResults } from './table';

const snapshot = (extra: Partial<Snapshot> = {}): Snapshot => ({
  iframes: 0,
  listeners: { 'window message': 1 },
  timers: { timeouts: 0, intervals: 0, animationFrames: 0 },
  heapUsed: 1_000_000,
  ...extra,
});
const cycles = (after: Partial<Snapshot> = {}): Cycles => ({
  count: 500,
  before: snapshot(),
  after: snapshot({ heapUsed: 1_100_000, ...after }),
  heap: [
    { cycles: 0, used: 1_000_000 },
    { cycles: 50, used: 1_100_000 },
    { cycles: 500, used: 1_100_000 },
  ],
});

const visits = (...times: number[]): Visit[] =>
  times.map((ms) => ({
    ms,
    sent: [
      { url: 'http://127.0.0.1:1/frame.html?provider=x', bytes: 1400, fromCache: false, wait: 570 },
      { url: 'http://127.0.0.1:1/assets/frame-x.js', bytes: 0, fromCache: true, wait: 0 },
    ],
  }));
/** Each embedding's ratio to the bare iframe, cold and warm (the direct iframe's defaults to the script tag's). */
const slow = (cold: number, warm: number, portal = { cold, warm }): SlowLink => ({
  runs: 3,
  cold: {
    widget: visits(cold * 1000, cold * 1000, cold * 1000),
    portal: visits(portal.cold * 1000, portal.cold * 1000, portal.cold * 1000),
    bare: visits(1000, 1000, 1000),
  },
  warm: {
    widget: visits(warm * 1000, warm * 1000, warm * 1000),
    portal: visits(portal.warm * 1000, portal.warm * 1000, portal.warm * 1000),
    bare: visits(1000, 1000, 1000),
  },
});

function results(extra: Partial<BenchResults> = {}): BenchResults {
  return {
    embed: { file: 'embed.js', gzip: 3000, brotli: 2600 },
    compared: [{ name: 'penpal', version: '7.0.6', part: '', file: 'dist/penpal.min.js', gzip: 3767, brotli: 3273 }],
    firstLoad: {
      files: [{ file: 'assets/frame-x.js', gzip: 20_000, brotli: 18_000 }],
      gzip: 20_000,
      brotli: 18_000,
      blockingScripts: [],
    },
    timing: { runs: 15, widget: [120, 130], bare: [100, 100], widgetMedian: 125, bareMedian: 100, ratio: 1.25 },
    cycles: cycles(),
    slow: slow(1.2, 1.05),
    ...extra,
  };
}

const failing = (r: BenchResults) => benchRows(r).filter((row) => row.ok === false);

test('within every budget, no row fails', () => {
  expect(failing(results())).toEqual([]);
});

test.each([
  ['embed.js over 3 KB', { embed: { file: 'embed.js', gzip: 3073, brotli: 2700 } }, /embed\.js/],
  ['a slow form', { timing: { ...results().timing, ratio: 1.51 } }, /÷/],
  [
    'a slow first visit by script tag on a slow link',
    { slow: slow(1.3, 1.05, { cold: 1.2, warm: 1.05 }) },
    /script tag .*cold/,
  ],
  [
    'a slow second visit by script tag on a slow link',
    { slow: slow(1.2, 1.15, { cold: 1.2, warm: 1.05 }) },
    /script tag .*warm/,
  ],
  [
    'a slow first visit by direct iframe on a slow link',
    { slow: slow(1.2, 1.05, { cold: 1.3, warm: 1.05 }) },
    /direct iframe .*cold/,
  ],
  [
    'a slow second visit by direct iframe on a slow link',
    { slow: slow(1.2, 1.05, { cold: 1.2, warm: 1.2 }) },
    /direct iframe .*warm/,
  ],
  ['an iframe left', { cycles: cycles({ iframes: 1 }) }, /iframes left/],
  ['a listener left', { cycles: cycles({ listeners: { 'window message': 2 } }) }, /listeners left/],
  ['a timer left', { cycles: cycles({ timers: { timeouts: 0, intervals: 0, animationFrames: 1 } }) }, /timers left/],
] as const)('%s fails its row', (_, extra, row) => {
  const rows = failing(results(extra as Partial<BenchResults>));
  expect(rows).toHaveLength(1);
  expect(rows[0]!.what).toMatch(row);
});

test('the table is Markdown with padded columns, a budget mark on the rows that have one', () => {
  expect(markdownTable(['a', 'bb'], [['ccc', 'd']])).toBe('| a   | bb |\n|-----|----|\n| ccc | d  |');
  const table = benchTable(results());
  expect(table).toContain('3,000 B (br 2,600 B)');
  expect(table).toContain('≤ 3,072 B (3 KB): 72 B to spare ✓');
  expect(table).toContain('penpal 7.0.6');
  expect(table).toContain('1.25');
  expect(table).toContain('977 KiB → 1074 KiB → 1074 KiB');
});

test("the slow link's wire table counts only what the network sent, by path", () => {
  const table = slowLinkWire(slow(1.2, 1.05));
  expect(table).toContain('1 requests, 1,400 B');
  for (const page of ['widget', 'portal', 'bare'])
    for (const cache of ['cold', 'warm']) expect(table).toContain(`| ${page}, ${cache}`);
  expect(table).toContain('/frame.html 1,400 B, /assets/frame-x.js cache');
});

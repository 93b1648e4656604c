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
/** Each embedding's ratio to the bare iframe, cold and warm: the script tag alone, the written frame and the direct iframe. */
type Ratios = { cold: number; warm: number };
const slow = (alone: Ratios, written: Ratios = alone, portal: Ratios = written): SlowLink => {
  const at = (ratio: number) => visits(ratio * 1000, ratio * 1000, ratio * 1000);
  const cache = (c: keyof Ratios) => ({
    widget: at(alone[c]),
    written: at(written[c]),
    portal: at(portal[c]),
    bare: at(1),
  });
  return { runs: 3, cold: cache('cold'), warm: cache('warm') };
};
const ok = { cold: 1.2, warm: 1.05 };

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
    slow: slow(ok),
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
    'a slow first visit by the written frame on a slow link',
    { slow: slow(ok, { cold: 1.3, warm: 1.05 }, ok) },
    /frame written in .*cold/,
  ],
  [
    'a slow second visit by the written frame on a slow link',
    { slow: slow(ok, { cold: 1.2, warm: 1.15 }, ok) },
    /frame written in .*warm/,
  ],
  [
    'a slow first visit by direct iframe on a slow link',
    { slow: slow(ok, ok, { cold: 1.3, warm: 1.05 }) },
    /direct iframe .*cold/,
  ],
  [
    'a slow second visit by direct iframe on a slow link',
    { slow: slow(ok, ok, { cold: 1.2, warm: 1.2 }) },
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

test('the script tag alone is shown on a slow link, not judged: its third round trip is by design', () => {
  const r = results({ slow: slow({ cold: 1.43, warm: 1.14 }, ok, ok) });
  expect(failing(r)).toEqual([]);
  const alone = benchRows(r).filter((row) => row.what.includes('script tag alone'));
  expect(alone.map((row) => [row.result, row.ok])).toEqual([
    ['1.43', undefined],
    ['1.14', undefined],
  ]);
});

test("the slow link's wire table counts only what the network sent, by path", () => {
  const table = slowLinkWire(slow(ok));
  expect(table).toContain('1 requests, 1,400 B');
  for (const page of ['widget', 'written', 'portal', 'bare'])
    for (const cache of ['cold', 'warm']) expect(table).toContain(`| ${page}, ${cache}`);
  expect(table).toContain('/frame.html 1,400 B, /assets/frame-x.js cache');
});

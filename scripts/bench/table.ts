import { BUDGETS, bytes, verdict } from '../budgets';
import type { Sized } from './compressed-size';
import { leftOver, STAGES, type Cycles } from './cycles';
import type { FirstLoad } from './first-load';
import type { PackageSize } from './sizes';
import { medianMs, SLOW_PAGES, type SlowLink, type Visit } from './slow-link';
import type { Timing } from './timing';

export interface BenchResults {
  embed: Sized;
  compared: PackageSize[];
  firstLoad: FirstLoad;
  timing: Timing;
  cycles: Cycles;
  slow: SlowLink;
}

export interface Row {
  what: string;
  result: string;
  budget: string;
  /** undefined: for comparison or information only. */
  ok?: boolean;
}

/** A Markdown table with its columns padded, readable in a terminal and pasted as is into README.md. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const ms = (n: number) => `${Math.round(n)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const mark = (ok: boolean) => (ok ? '✓' : '✗');

function sizeRow(what: string, measured: Sized, budget?: { bytes: number; label: string }): Row {
  const result = `${bytes(measured.gzip)} (br ${bytes(measured.brotli)})`;
  if (!budget) return { what, result, budget: 'for comparison' };
  const v = verdict(measured.gzip, budget.bytes);
  return { what, result, budget: `≤ ${bytes(budget.bytes)} (${budget.label}): ${v.text}`, ok: v.ok };
}

export function benchRows({ embed, compared, firstLoad, timing, cycles, slow }: BenchResults): Row[] {
  const left = leftOver(cycles);
  const firstStep = cycles.heap[1] ?? cycles.heap.at(-1)!;
  const listeners = (s: Record<string, number>) => Object.values(s).reduce((a, b) => a + b, 0);
  const timers = (t: Cycles['before']['timers']) => `${t.timeouts + t.intervals + t.animationFrames}`;
  const nothingLeft = (n: number) => ({ budget: `${BUDGETS.leftAfterCycles}`, ok: n <= BUDGETS.leftAfterCycles });
  const spread = (values: number[]) => `${Math.round(Math.min(...values))}–${ms(Math.max(...values))}`;
  return [
    sizeRow('`embed.js`, gzip -9 (brotli as sent)', embed, BUDGETS.embedGzip),
    ...compared.map((p) => sizeRow(`${p.name} ${p.version}, ${p.part}\`${p.file}\``, p)),
    sizeRow(
      `frame's first JS + CSS: ${firstLoad.files.map((f) => `\`${f.file}\``).join(' + ')}`,
      { file: '', gzip: firstLoad.gzip, brotli: firstLoad.brotli },
      BUDGETS.firstLoadGzip,
    ),
    {
      what: `time to a usable form, widget: median of ${timing.runs} cold runs (fastest–slowest)`,
      result: `${ms(timing.widgetMedian)} (${spread(timing.widget)})`,
      budget: '',
    },
    {
      what: `time to a usable form, bare iframe with one static input, same host`,
      result: `${ms(timing.bareMedian)} (${spread(timing.bare)})`,
      budget: '',
    },
    {
      what: 'widget ÷ bare iframe',
      result: timing.ratio.toFixed(2),
      budget: `≤ ${BUDGETS.timeRatio}`,
      ok: timing.ratio <= BUDGETS.timeRatio,
    },
    ...slowRows(slow, 'cold', BUDGETS.slowColdRatio),
    ...slowRows(slow, 'warm', BUDGETS.slowWarmRatio),
    {
      what: `${cycles.count} × render + destroy: iframes left`,
      result: `${left.iframes}`,
      ...nothingLeft(left.iframes),
    },
    {
      what: 'listeners left on window + document',
      result: `${left.listeners} (${listeners(cycles.before.listeners)} before, ${listeners(cycles.after.listeners)} after)`,
      ...nothingLeft(left.listeners),
    },
    {
      what: 'timers left (timeouts, intervals, animation frames)',
      result: `${left.timers} (${timers(cycles.before.timers)} before, ${timers(cycles.after.timers)} after)`,
      ...nothingLeft(left.timers),
    },
    {
      what: `JS heap used after GC: before, after the first ${firstStep.cycles} cycles, after all`,
      result: `${kib(cycles.before.heapUsed)} → ${kib(firstStep.used)} → ${kib(cycles.after.heapUsed)}`,
      budget: '',
    },
  ];
}

const spreadOf = (visits: Visit[]) => {
  const values = visits.map((v) => v.ms);
  return `${Math.round(Math.min(...values))}–${ms(Math.max(...values))}`;
};

/**
 * Slow 4G + 4× CPU, one cache state: the widget by its script tag (alone, and with its frame
 * written into the page), by a direct iframe, the bare iframe, and each embedding's ratio to it.
 *
 * The budget holds the embeddings whose page asks for frame.html itself. The script tag alone
 * cannot meet it: frame.html's address exists only once embed.js has run, a third round trip
 * where the bare iframe takes two, (3 × 562.5 + x) / (2 × 562.5 + x) ≈ 1.4 on this link whatever
 * the loader does (docs/portals.md, "The frame written into the page"). Its ratio is shown, not judged.
 */
function slowRows(slow: SlowLink, cache: 'cold' | 'warm', budget: number): Row[] {
  const { widget, written, portal, bare } = slow[cache];
  const ratio = (visits: Visit[]) => medianMs(visits) / medianMs(bare);
  const visit = cache === 'cold' ? 'first visit, empty cache' : 'second visit, cache kept';
  const ratioRow = (what: string, visits: Visit[], judged = true): Row => ({
    what: `  ${what} ÷ bare iframe, ${cache}`,
    result: ratio(visits).toFixed(2),
    budget: judged ? `≤ ${budget}` : '(one round trip more, by design)',
    ...(judged ? { ok: ratio(visits) <= budget } : {}),
  });
  const sameRow = (what: string, visits: Visit[]): Row => ({
    what: `  the same, ${what}`,
    result: `${ms(medianMs(visits))} (${spreadOf(visits)})`,
    budget: '',
  });
  return [
    {
      what: `slow link (Slow 4G, 4× CPU), ${visit}: widget by script tag, median of ${slow.runs} (fastest–slowest)`,
      result: `${ms(medianMs(widget))} (${spreadOf(widget)})`,
      budget: '',
    },
    sameRow('widget by script tag, its frame written in', written),
    sameRow('widget by direct iframe', portal),
    sameRow('bare iframe', bare),
    ratioRow('script tag alone', widget, false),
    ratioRow('script tag, frame written in', written),
    ratioRow('direct iframe', portal),
  ];
}

/** The visit whose time is the median's (the lower middle one for an even count). */
const medianVisit = (visits: Visit[]) => [...visits].sort((a, b) => a.ms - b.ms)[(visits.length - 1) >> 1]!;

/**
 * What went over the wire before the form was usable on the slow link, in the median visit of
 * each page and cache state: each request by URL (origin and query left out), and its bytes
 * (headers + encoded body; "cache" when the cache answered).
 */
export function slowLinkWire(slow: SlowLink): string {
  const rows: string[][] = [];
  for (const cache of ['cold', 'warm'] as const)
    for (const page of SLOW_PAGES) {
      const { sent } = medianVisit(slow[cache][page]);
      const network = sent.filter((s) => !s.fromCache);
      const total = network.reduce((sum, s) => sum + s.bytes, 0);
      rows.push([
        `${page}, ${cache}`,
        `${network.length} requests, ${bytes(total)}`,
        sent.map((s) => `${new URL(s.url).pathname} ${s.fromCache ? 'cache' : bytes(s.bytes)}`).join(', '),
      ]);
    }
  return markdownTable(['slow link: before the form was usable', 'over the network', 'by URL, in order'], rows);
}

/** The one table `npm run bench` prints, and a note of how the cycles end. */
export function benchTable(results: BenchResults): string {
  const rows = benchRows(results).map((r) => [
    r.what,
    r.result,
    r.ok === undefined ? r.budget : `${r.budget} ${mark(r.ok)}`.trim(),
  ]);
  return markdownTable(['measure', 'this run', 'budget'], rows);
}

/** The stages, for the line under the table. */
export const cyclesNote = `Each cycle destroys the widget ${STAGES.join(', ')}, in turn.`;

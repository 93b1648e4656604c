import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './bench/browser';
import { renderDestroyCycles } from './bench/cycles';
import { firstLoad } from './bench/first-load';
import { startServers } from './bench/servers';
import { comparedSizes, embedSize } from './bench/sizes';
import { slowLink } from './bench/slow-link';
import { benchRows, benchTable, cyclesNote, slowLinkWire } from './bench/table';
import { timeToUsableForm } from './bench/timing';
import { BENCH } from './budgets';

// `npm run bench` (after the build): the four budgets of docs/architecture.md, measured in one run on this machine,
// printed as one table. Progress goes to stderr, the table to stdout.

const distDir = process.env.KYCVS_DIST_DIR || fileURLToPath(new URL('../dist', import.meta.url));
/** More runs or cycles than the defaults, for a steadier figure: BENCH_RUNS, BENCH_CYCLES, BENCH_SLOW_RUNS. */
const count = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}=${process.env[name]} is not a whole number ≥ 1.`);
  return value;
};
const progress = (line: string) => console.error(line);

async function main(): Promise<number> {
  const runs = count('BENCH_RUNS', BENCH.timingRuns);
  const cycleCount = count('BENCH_CYCLES', BENCH.cycles);
  const slowRuns = count('BENCH_SLOW_RUNS', BENCH.slowRuns);
  progress('Sizes…');
  const embed = embedSize(distDir);
  const compared = comparedSizes();
  const first = firstLoad(distDir);

  progress('Starting the host and demo servers (mock mode) on free ports…');
  const servers = await startServers(distDir);
  let browser;
  try {
    browser = await launchChromium();
    progress(`Time to a usable form, ${runs} cold runs of each page, alternating…`);
    const timing = await timeToUsableForm(
      browser,
      { widget: `${servers.demo}/bench/widget`, bare: `${servers.demo}/bench/bare` },
      runs,
      progress,
    );
    progress(`${cycleCount} × render + destroy…`);
    const cycles = await renderDestroyCycles(browser, `${servers.demo}/bench/cycles`, cycleCount, progress);
    progress(`Slow link (Slow 4G, 4× CPU), ${slowRuns} rounds of a first and a second visit of each page…`);
    const slow = await slowLink(
      browser,
      {
        widget: `${servers.demo}/bench/widget`,
        written: `${servers.demo}/bench/written`,
        portal: `${servers.demo}/bench/portal`,
        bare: `${servers.demo}/bench/bare`,
      },
      slowRuns,
      progress,
    );
    const results = { embed, compared, firstLoad: first, timing, cycles, slow };

    const cpu = cpus();
    console.log(
      `\nkycvs bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: Chromium ${browser.version()}, ` +
        `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}\n`,
    );
    console.log(benchTable(results));
    console.log(`\n${cyclesNote}\n`);
    console.log(slowLinkWire(slow));
    const over = benchRows(results).filter((row) => row.ok === false);
    if (over.length) {
      console.error(`\nOver budget (docs/architecture.md, "Budgets"): ${over.map((row) => row.what).join('; ')}.`);
      return 1;
    }
    return 0;
  } finally {
    await browser?.close();
    await servers.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`The bench stopped: ${error.message}`);
    process.exit(1);
  },
);

import { cpus } from 'node:os';
import { loadPeople } from '../mock-api/load-people';
import { percentile } from './bench/stats';
import { markdownTable } from './bench/table';
import { abandonSessions, verifyPeople, type FlowRun } from './load/runs';
import { startLoadSystem, type Backend } from './load/system';

// `npm run bench:load`: full verifications per second through the host, on loopback against a CoWIN
// stand-in, for one host in memory and two hosts on Redis, each before and after 50,000 abandoned
// sessions. The host must cost the same per request whatever is in flight (docs/scaling.md): the
// ratio "after ÷ before" must be at least 0.8. Progress goes to stderr, the table to stdout.

const count = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}=${process.env[name]} is not a whole number ≥ 1.`);
  return value;
};
const FLOWS = count('LOAD_FLOWS', 3000);
const ABANDONED = count('LOAD_ABANDONED', 50_000);
const CONCURRENCY = count('LOAD_CONCURRENCY', 32);
const WARM_UP = 1000;
const MIN_RATIO = 0.8;
// Bounded in time as in count: whatever happens, the bench and everything it started end.
const DEADLINE_MS = 20 * 60_000;

const progress = (line: string) => console.error(line);
const perSecond = (run: FlowRun) => (run.flows / run.elapsedMs) * 1000;

interface Measured {
  backend: Backend;
  before: FlowRun;
  after: FlowRun;
}

async function measure(backend: Backend): Promise<Measured> {
  const people = loadPeople(WARM_UP + 2 * FLOWS);
  const label = backend === 'memory' ? 'one host in memory' : 'two hosts on Redis';
  progress(`${label}: starting the stand-in CoWIN and the host${backend === 'redis' ? 's' : ''}…`);
  const system = await startLoadSystem(backend, people.length);
  try {
    progress(`${label}: warming up (${WARM_UP} verifications)…`);
    await verifyPeople(system, people.slice(0, WARM_UP), CONCURRENCY);
    progress(`${label}: ${FLOWS} verifications, ${CONCURRENCY} at a time, no abandoned sessions…`);
    const before = await verifyPeople(system, people.slice(WARM_UP, WARM_UP + FLOWS), CONCURRENCY);
    progress(`${label}: abandoning ${ABANDONED.toLocaleString('en')} sessions…`);
    await abandonSessions(system, ABANDONED, 64);
    progress(`${label}: ${FLOWS} verifications with them in flight…`);
    const after = await verifyPeople(system, people.slice(WARM_UP + FLOWS), CONCURRENCY);
    return { backend, before, after };
  } finally {
    await system.stop();
  }
}

function table(results: Measured[]): string {
  const rows = results.flatMap(({ backend, before, after }) => {
    const label = backend === 'memory' ? 'one host, memory' : 'two hosts, Redis';
    const row = (run: FlowRun, abandoned: string) => [
      label,
      abandoned,
      perSecond(run).toFixed(0),
      `${percentile(run.latenciesMs, 50).toFixed(0)} ms`,
      `${percentile(run.latenciesMs, 99).toFixed(0)} ms`,
      '',
    ];
    const ratio = perSecond(after) / perSecond(before);
    return [
      row(before, '0'),
      row(after, ABANDONED.toLocaleString('en')),
      [
        label,
        `ratio ${ABANDONED.toLocaleString('en')} ÷ 0`,
        ratio.toFixed(2),
        '',
        '',
        `≥ ${MIN_RATIO} ${ratio >= MIN_RATIO ? '✓' : '✗'}`,
      ],
    ];
  });
  return markdownTable(['backend', 'abandoned sessions', 'verifications/s', 'p50', 'p99', 'budget'], rows);
}

async function main(): Promise<number> {
  const results = [await measure('memory'), await measure('redis')];
  const cpu = cpus();
  console.log(
    `\nkycvs load bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: Node ${process.version}, ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}; ${FLOWS} full verifications per row, ` +
      `${CONCURRENCY} at a time, on loopback against the CoWIN stand-in\n`,
  );
  console.log(table(results));
  const low = results.filter(({ before, after }) => perSecond(after) / perSecond(before) < MIN_RATIO);
  if (low.length) {
    console.error(`\nUnder the ratio of ${MIN_RATIO}: ${low.map((r) => r.backend).join(', ')}.`);
    return 1;
  }
  return 0;
}

setTimeout(() => {
  console.error(`The load bench took more than ${DEADLINE_MS / 60_000} minutes and stopped.`);
  process.exit(1);
}, DEADLINE_MS).unref();

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`The load bench stopped: ${error.message}`);
    process.exit(1);
  },
);

import { fileURLToPath } from 'node:url';
import { firstLoad } from './bench/first-load';
import { embedSize } from './bench/sizes';
import { BUDGETS, bytes, verdict } from './budgets';

// `npm test`, right after the build: the two size budgets of docs/architecture.md, which are the same on every
// machine. (Times and leftovers vary with the machine and are only reported, by `npm run bench`.)

const distDir = process.env.KYCVS_DIST_DIR || fileURLToPath(new URL('../dist', import.meta.url));

function check(): string[] {
  const embed = embedSize(distDir);
  const first = firstLoad(distDir);
  const checks = [
    { what: 'embed.js', measured: embed.gzip, budget: BUDGETS.embedGzip },
    { what: "the frame's first JS + CSS", measured: first.gzip, budget: BUDGETS.firstLoadGzip },
  ];
  const problems: string[] = [];
  for (const { what, measured, budget } of checks) {
    const v = verdict(measured, budget.bytes);
    console.log(`${what}: ${bytes(measured)} gzip -9, budget ${bytes(budget.bytes)} (${budget.label}): ${v.text}.`);
    if (!v.ok)
      problems.push(`${what} is ${bytes(measured)} gzip -9, ${v.text} its ${budget.label} (${bytes(budget.bytes)})`);
  }
  console.log(`  (first load: ${first.files.map((f) => `${f.file} ${bytes(f.gzip)}`).join(', ')})`);
  if (first.blockingScripts.length) {
    problems.push(
      `frame.html loads ${first.blockingScripts.join(', ')} without async or defer, which holds up the first paint`,
    );
  }
  return problems;
}

try {
  const problems = check();
  if (problems.length) {
    console.error(
      `\nOver budget (docs/architecture.md, "Budgets"): ${problems.join('; ')}. Make it smaller; the figures are in scripts/budgets.ts.`,
    );
    process.exit(1);
  }
  console.log('Within budget.');
} catch (error) {
  console.error(`The budgets could not be checked: ${(error as Error).message}`);
  process.exit(1);
}

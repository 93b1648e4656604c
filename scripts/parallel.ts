/**
 * Runs npm scripts at the same time and fails when any of them fails: `npm test` uses it for the
 * checks that read the source and the build, which each keep one core busy and together fit on two
 * (docs/architecture.md, "Tests"). Each script's output is printed in one piece when it ends, so
 * that two logs never interleave, with how long it took.
 *
 * Usage: node --import tsx scripts/parallel.ts typecheck lint format:check build
 */
import { spawn } from 'node:child_process';

interface Finished {
  script: string;
  code: number;
  seconds: number;
}

function runScript(script: string): Promise<Finished> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    const finish = (code: number) => {
      const seconds = (performance.now() - started) / 1000;
      const text = Buffer.concat(output).toString('utf8').trimEnd();
      const verdict = code === 0 ? 'passed' : `failed (exit ${code})`;
      process.stdout.write(`\n> ${script}: ${verdict} in ${seconds.toFixed(1)} s\n${text ? text + '\n' : ''}`);
      resolve({ script, code, seconds });
    };
    child.on('error', (error) => {
      output.push(Buffer.from(String(error)));
      finish(1);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('Usage: node --import tsx scripts/parallel.ts <npm script> [<npm script>…]');
  process.exit(2);
}
const results = await Promise.all(scripts.map(runScript));
const failed = results.filter((r) => r.code !== 0).map((r) => r.script);
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}

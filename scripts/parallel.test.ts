import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';

// A package of its own, so that the scripts run are these and not the project's.
const dir = mkdtempSync(join(tmpdir(), 'kycvs-parallel-'));
writeFileSync(
  join(dir, 'package.json'),
  JSON.stringify({
    name: 'parallel-test',
    private: true,
    scripts: {
      slow: 'node -e "setTimeout(() => console.log(\'slow done\'), 300)"',
      fast: 'node -e "console.log(\'fast done\')"',
      broken: 'node -e "console.error(\'it broke\'); process.exit(3)"',
    },
  }),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const script = fileURLToPath(new URL('./parallel.ts', import.meta.url));
const run = (...names: string[]) =>
  spawnSync(process.execPath, ['--import', tsx, script, ...names], { cwd: dir, encoding: 'utf8' });

test('runs every script, prints each log whole as it ends, and passes when all pass', () => {
  const result = run('slow', 'fast');
  expect(result.status).toBe(0);
  // The fast one ends first and is printed first, each with its own output under its name.
  expect(result.stdout).toMatch(/> fast: passed in [\d.]+ s\nfast done\n[\s\S]*> slow: passed in [\d.]+ s\nslow done/);
});

test('fails, naming the script, when any fails, and still runs the others to the end', () => {
  const result = run('broken', 'slow');
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/> broken: failed \(exit 3\) in [\d.]+ s\nit broke/);
  expect(result.stdout).toContain('slow done');
  expect(result.stderr).toContain('Failed: broken');
});

test('refuses to run nothing', () => {
  const result = run();
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/^Usage:/);
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const mainFile = new URL('./main.ts', import.meta.url).pathname;

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', mainFile], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

function registryFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'kycvs-')), 'providers.json');
  writeFileSync(file, content);
  return file;
}

test.each([
  [
    'an origin with a path',
    '[{"id":"agency","name":"Agency","allowed_origins":["https://a.example/x"],"scope":["status"]}]',
    /0\.allowed_origins\.0/,
  ],
  [
    'a scope without status',
    '[{"id":"agency","name":"Agency","allowed_origins":["https://a.example"],"scope":["demographics"]}]',
    /0\.scope/,
  ],
  ['broken JSON', '[{"id":', /not valid JSON/],
])('a registry with %s stops the start with a message naming the problem', (_case, content, problem) => {
  const run = start({ KYCVS_PROVIDERS: registryFile(content) });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^kycvs: KYCVS_PROVIDERS=/);
  expect(run.stderr).toMatch(problem);
});

test('a registry file that does not exist stops the start', () => {
  const run = start({ KYCVS_PROVIDERS: '/nonexistent/providers.json' });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('cannot be read');
});

test('invalid KYCVS_RATE_LIMITS stops the start with a message naming the rule', () => {
  const run = start({ KYCVS_RATE_LIMITS: '{"mobile":{"limit":"many"}}' });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^kycvs: KYCVS_RATE_LIMITS is not valid/);
  expect(run.stderr).toContain('mobile.limit');
});

test('a COWIN_API_BASE carrying credentials stops the start without printing them', () => {
  const run = start({
    COWIN_API_BASE: 'https://cowin-user:s3cret-pass@127.0.0.1:9/api',
    COWIN_API_KEY: 'key-s3cret',
    KYCVS_PROVIDERS: registryFile(
      '[{"id":"agency","name":"Agency","allowed_origins":["https://a.example"],"scope":["status"]}]',
    ),
    KYCVS_SIGNING_KEY: '{}',
    KYCVS_SUBJECT_SECRET: 'a-subject-secret-of-at-least-32-characters',
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/COWIN_API_BASE must not carry a user or password/);
  expect(run.stderr + run.stdout).not.toMatch(/s3cret|cowin-user/);
});

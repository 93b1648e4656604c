import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { expect, test } from 'vitest';
import { freePort } from '../../scripts/cluster/free-port';

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

test('the start prints where CoWIN is without the credentials a URL may carry', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kycvs-main-'));
  mkdirSync(join(dir, 'frame'));
  writeFileSync(join(dir, 'frame', 'frame.html'), '<html><head><!--kycvs-config--></head></html>');
  writeFileSync(join(dir, 'embed.js'), '');
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
    env: {
      ...process.env,
      PORT: String(await freePort()),
      KYCVS_DIST_DIR: dir,
      COWIN_API_BASE: 'https://cowin-user:s3cret-pass@127.0.0.1:9/api',
      COWIN_API_KEY: 'key-s3cret',
      KYCVS_PROVIDERS: registryFile(
        '[{"id":"agency","name":"Agency","allowed_origins":["https://a.example"],"scope":["status"]}]',
      ),
      KYCVS_SIGNING_KEY: JSON.stringify(await exportJWK(privateKey)),
      KYCVS_SUBJECT_SECRET: 'a-subject-secret-of-at-least-32-characters',
    },
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => output, { timeout: 15_000 }).toMatch(/kycvs host: /);
    expect(output).toContain('https://127.0.0.1:9');
    expect(output).not.toMatch(/s3cret|cowin-user/);
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

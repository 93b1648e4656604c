import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from '../../scripts/cluster/free-port';
import { writeStubBuild } from '../../scripts/cluster/stub-build';

/**
 * The host as an operator runs it, as a real process: its health and readiness, its metrics, its
 * logs (which must never carry a mobile, name, OTP or token), and a graceful stop on SIGTERM.
 */

const mainFile = new URL('./main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'kycvs-operations-'));
const running: ChildProcess[] = [];

beforeAll(() => {
  writeStubBuild(dir);
});
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Started {
  origin: string;
  output: () => string;
  exited: Promise<number | null>;
  child: ChildProcess;
}

/** main.ts with this environment, its stdout and stderr kept; resolves once `/healthz` answers. */
async function startHost(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', mainFile], {
    env: {
      ...process.env,
      PORT: String(port),
      DEMO_PORT: String(await freePort()),
      KYCVS_DIST_DIR: join(dir, 'dist'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = `http://127.0.0.1:${port}`;
  await expect
    .poll(
      () =>
        fetch(`${origin}/healthz`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 20_000, message: output },
    )
    .toBe(200);
  return { origin, output: () => output, exited, child };
}

const frameCall = (origin: string) => ({
  'content-type': 'application/json',
  origin,
  'sec-fetch-site': 'same-origin',
});

test('mock mode: health, readiness, metrics, and logs with a request id and nothing personal', async () => {
  const metricsPort = await freePort();
  const host = await startHost({ KYCVS_METRICS_PORT: String(metricsPort), KYCVS_OTP_MIN_MS: '0' });
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${host.origin}/api/kycvs${path}`, {
      method: 'POST',
      headers: { ...frameCall('http://127.0.0.1:' + new URL(host.origin).port), ...headers },
      body: JSON.stringify(body),
    });
  expect(await (await fetch(`${host.origin}/readyz`)).json()).toEqual({ status: 'ready' });

  // Whole verifications, a wrong OTP, an unknown provider and a siteverify, for the logs to hold.
  const people = [
    { name: 'Asha Verma', mobile: '9876543210' },
    { name: 'Ravi Kumar', mobile: '9123456780' },
  ];
  const personal: string[] = [];
  for (const person of people) {
    const started = await post('/otp', { provider: 'demo-travel', ...person }, { 'x-request-id': 'trace-0001' });
    expect(started.headers.get('x-request-id')).toBe('trace-0001');
    const { session } = (await started.json()) as { session: string };
    const sms = (await (await fetch(`${host.origin}/__dev__/sms?mobile=${person.mobile}`)).json()) as Array<{
      otp: string;
    }>;
    const otp = sms.at(-1)!.otp;
    const wrong = otp.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    expect((await post('/verify', { provider: 'demo-travel', session, otp: wrong })).status).toBe(400);
    const verified = await post('/verify', { provider: 'demo-travel', session, otp });
    const { token } = (await verified.json()) as { token: string };
    const verdict = await fetch(`${host.origin}/api/kycvs/siteverify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(((await verdict.json()) as { success: boolean }).success).toBe(true);
    personal.push(person.mobile, person.name, ...person.name.split(' '), otp, token, session);
  }
  expect((await post('/otp', { provider: 'nobody', ...people[0]! })).status).toBe(404);

  const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  for (const line of [
    'kycvs_api_calls_total{call="otp",provider="demo-travel",outcome="ok"} 2',
    'kycvs_api_calls_total{call="otp",provider="unknown",outcome="UNKNOWN_PROVIDER"} 1',
    'kycvs_verifications_total{provider="demo-travel",outcome="OTP_INCORRECT"} 2',
    'kycvs_verifications_total{provider="demo-travel",outcome="ok"} 2',
    'kycvs_cowin_calls_total{call="generateOtp",result="ok"} 2',
    'kycvs_cowin_calls_total{call="confirmOtp",result="rejected"} 2',
    'kycvs_siteverify_total{result="success"} 2',
    'kycvs_live_sessions 0',
  ]) {
    expect(metrics).toContain(line);
  }
  expect(metrics).toMatch(/^kycvs_cowin_call_duration_seconds_bucket\{le="0.1",call="status"\} \d+$/m);
  expect(metrics).toMatch(/^kycvs_process_cpu_user_seconds_total /m);
  for (const value of personal) expect(metrics).not.toContain(value);

  host.child.kill('SIGTERM');
  expect(await host.exited).toBe(0);
  const output = host.output();
  const lines = output.split('\n').filter((line) => line.startsWith('{'));
  const requests = lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((e) => e.event === 'request');
  expect(requests.length).toBeGreaterThan(10);
  for (const request of requests)
    expect(request).toMatchObject({
      level: expect.any(String),
      route: expect.any(String),
      requestId: expect.any(String),
    });
  expect(requests.filter((request) => request.requestId === 'trace-0001')).toHaveLength(2);
  // The one test that matters most here: nothing personal anywhere in what the host wrote.
  for (const value of personal) expect(output).not.toContain(value);
  expect(output).toContain('"event":"stopped"');
});

/** A CoWIN whose generateOTP answers after `delayMs`: a slow call in flight when the host is told to stop. */
/** A CoWIN that answers after `delayMs`; `asked` settles when the first request reaches it. */
async function slowCowin(delayMs: number): Promise<{ base: string; asked: Promise<void>; close: () => Promise<void> }> {
  let wasAsked = () => {};
  const asked = new Promise<void>((resolve) => (wasAsked = resolve));
  const server: Server = createServer((request, response) => {
    request.resume();
    wasAsked();
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ txnId: 'slow-txn' }));
    }, delayMs);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${port}/api`,
    asked,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

test('SIGTERM during a slow CoWIN call: the call still answers, new connections are refused, and the host exits 0', async () => {
  const cowin = await slowCowin(1500);
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const registry = join(dir, 'providers.json');
  writeFileSync(
    registry,
    JSON.stringify([
      { id: 'agency-1', name: 'Agency One', allowed_origins: ['https://agency.example'], scope: ['status'] },
    ]),
  );
  try {
    const host = await startHost({
      COWIN_API_BASE: cowin.base,
      COWIN_API_KEY: 'k',
      KYCVS_PROVIDERS: registry,
      KYCVS_SIGNING_KEY: JSON.stringify(await exportJWK(privateKey)),
      KYCVS_SUBJECT_SECRET: 'the-operations-test-subject-secret-of-32-chars',
      KYCVS_OTP_MIN_MS: '0',
      KYCVS_SHUTDOWN_SECONDS: '10',
    });
    const inFlight = fetch(`${host.origin}/api/kycvs/otp`, {
      method: 'POST',
      headers: frameCall(host.origin),
      body: JSON.stringify({ provider: 'agency-1', name: 'Asha Verma', mobile: '9876543210' }),
    });
    // The host is inside its CoWIN call when the signal comes.
    await cowin.asked;
    const ready = await fetch(`${host.origin}/readyz`);
    expect(ready.status).toBe(200);
    host.child.kill('SIGTERM');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ resendsLeft: 3 });
    expect(await host.exited).toBe(0);
    expect(host.output()).toContain('"event":"shutdown","signal":"SIGTERM"');
    // New connections are refused once the drain began.
    await expect(fetch(`${host.origin}/healthz`)).rejects.toThrow();
  } finally {
    await cowin.close();
  }
});

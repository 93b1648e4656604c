import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FixtureBeneficiary } from '../../mock-api';
import { startCowinStandIn, type CowinStandIn } from '../../mock-api/stand-in';
import { freePort } from '../../scripts/cluster/free-port';
import { startHostProcess, type HostProcess } from '../../scripts/cluster/host-process';
import { startLocalRedis, type LocalRedis } from '../../scripts/cluster/local-redis';
import { signStatusToken, type SigningKey } from './token';
import { loadSigningKeys } from './token/keys';
import { writeStubBuild } from '../../scripts/cluster/stub-build';

/**
 * Two real host processes on one real Redis, pointed at one CoWIN stand-in, as an operator runs
 * them behind one origin (docs/scaling.md): what one host starts, the other finishes, and a host
 * that dies loses nothing.
 */

const PROVIDER = 'agency-1';
// One made-up person per test: a new OTP replaces the last one for a mobile.
const people: FixtureBeneficiary[] = Array.from({ length: 10 }, (_, i) => ({
  key: `hosts-${i}`,
  name: `Host Test ${String.fromCharCode(65 + i)}`,
  mobile: `71000000${String(i).padStart(2, '0')}`,
  birthYear: '1990',
  gender: 'Others',
  referenceId: `7100000000000${i}`,
  primary: { vaccine: 'COVISHIELD', dates: ['2021-05-01', '2021-08-01'] },
}));
const person = (i: number) => people[i]!;

let redis: LocalRedis;
let standIn: CowinStandIn;
let hostA: HostProcess;
let hostB: HostProcess;
let publicOrigin: string;
let previousKey: SigningKey;
const dir = mkdtempSync(join(tmpdir(), 'kycvs-hosts-'));

async function privateJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid };
}

beforeAll(async () => {
  [redis, standIn] = await Promise.all([startLocalRedis(), startCowinStandIn({ extraPeople: people })]);
  writeStubBuild(dir);
  const registry = [
    { id: PROVIDER, name: 'Agency One', allowed_origins: ['https://agency.example'], scope: ['status'] },
  ];
  writeFileSync(join(dir, 'providers.json'), JSON.stringify(registry));
  const [current, previous] = await Promise.all([privateJwk('key-2026-12'), privateJwk('key-2026-11')]);
  previousKey = (await loadSigningKeys(JSON.stringify(previous), () => {})).current;
  publicOrigin = `http://127.0.0.1:${await freePort()}`;
  const env = {
    KYCVS_REDIS_URL: redis.url,
    COWIN_API_BASE: standIn.baseUrl,
    COWIN_API_KEY: standIn.apiKey,
    KYCVS_PROVIDERS: join(dir, 'providers.json'),
    KYCVS_SIGNING_KEY: JSON.stringify({ keys: [current, previous] }),
    KYCVS_SUBJECT_SECRET: 'one-secret-for-every-host-of-this-test',
    KYCVS_PUBLIC_ORIGIN: publicOrigin,
    KYCVS_DIST_DIR: join(dir, 'dist'),
    KYCVS_OTP_MIN_MS: '0',
    // Each test speaks for a client address of its own, as a proxy in front would say.
    KYCVS_TRUST_PROXY: 'loopback',
    KYCVS_RATE_LIMITS: JSON.stringify({ client: { limit: 30 }, provider: { limit: 60 } }),
  };
  [hostA, hostB] = await Promise.all([startHostProcess({ env }), startHostProcess({ env })]);
}, 60_000);

afterAll(async () => {
  await Promise.all([hostA?.stop(), hostB?.stop()]);
  await Promise.all([standIn?.close(), redis?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

let clients = 0;
/** A client address of its own for each caller, so that the tests' rate limits stay apart. */
const newClient = () => `198.51.100.${++clients}`;

async function api(host: HostProcess, path: string, body: unknown, client: string) {
  const response = await fetch(`${host.origin}/api/kycvs${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': client,
      // What the frame's own calls carry: it runs on the host's public origin.
      origin: publicOrigin,
      'sec-fetch-site': 'same-origin',
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function askOtp(host: HostProcess, who: FixtureBeneficiary, client = newClient()): Promise<string> {
  const sent = await api(host, '/otp', { provider: PROVIDER, name: who.name, mobile: who.mobile }, client);
  expect(sent.status).toBe(200);
  return String(sent.body['session']);
}

const lastOtp = (who: FixtureBeneficiary) => standIn.mock.outbox.list(who.mobile).at(-1)!.otp;

async function verify(host: HostProcess, session: string, otp: string, client = newClient()) {
  return api(host, '/verify', { provider: PROVIDER, session, otp }, client);
}

async function siteverify(host: HostProcess, token: string) {
  const response = await fetch(`${host.origin}/api/kycvs/siteverify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  return { status: response.status, body: (await response.json()) as { success: boolean; 'error-codes'?: string[] } };
}

test('a verification asked for on host A is finished on host B, and its token is accepted once across both', async () => {
  const session = await askOtp(hostA, person(0));
  const result = await verify(hostB, session, lastOtp(person(0)));
  expect(result).toMatchObject({ status: 200, body: { status: 'FULLY_VACCINATED' } });
  const token = String(result.body['token']);
  expect((await siteverify(hostA, token)).body).toMatchObject({ success: true, aud: PROVIDER });
  expect((await siteverify(hostB, token)).body).toEqual({ success: false, 'error-codes': ['token-already-used'] });
});

test('a host killed with SIGKILL after sending an OTP loses nothing: the other host finishes', async () => {
  const session = await askOtp(hostA, person(1));
  await hostA.stop({ crash: true });
  try {
    expect(await verify(hostB, session, lastOtp(person(1)))).toMatchObject({ status: 200 });
  } finally {
    await hostA.start();
  }
});

test('the same host, killed and restarted, finishes a verification it began', async () => {
  const session = await askOtp(hostB, person(2));
  await hostB.stop({ crash: true });
  await hostB.start();
  expect(await verify(hostB, session, lastOtp(person(2)))).toMatchObject({ status: 200 });
});

test('the used-token registry survives a restart of every host', async () => {
  const session = await askOtp(hostA, person(3));
  const token = String((await verify(hostA, session, lastOtp(person(3)))).body['token']);
  expect((await siteverify(hostB, token)).body.success).toBe(true);
  await Promise.all([hostA.stop(), hostB.stop()]);
  await Promise.all([hostA.start(), hostB.start()]);
  expect((await siteverify(hostA, token)).body).toEqual({ success: false, 'error-codes': ['token-already-used'] });
});

test('siteverify accepts a token exactly once when both hosts are asked at the same moment', async () => {
  const session = await askOtp(hostB, person(4));
  const token = String((await verify(hostA, session, lastOtp(person(4)))).body['token']);
  const verdicts = await Promise.all(Array.from({ length: 20 }, (_, i) => siteverify(i % 2 ? hostA : hostB, token)));
  expect(verdicts.filter((verdict) => verdict.body.success)).toHaveLength(1);
});

test('wrong OTPs count together on both hosts', async () => {
  const session = await askOtp(hostA, person(5));
  const otp = lastOtp(person(5));
  const wrong = otp.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
  expect((await verify(hostA, session, wrong)).body).toMatchObject({ error: { code: 'OTP_INCORRECT' } });
  expect((await verify(hostB, session, wrong)).body).toMatchObject({ error: { code: 'OTP_INCORRECT' } });
  expect((await verify(hostA, session, wrong)).body).toMatchObject({ error: { code: 'OTP_ATTEMPTS_EXCEEDED' } });
  expect((await verify(hostB, session, otp)).body).toMatchObject({ error: { code: 'OTP_ATTEMPTS_EXCEEDED' } });
});

test('a rate limit counts the requests made on all hosts together', async () => {
  const client = newClient();
  // KYCVS_RATE_LIMITS gives each client 30 calls a minute: 15 on each host use them up.
  for (let i = 0; i < 30; i++) {
    const answer = await api(
      i % 2 ? hostA : hostB,
      '/verify',
      { provider: PROVIDER, session: 'x'.repeat(32), otp: '123456' },
      client,
    );
    expect(answer.status).toBe(410);
  }
  for (const host of [hostA, hostB]) {
    const refused = await api(host, '/verify', { provider: PROVIDER, session: 'x'.repeat(32), otp: '123456' }, client);
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
  }
});

/** A POST from the loopback address `from` (127.0.0.x): a real socket of its own, as a separate client. */
function postFrom(from: string, host: HostProcess, path: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request(
      `${host.origin}/api/kycvs${path}`,
      {
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', origin: publicOrigin, 'sec-fetch-site': 'same-origin' },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}

test('junk from eleven client addresses spends none of the provider’s budget: its real users still get through', async () => {
  // KYCVS_RATE_LIMITS: 30 calls a minute per client, 60 real calls a minute per provider. Eleven
  // clients send 330 calls with made-up sessions, which under the old rule used up the provider.
  const junk = { provider: PROVIDER, session: 'y'.repeat(32), otp: '123456' };
  const answers = await Promise.all(
    Array.from({ length: 11 }, async (_, i) => {
      const statuses: number[] = [];
      for (let n = 0; n < 30; n++)
        statuses.push(await postFrom(`127.0.0.${i + 2}`, n % 2 ? hostA : hostB, '/verify', junk));
      return statuses;
    }),
  );
  expect(answers.flat().every((status) => status === 410)).toBe(true);
  // Each junk client is at its own limit now; a real user elsewhere is not.
  expect(await postFrom('127.0.0.2', hostA, '/verify', junk)).toBe(429);
  const session = await askOtp(hostA, person(8), '198.51.100.250');
  expect(await verify(hostB, session, lastOtp(person(8)))).toMatchObject({ status: 200 });
});

test('every key of the set is published on every host, and siteverify accepts a token of the previous key', async () => {
  const [jwksA, jwksB] = (await Promise.all(
    [hostA, hostB].map(
      async (host) => (await (await fetch(`${host.origin}/.well-known/jwks.json`)).json()) as { keys: JWK[] },
    ),
  )) as [{ keys: JWK[] }, { keys: JWK[] }];
  expect(jwksA.keys.map((key) => key.kid)).toEqual(['key-2026-12', 'key-2026-11']);
  expect(jwksB).toEqual(jwksA);
  const old = await signStatusToken(previousKey, {
    issuer: publicOrigin,
    audience: PROVIDER,
    subject: 's',
    status: 'PARTIALLY_VACCINATED',
    vs: 1,
  });
  expect((await siteverify(hostB, old)).body).toMatchObject({ success: true, status: 'PARTIALLY_VACCINATED' });
});

test('with Redis down both hosts answer 503 and stay up, failing closed; once it is back they serve again by themselves', async () => {
  const token = await signStatusToken(previousKey, {
    issuer: publicOrigin,
    audience: PROVIDER,
    subject: 's',
    status: 'FULLY_VACCINATED',
    vs: 2,
  });
  await redis.stop({ crash: true });
  try {
    for (const host of [hostA, hostB]) {
      const refused = await api(
        host,
        '/otp',
        { provider: PROVIDER, name: person(6).name, mobile: person(6).mobile },
        newClient(),
      );
      expect(refused).toMatchObject({ status: 503, body: { error: { code: 'SERVER_ERROR' } } });
      expect(await siteverify(host, token)).toEqual({
        status: 503,
        body: { success: false, 'error-codes': ['internal-error'] },
      });
    }
    // No OTP went out while nothing could count it.
    expect(standIn.mock.outbox.list(person(6).mobile)).toHaveLength(0);
  } finally {
    await redis.start();
  }
  await expect
    .poll(
      async () =>
        (await api(hostA, '/otp', { provider: PROVIDER, name: person(6).name, mobile: person(6).mobile }, newClient()))
          .status,
      {
        timeout: 10_000,
      },
    )
    .toBe(200);
  const session = await askOtp(hostB, person(7));
  expect(await verify(hostA, session, lastOtp(person(7)))).toMatchObject({ status: 200 });
  // The token refused for want of Redis was not used up.
  expect((await siteverify(hostB, token)).body.success).toBe(true);
});

import { randomBytes } from 'node:crypto';
import { expect, test } from 'vitest';
import { createSelfCheckCookie, SELF_CHECK_SECONDS } from './self-check-cookie';

const secret = randomBytes(32);
const pair = (setCookie: string) => setCookie.split(';')[0]!;

test('on https it is a __Host- cookie: Secure, Path=/, HttpOnly, SameSite=Strict, no Domain', () => {
  const cookie = createSelfCheckCookie({ secret, publicOrigin: 'https://kycvs.example' }).issue();
  expect(cookie).toMatch(/^__Host-kycvs-self=/);
  for (const attribute of ['Path=/', 'HttpOnly', 'SameSite=Strict', 'Secure', `Max-Age=${SELF_CHECK_SECONDS}`]) {
    expect(cookie.split('; ')).toContain(attribute);
  }
  expect(cookie).not.toMatch(/Domain=/i);
});

test('on plain http (the demo) it has a plain name and no Secure, which browsers would refuse there', () => {
  const cookie = createSelfCheckCookie({ secret, publicOrigin: 'http://127.0.0.1:5174' }).issue();
  expect(cookie).toMatch(/^kycvs-self=/);
  expect(cookie.split('; ')).not.toContain('Secure');
  expect(cookie.split('; ')).toContain('SameSite=Strict');
});

test('a cookie it issued reads back as one visit id, on any host with the same secret', () => {
  const hostA = createSelfCheckCookie({ secret, publicOrigin: 'https://kycvs.example' });
  const hostB = createSelfCheckCookie({ secret: Uint8Array.from(secret), publicOrigin: 'https://kycvs.example' });
  const header = `other=1; ${pair(hostA.issue())}; more=2`;
  const id = hostA.read(header);
  expect(id).toMatch(/^[\w-]{22}$/);
  expect(hostB.read(header)).toBe(id);
  expect(hostA.read(pair(hostA.issue()))).not.toBe(id);
});

test('a forged, altered, foreign or stale cookie reads as nothing', () => {
  let now = 1_700_000_000_000;
  const cookies = createSelfCheckCookie({ secret, publicOrigin: 'https://kycvs.example', now: () => now });
  const good = pair(cookies.issue());
  const [name, value] = good.split('=') as [string, string];
  const flipped = value.slice(0, -1) + (value.endsWith('A') ? 'B' : 'A');
  expect(cookies.read(`${name}=${flipped}`)).toBeUndefined();
  expect(cookies.read(`${name}=made-up`)).toBeUndefined();
  expect(cookies.read(undefined)).toBeUndefined();
  expect(
    createSelfCheckCookie({ secret: randomBytes(32), publicOrigin: 'https://kycvs.example' }).read(good),
  ).toBeUndefined();
  expect(createSelfCheckCookie({ secret, publicOrigin: 'http://127.0.0.1:5174' }).read(good)).toBeUndefined();
  now += SELF_CHECK_SECONDS * 1000;
  expect(cookies.read(good)).toBeDefined();
  now += 1000;
  expect(cookies.read(good)).toBeUndefined();
});

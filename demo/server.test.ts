import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { loadSigningKey, signStatusToken, type StatusClaims } from '../host-page/server/token';
import { refusalWords } from './booking';
import { createDemoApp } from './server';

const HOST = 'http://127.0.0.1:5174';
const T = Date.UTC(2025, 0, 15, 10, 0, 0);
const demoDir = fileURLToPath(new URL('.', import.meta.url));
const key = await loadSigningKey(undefined, () => {});
const otherKey = await loadSigningKey(undefined, () => {});

function demo(now = T) {
  return createDemoApp({ hostOrigin: HOST, demoDir, jwks: { keys: [key.publicJwk] }, now: () => now });
}

const claims: StatusClaims = {
  issuer: HOST,
  audience: 'demo-travel',
  subject: 'opaque-sub',
  status: 'FULLY_VACCINATED',
  vs: 2,
};
const sign = (extra: Partial<StatusClaims> = {}, at = T, signer = key) =>
  signStatusToken(signer, { ...claims, ...extra }, at);

async function post(app: ReturnType<typeof demo>, fields: Record<string, string>) {
  const response = await app.request('/booking', { method: 'POST', body: new URLSearchParams(fields) });
  expect(response.status).toBe(200);
  return response.text();
}

/** The text of the element with this id (no nested tags in the ones read here). */
const byId = (html: string, id: string) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];
const verdictOf = (html: string) => /data-verdict="(\w+)"/.exec(html)?.[1];
const reasonOf = (html: string) => /id="verdict-reason" data-code="(\w+)"/.exec(html)?.[1];

test('every demo page is served with the host filled in', async () => {
  const app = demo();
  for (const path of [
    '/',
    '/travel',
    '/counter',
    '/portal',
    '/js-api',
    '/builder',
    '/bench/widget',
    '/bench/portal',
    '/bench/written',
    '/bench/bare',
    '/bench/cycles',
  ]) {
    const html = await (await app.request(path)).text();
    expect(html, path).not.toMatch(/\{\{\w+\}\}/);
  }
  const builder = await (await app.request('/builder')).text();
  expect(builder).toContain(`<script src="${HOST}/embed.js"></script>`);
  expect(await (await app.request('/')).text()).toContain('href="/builder"');
});

test("the bench's pages embed the widget, or a bare frame from the same host for the same provider", async () => {
  const app = demo();
  const widget = await (await app.request('/bench/widget')).text();
  expect(widget).toContain(`<script src="${HOST}/embed.js" async></script>`);
  expect(widget).toContain('<div class="kycvs" data-provider="demo-travel" data-lang="en"></div>');
  const portal = await (await app.request('http://localhost:5173/bench/portal')).text();
  expect(portal).toContain(
    `<iframe\n        src="${HOST}/frame.html?provider=demo-travel&amp;origin=http%3A%2F%2Flocalhost%3A5173&amp;lang=en"`,
  );
  expect(portal).not.toContain('<script');
  // The script tag with its frame written in: the frame inside the container, the script after it.
  const written = await (await app.request('http://localhost:5173/bench/written')).text();
  const frameAt = written.indexOf(
    `src="${HOST}/frame.html?provider=demo-travel&amp;origin=http%3A%2F%2Flocalhost%3A5173&amp;lang=en"`,
  );
  expect(frameAt).toBeGreaterThan(written.indexOf('<div class="kycvs" data-provider="demo-travel" data-lang="en">'));
  expect(written.indexOf(`<script src="${HOST}/embed.js" async></script>`)).toBeGreaterThan(frameAt);
  const bare = await (await app.request('/bench/bare')).text();
  expect(bare).toContain(`<iframe src="${HOST}/__dev__/bare-frame.html?provider=demo-travel"`);
  expect(bare).not.toContain('<script');
  const cycles = await (await app.request('/bench/cycles')).text();
  expect(cycles).toContain(`<script src="${HOST}/embed.js"></script>`);
  expect(cycles).toContain('<div id="slot"></div>');
});

test('the streamed page sends the open container first and its frame half a second later', async () => {
  const app = demo();
  const response = await app.request('http://localhost:5173/streamed');
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const first = decoder.decode((await reader.read()).value);
  const started = Date.now();
  const second = decoder.decode((await reader.read()).value);
  expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  expect(first).toContain(`<script src="${HOST}/embed.js" async></script>`);
  expect(first.trimEnd().endsWith('<div class="kycvs" data-provider="demo-test">')).toBe(true);
  expect(second).toContain(
    `src="${HOST}/frame.html?provider=demo-test&amp;origin=http%3A%2F%2Flocalhost%3A5173&amp;lang=en"></iframe>`,
  );
  expect((await reader.read()).done).toBe(true);
});

test('a genuine token for this agency is accepted, with the status the token says', async () => {
  const token = await sign();
  const html = await post(demo(), { 'kycvs-token': token, 'kycvs-status': 'FULLY_VACCINATED' });
  expect(verdictOf(html)).toBe('accepted');
  expect(byId(html, 'verdict-status')).toBe('FULLY_VACCINATED');
  expect(html).toContain('Fully vaccinated');
  expect(byId(html, 'received-status')).toBe('FULLY_VACCINATED');
  expect(byId(html, 'received-token')).toBe(token);
  expect(html).not.toContain('status-mismatch');
});

test('the token wins over a kycvs-status field that says otherwise', async () => {
  const html = await post(demo(), {
    'kycvs-token': await sign({ status: 'NOT_VACCINATED', vs: 0 }),
    'kycvs-status': 'FULLY_VACCINATED',
  });
  expect(verdictOf(html)).toBe('accepted');
  expect(byId(html, 'verdict-status')).toBe('NOT_VACCINATED');
  expect(byId(html, 'received-status')).toBe('FULLY_VACCINATED');
  expect(html).toContain('id="status-mismatch"');
});

test.each([
  ['no token at all', {}, 'NO_TOKEN'],
  ['an empty token (the form was reset)', { 'kycvs-token': '', 'kycvs-status': '' }, 'NO_TOKEN'],
  ['garbage', { 'kycvs-token': 'not-a-token', 'kycvs-status': 'FULLY_VACCINATED' }, 'MALFORMED'],
])('a booking with %s is refused', async (_, fields, code) => {
  const html = await post(demo(), fields);
  expect(verdictOf(html)).toBe('refused');
  expect(reasonOf(html)).toBe(code);
  expect(html).toContain(refusalWords[code as keyof typeof refusalWords]);
  expect(html).not.toContain('id="verdict-status"');
});

test('the refusals say plainly what was wrong', async () => {
  const cases: [string, Promise<string>][] = [
    ['the token has expired', sign({}, T - 400_000)],
    ['the token was not issued for this agency', sign({ audience: 'demo-irctc' })],
    ['the token was issued by another host', sign({ issuer: 'https://elsewhere.example' })],
    ['signed with a key the CoWIN host does not publish', sign({}, T, otherKey)],
  ];
  for (const [words, token] of cases) {
    const html = await post(demo(), { 'kycvs-token': await token, 'kycvs-status': 'FULLY_VACCINATED' });
    expect(verdictOf(html), words).toBe('refused');
    expect(html, words).toContain(words);
  }
});

test('a tampered token is refused', async () => {
  const [header, payload, signature] = (await sign({ status: 'NOT_VACCINATED', vs: 0 })).split('.');
  const claimsJson = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claimsJson, status: 'FULLY_VACCINATED', vs: 2 })).toString(
    'base64url',
  );
  const html = await post(demo(), { 'kycvs-token': `${header}.${forged}.${signature}`, 'kycvs-status': 'x' });
  expect(reasonOf(html)).toBe('BAD_SIGNATURE');
});

test('a token is good for one booking: posting it again is refused', async () => {
  const app = demo();
  const fields = { 'kycvs-token': await sign(), 'kycvs-status': 'FULLY_VACCINATED' };
  expect(verdictOf(await post(app, fields))).toBe('accepted');
  const again = await post(app, fields);
  expect(reasonOf(again)).toBe('ALREADY_USED');
  expect(again).toContain('already used');
});

test('what was posted is shown as text, never as markup', async () => {
  const html = await post(demo(), { 'kycvs-token': '<img src=x onerror=alert(1)>', 'kycvs-status': '<b>x</b>' });
  expect(html).not.toContain('<img');
  expect(html).not.toContain('<b>x');
  expect(html).toContain('&#60;img');
});

test('the keys come from the host’s JWKS when none are given', async () => {
  // Nothing listens there: the office says it could not check, and does not accept.
  const app = createDemoApp({ hostOrigin: 'http://127.0.0.1:9', demoDir });
  const html = await post(app, { 'kycvs-token': await sign({ issuer: 'http://127.0.0.1:9' }) });
  expect(reasonOf(html)).toBe('JWKS_UNAVAILABLE');
});

test('the React page is served from its build, with the host filled in, and says how to build it when absent', async () => {
  const reactDir = mkdtempSync(join(tmpdir(), 'kycvs-demo-react-'));
  try {
    const app = createDemoApp({ hostOrigin: HOST, demoDir, reactDir });
    const missing = await app.request('/react');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('npm run build');

    mkdirSync(join(reactDir, 'assets'));
    writeFileSync(join(reactDir, 'index.html'), '<div id="root" data-host="{{HOST}}"></div>');
    writeFileSync(join(reactDir, 'assets', 'index-abc.js'), 'export {};');
    const page = await app.request('/react');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(`<div id="root" data-host="${HOST}"></div>`);
    const script = await app.request('/react/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await app.request('/react/index.html')).status).toBe(404);
  } finally {
    rmSync(reactDir, { recursive: true, force: true });
  }
});

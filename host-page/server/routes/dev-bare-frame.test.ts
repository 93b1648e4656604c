import { expect, test } from 'vitest';
import { createHostApp, type HostAppOptions } from '../app';
import { createRegistry } from '../registry';
import { loadSigningKey } from '../token';
import { FRAME_TEMPLATE, unusedService, useEmptyDist } from '../test-kit';

const distDir = useEmptyDist();

const service = unusedService;
const base: HostAppOptions = {
  registry: createRegistry([
    { id: 'demo-travel', name: 'Demo Travel', allowed_origins: ['http://localhost:5173'], scope: ['status'] },
  ]),
  service,
  signingKey: await loadSigningKey(undefined, () => {}),
  frameTemplate: FRAME_TEMPLATE,
  distDir,
  demoOrigin: 'http://localhost:5173',
  log: () => {},
};
const mockMode = createHostApp({ ...base, outbox: { list: () => [] } });
const origin = encodeURIComponent('http://localhost:5173');

/** Every header but the date and the length, which differ between the two documents. */
const headersOf = (response: Response) =>
  // Less what differs per answer by design: the date, the length, the request's own id.
  Object.fromEntries(
    [...response.headers].filter(([name]) => !['date', 'content-length', 'x-request-id'].includes(name)),
  );

test('the bare frame holds one labelled input and no script or style', async () => {
  const response = await mockMode.request('/__dev__/bare-frame.html?provider=demo-travel');
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html.match(/<input\b/g)).toHaveLength(1);
  expect(html).toMatch(/<label>Full name <input/);
  expect(html).not.toMatch(/<script|<style|<link/);
});

test("the bare frame is served with frame.html's headers for the same provider", async () => {
  const bare = await mockMode.request('/__dev__/bare-frame.html?provider=demo-travel');
  const frame = await mockMode.request(`/frame.html?provider=demo-travel&origin=${origin}`);
  expect(headersOf(bare)).toEqual(headersOf(frame));
  expect(bare.headers.get('content-security-policy')).toContain('frame-ancestors http://localhost:5173');
});

test('for an unknown provider the bare frame may be framed by no one', async () => {
  const response = await mockMode.request('/__dev__/bare-frame.html?provider=nobody');
  expect(response.status).toBe(404);
  expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
});

test('the bare frame does not exist outside mock mode', async () => {
  const app = createHostApp(base);
  expect((await app.request('/__dev__/bare-frame.html?provider=demo-travel')).status).toBe(404);
});

import { Hono } from 'hono';
import { expect, test } from 'vitest';
import { SUPPORT_REF_PATTERN } from '../../../contract';
import { SUPPORT_REF_HEADER, supportRefOf, supportRefs } from './support-ref';

function appWith(handler: (ref: string | undefined) => Response | Promise<Response>) {
  const app = new Hono();
  app.use(supportRefs());
  app.post('/call', (c) => handler(supportRefOf(c)));
  app.post('/throws', () => {
    throw new Error('boom');
  });
  app.onError((_error, c) => c.json({ ref: supportRefOf(c) ?? null }, 500));
  return app;
}

test('every answer gets a fresh reference in x-kycvs-ref, the one the handler saw', async () => {
  const seen: Array<string | undefined> = [];
  const app = appWith((ref) => (seen.push(ref), new Response('{}')));
  const refs = [];
  for (let i = 0; i < 20; i++) {
    const response = await app.request('/call', { method: 'POST' });
    refs.push(response.headers.get(SUPPORT_REF_HEADER));
  }
  expect(SUPPORT_REF_HEADER).toBe('x-kycvs-ref');
  for (const ref of refs) expect(ref).toMatch(SUPPORT_REF_PATTERN);
  expect(new Set(refs).size).toBe(20);
  expect(seen).toEqual(refs);
});

test('an answer made by the error handler carries the reference too, in the header and to the handler', async () => {
  const response = await appWith(() => new Response('{}')).request('/throws', { method: 'POST' });
  expect(response.status).toBe(500);
  const ref = response.headers.get(SUPPORT_REF_HEADER);
  expect(ref).toMatch(SUPPORT_REF_PATTERN);
  expect(await response.json()).toEqual({ ref });
});

test('outside the middleware there is no reference', async () => {
  const app = new Hono();
  app.get('/', (c) => c.text(String(supportRefOf(c))));
  const response = await app.request('/');
  expect(await response.text()).toBe('undefined');
  expect(response.headers.get(SUPPORT_REF_HEADER)).toBeNull();
});

import { Hono } from 'hono';
import { afterEach, expect, test, vi } from 'vitest';
import { jsonLogger, requestLog } from './log';
import { supportRefs } from './support-ref';

afterEach(() => vi.restoreAllMocks());

test('requestLog records method, path, route, status, duration and a request id, and not the query', async () => {
  const log = vi.fn();
  const app = new Hono();
  app.use(requestLog(log));
  app.post('/api/kycvs/otp', (c) => c.json({}, 201));
  const response = await app.request('/api/kycvs/otp?mobile=9876543210&name=Asha', { method: 'POST' });
  expect(log).toHaveBeenCalledExactlyOnceWith({
    event: 'request',
    level: 'info',
    method: 'POST',
    path: '/api/kycvs/otp',
    route: '/api/kycvs/otp',
    status: 201,
    ms: expect.any(Number),
  });
  expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.stringify(log.mock.calls)).not.toMatch(/9876543210|Asha/);
});

test('a usable x-request-id from the proxy is kept and sent back; anything else is replaced', async () => {
  const app = new Hono();
  app.use(requestLog(() => {}));
  app.get('/', (c) => c.text('ok'));
  const kept = await app.request('/', { headers: { 'x-request-id': 'lb-7f3a.91:2' } });
  expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.91:2');
  for (const odd of ['a b', 'x'.repeat(200), '<script>']) {
    const replaced = await app.request('/', { headers: { 'x-request-id': odd } });
    expect(replaced.headers.get('x-request-id')).not.toBe(odd);
  }
});

test('4xx answers are logged at warn, 5xx at error', async () => {
  const log = vi.fn();
  const app = new Hono();
  app.use(requestLog(log));
  app.get('/missing', (c) => c.text('no', 404));
  app.get('/broken', (c) => c.text('no', 503));
  await app.request('/missing');
  await app.request('/broken');
  expect(log.mock.calls.map(([event]) => event.level)).toEqual(['warn', 'error']);
});

test('jsonLogger writes one JSON line by pino, with level, time and the request id of the request being handled', async () => {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const app = new Hono();
  app.use(requestLog(() => {}));
  app.get('/', (c) => {
    jsonLogger({ event: 'test', level: 'warn', n: 1 });
    return c.text('ok');
  });
  const response = await app.request('/', { headers: { 'x-request-id': 'req-42' } });
  expect(response.status).toBe(200);
  const lines = write.mock.calls.map(([chunk]) => String(chunk)).filter((line) => line.includes('"event":"test"'));
  expect(lines).toHaveLength(1);
  const line = lines[0]!;
  expect(line.endsWith('\n')).toBe(true);
  expect(line.trimEnd()).not.toContain('\n');
  const event = JSON.parse(line) as Record<string, unknown>;
  expect(event).toMatchObject({ event: 'test', n: 1, level: 'warn', requestId: 'req-42' });
  expect(Number.isNaN(Date.parse(String(event.time)))).toBe(false);
});

test('the request line carries the support reference the API gave the answer, and jsonLogger lines too', async () => {
  const log = vi.fn();
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const app = new Hono();
  app.use(requestLog(log));
  app.use(
    '/api/*',
    supportRefs(() => 'ABCD2345'),
  );
  app.post('/api/kycvs/verify', (c) => {
    jsonLogger({ event: 'inside' });
    return c.json({}, 400);
  });
  app.get('/frame.html', (c) => c.text('ok'));
  const response = await app.request('/api/kycvs/verify', { method: 'POST', headers: { 'x-request-id': 'req-7' } });
  expect(response.headers.get('x-kycvs-ref')).toBe('ABCD2345');
  expect(log).toHaveBeenCalledExactlyOnceWith(
    expect.objectContaining({ event: 'request', status: 400, ref: 'ABCD2345' }),
  );
  const inside = write.mock.calls.map(([chunk]) => String(chunk)).find((line) => line.includes('"event":"inside"'));
  expect(JSON.parse(inside!)).toMatchObject({ requestId: 'req-7', ref: 'ABCD2345' });
  // A request the API did not answer has no reference.
  log.mockClear();
  const frame = await app.request('/frame.html');
  expect(frame.headers.get('x-kycvs-ref')).toBeNull();
  expect(log.mock.calls[0]![0]).not.toHaveProperty('ref');
});

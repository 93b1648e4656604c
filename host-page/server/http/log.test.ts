import { Hono } from 'hono';
import { afterEach, expect, test, vi } from 'vitest';
import { jsonLogger, requestLog } from './log';

afterEach(() => vi.restoreAllMocks());

test('jsonLogger writes one JSON line with a time', () => {
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  jsonLogger({ event: 'test', n: 1 });
  expect(write).toHaveBeenCalledTimes(1);
  const line = String(write.mock.calls[0]?.[0]);
  expect(line.endsWith('\n')).toBe(true);
  expect(line.trimEnd()).not.toContain('\n');
  const event = JSON.parse(line) as Record<string, unknown>;
  expect(event).toMatchObject({ event: 'test', n: 1 });
  expect(Number.isNaN(Date.parse(String(event.time)))).toBe(false);
});

test('requestLog records method, path, status and duration, and not the query', async () => {
  const log = vi.fn();
  const app = new Hono();
  app.use(requestLog(log));
  app.post('/api/kycvs/otp', (c) => c.json({}, 201));
  await app.request('/api/kycvs/otp?mobile=9876543210&name=Asha', { method: 'POST' });
  expect(log).toHaveBeenCalledExactlyOnceWith({
    event: 'request',
    method: 'POST',
    path: '/api/kycvs/otp',
    status: 201,
    ms: expect.any(Number),
  });
  expect(JSON.stringify(log.mock.calls)).not.toMatch(/9876543210|Asha/);
});

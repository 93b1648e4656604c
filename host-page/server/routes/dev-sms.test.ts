import { expect, test, vi } from 'vitest';
import { createHostApp, type HostAppOptions } from '../app';
import { createRegistry } from '../registry';
import { loadSigningKey } from '../token';
import type { SmsOutbox } from './dev-sms';
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

const sms = [
  { mobile: '9876543210', text: 'first', otp: '111111', sent_at: '2025-01-15T10:00:00.000Z' },
  { mobile: '9876543210', text: 'second', otp: '222222', sent_at: '2025-01-15T10:01:00.000Z' },
];

function withOutbox() {
  const outbox = { list: vi.fn<SmsOutbox['list']>((mobile) => sms.filter((m) => m.mobile === mobile)) };
  return { app: createHostApp({ ...base, outbox }), outbox };
}

test('/__dev__/sms does not exist without an outbox (a real CoWIN is configured)', async () => {
  const app = createHostApp(base);
  expect((await app.request('/__dev__/sms?mobile=9876543210')).status).toBe(404);
});

test('/__dev__/sms lists the mock SMS for a mobile, oldest first, as the outbox gives them', async () => {
  const { app } = withOutbox();
  const response = await app.request('/__dev__/sms?mobile=9876543210');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual(sms);
});

test.each(['+91 98765 43210', '098765-43210', '९८७६५४३२१०'])(
  '/__dev__/sms reads the mobile %j as typed',
  async (mobile) => {
    const { app, outbox } = withOutbox();
    await app.request(`/__dev__/sms?mobile=${encodeURIComponent(mobile)}`);
    expect(outbox.list).toHaveBeenCalledExactlyOnceWith('9876543210');
  },
);

test.each(['', '123', 'abc'])('/__dev__/sms refuses the mobile %j with 400', async (mobile) => {
  const { app, outbox } = withOutbox();
  const response = await app.request(`/__dev__/sms?mobile=${mobile}`);
  expect(response.status).toBe(400);
  expect(outbox.list).not.toHaveBeenCalled();
});

test('/__dev__/sms without a mobile is 400', async () => {
  const { app } = withOutbox();
  expect((await app.request('/__dev__/sms')).status).toBe(400);
});

test('/__dev__/sms is readable by the demo site only and never cached', async () => {
  const { app } = withOutbox();
  const response = await app.request('/__dev__/sms?mobile=9876543210');
  expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  expect(response.headers.get('cache-control')).toBe('no-store');
});

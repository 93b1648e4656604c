import { expect, test } from 'vitest';
import { DEMO_ORIGIN, useMockedHost } from '../test-kit';

const { host, mock, clock } = useMockedHost();

const sunita = { name: 'सुनीता देवी', mobile: '9012345678' };
const lastLine = () => mock.outbox.list(sunita.mobile).at(-1)!.text.split('\n').at(-1);
const lastOtp = () => mock.outbox.list(sunita.mobile).at(-1)!.otp;

test('an embed on a registered origin gets an SMS ending @top #otp @frame, on resend too', async () => {
  const h = await host();
  const response = await h.post('/otp', { provider: 'demo-irctc', ...sunita, parentOrigin: DEMO_ORIGIN });
  expect(lastLine()).toBe(`@localhost:5173 #${lastOtp()} @127.0.0.1:5174`);

  const { session } = (await response.json()) as { session: string };
  clock.advance(60_000);
  expect((await h.post('/otp/resend', { provider: 'demo-irctc', session })).status).toBe(200);
  expect(mock.outbox.list(sunita.mobile)).toHaveLength(2);
  expect(lastLine()).toBe(`@localhost:5173 #${lastOtp()} @127.0.0.1:5174`);
});

test.each([
  ['no parent origin', undefined],
  ['an origin the provider did not register', 'https://evil.example'],
  ['the registered origin with a path', `${DEMO_ORIGIN}/portal`],
])('%s gets an SMS without a WebOTP line, and the OTP step still works', async (_, parentOrigin) => {
  const h = await host();
  const response = await h.post('/otp', {
    provider: 'demo-irctc',
    ...sunita,
    ...(parentOrigin ? { parentOrigin } : {}),
  });
  expect(response.status).toBe(200);
  expect(lastLine()).toMatch(/- CoWIN$/);
});

test('a parent origin longer than 256 characters is a bad request', async () => {
  const h = await host();
  const response = await h.post('/otp', {
    provider: 'demo-irctc',
    ...sunita,
    parentOrigin: `https://${'a'.repeat(250)}.x`,
  });
  expect(response.status).toBe(400);
  expect(mock.outbox.list(sunita.mobile)).toEqual([]);
});

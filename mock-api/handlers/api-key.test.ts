import { expect, test } from 'vitest';
import { COWIN_MOCK_BASE } from '../index';
import { useCowinMock } from '../test-kit';

const { mock } = useCowinMock();

const calls = [
  ['POST', '/v3/vaccination/generateOTP', { mobile_number: '9876543210', full_name: 'Asha Verma' }],
  ['POST', '/v3/vaccination/confirmOTP', { otp: 'ab'.repeat(32), txnId: 'x' }],
  ['GET', '/v3/vaccination/status', undefined],
  ['GET', '/v3/unknown', undefined],
] as const;

test.each(calls)('refuses %s %s without x-api-key', async (method, path, body) => {
  const response = await fetch(`${COWIN_MOCK_BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  // The gateway's answer, not CoWIN's (recorded-answers.json, `forbidden-key`).
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual({ message: 'Forbidden' });
});

test.each(calls)('refuses %s %s with a wrong x-api-key', async (method, path, body) => {
  const response = await fetch(`${COWIN_MOCK_BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': 'mock-api-key-2' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  // The gateway's answer, not CoWIN's (recorded-answers.json, `forbidden-key`).
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual({ message: 'Forbidden' });
});

test('sends no SMS when the API key is missing', async () => {
  await fetch(`${COWIN_MOCK_BASE}/v3/vaccination/generateOTP`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mobile_number: '9876543210', full_name: 'Asha Verma' }),
  });
  expect(mock.outbox.list('9876543210')).toEqual([]);
});

test('answers an unknown path under the base URL with a CoWIN-shaped 404', async () => {
  const response = await fetch(`${COWIN_MOCK_BASE}/v2/appointment/sessions`, {
    headers: { 'x-api-key': 'mock-api-key' },
  });
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ errorCode: 'NOTFND0001', error: 'Not found' });
});

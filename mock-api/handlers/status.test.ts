import { expect, test } from 'vitest';
import { COWIN_MOCK_BASE } from '../index';
import { createTokenIssuer } from '../token';
import { useCowinMock } from '../test-kit';

const { api, clock, mock } = useCowinMock();

/** The gateway's plain-text 401 (recorded-answers.json, `unauthenticated`). */
const unauthenticated = { text: 'Unauthenticated access!' };

test('answers status more than once with the same token', async () => {
  const token = await api.login('9123456780', 'Ravi Kumar');
  const first = await api.status(token);
  const second = await api.status(token);
  expect(first.status).toBe(200);
  expect(second.body).toEqual(first.body);
  expect(first.body['vaccination_status']).toBe(1);
});

test('takes the token until 15 minutes and refuses it from then on', async () => {
  const token = await api.login('9876543210', 'Asha Verma');
  clock.advance(15 * 60_000 - 1000);
  expect((await api.status(token)).status).toBe(200);
  clock.advance(1000);
  const answer = await api.status(token);
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual(unauthenticated);
});

test.each([
  ['garbage', 'not-a-token'],
  ['an unsigned JWT', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJiZW4tMDEifQ.'],
])('refuses %s as a bearer token with the gateway’s text 401', async (_, token) => {
  const answer = await api.status(token);
  expect(answer.status).toBe(401);
  expect(answer.body).toEqual(unauthenticated);
});

test('refuses a token whose signature was tampered with', async () => {
  const token = await api.login('9876543210', 'Asha Verma');
  const [header, , signature] = token.split('.');
  const forged = Buffer.from(JSON.stringify({ sub: 'ben-04', txn: 'x', exp: 9_999_999_999 })).toString('base64url');
  expect((await api.status(`${header}.${forged}.${signature}`)).body).toEqual(unauthenticated);
});

test('refuses a well-formed token signed with another secret', async () => {
  const token = await createTokenIssuer(clock.now).issue('ben-01', '00000000-0000-4000-8000-000000000000');
  expect((await api.status(token)).body).toEqual(unauthenticated);
});

test('refuses tokens issued before reset()', async () => {
  const token = await api.login('9876543210', 'Asha Verma');
  expect((await api.status(token)).status).toBe(200);
  mock.reset();
  expect((await api.status(token)).body).toEqual(unauthenticated);
});

test('refuses a request without Authorization', async () => {
  const response = await fetch(`${COWIN_MOCK_BASE}/v3/vaccination/status`, {
    headers: { 'x-api-key': 'mock-api-key' },
  });
  expect(response.status).toBe(401);
  expect(await response.text()).toBe(unauthenticated.text);
});

test('refuses a scheme other than Bearer', async () => {
  const token = await api.login('9876543210', 'Asha Verma');
  const response = await fetch(`${COWIN_MOCK_BASE}/v3/vaccination/status`, {
    headers: { authorization: `Basic ${token}`, 'x-api-key': 'mock-api-key' },
  });
  expect(response.status).toBe(401);
});

test('a queued fault answers the next call in the recorded shape, once', async () => {
  const token = await api.login('9123456780', 'Ravi Kumar');
  mock.faults.next('status', 'gateway-timeout');
  const faulted = await api.status(token);
  expect(faulted).toMatchObject({ status: 504, body: { message: 'Endpoint request timed out' } });
  expect((await api.status(token)).status).toBe(200);
  expect(() => mock.faults.next('status', 'no-such-shape')).toThrow(/no recorded answer/);
});

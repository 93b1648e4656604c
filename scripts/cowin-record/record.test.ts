import { afterAll, beforeAll, expect, test } from 'vitest';
import { startCowinStandIn, type CowinStandIn } from '../../mock-api/stand-in';
import { recordCowinAnswers } from './record';

let standIn: CowinStandIn;
beforeAll(async () => {
  standIn = await startCowinStandIn();
});
afterAll(() => standIn.close());

test('against a CoWIN (here the stand-in) it records every step, with nothing personal left', async () => {
  const said: string[] = [];
  let otp = '';
  const recordings = await recordCowinAnswers({
    base: standIn.baseUrl,
    apiKey: standIn.apiKey,
    userAgent: 'test',
    mobile: '9876543210',
    name: 'Asha Verma',
    readOtp: async () => (otp = standIn.mock.outbox.list('9876543210').at(-1)!.otp),
    say: (line) => said.push(line),
  });
  expect(recordings.map((r) => [r.name, r.call, r.status])).toEqual([
    ['recorded-generateotp-with-a-wrong-key', 'generateOtp', 403],
    ['recorded-generateotp-with-another-name', 'generateOtp', 200],
    ['recorded-generateotp', 'generateOtp', 200],
    ['recorded-generateotp-again-at-once', 'generateOtp', 200],
    ['recorded-confirmotp-with-a-wrong-otp', 'confirmOtp', 401],
    ['recorded-confirmotp', 'confirmOtp', 200],
    ['recorded-status', 'status', 200],
    ['recorded-status-with-a-dead-token', 'status', 401],
  ]);
  const everything = JSON.stringify(recordings);
  for (const personal of ['9876543210', 'Asha', 'Verma', '82013745638210', otp])
    expect(everything).not.toContain(personal);
  expect(everything).not.toMatch(/eyJ/);
  expect(recordings.find((r) => r.name === 'recorded-status')!.body).toContain('"vaccination_status":2');
  expect(said.length).toBeGreaterThan(8);
});

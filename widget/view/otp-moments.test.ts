import { expect, test } from 'vitest';
import { otpMoment } from './otp-moments';

/** The moments met while the seconds left go through `ticks`, from the step opening. */
function said(ticks: number[]) {
  let before: number | null = null;
  const moments = [];
  for (const now of ticks) {
    const moment = otpMoment(before, now);
    if (moment !== null) moments.push([now, moment]);
    before = now;
  }
  return moments;
}

test('over a whole OTP: when sent, at 1 minute, at 30 seconds and at expiry, not every second', () => {
  const everySecond = Array.from({ length: 181 }, (_, i) => 180 - i);
  expect(said(everySecond)).toEqual([
    [180, 'sent'],
    [60, 60],
    [30, 30],
    [0, 'expired'],
  ]);
});

test('the same second seen twice says nothing new', () => {
  expect(said([180, 180, 179, 179])).toEqual([[180, 'sent']]);
});

test('a resend is a new OTP, and its marks are said again', () => {
  expect(said([50, 40, 180, 61, 60])).toEqual([
    [50, 'sent'],
    [180, 'sent'],
    [60, 60],
  ]);
});

test('a jump past both marks (a throttled tab) says the later one only', () => {
  expect(said([180, 75, 20])).toEqual([
    [180, 'sent'],
    [20, 30],
  ]);
});

test('opening on an expired OTP says nothing; expiry is said once', () => {
  expect(said([0, 0])).toEqual([]);
  expect(said([2, 1, 0, 0])).toEqual([
    [2, 'sent'],
    [0, 'expired'],
  ]);
});

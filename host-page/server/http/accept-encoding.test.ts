import { expect, test } from 'vitest';
import { chooseCoding, type Coding } from './accept-encoding';

const both: Coding[] = ['br', 'gzip'];

test.each([
  { header: 'gzip, deflate, br, zstd', available: both, expected: 'br', why: "Chromium's header" },
  { header: 'gzip, deflate', available: both, expected: 'gzip', why: 'no brotli' },
  { header: 'br', available: ['gzip'] as Coding[], expected: 'identity', why: 'only gzip built' },
  { header: 'gzip, br', available: ['gzip'] as Coding[], expected: 'gzip', why: 'brotli accepted but not built' },
  { header: 'br;q=0, gzip', available: both, expected: 'gzip', why: 'q=0 refuses a coding' },
  { header: 'br;q=0.5, gzip;q=0.8', available: both, expected: 'gzip', why: 'the higher weight wins' },
  { header: 'BR;Q=1, GZIP', available: both, expected: 'br', why: 'names and q are case-insensitive' },
  { header: 'x-gzip', available: both, expected: 'gzip', why: 'x-gzip is gzip' },
  { header: '*', available: both, expected: 'br', why: '* allows every coding' },
  { header: '*;q=0, gzip', available: both, expected: 'gzip', why: '* refused, gzip named' },
  { header: 'identity', available: both, expected: 'identity', why: 'identity only' },
  { header: 'gzip;q=oops', available: both, expected: 'identity', why: 'a weight that is no number' },
  { header: '', available: both, expected: 'identity', why: 'an empty header' },
  { header: undefined, available: both, expected: 'identity', why: 'no header' },
])('$why: $header → $expected', ({ header, available, expected }) => {
  expect(chooseCoding(header, available)).toBe(expected);
});

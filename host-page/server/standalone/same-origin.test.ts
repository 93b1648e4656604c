import { expect, test } from 'vitest';
import { isSameOriginCall } from './same-origin';

const HOST = 'https://kycvs.example';
const headers = (map: Record<string, string>) => (name: string) => map[name];

test('a call from a page on the host, with Sec-Fetch-Site: same-origin, is same-origin', () => {
  expect(isSameOriginCall(headers({ origin: HOST, 'sec-fetch-site': 'same-origin' }), HOST)).toBe(true);
});

test('a browser without Sec-Fetch-Site is judged by Origin alone', () => {
  expect(isSameOriginCall(headers({ origin: HOST }), HOST)).toBe(true);
  expect(isSameOriginCall(headers({ origin: 'https://agency.example' }), HOST)).toBe(false);
});

test.each([
  ['another site', { origin: 'https://agency.example', 'sec-fetch-site': 'cross-site' }],
  ['a sibling subdomain', { origin: 'https://www.kycvs.example', 'sec-fetch-site': 'same-site' }],
  ['Origin right, Sec-Fetch-Site saying otherwise', { origin: HOST, 'sec-fetch-site': 'cross-site' }],
  ['Origin right, Sec-Fetch-Site none (typed in the address bar)', { origin: HOST, 'sec-fetch-site': 'none' }],
  ['Sec-Fetch-Site same-origin without Origin', { 'sec-fetch-site': 'same-origin' }],
  ['no headers at all (a script on a server)', {}],
  ['a sandboxed frame (Origin null)', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
  ['another scheme', { origin: 'http://kycvs.example', 'sec-fetch-site': 'cross-site' }],
  ['a trailing slash', { origin: `${HOST}/`, 'sec-fetch-site': 'same-origin' }],
])('%s is not same-origin', (_, map) => {
  expect(isSameOriginCall(headers(map), HOST)).toBe(false);
});

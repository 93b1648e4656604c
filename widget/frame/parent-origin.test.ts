import { expect, test } from 'vitest';
import { verifiedParentOrigin, type ParentFacts } from './parent-origin';

const a = 'https://agency-a.example';
const b = 'https://agency-b.example';
const framed = (ancestorOrigins: string[] | undefined, claimed: string | null = a): ParentFacts => ({
  claimed,
  topLevel: false,
  ancestorOrigins,
});

test('trusts the claimed origin when the browser names the direct parent as it', () => {
  expect(verifiedParentOrigin(framed([a]))).toBe(a);
  expect(verifiedParentOrigin(framed([a, b]))).toBe(a);
});

test('trusts the claimed origin where the browser has no ancestorOrigins (Firefox)', () => {
  // Posting to the exact origin is then the guard: a message to A reaches no other origin.
  expect(verifiedParentOrigin(framed(undefined))).toBe(a);
});

test.each([
  ['a registered page B claiming registered origin A', framed([b])],
  ['page A framed inside a registered page B (only the direct parent counts)', framed([b, a])],
  ['a page framed inside registered page A', framed(['https://evil.example', a])],
  ['an opaque parent (sandboxed, or hidden by referrerpolicy)', framed(['null'])],
  ['a look-alike of A', framed([`${a}.evil.example`])],
  ['A on another port', framed([`${a}:8443`])],
  ['A over http', framed([a.replace('https:', 'http:')])],
  ['an empty list', framed([])],
  ['no registered origin (the host refused it)', framed([a], null)],
  ['no registered origin, no ancestorOrigins', framed(undefined, null)],
])('posts to no one for %s', (_, facts) => {
  expect(verifiedParentOrigin(facts)).toBeNull();
});

test('posts to no one when opened directly, whatever the browser says', () => {
  expect(verifiedParentOrigin({ claimed: a, topLevel: true, ancestorOrigins: [] })).toBeNull();
  expect(verifiedParentOrigin({ claimed: a, topLevel: true, ancestorOrigins: undefined })).toBeNull();
});

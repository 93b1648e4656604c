import { expect, test, vi } from 'vitest';
import { SUPPORT_REF_PATTERN } from '../../contract';

// The answers' chunk cannot be fetched (offline after the first load): every call says so.
vi.mock('./answers', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

test("a call whose parser chunk cannot be fetched is NETWORK_ERROR with a reference of the frame's own", async () => {
  const { createApiClient } = await import('./client');
  const fetch = vi.fn<typeof globalThis.fetch>();
  const answer = await createApiClient({ fetch }).requestOtp({
    provider: 'p',
    name: 'Asha Verma',
    mobile: '9876543210',
  });
  expect(answer.ok === false && answer.error.code).toBe('NETWORK_ERROR');
  expect(answer.ok === false && answer.error.ref).toMatch(SUPPORT_REF_PATTERN);
  expect(fetch).not.toHaveBeenCalled();
});

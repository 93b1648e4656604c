import { expect, test } from 'vitest';
import { SUPPORT_REF_PATTERN } from '../../contract';
import { lazy } from './lazy';

test('fetches once, however often asked, and offers the module', async () => {
  let calls = 0;
  const chunk = lazy(async () => ({ n: ++calls }));
  chunk.load();
  chunk.load();
  await Promise.resolve();
  await Promise.resolve();
  expect(chunk.module.value).toEqual({ n: 1 });
  chunk.load();
  expect(calls).toBe(1);
});

test('after a failure says so, and the next load tries again', async () => {
  let fail = true;
  const chunk = lazy(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve('in')));
  chunk.load();
  await new Promise((resolve) => setTimeout(resolve));
  expect(chunk.module.value).toBeNull();
  expect(chunk.failure.value?.ref).toMatch(SUPPORT_REF_PATTERN);
  fail = false;
  chunk.load();
  expect(chunk.failure.value).toBeNull();
  await new Promise((resolve) => setTimeout(resolve));
  expect(chunk.module.value).toBe('in');
});

test('each failure has a reference of its own', async () => {
  const chunk = lazy(() => Promise.reject(new Error('offline')));
  chunk.load();
  await new Promise((resolve) => setTimeout(resolve));
  const first = chunk.failure.value?.ref;
  chunk.load();
  await new Promise((resolve) => setTimeout(resolve));
  expect(chunk.failure.value?.ref).toMatch(SUPPORT_REF_PATTERN);
  expect(chunk.failure.value?.ref).not.toBe(first);
});

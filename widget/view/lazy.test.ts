import { expect, test } from 'vitest';
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
  expect([chunk.module.value, chunk.failed.value]).toEqual([null, true]);
  fail = false;
  chunk.load();
  expect(chunk.failed.value).toBe(false);
  await new Promise((resolve) => setTimeout(resolve));
  expect(chunk.module.value).toBe('in');
});

import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { noSoonerThan } from './no-sooner-than';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Settles `promise` into a box, so a test can see whether it has settled yet. */
function watch<T>(promise: Promise<T>) {
  const box: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(box, { settled: true, value }),
    (error: unknown) => Object.assign(box, { settled: true, error }),
  );
  return box;
}

test('a fast answer is held until the floor', async () => {
  const box = watch(noSoonerThan(400, Promise.resolve('answer')));
  await vi.advanceTimersByTimeAsync(399);
  expect(box.settled).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(box).toEqual({ settled: true, value: 'answer' });
});

test('a slow answer is not delayed further', async () => {
  const slow = new Promise<string>((resolve) => setTimeout(() => resolve('late'), 700));
  const box = watch(noSoonerThan(400, slow));
  await vi.advanceTimersByTimeAsync(699);
  expect(box.settled).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(box).toEqual({ settled: true, value: 'late' });
});

test('a failure waits for the floor too, then is thrown as it was', async () => {
  const failure = new Error('down');
  const box = watch(noSoonerThan(400, Promise.reject(failure)));
  await vi.advanceTimersByTimeAsync(399);
  expect(box.settled).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(box).toEqual({ settled: true, error: failure });
});

test('no floor: the answer as soon as it comes', async () => {
  const box = watch(noSoonerThan(0, Promise.resolve(1)));
  await vi.advanceTimersByTimeAsync(0);
  expect(box).toEqual({ settled: true, value: 1 });
});

import { expect, test } from 'vitest';
import { countTimers, type TimerCounter } from './timer-counter';

/** A window of Node's own timers, with animation frames as short timeouts. */
function fakeWindow() {
  const win = {
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    requestAnimationFrame: (cb: FrameRequestCallback) => setTimeout(() => cb(0), 1),
    cancelAnimationFrame: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
  } as unknown as Window & { top: unknown };
  win.top = win;
  countTimers('counter', win);
  return win as unknown as typeof globalThis & { counter: TimerCounter };
}

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

test('counts timers until they run or are cleared', async () => {
  const win = fakeWindow();
  let ran = 0;
  win.setTimeout(() => ran++, 0);
  const cleared = win.setTimeout(() => ran++, 10_000);
  const interval = win.setInterval(() => {}, 10_000);
  const frame = win.requestAnimationFrame(() => ran++);
  win.requestAnimationFrame(() => ran++);
  expect(win.counter.live()).toEqual({ timeouts: 2, intervals: 1, animationFrames: 2 });

  win.clearTimeout(cleared);
  win.cancelAnimationFrame(frame);
  await tick();
  expect(ran).toBe(2);
  expect(win.counter.live()).toEqual({ timeouts: 0, intervals: 1, animationFrames: 0 });

  // Either clear function clears either kind, as in browsers.
  win.clearTimeout(interval);
  expect(win.counter.live()).toEqual({ timeouts: 0, intervals: 0, animationFrames: 0 });
});

test('passes the extra arguments on, and the unwrapped setTimeout is not counted', async () => {
  const win = fakeWindow();
  const got: unknown[] = [];
  win.setTimeout((a: unknown, b: unknown) => got.push(a, b), 0, 'a', 'b');
  win.counter.setTimeout(() => {}, 10);
  expect(win.counter.live().timeouts).toBe(1);
  await tick(20);
  expect(got).toEqual(['a', 'b']);
});

test('does nothing inside a frame', () => {
  const win = { top: {}, setTimeout } as unknown as Window;
  countTimers('counter', win);
  expect((win as unknown as { counter?: unknown }).counter).toBeUndefined();
  expect(win.setTimeout).toBe(setTimeout);
});

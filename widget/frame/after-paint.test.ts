import { expect, test, vi } from 'vitest';
import { afterFirstPaint } from './after-paint';

test('runs the task in a timeout queued from the next animation frame, not before', () => {
  const frames: FrameRequestCallback[] = [];
  const timeouts: (() => void)[] = [];
  const win = {
    requestAnimationFrame: (cb: FrameRequestCallback) => frames.push(cb),
    setTimeout: (cb: () => void) => timeouts.push(cb),
  } as unknown as Pick<Window, 'requestAnimationFrame' | 'setTimeout'>;
  const task = vi.fn();
  afterFirstPaint(task, win);
  expect(task).not.toHaveBeenCalled();
  frames.shift()!(0);
  expect(task).not.toHaveBeenCalled();
  timeouts.shift()!();
  expect(task).toHaveBeenCalledOnce();
});

import { expect, test, vi } from 'vitest';
import { createDebugHook, type DebugFact, type DebugQueue } from './debug-hook';

const fact = (provider: string): DebugFact => ['render', '#slot', null, provider, 'https://host.example'];

test('loads debug mode once, on the first fact, and queues every fact for it', () => {
  const load = vi.fn<(queue: DebugQueue) => void>();
  const debug = createDebugHook(load);
  expect(load).not.toHaveBeenCalled();
  debug(fact('a'));
  debug(fact('b'));
  expect(load).toHaveBeenCalledOnce();
  expect(load.mock.calls[0]![0]).toEqual([fact('a'), fact('b')]);
});

test('hands later facts straight to a debug module that has replaced push', () => {
  const seen: DebugFact[] = [];
  const debug = createDebugHook((queue) => {
    queue.push = (...facts) => seen.push(...facts);
  });
  debug(fact('a'));
  debug(fact('b'));
  expect(seen).toEqual([fact('a'), fact('b')]);
});

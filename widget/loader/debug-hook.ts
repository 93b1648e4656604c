/**
 * What the loader tells debug mode (`data-debug`, `debug: true`). The sentences themselves live in
 * ./debug/, loaded only when asked for, so that embed.js stays within its 3 KB budget: the loader
 * only queues these facts, as tuples because embed.js counts every byte.
 */
export type DebugFact =
  /** embed.js has started, from this script element (null when `document.currentScript` was), for this host. */
  | ['script', HTMLScriptElement | null, string]
  /** A render with debug on: the target as given, the element it found (null: none), provider, host. */
  | ['render', Element | string, Element | null, string, string];

/** Collects facts; `push` is replaced by the debug module once it has loaded. */
export type DebugQueue = DebugFact[];

/** Passes a fact to debug mode, loading it on the first one. */
export type DebugHook = (fact: DebugFact) => void;

/** A hook that calls `load` once, with the queue, on the first fact. */
export function createDebugHook(load: (queue: DebugQueue) => void): DebugHook {
  let queue: DebugQueue | undefined;
  return (fact) => {
    if (!queue) load((queue = []));
    queue.push(fact);
  };
}

/** The property of the script element that loads embed-debug.js under which embed.js leaves the queue. */
export const QUEUE_PROPERTY = 'kycvsQueue';

/** A script element carrying the queue, as embed-debug.js finds it in `document.currentScript`. */
export type QueueScript = HTMLScriptElement & { [QUEUE_PROPERTY]?: DebugQueue };

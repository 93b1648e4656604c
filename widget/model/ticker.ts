import { computed, signal, type ReadonlySignal } from '@preact/signals';

/**
 * A clock signal that ticks only while some deadline is ahead, so that no timer outlives the
 * countdowns. Countdowns are measured against deadlines rather than counted down tick by tick:
 * browsers slow timers in hidden frames, and a counted countdown would drift.
 */
export function createTicker(now: () => number, intervalMs = 250) {
  const time = signal(now());
  let until = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const tick = () => {
    time.value = now();
    if (time.value >= until) stop();
  };

  return {
    time: time as ReadonlySignal<number>,
    /** Ticks until `deadline` (ms) at least. */
    runUntil(deadline: number) {
      until = Math.max(until, deadline);
      time.value = now();
      if (timer === undefined && time.value < until) timer = setInterval(tick, intervalMs);
    },
    stop() {
      until = 0;
      stop();
    },
  };
}

/** Whole seconds from the ticker's time to `deadline`, never below 0; 0 without a deadline. */
export function secondsUntil(deadline: ReadonlySignal<number | null>, time: ReadonlySignal<number>) {
  return computed(() => (deadline.value === null ? 0 : Math.max(0, Math.ceil((deadline.value - time.value) / 1000))));
}

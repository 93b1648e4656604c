import { signal, type ReadonlySignal } from '@preact/signals';
import { tokenLifetime } from './token-lifetime';

/**
 * Whether the shown result's token has passed its lifetime. The frame times it, not embed.js, which
 * must stay within its own budget (docs/architecture.md, "Budgets"): one timeout from the result's
 * arrival, so a hidden frame's slowed intervals cannot make it drift, and a fake clock drives it.
 */
export function createResultExpiry() {
  const expired = signal(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

  const clear = () => {
    clearTimeout(timer);
    timer = undefined;
    expired.value = false;
  };

  return {
    expired: expired as ReadonlySignal<boolean>,
    /** A result arrived with `token`: its lifetime starts now, and any earlier one's timer stops. */
    start(token: string) {
      clear();
      timer = setTimeout(
        () => {
          timer = undefined;
          expired.value = true;
        },
        tokenLifetime(token) * 1000,
      );
    },
    /** No result any more (reset, verify again, dispose): no timer, not expired. */
    clear,
  };
}

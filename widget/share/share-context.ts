import { signal, type ReadonlySignal } from '@preact/signals';

const enabled = signal(false);

/**
 * Whether the result step offers "Share picture": the embedding asked for it (`data-share`), or
 * this is CoWIN's own page. The frame sets it once from its config (`enableShare`).
 *
 * A module signal rather than a Preact context or a prop: the frame holds one widget, and a
 * context would add `createContext`/`useContext` to the frame's first load, which is held to a
 * budget (docs/architecture.md, "Budgets"); a prop would run through every step's props for one step's sake.
 */
export const shareEnabled: ReadonlySignal<boolean> = enabled;

export function enableShare(on: boolean): void {
  enabled.value = on;
}

import { signal, type ReadonlySignal } from '@preact/signals';
import type * as Later from './later-steps';

export type LaterSteps = typeof Later;

const loaded = signal<LaterSteps | null>(null);
const failed = signal(false);
let loading: Promise<void> | undefined;

/** The later steps once their chunk is in, and whether the last try to fetch it failed. */
export const laterSteps: ReadonlySignal<LaterSteps | null> = loaded;
export const laterStepsFailed: ReadonlySignal<boolean> = failed;

/** Fetches the later steps, unless they are in or on their way; after a failure, tries again. */
export function loadLaterSteps(): void {
  failed.value = false;
  loading ??= import('./later-steps').then(
    (steps) => {
      loaded.value = steps;
    },
    () => {
      loading = undefined;
      failed.value = true;
    },
  );
}

import { computed, type ReadonlySignal } from '@preact/signals';
import type { FlowError, VerificationFlow } from '../model';

/**
 * The error the widget shows: the flow's, or, where a later step's code could not be fetched and
 * a connection fault stands in its place (view/pending.tsx), that fault, with the reference shown
 * beside it. The page hears either alike (report-flow.ts).
 */
export function shownError(
  flow: Pick<VerificationFlow, 'step' | 'error'>,
  chunkFailure: ReadonlySignal<{ readonly ref: string } | null>,
): ReadonlySignal<FlowError | null> {
  // One object per failure, so that a page hears each failure once.
  const fault = computed((): FlowError | null => {
    const failure = chunkFailure.value;
    return failure && { code: 'NETWORK_ERROR', message: 'No connection.', ref: failure.ref };
  });
  return computed(() => (flow.step.value !== 'details' && fault.value) || flow.error.value);
}

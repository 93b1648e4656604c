import { recordedResponse, type RecordedCall } from './recorded';

/**
 * Answers the mock gives instead of its own, once each, in the shapes the real CoWIN and its
 * gateway were seen to use (recorded-answers.json): for tests of what the host does with them.
 * @example mock.faults.next('generateOtp', 'too-many-requests')
 */
export interface Faults {
  /** The next call of this kind answers the recorded shape `name`. */
  next(call: RecordedCall, name: string): void;
  /** The queued answer for this call, if any; taken once. */
  take(call: RecordedCall): Response | undefined;
  clear(): void;
}

export function createFaults(): Faults {
  const queued = new Map<RecordedCall, string[]>();
  return {
    next(call, name) {
      recordedResponse(name); // fails at once on a name that is not recorded
      queued.set(call, [...(queued.get(call) ?? []), name]);
    },
    take(call) {
      const name = queued.get(call)?.shift();
      return name === undefined ? undefined : recordedResponse(name);
    },
    clear: () => queued.clear(),
  };
}

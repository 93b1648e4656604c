import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { OtpResponse } from '../../contract';
import type { ErrorCode } from '../../contract';
import { createTicker, secondsUntil } from './ticker';

/** One OTP session on the host: its id, its two countdowns, the resends left, and whether it is spent. */
export function createOtpSession(now: () => number) {
  const ticker = createTicker(now);
  const expiresAt = signal<number | null>(null);
  const resendAt = signal<number | null>(null);
  const resendsLeft = signal(0);
  // Why the OTP is spent (expired, or too many wrong tries), if it is.
  const spentBy = signal<ErrorCode | null>(null);
  let id: string | null = null;

  return {
    secondsLeft: secondsUntil(expiresAt, ticker.time),
    resendIn: secondsUntil(resendAt, ticker.time),
    resendsLeft: resendsLeft as ReadonlySignal<number>,
    spentBy: spentBy as ReadonlySignal<ErrorCode | null>,
    mustResend: computed(() => spentBy.value !== null),
    /** The host's session id, or null when there is none. */
    id: () => id,
    /** A new OTP was sent: its countdowns start now. */
    start(data: OtpResponse) {
      id = data.session;
      const at = now();
      expiresAt.value = at + data.expiresIn * 1000;
      resendAt.value = at + data.resendIn * 1000;
      resendsLeft.value = data.resendsLeft;
      spentBy.value = null;
      ticker.runUntil(Math.max(expiresAt.value, resendAt.value));
    },
    spend: (code: ErrorCode) => {
      spentBy.value = code;
    },
    /** Forgets the session and stops its timer. */
    clear() {
      id = null;
      ticker.stop();
      expiresAt.value = null;
      resendAt.value = null;
      resendsLeft.value = 0;
      spentBy.value = null;
    },
  };
}

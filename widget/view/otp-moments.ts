/**
 * Moments of the OTP step worth saying aloud: an OTP was sent, one minute or 30 seconds are left,
 * it expired. The countdown on screen changes every second; read out that often, it would drown
 * everything else (WCAG 4.1.3 asks for status messages, not a running clock).
 */
export type OtpMoment = 'sent' | 'expired' | 60 | 30;

/** Ascending, so that a jump past both (a throttled hidden tab) says the later one. */
const marks = [30, 60] as const;

/** The moment the seconds left reached on going from `before` (null: the step just opened) to `now`. */
export function otpMoment(before: number | null, now: number): OtpMoment | null {
  // A new OTP (the first, or a resend) restarts the count.
  if (before === null || now > before) return now > 0 ? 'sent' : null;
  if (now === 0) return before > 0 ? 'expired' : null;
  return marks.find((mark) => before > mark && now <= mark) ?? null;
}

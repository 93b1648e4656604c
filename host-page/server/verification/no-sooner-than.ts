/**
 * `work`'s outcome, but never sooner than `minMs` after the call. CoWIN sends an SMS only when the
 * mobile is registered and the name matches, and any extra work it does then (the SMS gateway, a
 * database write) may make its answer slower. The host cannot make CoWIN's work equal, so it answers
 * every OTP request on a fixed floor: as long as CoWIN answers within the floor, every answer takes
 * the floor, whoever was asked about: the fixed response time of login and password-reset pages that
 * must not reveal which accounts exist. Random jitter would not do: averaging many samples removes
 * it. The timer starts with the call, and waits for a failure too.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#authentication-and-error-messages
 */
export async function noSoonerThan<T>(minMs: number, work: Promise<T>): Promise<T> {
  if (minMs <= 0) return work;
  const floor = new Promise((resolve) => setTimeout(resolve, minMs));
  const [outcome] = await Promise.allSettled([work, floor]);
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}

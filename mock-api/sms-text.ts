/** Longest requester name an SMS carries; SMS are short and the name is only a hint. */
export const REQUESTER_MAX_LENGTH = 60;

/**
 * Cleans the `x-requester-name` header before it goes into an SMS: the header is the host's, but its
 * value comes from a provider registry, and an SMS must not carry control characters or bidi
 * overrides that could make it read as something else. HTTP headers carry only Latin-1, so a host may
 * percent-encode a UTF-8 name (`encodeURIComponent`); a value that does not decode is taken as it is.
 */
export function sanitizeRequester(header: string | null): string | undefined {
  if (header === null) return undefined;
  let value = header;
  try {
    value = decodeURIComponent(header);
  } catch {
    // Not percent-encoded (e.g. "100% Travel"): keep the raw value.
  }
  const cleaned = value
    .normalize('NFC')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const clipped = [...cleaned].slice(0, REQUESTER_MAX_LENGTH).join('').trim();
  return clipped === '' ? undefined : clipped;
}

/**
 * The SMS, in English, naming who asks (as Aadhaar's OTP SMS does) so that a person who did not ask
 * can tell.
 * @example smsText('123456', 'Demo Travel')
 * // 'Your OTP to share your vaccination status with Demo Travel is 123456. It is valid for 3 minutes. …'
 */
export function smsText(otp: string, requester: string | undefined): string {
  const what = requester ? `share your vaccination status with ${requester}` : 'share your vaccination status';
  return `Your OTP to ${what} is ${otp}. It is valid for 3 minutes. Do not share it with anyone else. - CoWIN`;
}

import { isExactOrigin } from '../contract';
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
 * The hosts for the WebOTP line, from the host's `x-webotp-origins` header (our extension): the
 * top-level origin, then the iframe's when it differs, comma-separated. Undefined unless it is one
 * or two exact origins, so that nothing odd ever reaches an SMS.
 * @example webOtpHosts('http://localhost:5173,http://127.0.0.1:5174') // ['localhost:5173', '127.0.0.1:5174']
 */
export function webOtpHosts(header: string | null): readonly string[] | undefined {
  if (header === null || header.length > 600) return undefined;
  const origins = header.split(',').map((part) => part.trim());
  if (origins.length > 2 || !origins.every(isExactOrigin)) return undefined;
  return origins.map((origin) => new URL(origin).host);
}

/**
 * The site named by the host's `x-self-check-site` header (our extension) when a person checks their
 * own status on the host's own page: a bare `host[:port]`, or undefined, so that nothing odd reaches an SMS.
 */
export function selfCheckSite(header: string | null): string | undefined {
  if (header === null || header.length > 253) return undefined;
  return /^[a-z0-9.-]+(?::\d{1,5})?$/i.test(header) ? header.toLowerCase() : undefined;
}

export interface SmsFor {
  /** Who asks (a provider), named so that a person who did not ask can tell. */
  requester?: string | undefined;
  /** The host's own site, when the person checks their own status there. */
  selfCheckSite?: string | undefined;
  /** The WebOTP line's hosts (`webOtpHosts`). */
  webOtpHosts?: readonly string[] | undefined;
}

/**
 * The SMS, in English. A provider's request names the provider (as Aadhaar's OTP SMS does) so that
 * a person who did not ask can tell; a self-check names the one site where the OTP belongs and says
 * what typing it elsewhere gives away. With `webOtpHosts`, its last line is WebOTP's origin-bound one
 * (https://wicg.github.io/web-otp/#sms): `@top #otp`, or `@top #otp @iframe` for a cross-origin
 * iframe, which lets the browser hand the OTP to that page, and to no other.
 * @example smsText('123456', { requester: 'Demo Travel' })
 * // 'Your OTP to share your vaccination status with Demo Travel is 123456. It is valid for 3 minutes. …'
 */
export function smsText(otp: string, { requester, selfCheckSite, webOtpHosts }: SmsFor = {}): string {
  const text = requester
    ? `Your OTP to share your vaccination status with ${requester} is ${otp}. It is valid for 3 minutes. Do not share it with anyone else. - CoWIN`
    : selfCheckSite
      ? `Your OTP to check your own vaccination status on ${selfCheckSite} is ${otp}. Type it only on ${selfCheckSite}: anyone you give it to can read your CoWIN record. - CoWIN`
      : `Your OTP to check your vaccination status is ${otp}. It is valid for 3 minutes. Do not share it with anyone else. - CoWIN`;
  if (!webOtpHosts?.length) return text;
  const [top, iframe] = webOtpHosts;
  return `${text}\n\n@${top} #${otp}${iframe ? ` @${iframe}` : ''}`;
}

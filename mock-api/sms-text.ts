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

/** An exact http(s) origin, as `URL` writes it: scheme, host, port if not the default; nothing else. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
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
  if (origins.length > 2 || !origins.every(isOrigin)) return undefined;
  return origins.map((origin) => new URL(origin).host);
}

/**
 * The SMS, in English, naming who asks (as Aadhaar's OTP SMS does) so that a person who did not ask
 * can tell. With `webOtpHosts`, its last line is WebOTP's origin-bound one
 * (https://wicg.github.io/web-otp/#sms): `@top #otp`, or `@top #otp @iframe` for a cross-origin
 * iframe, which lets the browser hand the OTP to that page, and to no other.
 * @example smsText('123456', 'Demo Travel')
 * // 'Your OTP to share your vaccination status with Demo Travel is 123456. It is valid for 3 minutes. …'
 */
export function smsText(otp: string, requester: string | undefined, webOtpHosts?: readonly string[]): string {
  const what = requester ? `share your vaccination status with ${requester}` : 'check your vaccination status';
  const text = `Your OTP to ${what} is ${otp}. It is valid for 3 minutes. Do not share it with anyone else. - CoWIN`;
  if (!webOtpHosts?.length) return text;
  const [top, iframe] = webOtpHosts;
  return `${text}\n\n@${top} #${otp}${iframe ? ` @${iframe}` : ''}`;
}

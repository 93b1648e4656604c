/**
 * An exact http(s) origin, as the browser writes it: scheme, host and port when not the default,
 * nothing after. One rule for the registry's `allowed_origins`, the frame's `origin` parameter,
 * the debug check and the SMS's WebOTP line.
 * @example isExactOrigin('https://agency.example') // true
 * @example isExactOrigin('https://agency.example/') // false: a trailing slash is not an origin
 */
export function isExactOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

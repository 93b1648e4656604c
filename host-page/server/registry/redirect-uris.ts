/**
 * The rules of a registered `redirect_uris` entry (docs/redirect.md, "Registering"). Redirect mode
 * sends a one-time code to the URL the request names, so the host must never send it anywhere the
 * provider did not register: the request's `redirect_uri` is compared with these strings exactly,
 * byte for byte (RFC 9700 §4.1.3: no patterns, no prefixes), and each is written in the one form a
 * browser would write it, so that an exact match is what the provider expects.
 */

/** The longest registered URL: with `code` and `state` added, a URL still well under 8 KB. */
export const MAX_REDIRECT_URI_LENGTH = 1024;

/** Why `text` cannot be a redirect URI, or `undefined` when it can. */
export function redirectUriProblem(text: string): string | undefined {
  if (text.length > MAX_REDIRECT_URI_LENGTH) return `must be at most ${MAX_REDIRECT_URI_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL such as "https://app.example/kycvs/return"';
  }
  // A custom scheme (myapp://) can be claimed by any app on the phone; an https link cannot.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https:// URL';
  // The code would travel in the fragment's place otherwise, and a fragment is the page's, not the server's.
  if (text.includes('#')) return 'must have no fragment (#…)';
  if (url.username || url.password) return 'must have no user name or password';
  if (url.href !== text) return `must be written as a browser writes it: "${url.href}"`;
  return undefined;
}

/** localhost, *.localhost, 127.0.0.0/8 and [::1]: addresses that never leave the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}

/** Whether `uri` is plain http to a host that is not loopback (refused outside mock mode). */
export function isPlainHttpElsewhere(uri: string): boolean {
  const url = new URL(uri);
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/** CoWIN API v3's public base (apisetu.gov.in), for the README; the operator sets it. */
export const COWIN_PRODUCTION_BASE = 'https://cdn-api.co-vin.in/api';

const isLoopback = (hostname: string) =>
  hostname === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';

/**
 * `COWIN_API_BASE` checked: an http(s) URL, https unless it is loopback (a stand-in), no query or
 * fragment, without a trailing `/` (the client appends `/v3/…`). The API key travels in a header,
 * so plain http anywhere else would hand it to the network. Returns the base, or why it is not one.
 */
export function cowinApiBase(raw: string): { ok: true; base: string } | { ok: false; problem: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: `is not a URL, such as ${COWIN_PRODUCTION_BASE}` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return { ok: false, problem: 'must be https:// (plain http:// only for a stand-in on loopback)' };
  }
  if (url.search || url.hash) return { ok: false, problem: 'must have no query or fragment' };
  url.username = '';
  url.password = '';
  if (raw.includes('@'))
    return { ok: false, problem: 'must not carry a user or password: CoWIN takes its key in COWIN_API_KEY' };
  return { ok: true, base: url.toString().replace(/\/+$/, '') };
}

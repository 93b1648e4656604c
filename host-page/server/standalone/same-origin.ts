/**
 * Whether a widget API call was made by a page on the host's own origin: only then is the
 * `cowin-self` pseudo-provider accepted (self-provider.ts).
 *
 * Why these headers: browsers set `Origin` on every POST made with `fetch`, and `Sec-Fetch-Site`
 * on every request (Chromium 76+, Firefox 90+, Safari 16.4+); no page script can set or change
 * either (both are forbidden request headers, https://fetch.spec.whatwg.org/#forbidden-request-header).
 * So a provider's page, or any other site, cannot use our API as `cowin-self` from a browser: its
 * calls carry its own origin, and `Sec-Fetch-Site: cross-site` or `same-site`. The framed widget on
 * a provider page runs on the host's origin too, but it sends only its own provider id, and a
 * cross-origin parent cannot script it.
 *
 * `Origin` decides; `Sec-Fetch-Site`, when the browser sends it, must agree. A browser too old to
 * send `Sec-Fetch-Site` still sends `Origin`, so it can use the page. This is a browser-side guard:
 * a server-side client can send any header, as it could for any provider id — what it cannot get
 * is the person's OTP, which only reaches their phone.
 */
export function isSameOriginCall(header: (name: string) => string | undefined, publicOrigin: string): boolean {
  const site = header('sec-fetch-site');
  return header('origin') === publicOrigin && (site === undefined || site === 'same-origin');
}

/**
 * Where redirect mode sends the person back (docs/redirect.md): the registered `redirect_uri` as it
 * is, its own query kept byte for byte, with `params` appended, encoded (RFC 6749 §4.1.2: the
 * client's query is retained). The host registered only URIs with no fragment.
 * @example returnUrl('https://app.example/cb?from=app', { code: 'abc', state: 'x y' })
 *   // 'https://app.example/cb?from=app&code=abc&state=x%20y'
 */
export function returnUrl(redirectUri: string, params: Record<string, string>): string {
  const query = Object.entries(params)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  const separator = !redirectUri.includes('?')
    ? '?'
    : redirectUri.endsWith('?') || redirectUri.endsWith('&')
      ? ''
      : '&';
  return `${redirectUri}${separator}${query}`;
}

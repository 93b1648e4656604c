/** What a result's token is taken to live when its claims cannot be read: the host's cap (docs/api.md). */
export const FALLBACK_LIFETIME_S = 300;

/** Longer than a day is no status token of ours, and a timer of 2^31 ms or more would fire at once. */
const MAX_LIFETIME_S = 86_400;

/**
 * Seconds the status token lives, `exp - iat` of its JWS payload (base64url JSON, docs/api.md, "The
 * status token"). Not `exp` against the frame's clock: a device's clock may be minutes off, and
 * the token's own lifetime measured from its arrival is right whatever the clock says.
 * The payload is read, not verified: the frame only times its notice, and the page's server checks
 * the token itself.
 */
export function tokenLifetime(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const { exp, iat } = JSON.parse(new TextDecoder().decode(bytes)) as { exp?: unknown; iat?: unknown };
    const lifetime = typeof exp === 'number' && typeof iat === 'number' ? exp - iat : NaN;
    return lifetime > 0 && lifetime <= MAX_LIFETIME_S ? lifetime : FALLBACK_LIFETIME_S;
  } catch {
    return FALLBACK_LIFETIME_S;
  }
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long the cookie of CoWIN's own page lets it check a status: a visit, not a day. */
export const SELF_CHECK_SECONDS = 30 * 60;

/**
 * The cookie CoWIN's own page (`GET /`) sets, without which the API does not know `cowin-self`
 * (SECURITY.md, "CoWIN's own page"). `SameSite=Strict` and `HttpOnly`: a browser sends it only with
 * the page's own same-origin calls, never from a frame on a provider's page or a cross-site form,
 * and no script reads it. On https it is a `__Host-` cookie (Secure, Path=/, no Domain), so no
 * sibling subdomain can set or overwrite it. Its value is a random id with its time, MACed with a
 * key derived from KYCVS_SUBJECT_SECRET, so every host can check it without storing anything.
 */
export interface SelfCheckCookie {
  /** The `Set-Cookie` header value for a new visit. */
  issue(): string;
  /** The id of the visit when the `Cookie` header holds a valid, fresh cookie; else `undefined`. */
  read(cookieHeader: string | undefined): string | undefined;
}

export interface SelfCheckCookieOptions {
  secret: Uint8Array;
  /** The host's public origin: https gives the cookie its `__Host-` name and `Secure`. */
  publicOrigin: string;
  /** @default Date.now */
  now?: () => number;
}

export function createSelfCheckCookie({
  secret,
  publicOrigin,
  now = Date.now,
}: SelfCheckCookieOptions): SelfCheckCookie {
  const secure = publicOrigin.startsWith('https:');
  // A `__Host-` cookie must be Secure, which browsers refuse over plain http (the demo, the tests).
  const name = secure ? '__Host-kycvs-self' : 'kycvs-self';
  const key = createHmac('sha256', secret).update('kycvs:self-check-cookie').digest();
  const mac = (body: string) => createHmac('sha256', key).update(body).digest().subarray(0, 16).toString('base64url');

  return {
    issue() {
      const body = `${randomBytes(16).toString('base64url')}.${Math.floor(now() / 1000)}`;
      const attributes = [
        'Path=/',
        `Max-Age=${SELF_CHECK_SECONDS}`,
        'HttpOnly',
        'SameSite=Strict',
        ...(secure ? ['Secure'] : []),
      ];
      return [`${name}=${body}.${mac(body)}`, ...attributes].join('; ');
    },
    read(cookieHeader) {
      const value = (cookieHeader ?? '')
        .split(';')
        .map((pair) => pair.trim())
        .find((pair) => pair.startsWith(`${name}=`))
        ?.slice(name.length + 1);
      const match = /^([\w-]{22})\.(\d{1,12})\.([\w-]{22})$/.exec(value ?? '');
      if (!match) return undefined;
      const [, id, issued, given] = match;
      const expected = Buffer.from(mac(`${id}.${issued}`));
      if (!timingSafeEqual(expected, Buffer.from(given!))) return undefined;
      const age = now() / 1000 - Number(issued);
      // A minute of slack before: another host behind the same origin may run a little behind.
      return age >= -60 && age <= SELF_CHECK_SECONDS ? id : undefined;
    },
  };
}

import type { JSONWebKeySet } from 'jose';

interface CheckOptions {
  /**
   * Your provider id in the host's registry (or several, for a provider that has more than one):
   * the token's `aud` must be one of them. Required, so that a token made for another provider
   * cannot be replayed to you.
   * @default none: required
   * @example 'demo-irctc'
   */
  audience: string | readonly string[];
  /**
   * The nonce your page gave the widget (`data-nonce`). When given, the token must carry exactly
   * this nonce: a token made for another page view is refused. Make a fresh one per page view.
   * @default undefined (a token with any nonce, or none, is accepted)
   * @example request.session.kycvsNonce
   */
  nonce?: string;
  /**
   * The host's public origin (its `KYCVS_PUBLIC_ORIGIN`). When given, the token's `iss` must equal
   * it exactly: scheme and host, no path and no trailing slash.
   * @default undefined (not checked: the keys already tie the token to one host)
   * @example 'https://kycvs.example'
   */
  issuer?: string;
  /**
   * Seconds by which this server's clock may differ from the host's, for `exp` and `iat`.
   * @default 5
   * @example 30
   */
  clockTolerance?: number;
  /**
   * The time to check `exp` and `iat` against.
   * @default new Date() (the time of the call)
   * @example new Date('2025-01-15T10:00:00Z')
   */
  now?: Date;
}

interface LocalKeys {
  /**
   * The host's public keys, as `GET HOST/.well-known/jwks.json` serves them (`{ keys: [...] }`):
   * for a server that keeps a copy instead of fetching it.
   * @default none: give `jwks` or `jwksUrl`
   * @example JSON.parse(await readFile('kycvs-jwks.json', 'utf8'))
   */
  jwks: JSONWebKeySet;
  jwksUrl?: never;
}

interface RemoteKeys {
  /**
   * Where the host serves its public keys. Fetched on first use and cached per URL for the life
   * of the process (refetched after 10 minutes, or after 30 s when a token names a key not yet seen).
   * @default none: give `jwks` or `jwksUrl`
   * @example 'https://kycvs.example/.well-known/jwks.json'
   */
  jwksUrl: string | URL;
  jwks?: never;
}

/** The keys (`jwks` or `jwksUrl`, not both) and what the token must say. */
export type VerifyStatusTokenOptions = CheckOptions & (LocalKeys | RemoteKeys);

/** Options after their checks: a mistake here is the caller's bug, so it throws a TypeError, not a token error. */
export interface CheckedOptions {
  source: { jwks: JSONWebKeySet } | { jwksUrl: URL };
  audience: string[];
  clockTolerance: number;
  now: Date;
}

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

function jwksUrl(value: unknown): URL {
  let url: URL;
  try {
    url = new URL(value as string | URL);
  } catch {
    throw new TypeError(`verifyStatusToken: jwksUrl ${String(value)} is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('verifyStatusToken: jwksUrl must be an http(s) URL.');
  }
  return url;
}

// Providers may call this from plain JavaScript, so the types are checked at run time too.
export function checkOptions(options: VerifyStatusTokenOptions): CheckedOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError('verifyStatusToken: options are required.');
  const { audience, nonce, issuer, clockTolerance = DEFAULT_CLOCK_TOLERANCE_SECONDS, now = new Date() } = options;
  const audiences: unknown[] = Array.isArray(audience) ? [...(audience as readonly unknown[])] : [audience];
  if (!audiences.length || !audiences.every(isText)) {
    throw new TypeError('verifyStatusToken: audience must be your provider id (a non-empty string).');
  }
  const hasJwks = options.jwks !== undefined;
  if (hasJwks === (options.jwksUrl !== undefined)) {
    throw new TypeError('verifyStatusToken: give either jwks or jwksUrl, not both and not neither.');
  }
  if (nonce !== undefined && !isText(nonce))
    throw new TypeError('verifyStatusToken: nonce must be a non-empty string.');
  if (issuer !== undefined && !isText(issuer)) throw new TypeError('verifyStatusToken: issuer must be an origin.');
  if (typeof clockTolerance !== 'number' || !Number.isFinite(clockTolerance) || clockTolerance < 0) {
    throw new TypeError('verifyStatusToken: clockTolerance must be a number of seconds, 0 or more.');
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new TypeError('verifyStatusToken: now must be a Date.');
  return {
    source: options.jwks !== undefined ? { jwks: options.jwks } : { jwksUrl: jwksUrl(options.jwksUrl) },
    audience: audiences,
    clockTolerance,
    now,
  };
}

// Types only: the SDK checks the few fields it must by hand, so a provider's server loads no zod.
import type { SiteverifyVerdict } from '../contract';

/** Where siteverify is on the host: the contract's `API_ENDPOINTS.siteverify` (a test holds them equal). */
export const SITEVERIFY_PATH = '/api/kycvs/siteverify';

export const DEFAULT_SITEVERIFY_TIMEOUT_MS = 10_000;

export interface SiteverifyOptions {
  /**
   * The CoWIN host's public origin (its `KYCVS_PUBLIC_ORIGIN`), where siteverify is asked.
   * @default none: required
   * @example 'https://kycvs.example'
   */
  host: string | URL;
  /**
   * Your provider's `secret` from the host's registry. Required when your provider has one (the
   * host answers `missing-input-secret` otherwise); with it, the verdict carries the details your
   * scope allows (`beneficiary`, `vaccinations`). Keep it on your server only.
   * @default undefined (for a provider registered without a secret)
   * @example process.env.KYCVS_SECRET
   */
  secret?: string;
  /**
   * Makes a retry safe (docs/api.md, "Idempotency"): the same key with the same token, within the
   * token's life, answers the first verdict again instead of `token-already-used`. Use one key per
   * thing you decide with the token (an order id, a booking id), 1 to 255 printable ASCII
   * characters without spaces; retry with the same key after a timeout or a lost answer.
   * @default undefined (a second call with the token is `token-already-used`)
   * @example `booking-${booking.id}`
   */
  idempotencyKey?: string;
  /**
   * The `fetch` to call the host with: a proxy's, an instrumented one, a test's.
   * @default globalThis.fetch
   * @example undici.fetch
   */
  fetch?: typeof fetch;
  /**
   * How long to wait for the host's answer, in milliseconds, before `SiteverifyError` `TIMEOUT`.
   * @default 10000
   * @example 3000
   */
  timeoutMs?: number;
}

/**
 * Why no verdict came back: the host's answer never arrived, or was not siteverify's. Retryable.
 * (A verdict's own `error-codes` are the host's words: `SiteverifyErrorCode`.)
 */
export const SiteverifyFaultCode = {
  /** The host could not be reached (DNS, connection refused or reset). */
  UNREACHABLE: 'UNREACHABLE',
  /** The host did not answer within `timeoutMs`. */
  TIMEOUT: 'TIMEOUT',
  /** The answer was not a siteverify verdict (a proxy's error page, a wrong `host`). */
  BAD_ANSWER: 'BAD_ANSWER',
} as const;

export type SiteverifyFaultCode = (typeof SiteverifyFaultCode)[keyof typeof SiteverifyFaultCode];

/**
 * The one error `siteverify` rejects with: no verdict was had. The token may or may not have been
 * used; retry with the same `idempotencyKey` to get the verdict either way.
 */
export class SiteverifyError extends Error {
  override name = 'SiteverifyError';
  readonly code: SiteverifyFaultCode;
  /** The HTTP status of a `BAD_ANSWER`. */
  readonly status: number | undefined;

  constructor(code: SiteverifyFaultCode, message: string, options: { cause?: unknown; status?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Enough of a verdict to branch on: `success`, and with it `status`, or `error-codes`. */
function isVerdict(value: unknown): value is SiteverifyVerdict {
  if (!isObject(value)) return false;
  if (value.success === true) return typeof value.status === 'string' && typeof value.aud === 'string';
  const codes = value['error-codes'];
  return value.success === false && Array.isArray(codes) && codes.every((code) => typeof code === 'string');
}

function endpoint(host: string | URL): URL {
  let url: URL;
  try {
    url = new URL(SITEVERIFY_PATH, host);
  } catch {
    throw new TypeError(`siteverify: host ${String(host)} is not a URL such as https://kycvs.example.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError('siteverify: host must be an http(s) origin.');
  }
  return url;
}

/**
 * Asks the host whether a status token is good, from your server (docs/api.md, "siteverify"): the
 * online check, which also makes each token single use. Resolves with the verdict, yes or no, as the
 * host gave it (`success`, and `error-codes` when no); rejects with a `SiteverifyError` only when no
 * verdict came back, and with a `TypeError` for a mistake in the options.
 *
 * @example
 * const verdict = await siteverify(form.get('kycvs-token'), {
 *   host: 'https://kycvs.example',
 *   secret: process.env.KYCVS_SECRET,
 *   idempotencyKey: `booking-${booking.id}`,
 * });
 * if (verdict.success && verdict.status === 'FULLY_VACCINATED') confirm(booking, verdict.beneficiary);
 * else refuse(booking, verdict.success ? verdict.status : verdict['error-codes']);
 */
export function siteverify(token: string, options: SiteverifyOptions): Promise<SiteverifyVerdict> {
  return askSiteverify({ token }, options);
}

/**
 * Posts `fields` (a token, or redirect mode's code) with the options' secret and idempotency key to
 * siteverify, and reads the verdict: `siteverify` and `exchangeCode` (exchange-code.ts) are this.
 */
export async function askSiteverify(
  fields: { token: string } | { code: string },
  options: SiteverifyOptions,
): Promise<SiteverifyVerdict> {
  if (!isObject(options)) throw new TypeError('siteverify: options with the host are required.');
  const {
    secret,
    idempotencyKey,
    fetch: doFetch = globalThis.fetch,
    timeoutMs = DEFAULT_SITEVERIFY_TIMEOUT_MS,
  } = options;
  const url = endpoint(options.host);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError('siteverify: timeoutMs must be a number of milliseconds above 0.');
  }
  const signal = AbortSignal.timeout(timeoutMs);
  const fault = (error: unknown) =>
    error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')
      ? new SiteverifyError('TIMEOUT', `The host did not answer within ${timeoutMs} ms.`, { cause: error })
      : new SiteverifyError('UNREACHABLE', `The host at ${url.origin} could not be reached.`, { cause: error });
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        ...fields,
        ...(secret === undefined ? {} : { secret }),
        ...(idempotencyKey === undefined ? {} : { idempotency_key: idempotencyKey }),
      }),
      // The token (or code) and secret go to this host only: never on to wherever a redirect points.
      redirect: 'error',
      signal,
    });
  } catch (error) {
    throw fault(error);
  }
  // Every answer of siteverify is a verdict, 200 or not (400 bad-request, 429 rate-limited, 503
  // internal-error): the host's own words, to branch on.
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw fault(error);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isVerdict(body)) return body;
  throw new SiteverifyError('BAD_ANSWER', `The host answered HTTP ${response.status} without a verdict.`, {
    status: response.status,
  });
}

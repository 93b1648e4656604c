import type * as z from 'zod/mini';
import {
  ConfirmOtpAnswerSchema,
  CowinErrorSchema,
  GenerateOtpAnswerSchema,
  StatusAnswerSchema,
  type StatusAnswer,
} from './schemas';

/**
 * Why a CoWIN call failed. `rejected`: CoWIN answered 4xx with its `{ errorCode, error }`;
 * `unavailable`: no usable answer. Callers map these to our own codes: CoWIN's never pass through.
 */
export type CowinFailure =
  | { kind: 'rejected'; status: number; errorCode: string; retryAfter?: number }
  | { kind: 'unavailable'; reason: 'timeout' | 'network' | 'server' | 'malformed' };

export type CowinResult<T> = { ok: true; data: T } | { ok: false; failure: CowinFailure };

export interface CowinClient {
  /**
   * `requesterName`: who asks, named in the SMS (none on CoWIN's own page). `selfCheckSite`: on
   * CoWIN's own page, the host's site, which the SMS names as the only place for the OTP.
   * `webOtpOrigins`: the top-level and frame origins for the SMS's WebOTP line, when the host knows them.
   */
  generateOtp(input: {
    mobile: string;
    name: string;
    requesterName?: string;
    selfCheckSite?: string;
    webOtpOrigins?: readonly string[] | undefined;
  }): Promise<CowinResult<{ txnId: string }>>;
  /** `otpHash`: SHA-256 hex of the six digits, as CoWIN wants it. */
  confirmOtp(input: { otpHash: string; txnId: string }): Promise<CowinResult<{ token: string }>>;
  status(token: string): Promise<CowinResult<StatusAnswer>>;
}

export interface CowinClientOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createCowinClient({
  baseUrl,
  apiKey,
  timeoutMs = 10_000,
  fetch: doFetch = fetch,
}: CowinClientOptions): CowinClient {
  async function call<S extends z.ZodMiniType>(
    path: string,
    schema: S,
    init: { method: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> },
  ): Promise<CowinResult<z.infer<S>>> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method: init.method,
        headers: {
          accept: 'application/json',
          'x-api-key': apiKey,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { ok: false, failure: { kind: 'unavailable', reason: timedOut ? 'timeout' : 'network' } };
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status >= 500) return { ok: false, failure: { kind: 'unavailable', reason: 'server' } };
    if (!response.ok) {
      const error = CowinErrorSchema.safeParse(body);
      if (!error.success) return { ok: false, failure: { kind: 'unavailable', reason: 'malformed' } };
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        ok: false,
        failure: {
          kind: 'rejected',
          status: response.status,
          errorCode: error.data.errorCode,
          ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
        },
      };
    }
    const parsed = schema.safeParse(body);
    return parsed.success
      ? { ok: true, data: parsed.data as z.infer<S> }
      : { ok: false, failure: { kind: 'unavailable', reason: 'malformed' } };
  }

  return {
    generateOtp: ({ mobile, name, requesterName, selfCheckSite, webOtpOrigins }) =>
      call('/v3/vaccination/generateOTP', GenerateOtpAnswerSchema, {
        method: 'POST',
        body: { mobile_number: mobile, full_name: name },
        headers: {
          // Our extension: the SMS names who asks, as Aadhaar's OTP SMS does.
          ...(requesterName === undefined ? {} : { 'x-requester-name': encodeURIComponent(requesterName) }),
          // Our extension: a self-check's SMS names the one site where the OTP belongs.
          ...(selfCheckSite === undefined ? {} : { 'x-self-check-site': selfCheckSite }),
          // Our extension: the SMS ends with the WebOTP line for these origins, so the browser can fill the OTP in.
          ...(webOtpOrigins?.length ? { 'x-webotp-origins': webOtpOrigins.join(',') } : {}),
        },
      }),
    confirmOtp: ({ otpHash, txnId }) =>
      call('/v3/vaccination/confirmOTP', ConfirmOtpAnswerSchema, { method: 'POST', body: { otp: otpHash, txnId } }),
    status: (token) =>
      call('/v3/vaccination/status', StatusAnswerSchema, {
        method: 'GET',
        headers: { authorization: `Bearer ${token}` },
      }),
  };
}

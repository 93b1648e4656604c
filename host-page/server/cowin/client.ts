import type * as z from 'zod/mini';
import { readAnswer } from './answer';
import { classify, type CowinCall, type CowinFailure } from './failure';
import { ConfirmOtpAnswerSchema, GenerateOtpAnswerSchema, parseStatusAnswer, type StatusAnswer } from './schemas';

/** A zod schema's parse, as the client wants it: the value, or undefined when the body is not one. */
const by =
  <S extends z.ZodMiniType>(schema: S) =>
  (value: unknown): z.output<S> | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? (parsed.data as z.output<S>) : undefined;
  };

export type { CowinCall, CowinFailure } from './failure';

export type CowinResult<T> = { ok: true; data: T } | { ok: false; failure: CowinFailure };

export interface CowinClient {
  /**
   * `requesterName`: who asks, named in the SMS (none on CoWIN's own page). `selfCheckSite`: on
   * CoWIN's own page, the host's site, which the SMS names as the only place for the OTP.
   * `webOtpOrigins`: the top-level and frame origins for the SMS's WebOTP line, when the host knows
   * them. All three are our extensions (docs/cowin.md): a CoWIN that ignores them still works.
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
  /** `COWIN_API_BASE`, checked (base-url.ts): without a trailing slash. */
  baseUrl: string;
  apiKey: string;
  /**
   * `COWIN_TIMEOUT_MS`: how long one call may take before it counts as a timeout.
   * @default 10_000
   */
  timeoutMs?: number;
  /**
   * `COWIN_USER_AGENT`: CoWIN's edge refused requests without a browser-like User-Agent in 2021.
   * @default 'kycvs-host'
   */
  userAgent?: string;
  fetch?: typeof fetch;
}

export function createCowinClient({
  baseUrl,
  apiKey,
  timeoutMs = 10_000,
  userAgent = 'kycvs-host',
  fetch: doFetch = fetch,
}: CowinClientOptions): CowinClient {
  async function call<T>(
    name: CowinCall,
    path: string,
    parse: (json: unknown) => T | undefined,
    init: { method: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> },
  ): Promise<CowinResult<T>> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method: init.method,
        headers: {
          accept: 'application/json',
          'user-agent': userAgent,
          'x-api-key': apiKey,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
        // A redirect would carry x-api-key to wherever it points: CoWIN's API never redirects.
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { ok: false, failure: { call: name, kind: 'unavailable', reason: timedOut ? 'timeout' : 'network' } };
    }
    const answer = await readAnswer(response);
    if (answer.status < 200 || answer.status > 299) return { ok: false, failure: classify(name, answer) };
    const data = parse(answer.json);
    return data !== undefined
      ? { ok: true, data }
      : {
          ok: false,
          failure: { call: name, kind: 'unavailable', reason: 'malformed', status: answer.status, shape: answer.shape },
        };
  }

  return {
    generateOtp: ({ mobile, name, requesterName, selfCheckSite, webOtpOrigins }) =>
      call('generateOtp', '/v3/vaccination/generateOTP', by(GenerateOtpAnswerSchema), {
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
      call('confirmOtp', '/v3/vaccination/confirmOTP', by(ConfirmOtpAnswerSchema), {
        method: 'POST',
        body: { otp: otpHash, txnId },
      }),
    status: (token) =>
      call('status', '/v3/vaccination/status', parseStatusAnswer, {
        method: 'GET',
        headers: { authorization: `Bearer ${token}` },
      }),
  };
}

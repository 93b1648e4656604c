import type * as z from 'zod/mini';
import type * as AnswersModule from './answers';
import { API_BASE, newSupportRef } from '../../contract';
import type { ApiResult } from './post-json';
import type { OtpRequest, OtpResponse, ResendRequest, VerifyAnswer, VerifyRequest } from '../../contract';

type Answers = typeof AnswersModule;
let answers: Promise<Answers> | undefined;

/**
 * The answers' parser and schemas, zod/mini with them (≈ 7 KB gzip): a third of the first load if
 * it were in it. Call early to fetch them while the person types; a failed fetch (offline) is
 * forgotten, so that the next request tries again.
 */
export function loadAnswers(): Promise<Answers> {
  return (answers ??= import('./answers').catch((error: unknown) => {
    answers = undefined;
    throw error;
  }));
}

export interface ApiClientOptions {
  /**
   * Where the host is; the frame is served by the host, so its own origin is right.
   * @default ''
   * @example 'http://127.0.0.1:5174'
   */
  baseUrl?: string;
  /**
   * The fetch to use (tests pass their own).
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /**
   * How long to wait for an answer before giving up with `TIMEOUT`.
   * @default 15000
   */
  timeoutMs?: number;
}

/** The widget's three calls to the host. None throws for an expected failure. */
export interface ApiClient {
  requestOtp(request: OtpRequest): Promise<ApiResult<OtpResponse>>;
  resendOtp(request: ResendRequest): Promise<ApiResult<OtpResponse>>;
  /** The result; in redirect mode (a `redirectUri`) with the code to return with (docs/redirect.md). */
  verify(request: VerifyRequest): Promise<ApiResult<VerifyAnswer>>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const { baseUrl = '', timeoutMs = 15_000 } = options;
  const chosen = options.fetch;
  // Called as a plain function: a detached `window.fetch` called as a method of another object
  // throws "Illegal invocation" in browsers. Looked up late so that test interceptors apply.
  const fetch: typeof globalThis.fetch = (input, init) =>
    chosen ? chosen(input, init) : globalThis.fetch(input, init);
  const post = { fetch, timeoutMs };
  const call = async <T>(path: string, body: unknown, schema: (a: Answers) => z.ZodMiniType<T>) => {
    let loaded: Answers;
    try {
      loaded = await loadAnswers();
    } catch {
      // The chunk could not be fetched: the same as the request not getting through, and as then,
      // a reference of the frame's own, since the host never heard of it.
      const error = { code: 'NETWORK_ERROR' as const, message: 'No connection.', ref: newSupportRef() };
      return { ok: false as const, error };
    }
    return loaded.postJson(`${baseUrl}${API_BASE}${path}`, body, schema(loaded), post);
  };

  return {
    requestOtp: (request) => call('/otp', request, (a) => a.OtpResponseSchema),
    resendOtp: (request) => call('/otp/resend', request, (a) => a.OtpResponseSchema),
    verify: (request) => call('/verify', request, (a) => a.VerifyAnswerSchema),
  };
}

import { KycvsResultSchema, type KycvsResult } from '../protocol';
import { postJson, type ApiResult } from './post-json';
import {
  API_BASE,
  OtpResponseSchema,
  type OtpRequest,
  type OtpResponse,
  type ResendRequest,
  type VerifyRequest,
} from './schemas';

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
  verify(request: VerifyRequest): Promise<ApiResult<KycvsResult>>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const { baseUrl = '', timeoutMs = 15_000 } = options;
  const chosen = options.fetch;
  // Called as a plain function: a detached `window.fetch` called as a method of another object
  // throws "Illegal invocation" in browsers. Looked up late so that test interceptors apply.
  const fetch: typeof globalThis.fetch = (input, init) =>
    chosen ? chosen(input, init) : globalThis.fetch(input, init);
  const post = { fetch, timeoutMs };
  const url = (path: string) => `${baseUrl}${API_BASE}${path}`;

  return {
    requestOtp: (request) => postJson(url('/otp'), request, OtpResponseSchema, post),
    resendOtp: (request) => postJson(url('/otp/resend'), request, OtpResponseSchema, post),
    verify: (request) => postJson(url('/verify'), request, KycvsResultSchema, post),
  };
}

import * as z from 'zod/mini';
import { KycvsErrorSchema, KycvsResultSchema, ScopeSchema } from '../protocol';

/**
 * The widget's HTTP API on the host, under `/api/kycvs/`. The widget parses answers with these
 * schemas and the host parses requests with them, so the two cannot drift apart.
 */
export { API_BASE } from './endpoints';

/** `POST /api/kycvs/otp`: ask CoWIN to send an OTP. Name and mobile travel in the body, never the URL. */
export const OtpRequestSchema = z.object({
  provider: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.maxLength(200)),
  mobile: z.string().check(z.maxLength(40)),
  /**
   * The frame's verified parent origin, for the SMS's WebOTP line only. A claim: the host uses it
   * only when it is one of the provider's `allowed_origins` (see the service's `webOtpOrigins`).
   */
  parentOrigin: z.optional(z.string().check(z.maxLength(256))),
});
export type OtpRequest = z.infer<typeof OtpRequestSchema>;

/** `POST /api/kycvs/otp/resend`: a new OTP for the same verification (replaces the old one). */
export const ResendRequestSchema = z.object({
  provider: z.string().check(z.minLength(1), z.maxLength(64)),
  session: z.string().check(z.minLength(1), z.maxLength(128)),
});
export type ResendRequest = z.infer<typeof ResendRequestSchema>;

/** Answer to both OTP calls. */
export const OtpResponseSchema = z.object({
  /** Opaque id of this verification on the host (CoWIN's txnId never leaves the host). */
  session: z.string(),
  /** Seconds the OTP stays valid. */
  expiresIn: z.number(),
  /** Seconds until Resend OTP is allowed. */
  resendIn: z.number(),
  /** Resends still allowed in this verification. */
  resendsLeft: z.number(),
});
export type OtpResponse = z.infer<typeof OtpResponseSchema>;

/**
 * A page's nonce: 1 to 256 printable ASCII characters, no spaces. One rule for frame.html's `nonce`
 * parameter (which drops any other) and `/verify` (which refuses any other), so that what the frame
 * accepted, the API accepts too.
 */
export const NONCE_PATTERN = /^[\x21-\x7e]{1,256}$/;

/**
 * A page's `action` label (`data-action`), which the token and siteverify's verdict carry back so
 * that one provider can tell its forms apart, as Turnstile's `action`: 1 to 32 of A–Z, a–z, 0–9,
 * `_` and `-`. frame.html drops any other; `/verify` refuses any other.
 */
export const ACTION_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Redirect mode's `state` (docs/redirect.md): the provider's opaque value, echoed exactly. Required
 * (RFC 9700 §2.1: the client's CSRF defence when there is no PKCE), 1 to 512 printable ASCII
 * characters without spaces, so that it travels in a URL unchanged and bounded.
 */
export const REDIRECT_STATE_PATTERN = /^[\x21-\x7e]{1,512}$/;

/** `POST /api/kycvs/verify`: confirm the OTP; answers a `KycvsResult` limited by the provider's scope. */
export const VerifyRequestSchema = z.object({
  provider: z.string().check(z.minLength(1), z.maxLength(64)),
  session: z.string().check(z.minLength(1), z.maxLength(128)),
  otp: z.string().check(z.maxLength(20)),
  nonce: z.optional(z.string().check(z.regex(NONCE_PATTERN))),
  action: z.optional(z.string().check(z.regex(ACTION_PATTERN))),
  /**
   * Redirect mode's page sends its `redirect_uri`: the host then names its origin in the token and
   * answers a one-time `code` for it (docs/redirect.md). Refused unless registered for the provider.
   */
  redirectUri: z.optional(z.string().check(z.maxLength(1024))),
});
export type VerifyRequest = z.infer<typeof VerifyRequestSchema>;

/** `/verify`'s answer: the `KycvsResult`, and in redirect mode the code to send back with the person. */
export const VerifyAnswerSchema = z.extend(KycvsResultSchema, {
  /** Redirect mode only: single use, 60 seconds, exchanged at siteverify with the provider's secret. */
  code: z.optional(z.string()),
});
export type VerifyAnswer = z.infer<typeof VerifyAnswerSchema>;

/** Which field an error is about, so the widget can mark it `aria-invalid`. */
export const FieldSchema = z.enum(['name', 'mobile', 'otp']);
export type Field = z.infer<typeof FieldSchema>;

/** Every non-2xx answer of the API. */
export const ApiErrorBodySchema = z.object({
  error: z.extend(KycvsErrorSchema, { field: z.optional(FieldSchema) }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/**
 * What the host tells the frame about itself, in `<meta name="kycvs-config">` of frame.html
 * (no inline script, so the CSP can forbid it).
 */
export const FrameConfigSchema = z.object({
  provider: z.object({ id: z.string(), name: z.string(), scope: z.array(ScopeSchema) }),
  /** The embedding page's exact origin, set only when it is registered for the provider. */
  parentOrigin: z.nullable(z.string()),
  /** Why the frame must refuse, if it must. */
  refusal: z.nullable(z.enum(['UNKNOWN_PROVIDER', 'ORIGIN_NOT_ALLOWED'])),
  lang: z.string(),
  instance: z.string(),
  nonce: z.optional(z.string()),
  /** The page's `action` label, when it set a valid one (ACTION_PATTERN). */
  action: z.optional(z.string()),
  /** Show "Share picture" on the result step: the embedding asked for it (`data-share`), or the standalone page. */
  share: z.optional(z.boolean()),
  /**
   * CoWIN's own "Know Your Vaccination Status" page: top-level by design, with no parent to talk to,
   * so being unframed is not a refusal there.
   */
  standalone: z.optional(z.boolean()),
  /**
   * Redirect mode's page (`GET /verify`, docs/redirect.md): top-level on the host, it sends the person
   * back to `uri` (registered for the provider, checked by the host) with `state` and a code, or an error.
   */
  redirect: z.optional(z.object({ uri: z.string(), state: z.string() })),
});
export type FrameConfig = z.infer<typeof FrameConfigSchema>;

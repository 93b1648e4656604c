import * as z from 'zod/mini';
import { BeneficiarySchema, VaccinationSchema, VaccinationStatusSchema } from '../protocol';

/**
 * `POST /api/kycvs/siteverify` (docs/api.md, "siteverify"): a provider's server asks the host about
 * a status token. The host parses requests with these schemas; the SDK's `siteverify` is typed by
 * them (it loads no zod itself).
 */

/**
 * Every `error-codes` entry siteverify answers. Turnstile's words where Turnstile has the same case
 * (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/), so that code
 * written for Turnstile reads them; its `timeout-or-duplicate` is split in two, because a provider
 * acts differently on each (ask the person again vs. suspect a replay).
 */
export const SiteverifyErrorCode = {
  /** No token (nor redirect mode's `code`) was sent (absent or empty). */
  MISSING_INPUT_RESPONSE: 'missing-input-response',
  /** Not a status token this host signed: malformed, altered, another key, wrong alg or typ, another issuer. */
  INVALID_INPUT_RESPONSE: 'invalid-input-response',
  /** The token's `exp` has passed. */
  TOKEN_EXPIRED: 'token-expired',
  /** The token was accepted once already, and this call did not repeat that call's idempotency key. */
  TOKEN_ALREADY_USED: 'token-already-used',
  /** The token's `aud` is not a registered provider (any more). */
  UNKNOWN_AUDIENCE: 'unknown-audience',
  /** The token's provider is registered with a `secret` and none was sent. */
  MISSING_INPUT_SECRET: 'missing-input-secret',
  /** The secret sent is not the provider's. The token stays usable. */
  INVALID_INPUT_SECRET: 'invalid-input-secret',
  /** Redirect mode's `code` is not one this host gave, or is long gone (docs/redirect.md). */
  INVALID_CODE: 'invalid-code',
  /** The code is more than 60 seconds old: send the person through redirect mode again. */
  CODE_EXPIRED: 'code-expired',
  /** The code was exchanged once already, and this call did not repeat that call's idempotency key. */
  CODE_ALREADY_USED: 'code-already-used',
  /** `idempotency_key` is not 1 to 255 printable ASCII characters without spaces. The token stays usable. */
  INVALID_IDEMPOTENCY_KEY: 'invalid-idempotency-key',
  /**
   * The body is not a JSON object (or form) with string fields, or has both `token` and `code`.
   * Answered with HTTP 400 (413 when too big).
   */
  BAD_REQUEST: 'bad-request',
  /** Too many calls from this address: wait `Retry-After` seconds. HTTP 429; the token stays usable. */
  RATE_LIMITED: 'rate-limited',
  /** The host could not check the token; try again (HTTP 503). The token stays usable. */
  INTERNAL_ERROR: 'internal-error',
} as const;

export type SiteverifyErrorCode = (typeof SiteverifyErrorCode)[keyof typeof SiteverifyErrorCode];

export const siteverifyErrorCodes = Object.values(SiteverifyErrorCode) as [
  SiteverifyErrorCode,
  ...SiteverifyErrorCode[],
];

/**
 * An idempotency key: 1 to 255 printable ASCII characters, no spaces (an order id, a UUID). The
 * same key with the same token, within the token's life, answers the first verdict again.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * The request, as JSON (or the same fields as a form): `token`, or redirect mode's `code` (never
 * both). Any field may be missing here: an empty or missing `token` or `secret`, or a malformed
 * `idempotency_key`, is a verdict (`error-codes`), not a bad request.
 */
export const SiteverifyRequestSchema = z.object({
  token: z.optional(z.string()),
  /** Redirect mode's one-time code (docs/redirect.md), exchanged with the provider's `secret`. */
  code: z.optional(z.string()),
  /** The provider's `secret` from the host's registry; required when it has one. */
  secret: z.optional(z.string()),
  /** Makes a retry safe: see `IDEMPOTENCY_KEY_PATTERN`. */
  idempotency_key: z.optional(z.string()),
});
export type SiteverifyRequest = z.infer<typeof SiteverifyRequestSchema>;

/** A token the host accepted, with what it says and, with the provider's secret, the details its scope allows. */
export const SiteverifySuccessSchema = z.object({
  success: z.literal(true),
  status: VaccinationStatusSchema,
  /** The provider id the token was made for. */
  aud: z.string(),
  /** Opaque, per provider: the same person gives the same `sub` to one provider. */
  sub: z.string(),
  iat: z.number(),
  exp: z.number(),
  /** The page's nonce, when it gave one: compare it with yours. */
  nonce: z.optional(z.string()),
  /** The embedding page's exact origin, when it was one of the provider's registered origins. */
  origin: z.optional(z.string()),
  /** `origin`'s hostname, as Turnstile's `hostname`. */
  hostname: z.optional(z.string()),
  /** The page's `action` label, when it set one. */
  action: z.optional(z.string()),
  /** A test provider's token (docs/test-identities.md): no real person was checked. */
  test: z.optional(z.literal(true)),
  /** With the provider's secret and `demographics` in its scope, as CoWIN gave it. */
  beneficiary: z.optional(BeneficiarySchema),
  /** With the provider's secret and `vaccinations` in its scope, as CoWIN gave them. */
  vaccinations: z.optional(z.array(VaccinationSchema)),
});
export type SiteverifySuccess = z.infer<typeof SiteverifySuccessSchema>;

export const SiteverifyFailureSchema = z.object({
  success: z.literal(false),
  'error-codes': z.array(z.enum(siteverifyErrorCodes)),
});
export type SiteverifyFailure = z.infer<typeof SiteverifyFailureSchema>;

/** Every answer of siteverify: a verdict, yes or no. */
export const SiteverifyVerdictSchema = z.discriminatedUnion('success', [
  SiteverifySuccessSchema,
  SiteverifyFailureSchema,
]);
export type SiteverifyVerdict = z.infer<typeof SiteverifyVerdictSchema>;

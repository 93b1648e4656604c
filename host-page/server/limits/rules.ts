import * as z from 'zod/mini';
import type { WindowRule } from '../state';

/** A rule as operators write it: at most `limit` requests in any `windowSeconds`. */
export interface RateRule {
  limit: number;
  windowSeconds: number;
}

/**
 * The host's limits (docs/architecture.md, "Rules every part keeps"), sized for real counters. A busy office behind one NAT
 * address verifies 60 people a minute; each verification is one Get OTP, one or two Verify and
 * perhaps a Resend OTP, so at most about 240 calls and 120 OTP sends a minute from that address.
 * A family on one mobile is verified back to back, so the per-mobile rules allow bursts and there is
 * no wait between verifications (the 60 s resend wait is per verification, in verification/).
 */
export const RATE_LIMIT_DEFAULTS = {
  /** Every widget API call from one client address (an IPv6 client counts by its /64). */
  client: { limit: 300, windowSeconds: 60 },
  /** OTP sends (Get OTP and Resend OTP) from one client address. */
  clientOtp: { limit: 120, windowSeconds: 60 },
  /**
   * Widget API calls for one provider that did something real (an OTP sent, a live session found),
   * from all addresses: ten such offices at once. Junk (made-up sessions) never counts here, so no
   * one can spend a provider's budget without its users' OTPs (SECURITY.md, "Limits").
   */
  provider: { limit: 3000, windowSeconds: 60 },
  /** OTP sends to one mobile: at least 10 in 10 minutes must pass (a family, with resends). */
  mobile: { limit: 20, windowSeconds: 600 },
  /** OTP sends to one mobile in any 24 hours: CoWIN's own cap, kept by the host too. */
  mobileDaily: { limit: 50, windowSeconds: 86_400 },
  /**
   * OTP sends to one mobile from one client address: the family at one counter gets its 10, and a
   * stranger at one address, however many requests it makes, leaves the owner the other 10.
   */
  mobileClient: { limit: 10, windowSeconds: 600 },
  /** The same in any 24 hours: one address may use half of the mobile's daily 50. */
  mobileClientDaily: { limit: 25, windowSeconds: 86_400 },
  /** OTP sends from CoWIN's own page (the self-check) per client address: a bucket of its own. */
  selfCheck: { limit: 30, windowSeconds: 3600 },
  /** siteverify calls from one address (a provider's server): well above what a busy portal sends. */
  siteverify: { limit: 1200, windowSeconds: 60 },
  /**
   * The host's calls to CoWIN, from all hosts together: about 33 verifications a second (three
   * calls each). CoWIN publishes no quota for an API key; set this just under the one it gives you,
   * so that the host, not CoWIN's gateway, says "wait" (README, "Run in production").
   */
  cowin: { limit: 6000, windowSeconds: 60 },
} as const satisfies Record<string, RateRule>;

export type RuleName = keyof typeof RATE_LIMIT_DEFAULTS;
export type RateLimits = Record<RuleName, RateRule>;

export function windowRule(rule: RateRule): WindowRule {
  return { limit: rule.limit, windowMs: rule.windowSeconds * 1000 };
}

const wholeNumber = (max: number) =>
  z
    .int({ error: `must be a whole number from 1 to ${max}` })
    .check(z.gte(1, { error: 'must be at least 1' }), z.lte(max, { error: `must be at most ${max}` }));

const anObject = { error: 'must be an object' };

// A key keeps up to `limit` times in memory, hence the ceiling on `limit`.
const RuleOverrideSchema = z.strictObject(
  { limit: z.optional(wholeNumber(100_000)), windowSeconds: z.optional(wholeNumber(7 * 86_400)) },
  anObject,
);

const OverridesSchema = z.strictObject(
  Object.fromEntries(Object.keys(RATE_LIMIT_DEFAULTS).map((name) => [name, z.optional(RuleOverrideSchema)])) as Record<
    RuleName,
    z.ZodMiniOptional<typeof RuleOverrideSchema>
  >,
  anObject,
);

export type RateLimitsParse = { ok: true; limits: RateLimits } | { ok: false; problems: string[] };

/**
 * The defaults with the rules `overrides` names replaced, field by field.
 * @example rateLimitsFrom({ client: { limit: 600 } }) // client: 600 a minute, the rest as default
 */
export function rateLimitsFrom(overrides: unknown): RateLimitsParse {
  const parsed = OverridesSchema.safeParse(overrides);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : '(top level)';
      const what = issue.code === 'unrecognized_keys' ? `unknown ${issue.keys.join(', ')}` : issue.message;
      return `${where}: ${what}`;
    });
    return { ok: false, problems };
  }
  const limits = { ...RATE_LIMIT_DEFAULTS } as RateLimits;
  for (const name of Object.keys(RATE_LIMIT_DEFAULTS) as RuleName[]) {
    const override = parsed.data[name];
    limits[name] = {
      limit: override?.limit ?? RATE_LIMIT_DEFAULTS[name].limit,
      windowSeconds: override?.windowSeconds ?? RATE_LIMIT_DEFAULTS[name].windowSeconds,
    };
  }
  return { ok: true, limits };
}

import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { OtpRequest, OtpResponse, ResendRequest, VerifyAnswer, VerifyRequest } from '../../../contract';
import { normalizeMobile, normalizeName, toAsciiDigits } from '../../../contract';
import { ErrorCode } from '../../../contract';
import type { CowinClient, CowinResult } from '../cowin/client';
import { createTestIdentities } from '../cowin/test-identities';
import {
  createMobileQuota,
  createProviderBudget,
  type MobileQuota,
  type ProviderBudget,
  type RateDecision,
} from '../limits';
import { createRedirectCodeStore, type RedirectCodeStore } from '../redirect';
import type { Provider, ProviderRegistry } from '../registry';
import { isSelfProvider, SELF_PROVIDER } from '../standalone';
import { createTokenDetailsStore, type TokenDetailsStore } from '../siteverify';
import { signStatusToken, statusTokenExpiry, subjectFor, type SigningKey } from '../token';
import { fail, type ApiOutcome } from '../api-error';
import { fromCowin } from './failures';
import { noSoonerThan } from './no-sooner-than';
import { resultFor } from './result';
import { BUSY, createLeases } from './leases';
import {
  createSessionStore,
  MAX_RESENDS,
  MAX_WRONG_TRIES,
  OTP_VALIDITY_SECONDS,
  RESEND_AFTER_SECONDS,
  type Session,
  type SessionStore,
} from './sessions';
import { webOtpOrigins } from './web-otp-origins';

export interface VerificationServiceOptions {
  registry: ProviderRegistry;
  cowin: CowinClient;
  /**
   * What a test provider (`"test": true`) talks to instead of CoWIN: the test identities
   * (docs/test-identities.md), never CoWIN, in mock or real mode.
   * @default createTestIdentities({ now })
   */
  testIdentities?: CowinClient;
  /**
   * Where a result's details are kept for siteverify, for providers with a secret (docs/api.md,
   * "Details"): the shared store, so that any host's siteverify finds them.
   * @default createTokenDetailsStore({ now }): in memory, for this host alone
   */
  tokenDetails?: TokenDetailsStore;
  /** @default createSessionStore({ now }): in memory, for this host alone */
  sessions?: SessionStore;
  /**
   * Redirect mode's one-time codes (docs/redirect.md), on the shared store so that any host's
   * siteverify exchanges them. @default createRedirectCodeStore({ now }): in memory, for this host alone
   */
  redirectCodes?: RedirectCodeStore;
  signingKey: SigningKey;
  /** KYCVS_SUBJECT_SECRET, which keys the token's per-provider `sub`. */
  subjectSecret: Uint8Array;
  issuer: string;
  now?: () => number;
  /**
   * The host's own cap on OTP sends per mobile, checked before CoWIN is asked.
   * @default createMobileQuota({ now }): the README's defaults
   */
  mobileQuota?: MobileQuota;
  /**
   * What each provider's users may do together, counted only for calls that do something real.
   * @default createProviderBudget({ now }): the README's defaults
   */
  providerBudget?: ProviderBudget;
  /**
   * The least time, in ms, an OTP send takes, so that its timing says nothing about registration
   * (see no-sooner-than.ts). Set it above CoWIN's slowest usual answer (`KYCVS_OTP_MIN_MS`).
   * @default 0
   * @example 400
   */
  otpMinMs?: number;
  /**
   * How long one request's claim on a session holds (a resend, a verify) before another may take it:
   * longer than the CoWIN calls it waits for, so that it only runs out when its host died.
   * @default 30_000
   */
  leaseMs?: number;
}

/** What the route knows of where a call came from. */
export interface CallOrigin {
  /** The client's key for rate limits: a keyed hash of its address (limits/client-address.ts). */
  client: string;
  /**
   * The id of a valid self-check cookie (standalone/self-check-cookie.ts), which only CoWIN's own
   * page, top-level on the host, can send: only then is `cowin-self` known.
   */
  selfCheck?: string | undefined;
}

/** A call with nothing known of its client: all such calls count as one (tests). */
const ANONYMOUS: CallOrigin = { client: 'anonymous' };

export interface VerificationService {
  requestOtp(request: OtpRequest, from?: CallOrigin): Promise<ApiOutcome<OtpResponse>>;
  resendOtp(request: ResendRequest, from?: CallOrigin): Promise<ApiOutcome<OtpResponse>>;
  verify(request: VerifyRequest, from?: CallOrigin): Promise<ApiOutcome<VerifyAnswer>>;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a phantom verification's confirmOTP "answers": every OTP is wrong (sendOtp). */
const PHANTOM: CowinResult<{ token: string }> = {
  ok: false,
  failure: { call: 'confirmOtp', kind: 'rejected', status: 401, shape: 'empty' },
};
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The session without `key`: exactOptionalPropertyTypes wants an absent field, not `undefined`. */
function without<K extends 'confirmed' | 'txnId'>(session: Session, key: K): Session {
  const { [key]: _dropped, ...rest } = session;
  return rest as Session;
}

/** A try was counted when the session was claimed; a fault that was not the OTP's gives it back. */
const refund = (session: Session): Session => ({ ...session, wrongTries: Math.max(0, session.wrongTries - 1) });

/** The answer to a wrong OTP, the `count`th: the last allowed one already ends the OTP, as CoWIN's does. */
const wrongOtp = <T>(count: number): ApiOutcome<T> =>
  fail(400, count >= MAX_WRONG_TRIES ? ErrorCode.OTP_ATTEMPTS_EXCEEDED : ErrorCode.OTP_INCORRECT, { field: 'otp' });

/**
 * The host's side of one verification: details → OTP → signed result. One request at a time works
 * on a session (leases.ts): so one OTP yields at most one result, a wrong OTP cannot ride on a right
 * one in flight, and concurrent resends cannot pass the cap or the wait together, on one host or
 * many (docs/scaling.md, "One request per session"). How each CoWIN answer is read: docs/cowin.md.
 */
export function createVerificationService(options: VerificationServiceOptions): VerificationService {
  const {
    registry,
    cowin,
    signingKey,
    subjectSecret,
    issuer,
    now = Date.now,
    otpMinMs = 0,
    leaseMs = 30_000,
  } = options;
  const sessions = options.sessions ?? createSessionStore({ now });
  const mobileQuota = options.mobileQuota ?? createMobileQuota({ now });
  const providerBudget = options.providerBudget ?? createProviderBudget({ now });
  const testIdentities = options.testIdentities ?? createTestIdentities({ now });
  const tokenDetails = options.tokenDetails ?? createTokenDetailsStore({ now });
  const redirectCodes = options.redirectCodes ?? createRedirectCodeStore({ now });
  const leases = createLeases(sessions, now, leaseMs);

  /** Who answers for CoWIN: CoWIN, or for a test provider the test identities, which never call it. */
  const cowinFor = (provider: Provider): CowinClient => (provider.test ? testIdentities : cowin);

  /**
   * A registered provider, or CoWIN's own page for a call with its self-check cookie. Anyone else
   * asking for `cowin-self` hears what an unknown provider hears.
   */
  const providerFor = (id: string, from: CallOrigin): Provider | undefined =>
    isSelfProvider(id) ? (from.selfCheck === undefined ? undefined : SELF_PROVIDER) : registry.get(id);

  /** The provider's budget (or the self-check's bucket), taken once a call is about to do something real. */
  const spend = (provider: Provider, from: CallOrigin) =>
    providerBudget.take(provider.id, { client: from.client, selfCheck: isSelfProvider(provider.id) });
  // CoWIN's own page asks for the person's own status: the SMS names no one else, only the site.
  const requester = (provider: { id: string; name: string }) =>
    isSelfProvider(provider.id) ? { selfCheckSite: new URL(issuer).host } : { requesterName: provider.name };

  /**
   * One OTP send to CoWIN, within the mobile's quota and the provider's budget, on the timing floor.
   * `txnId` is undefined when CoWIN refused the name or mobile (any 4xx that is not a limit): the
   * verification goes on as a phantom, answered exactly as a real one, and fails later as a wrong
   * OTP would. The real CoWIN checks name and mobile at this step; saying so would enumerate them.
   * `pending`: CoWIN said an OTP is already pending for the mobile ("OTP Already Sent").
   */
  async function sendOtp(
    provider: Provider,
    from: CallOrigin,
    input: Parameters<CowinClient['generateOtp']>[0],
  ): Promise<ApiOutcome<{ txnId: string | undefined; pending: boolean }>> {
    // The mobile's quota keeps SMS from being rained on a person's phone. A test provider sends no
    // SMS and its mobiles are every integrator's, so it has none: its OTPs are bounded by the
    // address's and the provider's limits alone (docs/test-identities.md).
    const quota: RateDecision = provider.test ? { ok: true } : await mobileQuota.take(input.mobile, from.client);
    if (!quota.ok) return fail(429, ErrorCode.RATE_LIMITED, { retryAfter: quota.retryAfter });
    const budget = await spend(provider, from);
    if (!budget.ok) {
      // Nothing is sent: the mobile's count is given back, so no one spends it through a full budget.
      await quota.release?.();
      return fail(429, ErrorCode.RATE_LIMITED, { retryAfter: budget.retryAfter });
    }
    const sent = await noSoonerThan(otpMinMs, cowinFor(provider).generateOtp(input));
    if (sent.ok) return { ok: true, data: { txnId: sent.data.txnId, pending: false } };
    if (sent.failure.kind !== 'rejected') return fromCowin(sent.failure);
    return { ok: true, data: { txnId: undefined, pending: sent.failure.phrase === 'otp-already-sent' } };
  }

  function otpAnswer(session: Session): OtpResponse {
    return {
      session: session.id,
      expiresIn: OTP_VALIDITY_SECONDS,
      resendIn: RESEND_AFTER_SECONDS,
      resendsLeft: MAX_RESENDS - session.resends,
    };
  }

  async function resend(provider: Provider, from: CallOrigin, id: string): Promise<ApiOutcome<OtpResponse>> {
    const claimed = await leases.claim<OtpResponse>(id, provider.id, from.selfCheck, (session) => {
      // Waiting would not help here, so this is no 429.
      if (session.resends >= MAX_RESENDS) return fail(403, ErrorCode.RESEND_NOT_ALLOWED);
      const wait = Math.ceil((session.otpSentAt + RESEND_AFTER_SECONDS * 1000 - now()) / 1000);
      return wait > 0 ? fail(429, ErrorCode.RESEND_NOT_ALLOWED, { retryAfter: wait }) : session;
    });
    if ('ok' in claimed) return claimed;
    const { session, lease } = claimed;
    try {
      const sent = await sendOtp(provider, from, {
        mobile: session.mobile,
        name: session.name,
        ...requester(provider),
        ...(session.webOtpOrigins ? { webOtpOrigins: session.webOtpOrigins } : {}),
      });
      if (!sent.ok) return await leases.finish(id, provider.id, lease, sent);
      // CoWIN keeps the OTP it sent until it expires: the person can use it, or wait for it to end.
      if (sent.data.pending && session.txnId !== undefined) {
        const wait = Math.max(1, Math.ceil((session.otpSentAt + OTP_VALIDITY_SECONDS * 1000 - now()) / 1000));
        return await leases.finish(
          id,
          provider.id,
          lease,
          fail(429, ErrorCode.RESEND_NOT_ALLOWED, { retryAfter: wait }),
        );
      }
      const { txnId } = sent.data;
      const renewed = (s: Session): Session => ({
        ...without(without(s, 'confirmed'), 'txnId'),
        ...(txnId === undefined ? {} : { txnId }),
        otpSentAt: now(),
        resends: s.resends + 1,
        wrongTries: 0,
      });
      return await leases.finish(id, provider.id, lease, { ok: true, data: otpAnswer(renewed(session)) }, renewed);
    } catch (error) {
      await leases.abandon(id, provider.id, lease);
      throw error;
    }
  }

  async function verifyOtp(
    provider: Provider,
    from: CallOrigin,
    request: VerifyRequest,
  ): Promise<ApiOutcome<VerifyAnswer>> {
    const { session: id, redirectUri } = request;
    // Redirect mode's page names where the code goes; only a registered URI, exactly (docs/redirect.md),
    // checked before the OTP is tried, so that a bad request spends nothing.
    if (redirectUri !== undefined && !provider.redirect_uris?.includes(redirectUri)) {
      return fail(400, ErrorCode.BAD_REQUEST);
    }
    const otp = toAsciiDigits(request.otp).replace(/\s/g, '');
    const otpHash = sha256Hex(otp);
    // The try is counted as the session is claimed, before CoWIN is asked: however the request
    // ends (a wrong OTP, its host killed, its lease lost), the cap of wrong tries holds.
    const claimed = await leases.claim<VerifyAnswer>(id, provider.id, from.selfCheck, (session) => {
      if (!/^\d{6}$/.test(otp)) return fail(400, ErrorCode.INVALID_OTP, { field: 'otp' });
      if (session.wrongTries >= MAX_WRONG_TRIES) return fail(400, ErrorCode.OTP_ATTEMPTS_EXCEEDED, { field: 'otp' });
      return { ...session, wrongTries: session.wrongTries + 1 };
    });
    if ('ok' in claimed) return claimed;
    const { session, lease } = claimed;
    const tries = session.wrongTries;
    const finish = (outcome: ApiOutcome<VerifyAnswer>, change?: (s: Session) => Session) =>
      leases.finish(id, provider.id, lease, outcome, change);
    try {
      // A live session: now the call counts against its provider.
      const budget = await spend(provider, from);
      if (!budget.ok) return await finish(fail(429, ErrorCode.RATE_LIMITED, { retryAfter: budget.retryAfter }), refund);

      let cowinToken = session.confirmed?.cowinToken;
      // The OTP was confirmed already (a status fault came after): only that same OTP goes on.
      if (session.confirmed && !sameHash(session.confirmed.otpHash, otpHash)) return await finish(wrongOtp(tries));
      if (cowinToken === undefined) {
        // A phantom (CoWIN refused the details) has no transaction: every OTP is wrong, on the
        // same timing floor as a real confirmOTP, so that nothing tells the two apart.
        const confirmed = await noSoonerThan(
          otpMinMs,
          session.txnId === undefined
            ? Promise.resolve(PHANTOM)
            : cowinFor(provider).confirmOtp({ otpHash, txnId: session.txnId }),
        );
        if (!confirmed.ok) {
          const { failure } = confirmed;
          if (failure.kind !== 'rejected') return await finish(fromCowin(failure), refund);
          // Ours (mock-api/): CoWIN ended the OTP after too many wrong tries.
          if (failure.errorCode === 'USRAUT0017') {
            return await finish(wrongOtp(MAX_WRONG_TRIES), (s) => ({ ...s, wrongTries: MAX_WRONG_TRIES }));
          }
          // Any other 4xx is the OTP's fault: expired by the host's own clock, or wrong.
          if (now() - session.otpSentAt >= OTP_VALIDITY_SECONDS * 1000) {
            return await finish(fail(400, ErrorCode.OTP_EXPIRED, { field: 'otp' }));
          }
          return await finish(wrongOtp(tries));
        }
        cowinToken = confirmed.data.token;
        // CoWIN's OTP is single use: keep its token, so that a status fault is retried with one action.
        const confirmedWith = { otpHash, cowinToken };
        if (!(await leases.update(id, provider.id, lease, (s) => ({ ...s, confirmed: confirmedWith })))) return BUSY;
      }

      const answer = await cowinFor(provider).status(cowinToken);
      if (!answer.ok) {
        // CoWIN no longer takes its token (401): retrying with it would only loop. The session ends.
        if (answer.failure.kind === 'rejected' && answer.failure.status === 401) {
          await leases.end(id, provider.id, lease);
          return fail(410, ErrorCode.SESSION_EXPIRED);
        }
        return await finish(fromCowin(answer.failure), refund);
      }
      const result = resultFor(provider, answer.data, '');
      const at = now();
      const jti = randomUUID();
      // Kept before the session ends, so that a store fault leaves the session to retry; a session
      // lost meanwhile leaves details under a jti no token has, gone at its expiry.
      const { beneficiary, vaccinations } = result;
      if (provider.secret !== undefined && (beneficiary || vaccinations)) {
        await tokenDetails.keep(jti, statusTokenExpiry(at), {
          ...(beneficiary ? { beneficiary } : {}),
          ...(vaccinations ? { vaccinations } : {}),
        });
      }
      const personId = answer.data.beneficiary?.beneficiary_reference_id || `${session.mobile}:${session.name}`;
      // In redirect mode the check ran for the page the person returns to: its origin is the token's.
      const origin = redirectUri === undefined ? session.origin : new URL(redirectUri).origin;
      const token = await signStatusToken(
        signingKey,
        {
          issuer,
          audience: provider.id,
          subject: subjectFor(subjectSecret, provider.id, personId),
          status: result.status,
          vs: answer.data.vaccination_status,
          jti,
          ...(request.nonce ? { nonce: request.nonce } : {}),
          ...(origin ? { origin } : {}),
          ...(request.action ? { action: request.action } : {}),
          ...(provider.test ? { test: true as const } : {}),
        },
        at,
      );
      // Given before the session ends, as the details are kept: should the store fail, the session
      // is still there to retry with the same OTP, and the code, never sent, expires unused.
      const code =
        redirectUri === undefined
          ? undefined
          : await redirectCodes.issue({ provider: provider.id, token, redirectUri });
      // The OTP is spent: the session ends here, and only the request holding the lease may end it.
      if (!(await leases.end(id, provider.id, lease))) return fail(410, ErrorCode.SESSION_EXPIRED);
      return { ok: true, data: { ...result, token, ...(code === undefined ? {} : { code }) } };
    } catch (error) {
      await leases.abandon(id, provider.id, lease);
      throw error;
    }
  }

  return {
    async requestOtp(request, from = ANONYMOUS) {
      const provider = providerFor(request.provider, from);
      if (!provider) return fail(404, ErrorCode.UNKNOWN_PROVIDER);
      const name = normalizeName(request.name);
      if (!name.ok) return fail(400, ErrorCode.INVALID_NAME, { field: 'name' });
      const mobile = normalizeMobile(request.mobile);
      if (!mobile.ok) return fail(400, ErrorCode.INVALID_MOBILE, { field: 'mobile' });

      const origins = webOtpOrigins({
        standalone: isSelfProvider(provider.id),
        allowedOrigins: provider.allowed_origins,
        parentOrigin: request.parentOrigin,
        ownOrigin: issuer,
      });
      const sent = await sendOtp(provider, from, {
        mobile: mobile.value,
        name: name.value,
        ...requester(provider),
        ...(origins ? { webOtpOrigins: origins } : {}),
      });
      if (!sent.ok) return sent;
      // The frame's claim of its parent, taken only when registered for the provider, as for the
      // WebOTP line: the token's `origin` then names a page the provider owns.
      const origin =
        request.parentOrigin !== undefined && provider.allowed_origins.includes(request.parentOrigin)
          ? request.parentOrigin
          : undefined;
      const session = await sessions.create({
        provider: provider.id,
        mobile: mobile.value,
        name: name.value,
        ...(sent.data.txnId === undefined ? {} : { txnId: sent.data.txnId }),
        ...(origins ? { webOtpOrigins: origins } : {}),
        ...(origin ? { origin } : {}),
        ...(isSelfProvider(provider.id) && from.selfCheck !== undefined ? { selfCheck: from.selfCheck } : {}),
      });
      return { ok: true, data: otpAnswer(session) };
    },

    async resendOtp(request, from = ANONYMOUS) {
      const provider = providerFor(request.provider, from);
      return provider ? resend(provider, from, request.session) : fail(404, ErrorCode.UNKNOWN_PROVIDER);
    },

    async verify(request, from = ANONYMOUS) {
      const provider = providerFor(request.provider, from);
      return provider ? verifyOtp(provider, from, request) : fail(404, ErrorCode.UNKNOWN_PROVIDER);
    },
  };
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { OtpRequest, OtpResponse, ResendRequest, VerifyRequest } from '../../../widget/api';
import { normalizeMobile, normalizeName, toAsciiDigits } from '../../../widget/normalize';
import { ErrorCode, type KycvsResult } from '../../../widget/protocol';
import type { CowinClient } from '../cowin/client';
import { createMobileQuota, createProviderBudget, type MobileQuota, type ProviderBudget } from '../limits';
import type { Provider, ProviderRegistry } from '../registry';
import { isSelfProvider, SELF_PROVIDER } from '../standalone';
import { signStatusToken, subjectFor, type SigningKey } from '../token';
import { fail, fromCowin, type ApiOutcome } from './failures';
import { noSoonerThan } from './no-sooner-than';
import { resultFor } from './result';
import {
  createSessionStore,
  MAX_RESENDS,
  MAX_WRONG_TRIES,
  OTP_VALIDITY_SECONDS,
  RESEND_AFTER_SECONDS,
  type Edit,
  type Lease,
  type Session,
  type SessionStore,
} from './sessions';
import { webOtpOrigins } from './web-otp-origins';

export interface VerificationServiceOptions {
  registry: ProviderRegistry;
  cowin: CowinClient;
  /** @default createSessionStore({ now }): in memory, for this host alone */
  sessions?: SessionStore;
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
  verify(request: VerifyRequest, from?: CallOrigin): Promise<ApiOutcome<KycvsResult>>;
}

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The session without `key`: exactOptionalPropertyTypes wants an absent field, not `undefined`. */
function without<K extends 'lease' | 'confirmed'>(session: Session, key: K): Session {
  const { [key]: _dropped, ...rest } = session;
  return rest as Session;
}

/**
 * The host's side of one verification: details → OTP → signed result. One request at a time works
 * on a session (its lease, held in the session itself): so one OTP yields at most one result, a
 * wrong OTP cannot ride on a right one in flight, and concurrent resends cannot pass the cap or the
 * wait together, on one host or many (docs/scaling.md, "One request per session").
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

  /** One OTP send to CoWIN, within the mobile's quota and the provider's budget, on the timing floor. */
  async function sendOtp(
    provider: Provider,
    from: CallOrigin,
    input: Parameters<CowinClient['generateOtp']>[0],
  ): Promise<ApiOutcome<{ txnId: string }>> {
    const quota = await mobileQuota.take(input.mobile, from.client);
    if (!quota.ok) return fail(429, ErrorCode.RATE_LIMITED, { retryAfter: quota.retryAfter });
    const budget = await spend(provider, from);
    if (!budget.ok) return fail(429, ErrorCode.RATE_LIMITED, { retryAfter: budget.retryAfter });
    const sent = await noSoonerThan(otpMinMs, cowin.generateOtp(input));
    return sent.ok ? sent : fromCowin(sent.failure);
  }

  function otpAnswer(session: Session): OtpResponse {
    return {
      session: session.id,
      expiresIn: OTP_VALIDITY_SECONDS,
      resendIn: RESEND_AFTER_SECONDS,
      resendsLeft: MAX_RESENDS - session.resends,
    };
  }

  const isLeased = (session: Session) => session.lease !== undefined && session.lease.until > now();
  // Another request is working on this session: a moment's wait is all it takes.
  const busy = fail<never>(429, ErrorCode.RATE_LIMITED, { retryAfter: 1 });
  /** The session with our lease given back (someone else's is left alone). */
  const released = (session: Session, lease: Lease) =>
    session.lease?.id === lease.id ? without(session, 'lease') : session;

  /**
   * Claims the session for one request when `check` finds nothing against it, runs `work`, and
   * gives the claim back in whatever `work` writes. A request that dies without finishing (its
   * host killed) holds the session only until the lease runs out.
   */
  async function withLease<T>(
    request: { session: string },
    provider: Provider,
    from: CallOrigin,
    check: (session: Session) => ApiOutcome<T> | undefined,
    work: (session: Session, lease: Lease) => Promise<ApiOutcome<T>>,
  ): Promise<ApiOutcome<T>> {
    const lease = { id: randomBytes(9).toString('base64url'), until: now() + leaseMs };
    const claimed = await sessions.edit<ApiOutcome<T> | Session>(request.session, provider.id, (session) => {
      // A self-check goes on only with the cookie it began with: as if there were no such session.
      if (session.selfCheck !== from.selfCheck) return { value: fail(410, ErrorCode.SESSION_EXPIRED) };
      if (isLeased(session)) return { value: busy };
      const refusal = check(session);
      if (refusal) return { value: refusal };
      return { value: session, write: { ...session, lease } };
    });
    if (claimed === undefined) return fail(410, ErrorCode.SESSION_EXPIRED);
    if ('ok' in claimed) return claimed;
    try {
      // A live session: now the call counts against its provider.
      const budget = await spend(provider, from);
      if (!budget.ok)
        return await finish(
          request.session,
          provider,
          lease,
          fail(429, ErrorCode.RATE_LIMITED, { retryAfter: budget.retryAfter }),
        );
      return await work(claimed, lease);
    } catch (error) {
      // A store or CoWIN fault mid-way: give the session back, if the store lets us, and report.
      await sessions
        .edit(request.session, provider.id, (s) => ({ value: null, write: released(s, lease) }))
        .catch(() => undefined);
      throw error;
    }
  }

  /** Writes `change(session)` with our lease given back, and answers `outcome`. */
  const finish = async <T>(
    id: string,
    provider: Provider,
    lease: Lease,
    outcome: ApiOutcome<T>,
    change: (session: Session) => Session = (session) => session,
  ): Promise<ApiOutcome<T>> =>
    (await sessions.edit(id, provider.id, (session): Edit<ApiOutcome<T>> => ({
      value: outcome,
      write: released(change(session), lease),
    }))) ?? fail(410, ErrorCode.SESSION_EXPIRED);

  /** A wrong OTP, counted by the host: the last allowed one already ends the OTP, as CoWIN's does. */
  const wrongOtp = <T>(id: string, provider: Provider, lease: Lease, session: Session) => {
    const wrongTries = Math.min(session.wrongTries + 1, MAX_WRONG_TRIES);
    const code = wrongTries >= MAX_WRONG_TRIES ? ErrorCode.OTP_ATTEMPTS_EXCEEDED : ErrorCode.OTP_INCORRECT;
    return finish<T>(id, provider, lease, fail(400, code, { field: 'otp' }), (s) => ({ ...s, wrongTries }));
  };

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
      const session = await sessions.create({
        provider: provider.id,
        mobile: mobile.value,
        name: name.value,
        txnId: sent.data.txnId,
        ...(origins ? { webOtpOrigins: origins } : {}),
        ...(isSelfProvider(provider.id) && from.selfCheck !== undefined ? { selfCheck: from.selfCheck } : {}),
      });
      return { ok: true, data: otpAnswer(session) };
    },

    async resendOtp(request, from = ANONYMOUS) {
      const provider = providerFor(request.provider, from);
      if (!provider) return fail(404, ErrorCode.UNKNOWN_PROVIDER);
      return withLease(
        request,
        provider,
        from,
        (session) => {
          // Waiting would not help here, so this is no 429.
          if (session.resends >= MAX_RESENDS) return fail(403, ErrorCode.RESEND_NOT_ALLOWED);
          const wait = Math.ceil((session.otpSentAt + RESEND_AFTER_SECONDS * 1000 - now()) / 1000);
          return wait > 0 ? fail(429, ErrorCode.RESEND_NOT_ALLOWED, { retryAfter: wait }) : undefined;
        },
        async (session, lease) => {
          const sent = await sendOtp(provider, from, {
            mobile: session.mobile,
            name: session.name,
            ...requester(provider),
            ...(session.webOtpOrigins ? { webOtpOrigins: session.webOtpOrigins } : {}),
          });
          if (!sent.ok) return finish(session.id, provider, lease, sent);
          const renewed = (s: Session): Session => ({
            ...without(s, 'confirmed'),
            txnId: sent.data.txnId,
            otpSentAt: now(),
            resends: s.resends + 1,
            wrongTries: 0,
          });
          return finish(session.id, provider, lease, { ok: true, data: otpAnswer(renewed(session)) }, renewed);
        },
      );
    },

    async verify(request, from = ANONYMOUS) {
      const provider = providerFor(request.provider, from);
      if (!provider) return fail(404, ErrorCode.UNKNOWN_PROVIDER);
      const otp = toAsciiDigits(request.otp).replace(/\s/g, '');
      const otpHash = sha256Hex(otp);

      return withLease<KycvsResult>(
        request,
        provider,
        from,
        (session) => {
          if (!/^\d{6}$/.test(otp)) return fail(400, ErrorCode.INVALID_OTP, { field: 'otp' });
          if (session.wrongTries >= MAX_WRONG_TRIES)
            return fail(400, ErrorCode.OTP_ATTEMPTS_EXCEEDED, { field: 'otp' });
          return undefined;
        },
        async (session, lease) => {
          let cowinToken = session.confirmed?.cowinToken;
          // The OTP was confirmed already (a status fault came after): only that same OTP goes on.
          if (session.confirmed && !sameHash(session.confirmed.otpHash, otpHash)) {
            return wrongOtp(session.id, provider, lease, session);
          }
          if (cowinToken === undefined) {
            const confirmed = await cowin.confirmOtp({ otpHash, txnId: session.txnId });
            if (!confirmed.ok) {
              const outcome = fromCowin<KycvsResult>(confirmed.failure);
              if (!outcome.ok && outcome.error.code === ErrorCode.OTP_INCORRECT) {
                return wrongOtp(session.id, provider, lease, session);
              }
              const exhausted = !outcome.ok && outcome.error.code === ErrorCode.OTP_ATTEMPTS_EXCEEDED;
              return finish(session.id, provider, lease, outcome, (s) =>
                exhausted ? { ...s, wrongTries: MAX_WRONG_TRIES } : s,
              );
            }
            cowinToken = confirmed.data.token;
            // CoWIN's OTP is single use: keep its token, so that a status fault is retried with one action.
            const kept = await sessions.edit(session.id, provider.id, (s) => ({
              value: true,
              write: { ...s, confirmed: { otpHash, cowinToken: confirmed.data.token } },
            }));
            if (!kept) return fail(410, ErrorCode.SESSION_EXPIRED);
          }

          const answer = await cowin.status(cowinToken);
          if (!answer.ok) return finish(session.id, provider, lease, fromCowin(answer.failure));
          // The OTP is spent: the session ends here, and only the request holding the lease may end it.
          const ended = await sessions.edit(session.id, provider.id, (s) =>
            s.lease?.id === lease.id ? { value: true, write: 'delete' } : { value: false },
          );
          if (!ended) return fail(410, ErrorCode.SESSION_EXPIRED);

          const result = resultFor(provider, answer.data, '');
          const personId = answer.data.beneficiary.beneficiary_reference_id || `${session.mobile}:${session.name}`;
          const token = await signStatusToken(
            signingKey,
            {
              issuer,
              audience: provider.id,
              subject: subjectFor(subjectSecret, provider.id, personId),
              status: result.status,
              vs: answer.data.vaccination_status,
              ...(request.nonce ? { nonce: request.nonce } : {}),
            },
            now(),
          );
          return { ok: true, data: { ...result, token } };
        },
      );
    },
  };
}

import { createHash } from 'node:crypto';
import type { OtpRequest, OtpResponse, ResendRequest, VerifyRequest } from '../../../widget/api';
import { normalizeMobile, normalizeName, toAsciiDigits } from '../../../widget/normalize';
import { ErrorCode, type KycvsResult } from '../../../widget/protocol';
import type { CowinClient } from '../cowin/client';
import { createMobileQuota, type MobileQuota } from '../limits';
import type { Provider, ProviderRegistry } from '../registry';
import { isSelfProvider, SELF_PROVIDER } from '../standalone';
import { signStatusToken, subjectFor, type SigningKey } from '../token';
import { fail, fromCowin, type ApiOutcome } from './failures';
import { noSoonerThan } from './no-sooner-than';
import { resultFor } from './result';
import { MAX_RESENDS, OTP_VALIDITY_SECONDS, RESEND_AFTER_SECONDS, type Session, type SessionStore } from './sessions';
import { webOtpOrigins } from './web-otp-origins';

export interface VerificationServiceOptions {
  registry: ProviderRegistry;
  cowin: CowinClient;
  sessions: SessionStore;
  signingKey: SigningKey;
  issuer: string;
  now?: () => number;
  /**
   * The host's own cap on OTP sends per mobile, checked before CoWIN is asked.
   * @default createMobileQuota({ now }): DESIGN.md's defaults
   */
  mobileQuota?: MobileQuota;
  /**
   * The least time, in ms, an OTP send takes, so that its timing says nothing about registration
   * (see no-sooner-than.ts). Set it above CoWIN's slowest usual answer (`KYCVS_OTP_MIN_MS`).
   * @default 0
   * @example 400
   */
  otpMinMs?: number;
}

/** What the route knows of where a call came from. */
export interface CallOrigin {
  /** Made by a page on the host's own origin (standalone/same-origin.ts); only then is `cowin-self` known. */
  sameOrigin: boolean;
}

export interface VerificationService {
  requestOtp(request: OtpRequest, from?: CallOrigin): Promise<ApiOutcome<OtpResponse>>;
  resendOtp(request: ResendRequest, from?: CallOrigin): Promise<ApiOutcome<OtpResponse>>;
  verify(request: VerifyRequest, from?: CallOrigin): Promise<ApiOutcome<KycvsResult>>;
}

/** The host's side of one verification: details → OTP → signed result. */
export function createVerificationService(options: VerificationServiceOptions): VerificationService {
  const { registry, cowin, sessions, signingKey, issuer, now = Date.now, otpMinMs = 0 } = options;
  const mobileQuota = options.mobileQuota ?? createMobileQuota({ now });

  /**
   * A registered provider, or CoWIN's own page for a call from the host's own origin. Anyone else
   * asking for `cowin-self` hears what an unknown provider hears.
   */
  const providerFor = (id: string, from: CallOrigin | undefined): Provider | undefined =>
    isSelfProvider(id) ? (from?.sameOrigin ? SELF_PROVIDER : undefined) : registry.get(id);
  // CoWIN's own page asks for the person's own status: the SMS names no one else.
  const requester = (provider: { id: string; name: string }) =>
    isSelfProvider(provider.id) ? {} : { requesterName: provider.name };

  /** One OTP send to CoWIN, within the mobile's quota, on the timing floor. */
  async function sendOtp(input: Parameters<CowinClient['generateOtp']>[0]): Promise<ApiOutcome<{ txnId: string }>> {
    const quota = mobileQuota.take(input.mobile);
    if (!quota.ok) return fail(429, ErrorCode.RATE_LIMITED, { retryAfter: quota.retryAfter });
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

  return {
    async requestOtp(request, from) {
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
      const sent = await sendOtp({
        mobile: mobile.value,
        name: name.value,
        ...requester(provider),
        ...(origins ? { webOtpOrigins: origins } : {}),
      });
      if (!sent.ok) return sent;
      const session = sessions.create({
        provider: provider.id,
        mobile: mobile.value,
        name: name.value,
        txnId: sent.data.txnId,
        ...(origins ? { webOtpOrigins: origins } : {}),
      });
      return { ok: true, data: otpAnswer(session) };
    },

    async resendOtp(request, from) {
      const provider = providerFor(request.provider, from);
      if (!provider) return fail(404, ErrorCode.UNKNOWN_PROVIDER);
      const session = sessions.get(request.session, provider.id);
      if (!session) return fail(410, ErrorCode.SESSION_EXPIRED);
      // Waiting would not help here, so this is no 429.
      if (session.resends >= MAX_RESENDS) return fail(403, ErrorCode.RESEND_NOT_ALLOWED);
      const wait = Math.ceil((session.otpSentAt + RESEND_AFTER_SECONDS * 1000 - now()) / 1000);
      if (wait > 0) return fail(429, ErrorCode.RESEND_NOT_ALLOWED, { retryAfter: wait });

      const sent = await sendOtp({
        mobile: session.mobile,
        name: session.name,
        ...requester(provider),
        ...(session.webOtpOrigins ? { webOtpOrigins: session.webOtpOrigins } : {}),
      });
      if (!sent.ok) return sent;
      session.txnId = sent.data.txnId;
      session.otpSentAt = now();
      session.resends += 1;
      return { ok: true, data: otpAnswer(session) };
    },

    async verify(request, from) {
      const provider = providerFor(request.provider, from);
      if (!provider) return fail(404, ErrorCode.UNKNOWN_PROVIDER);
      const session = sessions.get(request.session, provider.id);
      if (!session) return fail(410, ErrorCode.SESSION_EXPIRED);
      const otp = toAsciiDigits(request.otp).replace(/\s/g, '');
      if (!/^\d{6}$/.test(otp)) return fail(400, ErrorCode.INVALID_OTP, { field: 'otp' });

      if (session.cowinToken === undefined) {
        const otpHash = createHash('sha256').update(otp).digest('hex');
        const confirmed = await cowin.confirmOtp({ otpHash, txnId: session.txnId });
        if (!confirmed.ok) return fromCowin(confirmed.failure);
        // CoWIN's OTP is single use: keep its token so that a status fault is retried with one action.
        session.cowinToken = confirmed.data.token;
      }
      const answer = await cowin.status(session.cowinToken);
      if (!answer.ok) return fromCowin(answer.failure);
      // The OTP is spent: the session must not yield a second result.
      sessions.delete(session.id);

      const result = resultFor(provider, answer.data, '');
      const personId = answer.data.beneficiary.beneficiary_reference_id || `${session.mobile}:${session.name}`;
      const token = await signStatusToken(
        signingKey,
        {
          issuer,
          audience: provider.id,
          subject: await subjectFor(signingKey, provider.id, personId),
          status: result.status,
          vs: answer.data.vaccination_status,
          ...(request.nonce ? { nonce: request.nonce } : {}),
        },
        now(),
      );
      return { ok: true, data: { ...result, token } };
    },
  };
}

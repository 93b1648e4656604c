import { randomBytes } from 'node:crypto';

/** One verification in progress on the host. CoWIN's txnId stays here; the widget holds only `id`. */
export interface Session {
  id: string;
  provider: string;
  mobile: string;
  name: string;
  txnId: string;
  createdAt: number;
  otpSentAt: number;
  resends: number;
  /** The SMS's WebOTP origins (web-otp-origins.ts), kept for Resend OTP. */
  webOtpOrigins?: readonly string[];
  /** CoWIN's token once the OTP is confirmed: a status fault is then retried without the spent OTP. */
  cowinToken?: string;
}

export const OTP_VALIDITY_SECONDS = 180;
export const RESEND_AFTER_SECONDS = 60;
export const MAX_RESENDS = 3;
/** Long enough for three resends and a last OTP; short enough that an abandoned session is soon gone. */
export const SESSION_TTL_MS = 15 * 60_000;

export interface SessionStore {
  create(fields: Omit<Session, 'id' | 'createdAt' | 'otpSentAt' | 'resends'>): Session;
  /** The live session with this id for this provider, if any. */
  get(id: string, provider: string): Session | undefined;
  delete(id: string): void;
  size(): number;
}

export function createSessionStore(now: () => number = Date.now): SessionStore {
  const sessions = new Map<string, Session>();

  function sweep() {
    const cutoff = now() - SESSION_TTL_MS;
    for (const [id, session] of sessions) if (session.createdAt < cutoff) sessions.delete(id);
  }

  return {
    create(fields) {
      sweep();
      const at = now();
      const session: Session = {
        ...fields,
        id: randomBytes(24).toString('base64url'),
        createdAt: at,
        otpSentAt: at,
        resends: 0,
      };
      sessions.set(session.id, session);
      return session;
    },
    get(id, provider) {
      sweep();
      const session = sessions.get(id);
      return session && session.provider === provider ? session : undefined;
    },
    delete: (id) => void sessions.delete(id),
    size: () => sessions.size,
  };
}

import { randomBytes } from 'node:crypto';
import { createMemoryStore, createSealer, StateUnavailableError, type Sealer, type StateStore } from '../state';

/** One verification in progress on the host. CoWIN's txnId stays here; the widget holds only `id`. */
export interface Session {
  id: string;
  provider: string;
  mobile: string;
  name: string;
  /** CoWIN's transaction; absent for a phantom, whose details CoWIN refused (service.ts, `sendOtp`). */
  txnId?: string;
  createdAt: number;
  otpSentAt: number;
  resends: number;
  /** Wrong OTPs since the last one was sent: the host itself allows `MAX_WRONG_TRIES`. */
  wrongTries: number;
  /** The SMS's WebOTP origins (web-otp-origins.ts), kept for Resend OTP. */
  webOtpOrigins?: readonly string[];
  /**
   * The embedding page's exact origin, when the OTP request named one of the provider's registered
   * origins: the token's `origin` claim. Kept in the shared session, so that another host can finish.
   */
  origin?: string;
  /** Once CoWIN confirmed an OTP: its hash and CoWIN's token, so a status fault is retried with that OTP alone. */
  confirmed?: { otpHash: string; cowinToken: string };
  /** The one request working on the session (a resend or a verify), and until when its claim holds. */
  lease?: Lease;
  /** CoWIN's own page: the self-check cookie's id the session was begun with; only that cookie goes on. */
  selfCheck?: string;
}

export interface Lease {
  id: string;
  until: number;
}

export type NewSession = Pick<
  Session,
  'provider' | 'mobile' | 'name' | 'txnId' | 'webOtpOrigins' | 'origin' | 'selfCheck'
>;

export const OTP_VALIDITY_SECONDS = 180;
export const RESEND_AFTER_SECONDS = 60;
export const MAX_RESENDS = 3;
/** Wrong OTPs the host allows per OTP sent; CoWIN's own limit is not published, so the host keeps its own. */
export const MAX_WRONG_TRIES = 3;
/** Long enough for three resends and a last OTP; short enough that an abandoned session is soon gone. */
export const SESSION_TTL_MS = 15 * 60_000;
/** Reads and swaps before a change gives up; only a storm of requests on one session gets that far. */
const MAX_EDIT_ATTEMPTS = 16;

/** What an edit decides: the value to return, and what to write (nothing, the next session, or deletion). */
export interface Edit<T> {
  value: T;
  write?: Session | 'delete';
}

export interface SessionStore {
  create(fields: NewSession): Promise<Session>;
  /** The live session with this id for this provider, if any. */
  get(id: string, provider: string): Promise<Session | undefined>;
  /**
   * Reads the session, lets `edit` decide, and writes what it decided only if no one changed the
   * session meanwhile; otherwise it reads again and asks `edit` again. `edit` must be pure: it may
   * run more than once. `undefined` when there is no live session with this id for this provider.
   */
  edit<T>(id: string, provider: string, edit: (session: Session) => Edit<T>): Promise<T | undefined>;
}

export interface SessionStoreOptions {
  /** @default a memory store of its own */
  store?: StateStore;
  /** Seals the name, mobile and CoWIN's token before they are stored. @default a fresh secret */
  sealer?: Sealer;
  /** @default Date.now */
  now?: () => number;
}

/**
 * The session as stored: the personal part sealed (state/sealer.ts), the id only in the key. The
 * confirmed OTP is sealed too: its hash is a 6-digit number's, a lookup away from the OTP.
 */
interface StoredSession extends Omit<Session, 'id' | 'mobile' | 'name' | 'confirmed'> {
  person: string;
  confirmed?: string;
}

/**
 * Sessions in the shared store, one record per session under `session:<id>`, alive for
 * `SESSION_TTL_MS` from creation: the store's TTL removes them, so nothing ever sweeps them all.
 * Every change is an atomic swap (StateStore.swap), so two hosts can never both change one session.
 */
export function createSessionStore(options: SessionStoreOptions = {}): SessionStore {
  const { store = createMemoryStore(), sealer = createSealer(randomBytes(32)), now = Date.now } = options;
  const key = (id: string) => `session:${id}`;

  function serialize({ id: _id, mobile, name, confirmed, ...rest }: Session): string {
    const stored: StoredSession = {
      ...rest,
      person: sealer.seal(JSON.stringify([mobile, name])),
      ...(confirmed ? { confirmed: sealer.seal(JSON.stringify(confirmed)) } : {}),
    };
    return JSON.stringify(stored);
  }

  function deserialize(id: string, raw: string): Session {
    const { person, confirmed, ...rest } = JSON.parse(raw) as StoredSession;
    const [mobile, name] = JSON.parse(sealer.open(person)) as [string, string];
    return {
      ...rest,
      id,
      mobile,
      name,
      ...(confirmed ? { confirmed: JSON.parse(sealer.open(confirmed)) as Session['confirmed'] & object } : {}),
    };
  }

  /** The raw record and the session, when it is live and this provider's. */
  async function read(id: string, provider: string): Promise<{ raw: string; session: Session } | undefined> {
    // Ids are ours (24 random bytes, base64url); anything else cannot name a session.
    if (!/^[\w-]{32}$/.test(id)) return undefined;
    const raw = await store.get(key(id));
    if (raw === undefined) return undefined;
    const session = deserialize(id, raw);
    if (session.provider !== provider || now() - session.createdAt > SESSION_TTL_MS) return undefined;
    return { raw, session };
  }

  return {
    async create(fields) {
      const at = now();
      const session: Session = {
        ...fields,
        id: randomBytes(24).toString('base64url'),
        createdAt: at,
        otpSentAt: at,
        resends: 0,
        wrongTries: 0,
      };
      // A second of slack: the record must outlive the session's lifetime as the host's clock counts it.
      if (!(await store.add(key(session.id), serialize(session), SESSION_TTL_MS + 1000))) {
        throw new Error('session id collision');
      }
      return session;
    },

    get: async (id, provider) => (await read(id, provider))?.session,

    async edit(id, provider, edit) {
      for (let attempt = 0; attempt < MAX_EDIT_ATTEMPTS; attempt++) {
        const current = await read(id, provider);
        if (!current) return undefined;
        const { value, write } = edit(current.session);
        if (write === undefined) return value;
        const next = write === 'delete' ? undefined : serialize(write);
        if (await store.swap(key(id), current.raw, next)) return value;
      }
      throw new StateUnavailableError(
        `session ${id.slice(0, 6)}… changed ${MAX_EDIT_ATTEMPTS} times while being edited`,
      );
    },
  };
}

import { randomBytes } from 'node:crypto';
import { ErrorCode } from '../../../contract';
import { fail, type ApiOutcome } from '../api-error';
import type { Lease, Session, SessionStore } from './sessions';

/**
 * One request at a time on a session, across every host (docs/scaling.md, "One request per
 * session"). A request claims the session by writing its lease into it; every later write of that
 * request goes through only while the lease is still its own, so a request that outlived its lease
 * (a stalled host, clocks apart) can change nothing another request has taken over.
 */
export interface Leases {
  /**
   * Claims the session unless it is held, or begun with another self-check cookie, or `decide`
   * refuses (an outcome). `decide` returns the session to store with the lease (a try counted, …).
   */
  claim<T>(
    id: string,
    provider: string,
    selfCheck: string | undefined,
    decide: (session: Session) => ApiOutcome<T> | Session,
  ): Promise<{ session: Session; lease: Lease } | ApiOutcome<T>>;
  /** Writes `change` and gives the lease back while we hold it; answers `outcome` either way. */
  finish<T>(
    id: string,
    provider: string,
    lease: Lease,
    outcome: ApiOutcome<T>,
    change?: (session: Session) => Session,
  ): Promise<ApiOutcome<T>>;
  /** Writes `change`, keeping the lease, while we hold it; `false` when we lost it. */
  update(id: string, provider: string, lease: Lease, change: (session: Session) => Session): Promise<boolean>;
  /** Ends the session while we hold the lease; `false` when we lost it. */
  end(id: string, provider: string, lease: Lease): Promise<boolean>;
  /** Gives the lease back after a fault, if the store lets us. */
  abandon(id: string, provider: string, lease: Lease): Promise<void>;
}

/** Another request works on this session: a moment's wait is all it takes. */
export const BUSY = fail<never>(429, ErrorCode.RATE_LIMITED, { retryAfter: 1 });

function without(session: Session): Session {
  const { lease: _lease, ...rest } = session;
  return rest;
}

export function createLeases(sessions: SessionStore, now: () => number, leaseMs: number): Leases {
  const ours = (session: Session, lease: Lease) => session.lease?.id === lease.id;

  return {
    async claim<T>(
      id: string,
      provider: string,
      selfCheck: string | undefined,
      decide: (session: Session) => ApiOutcome<T> | Session,
    ) {
      const lease = { id: randomBytes(9).toString('base64url'), until: now() + leaseMs };
      const claimed = await sessions.edit<{ session: Session; lease: Lease } | ApiOutcome<T>>(
        id,
        provider,
        (session) => {
          // A self-check goes on only with the cookie it began with: as if there were no such session.
          if (session.selfCheck !== selfCheck) return { value: fail<T>(410, ErrorCode.SESSION_EXPIRED) };
          if (session.lease !== undefined && session.lease.until > now()) return { value: BUSY };
          const decided = decide(session);
          if ('ok' in decided) return { value: decided };
          return { value: { session: decided, lease }, write: { ...decided, lease } };
        },
      );
      return claimed ?? fail<T>(410, ErrorCode.SESSION_EXPIRED);
    },

    async finish(id, provider, lease, outcome, change = (session) => session) {
      await sessions.edit(id, provider, (session) =>
        ours(session, lease) ? { value: null, write: without(change(session)) } : { value: null },
      );
      return outcome;
    },

    async update(id, provider, lease, change) {
      const kept = await sessions.edit(id, provider, (session) =>
        ours(session, lease) ? { value: true, write: change(session) } : { value: false },
      );
      return kept === true;
    },

    async end(id, provider, lease) {
      const ended = await sessions.edit(id, provider, (session) =>
        ours(session, lease) ? { value: true, write: 'delete' as const } : { value: false },
      );
      return ended === true;
    },

    async abandon(id, provider, lease) {
      await sessions
        .edit(id, provider, (session) =>
          ours(session, lease) ? { value: null, write: without(session) } : { value: null },
        )
        .catch(() => undefined);
    },
  };
}

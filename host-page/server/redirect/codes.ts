import { createHash, randomBytes } from 'node:crypto';
import { createMemoryStore, createSealer, type Sealer, type StateStore } from '../state';

/** How long a code may be exchanged: at most 60 seconds after it was given (docs/redirect.md). */
export const CODE_SECONDS = 60;

/**
 * How long the record outlives its code, refused all the while: so that a late exchange hears
 * `code-expired` (send the person again) rather than `invalid-code` (a bug, or a forgery).
 */
const KEEP_EXPIRED_MS = 5 * 60_000;

/** A code as the host writes it: 256 random bits, base64url. Anything else is never looked up. */
export const CODE_PATTERN = /^[\w-]{43}$/;

/** What a code stands for: the status token of one verification, for one provider and return URL. */
export interface RedirectGrant {
  provider: string;
  /** The signed status token, which siteverify then checks (and uses up) as if it had been sent. */
  token: string;
  redirectUri: string;
}

/** A code found: what it stands for, and whether its 60 seconds are over. */
export interface FoundCode {
  grant: RedirectGrant;
  expired: boolean;
}

/**
 * Redirect mode's one-time codes, in the shared state store, so that the host a provider's server
 * reaches finds the code another host gave (docs/scaling.md). A code is single use because its
 * token is: siteverify's used-token store accepts a token once, atomically, across hosts, and the
 * same idempotency key gets the same verdict again (siteverify/used-tokens.ts).
 */
export interface RedirectCodeStore {
  /** A fresh code for `grant`. */
  issue(grant: RedirectGrant): Promise<string>;
  /** The grant of a code this host (or another on the store) gave, while its record lasts. */
  read(code: string): Promise<FoundCode | undefined>;
}

export interface RedirectCodeStoreOptions {
  /** @default a memory store of its own */
  store?: StateStore;
  /** KYCVS_SUBJECT_SECRET's sealer: the token says whether a person is vaccinated. @default a fresh secret */
  sealer?: Sealer;
  /** @default Date.now */
  now?: () => number;
}

interface CodeRecord extends RedirectGrant {
  /** ms since 1970, by the clock of the host that gave the code. */
  expiresAt: number;
}

export function createRedirectCodeStore(options: RedirectCodeStoreOptions = {}): RedirectCodeStore {
  const { store = createMemoryStore(), sealer = createSealer(randomBytes(32)), now = Date.now } = options;
  // Stored under its digest: a Redis snapshot holds no code anyone could exchange.
  const key = (code: string) => `redirect-code:${createHash('sha256').update(code).digest('base64url')}`;
  return {
    async issue(grant) {
      const code = randomBytes(32).toString('base64url');
      const record: CodeRecord = { ...grant, expiresAt: now() + CODE_SECONDS * 1000 };
      // 256 random bits cannot collide; `add` refuses to overwrite all the same.
      const added = await store.add(
        key(code),
        sealer.seal(JSON.stringify(record)),
        CODE_SECONDS * 1000 + KEEP_EXPIRED_MS,
      );
      if (!added) throw new Error('a fresh redirect code was already taken');
      return code;
    },
    async read(code) {
      if (!CODE_PATTERN.test(code)) return undefined;
      const sealed = await store.get(key(code));
      if (sealed === undefined) return undefined;
      const { expiresAt, ...grant } = JSON.parse(sealer.open(sealed)) as CodeRecord;
      return { grant, expired: now() >= expiresAt };
    },
  };
}

import { randomBytes } from 'node:crypto';
import type { Beneficiary, Vaccination } from '../../../contract';
import { createMemoryStore, createSealer, type Sealer, type StateStore } from '../state';

/** What siteverify answers a provider's server that sends its secret: the details its scope allows. */
export interface TokenDetails {
  beneficiary?: Beneficiary;
  vaccinations?: Vaccination[];
}

/**
 * The details of each token whose provider may have them, kept on the host only until the token is
 * used at siteverify or expires (docs/api.md, "Details"): so that the provider's server can trust
 * what its page was shown, without the token itself carrying a name.
 */
export interface TokenDetailsStore {
  /** Keeps `details` under the token's `jti` until its `exp` (seconds). */
  keep(jti: string, exp: number, details: TokenDetails): Promise<void>;
  /** The details kept for `jti`, if any are still. */
  read(jti: string): Promise<TokenDetails | undefined>;
  /** Forgets them: the token was used. */
  forget(jti: string): Promise<void>;
}

export interface TokenDetailsStoreOptions {
  /** Shared by every host with Redis, so that any host's siteverify finds what another's /verify kept. @default a memory store of its own */
  store?: StateStore;
  /** KYCVS_SUBJECT_SECRET's sealer (state/sealer.ts). @default a fresh secret */
  sealer?: Sealer;
  /** @default Date.now */
  now?: () => number;
}

/**
 * siteverify accepts a token up to 5 s past `exp` (the clocks of hosts behind one origin): the
 * details must last as long, or a check in those seconds would succeed without them.
 */
const KEEP_PAST_EXP_MS = 5_000;

export function createTokenDetailsStore(options: TokenDetailsStoreOptions = {}): TokenDetailsStore {
  const { store = createMemoryStore(), sealer = createSealer(randomBytes(32)), now = Date.now } = options;
  const key = (jti: string) => `token-details:${jti}`;
  return {
    async keep(jti, exp, details) {
      // Sealed (AES-GCM under a key derived from KYCVS_SUBJECT_SECRET): a name, a birth year and the
      // doses are personal, and a Redis may be shared, replicated or snapshotted; without the
      // secret its contents name no one (state/sealer.ts, SECURITY.md).
      const ttlMs = exp * 1000 + KEEP_PAST_EXP_MS - now();
      await store.add(key(jti), sealer.seal(JSON.stringify(details)), Math.max(ttlMs, 1000));
    },
    async read(jti) {
      const sealed = await store.get(key(jti));
      return sealed === undefined ? undefined : (JSON.parse(sealer.open(sealed)) as TokenDetails);
    },
    async forget(jti) {
      const sealed = await store.get(key(jti));
      if (sealed !== undefined) await store.swap(key(jti), sealed, undefined);
    },
  };
}

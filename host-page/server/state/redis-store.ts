import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { HIT, SWAP } from './redis-scripts';
import { StateUnavailableError, type StateStore, type WindowHit } from './store';

export interface RedisStoreOptions {
  /** `KYCVS_REDIS_URL`, e.g. `redis://127.0.0.1:6379` or `rediss://user:password@redis.internal:6380/2`. */
  url: string;
  /**
   * Put before every key, so that one Redis can serve several deployments (or test runs) apart.
   * @default 'kycvs:'
   */
  prefix?: string;
  /**
   * How long one command may take before the request that needed it answers 503.
   * @default 2000
   */
  commandTimeoutMs?: number;
  /** Told when the connection is lost and when it is back, in words for an operator's log. */
  onStatus?: (event: 'connected' | 'lost', detail?: string) => void;
}

export interface RedisStateStore extends StateStore {
  /** Resolves `true` once connected (at once if it is), or `false` after `timeoutMs`. */
  connected(timeoutMs: number): Promise<boolean>;
  /** Redis's `maxmemory-policy`, or undefined where CONFIG is not allowed (managed services). */
  evictionPolicy(): Promise<string | undefined>;
}

interface ScriptedRedis extends Redis {
  kycvsSwap(key: string, expected: string, mode: 'set' | 'del', next: string): Promise<number>;
  kycvsHit(key: string, at: number, windowMs: number, limit: number, id: string): Promise<number>;
}

/** `redis://user:secret@host/0` as `redis://host/0`: an operator's log must not carry the password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

/**
 * The store in Redis (or Valkey), shared by every host behind one origin. Made to fail fast and
 * never fail open: no offline queue and no retries of a command, so a request that needs Redis while
 * it is away gets `StateUnavailableError` (503) at once, while the client reconnects by itself.
 */
export function createRedisStore(options: RedisStoreOptions): RedisStateStore {
  const { url, prefix = 'kycvs:', commandTimeoutMs = 2000, onStatus } = options;
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 5000,
    // Reconnect for ever, at most every 2 s: a host outlives a Redis restart without help.
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
    scripts: {
      kycvsSwap: { numberOfKeys: 1, lua: SWAP },
      kycvsHit: { numberOfKeys: 1, lua: HIT },
    },
  }) as ScriptedRedis;

  let up = false;
  let lastError = '';
  redis.on('ready', () => {
    up = true;
    onStatus?.('connected');
  });
  // ioredis reports every failed reconnect as an error: keep the last, say it once per outage.
  redis.on('error', (error: Error) => void (lastError = error.message));
  redis.on('close', () => {
    if (!up) return;
    up = false;
    onStatus?.('lost', lastError || 'the connection closed');
  });

  /** Every command's failure is the store's: the caller answers 503, whatever Redis said. */
  async function run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (error) {
      throw new StateUnavailableError(`Redis: ${(error as Error).message}`, { cause: error });
    }
  }

  const k = (key: string) => prefix + key;

  return {
    kind: 'redis',
    get: (key) => run(async () => (await redis.get(k(key))) ?? undefined),
    add: (key, value, ttlMs) =>
      run(async () => (await redis.set(k(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK'),
    swap: (key, expected, next) =>
      run(async () => (await redis.kycvsSwap(k(key), expected, next === undefined ? 'del' : 'set', next ?? '')) === 1),
    hit: (key, { limit, windowMs }, at) =>
      run(async (): Promise<WindowHit> => {
        const id = randomBytes(9).toString('base64url');
        const waitMs = Number(await redis.kycvsHit(k(key), at, windowMs, limit, id));
        return waitMs === 0 ? { ok: true, id } : { ok: false, waitMs };
      }),
    unhit: (key, id) => run(async () => void (await redis.zrem(k(key), id))),
    connected: (timeoutMs) =>
      up
        ? Promise.resolve(true)
        : new Promise((resolve) => {
            const timer = setTimeout(() => {
              redis.off('ready', onReady);
              resolve(false);
            }, timeoutMs);
            const onReady = () => {
              clearTimeout(timer);
              resolve(true);
            };
            redis.once('ready', onReady);
          }),
    async evictionPolicy() {
      const reply = (await redis.config('GET', 'maxmemory-policy').catch(() => [])) as unknown;
      const pair = Array.isArray(reply) ? reply : Object.entries((reply ?? {}) as Record<string, string>).flat();
      return typeof pair[1] === 'string' ? pair[1] : undefined;
    },
    countKeys: (keyPrefix) =>
      run(async () => {
        let count = 0;
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${k(keyPrefix)}*`, 'COUNT', 1000);
          cursor = next;
          count += keys.length;
        } while (cursor !== '0');
        return count;
      }),
    ping: () => run(async () => void (await redis.ping())),
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

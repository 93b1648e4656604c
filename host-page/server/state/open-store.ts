import { createMemoryStore } from './memory-store';
import { createRedisStore, redactUrl } from './redis-store';
import type { StateStore } from './store';

/** How long a starting host waits for Redis before it serves anyway (answering 503 until Redis is there). */
const CONNECT_WAIT_MS = 10_000;

/**
 * The store `KYCVS_REDIS_URL` asks for: Redis, shared by every host, or else this process's memory.
 * Waits for Redis's first connection, so a healthy start serves at once; a host started while Redis
 * is down still starts, says so, and connects when Redis is back.
 */
export async function openStateStore(
  redisUrl: string | undefined,
  say: (message: string) => void,
): Promise<StateStore> {
  if (redisUrl === undefined) return createMemoryStore();
  const where = redactUrl(redisUrl);
  const store = createRedisStore({
    url: redisUrl,
    onStatus: (event, detail) =>
      say(
        event === 'connected'
          ? `state store: connected to Redis at ${where}`
          : `state store: lost Redis at ${where} (${detail}); answering 503 until it is back`,
      ),
  });
  if (!(await store.connected(CONNECT_WAIT_MS))) {
    say(`state store: Redis at ${where} does not answer yet; the widget API answers 503 until it does`);
    return store;
  }
  // Every key has a TTL, so a volatile-* policy could evict a used token's id (a replay) or a counter.
  const policy = await store.evictionPolicy();
  if (policy !== undefined && policy !== 'noeviction') {
    say(
      `state store: Redis at ${where} runs maxmemory-policy ${policy}: it may evict used tokens and counters ` +
        'under memory pressure. Set maxmemory-policy noeviction (docs/scaling.md).',
    );
  }
  return store;
}

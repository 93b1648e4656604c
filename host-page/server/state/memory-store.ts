import { randomBytes } from 'node:crypto';
import { ExpiryQueue } from './expiry-queue';
import { StateUnavailableError, type StateStore, type WindowHit, type WindowRule } from './store';

type Entry =
  | { type: 'value'; value: string; expiresAt: number }
  /** Counted requests, oldest first: at most `limit` of them, as refused ones are never stored. */
  | { type: 'window'; hits: Array<{ at: number; id: string }>; expiresAt: number };

export interface MemoryStoreOptions {
  /** @default Date.now */
  now?: () => number;
  /**
   * Most keys held at once. Past it, a new key is refused as if the store were down (503, failing
   * closed) rather than forgetting a live counter: a flood from many addresses then costs a bounded
   * amount of memory. A million keys are a few hundred MB; a host that needs more wants Redis.
   * @default 1_000_000
   */
  maxEntries?: number;
}

/**
 * The store in this process's memory: the default, so that `npm start` needs nothing else. It is
 * lost when the process ends and is not shared, so it serves one host only (docs/scaling.md).
 * Every operation first drops what has expired, through the expiry queue, and nothing else.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): StateStore & { readonly size: number } {
  const { now = Date.now, maxEntries = 1_000_000 } = options;
  const entries = new Map<string, Entry>();
  const expiries = new ExpiryQueue();

  function purge(t: number): void {
    for (const key of expiries.due(t)) {
      const entry = entries.get(key);
      if (!entry) continue;
      if (entry.expiresAt <= t) entries.delete(key);
      else expiries.watch(key, entry.expiresAt);
    }
  }

  /** The live entry at `key`, after purging. */
  function live(key: string): Entry | undefined {
    const t = now();
    purge(t);
    const entry = entries.get(key);
    return entry && entry.expiresAt > t ? entry : undefined;
  }

  function put(key: string, entry: Entry): void {
    if (!entries.has(key) && entries.size >= maxEntries) {
      throw new StateUnavailableError(`the memory store holds ${maxEntries} keys, its most`);
    }
    entries.set(key, entry);
    expiries.watch(key, entry.expiresAt);
  }

  return {
    kind: 'memory',
    async get(key) {
      const entry = live(key);
      return entry?.type === 'value' ? entry.value : undefined;
    },
    async add(key, value, ttlMs) {
      if (live(key)) return false;
      put(key, { type: 'value', value, expiresAt: now() + ttlMs });
      return true;
    },
    async swap(key, expected, next) {
      const entry = live(key);
      if (entry?.type !== 'value' || entry.value !== expected) return false;
      if (next === undefined) entries.delete(key);
      else entry.value = next;
      return true;
    },
    async hit(key: string, { limit, windowMs }: WindowRule, at: number): Promise<WindowHit> {
      const entry = live(key);
      const hits = entry?.type === 'window' ? entry.hits : [];
      // A request counts while it is less than `windowMs` old.
      while (hits.length > 0 && at - hits[0]!.at >= windowMs) hits.shift();
      if (hits.length >= limit) {
        // The oldest of the last `limit` requests leaves the window first; then one more fits.
        return { ok: false, waitMs: hits[hits.length - limit]!.at + windowMs - at };
      }
      const id = randomBytes(9).toString('base64url');
      hits.push({ at, id });
      put(key, { type: 'window', hits, expiresAt: Math.max(entry?.expiresAt ?? 0, now() + windowMs) });
      return { ok: true, id };
    },
    async unhit(key, id) {
      const entry = live(key);
      if (entry?.type !== 'window') return;
      const index = entry.hits.findIndex((hit) => hit.id === id);
      if (index >= 0) entry.hits.splice(index, 1);
    },
    async countKeys(prefix) {
      purge(now());
      let count = 0;
      for (const key of entries.keys()) if (key.startsWith(prefix)) count++;
      return count;
    },
    async ping() {},
    async close() {
      entries.clear();
    },
    get size() {
      purge(now());
      return entries.size;
    },
  };
}

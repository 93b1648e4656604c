import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { stateStoreContract } from './contract-tests';
import { startLocalRedis, type LocalRedis } from '../../../scripts/cluster/local-redis';
import { createRedisStore, redactUrl, type RedisStateStore } from './redis-store';
import { StateUnavailableError } from './store';

let redis: LocalRedis;
beforeAll(async () => {
  redis = await startLocalRedis();
});
afterAll(() => redis.stop());

const prefix = () => `test:${randomBytes(6).toString('hex')}:`;

const connected = async (store: RedisStateStore) => {
  expect(await store.connected(5000)).toBe(true);
  return store;
};

stateStoreContract(() => connected(createRedisStore({ url: redis.url, prefix: prefix() })));

test('keys carry the prefix, and values and windows get a TTL in Redis itself', async () => {
  const keyPrefix = prefix();
  const store = await connected(createRedisStore({ url: redis.url, prefix: keyPrefix }));
  const raw = new Redis(redis.url);
  try {
    await store.add('v', 'x', 60_000);
    await store.hit('w', { limit: 5, windowMs: 30_000 }, Date.now());
    expect((await raw.keys(`${keyPrefix}*`)).sort()).toEqual([`${keyPrefix}v`, `${keyPrefix}w`]);
    expect(await raw.pttl(`${keyPrefix}v`)).toBeGreaterThan(59_000);
    const windowTtl = await raw.pttl(`${keyPrefix}w`);
    expect(windowTtl).toBeGreaterThan(29_000);
    expect(windowTtl).toBeLessThanOrEqual(30_000);
  } finally {
    raw.disconnect();
    await store.close();
  }
});

test('while Redis is down every operation fails fast as unavailable; the store reconnects by itself', async () => {
  const statuses: string[] = [];
  const store = await connected(
    createRedisStore({ url: redis.url, prefix: prefix(), onStatus: (event) => statuses.push(event) }),
  );
  try {
    await store.add('before', 'x', 60_000);
    await redis.stop({ crash: true });
    const started = Date.now();
    await expect(store.get('before')).rejects.toBeInstanceOf(StateUnavailableError);
    await expect(store.add('k', 'v', 1000)).rejects.toBeInstanceOf(StateUnavailableError);
    await expect(store.hit('w', { limit: 1, windowMs: 1000 }, Date.now())).rejects.toBeInstanceOf(
      StateUnavailableError,
    );
    await expect(store.ping()).rejects.toBeInstanceOf(StateUnavailableError);
    expect(Date.now() - started).toBeLessThan(5000);
    await redis.start();
    await connected(store);
    expect(await store.add('after', 'y', 60_000)).toBe(true);
    expect(statuses).toContain('lost');
    expect(statuses.filter((status) => status === 'connected').length).toBeGreaterThanOrEqual(2);
  } finally {
    await store.close();
  }
});

test('redactUrl drops the user and password from a Redis URL', () => {
  expect(redactUrl('rediss://user:s3cret@redis.internal:6380/2')).toBe('rediss://redis.internal:6380/2');
  expect(redactUrl('redis://:s3cret@10.0.0.5:6379')).toBe('redis://10.0.0.5:6379');
  expect(redactUrl('not a url s3cret')).not.toContain('s3cret');
});

test('it reads Redis’s eviction policy, which the host wants to be noeviction', async () => {
  const store = await connected(createRedisStore({ url: redis.url, prefix: prefix() }));
  const raw = new Redis(redis.url);
  try {
    expect(await store.evictionPolicy()).toBe('noeviction');
    await raw.config('SET', 'maxmemory-policy', 'volatile-lru');
    expect(await store.evictionPolicy()).toBe('volatile-lru');
  } finally {
    await raw.config('SET', 'maxmemory-policy', 'noeviction');
    raw.disconnect();
    await store.close();
  }
});

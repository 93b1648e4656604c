export type { StateStore, WindowHit, WindowRule } from './store';
export { StateUnavailableError } from './store';
export { createMemoryStore } from './memory-store';
export { createRedisStore, redactUrl, type RedisStateStore } from './redis-store';
export { createKeyHasher, type KeyHasher } from './key-hasher';
export { createSealer, type Sealer } from './sealer';
export { openStateStore } from './open-store';

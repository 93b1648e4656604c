/**
 * The store's read-modify-writes as Lua, which Redis runs atomically. Each touches one key only
 * (KEYS[1]), so each stays inside one hash slot and works on Redis Cluster and Valkey alike.
 */

/**
 * swap: ARGV[1] the value expected, ARGV[2] `set` or `del`, ARGV[3] the new value.
 * GET of a missing key is `false` in Lua, which equals no string: a vanished record never swaps.
 */
export const SWAP = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == 'del' then
  redis.call('DEL', KEYS[1])
else
  redis.call('SET', KEYS[1], ARGV[3], 'KEEPTTL')
end
return 1
`;

/**
 * hit: a sorted set of counted requests, scored by time. ARGV: at (ms), windowMs, limit, id.
 * Returns 0 when counted, else the ms until one more fits. Times are the caller's clock, so that all
 * hosts and the memory store count alike; the key's TTL only collects the garbage.
 */
export const HIT = `
local at = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', at - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], at, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - at)
`;

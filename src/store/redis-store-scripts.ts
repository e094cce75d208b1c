/**
 * The Lua scripts of the Redis store. Each runs atomically on the server, so several proxy replicas
 * sharing one Redis never interleave inside a put or a get (TTL, LRU bound and tombstones stay exact).
 * The clock is an argument: every replica's `now` decides, as in the other backends.
 *
 * KEYS (all fixed, so the scripts declare every key they touch):
 *   1 originals      hash  ref -> original (UTF-8)
 *   2 sizes          hash  ref -> UTF-8 bytes
 *   3 put-at         zset  ref scored by ms of its latest put (TTL runs from it)
 *   4 used           zset  ref scored by the sequence number of its latest put or get (LRU)
 *   5 dropped        hash  ref -> expired | evicted
 *   6 dropped-order  zset  ref scored by the sequence number of its drop (tombstone pruning)
 *   7 seq            counter
 *   8 bytes          total UTF-8 bytes held
 */

/** Names of the keys, in KEYS order, after the store's prefix. */
export const REDIS_STORE_KEYS = [
  'originals',
  'sizes',
  'put-at',
  'used',
  'dropped',
  'dropped-order',
  'seq',
  'bytes',
] as const;

/** Error text the put script answers when another original already holds the ref. */
export const REF_COLLISION_REPLY = 'TERSE_REF_COLLISION';

const HELPERS = `
local function drop(ref, reason)
  local size = tonumber(redis.call('HGET', KEYS[2], ref) or '0')
  redis.call('HDEL', KEYS[1], ref)
  redis.call('HDEL', KEYS[2], ref)
  redis.call('ZREM', KEYS[3], ref)
  redis.call('ZREM', KEYS[4], ref)
  redis.call('DECRBY', KEYS[8], size)
  redis.call('HSET', KEYS[5], ref, reason)
  redis.call('ZADD', KEYS[6], redis.call('INCR', KEYS[7]), ref)
end
local function prune(limit)
  local extra = redis.call('ZCARD', KEYS[6]) - limit
  if extra > 0 then
    for _, ref in ipairs(redis.call('ZRANGE', KEYS[6], 0, extra - 1)) do redis.call('HDEL', KEYS[5], ref) end
    redis.call('ZREMRANGEBYRANK', KEYS[6], 0, extra - 1)
  end
end
`;

/** ARGV: ref, original, bytes, now, ttlMs, maxBytes, tombstoneLimit. Returns the ref. */
export const PUT_SCRIPT = `${HELPERS}
local ref, original, size = ARGV[1], ARGV[2], tonumber(ARGV[3])
local now, ttl, maxBytes, limit = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
for _, old in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now - ttl)) do drop(old, 'expired') end
local existing = redis.call('HGET', KEYS[1], ref)
if existing and existing ~= original then return redis.error_reply('${REF_COLLISION_REPLY}') end
if not existing then
  redis.call('HSET', KEYS[1], ref, original)
  redis.call('HSET', KEYS[2], ref, size)
  redis.call('INCRBY', KEYS[8], size)
end
redis.call('ZADD', KEYS[3], now, ref)
redis.call('ZADD', KEYS[4], redis.call('INCR', KEYS[7]), ref)
redis.call('HDEL', KEYS[5], ref)
redis.call('ZREM', KEYS[6], ref)
-- The new entry has the highest use number and fits alone (checked before the call), so it stays.
while tonumber(redis.call('GET', KEYS[8]) or '0') > maxBytes do
  local oldest = redis.call('ZRANGE', KEYS[4], 0, 0)[1]
  if not oldest or oldest == ref then break end
  drop(oldest, 'evicted')
end
prune(limit)
return ref
`;

/** ARGV: ref, now, ttlMs, tombstoneLimit. Returns {1, original} or {0, reason}. */
export const GET_SCRIPT = `${HELPERS}
local ref, now, ttl, limit = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local original = redis.call('HGET', KEYS[1], ref)
if not original then return {0, redis.call('HGET', KEYS[5], ref) or 'unknown'} end
if now - tonumber(redis.call('ZSCORE', KEYS[3], ref)) >= ttl then
  drop(ref, 'expired')
  prune(limit)
  return {0, 'expired'}
end
redis.call('ZADD', KEYS[4], redis.call('INCR', KEYS[7]), ref)
return {1, original}
`;

/**
 * EscalationKv on Redis (standalone, Sentinel or Cluster through ioredis). A versioned value is a hash
 * { ver, data }; compare-and-set and conditional delete are Lua scripts, so the check and the write are one
 * atomic step even with several bot instances. Indexes are sorted sets. Every key gets a TTL on every write.
 * Redis errors surface as StoreUnavailableError, like the thread store's.
 */
import type { Result } from 'ioredis';
import type { RedisClient } from '../redis-client.js';
import { StoreUnavailableError } from '../store.js';
import type { EscalationKv, Versioned } from './kv.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** KEYS: key; ARGV: expected version, data, ttl seconds. Returns the new version, or -1 on conflict. */
    adEscCas(key: string, expectedVersion: number, data: string, ttlSec: number): Result<number, Context>;
    /** KEYS: key; ARGV: expected version. Returns 1 when deleted. */
    adEscDelIf(key: string, expectedVersion: number): Result<number, Context>;
  }
}

const CAS_LUA = `
local cur = tonumber(redis.call('HGET', KEYS[1], 'ver') or '0')
if cur ~= tonumber(ARGV[1]) then return -1 end
local nextVer = cur + 1
redis.call('HSET', KEYS[1], 'ver', nextVer, 'data', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return nextVer`;

const DEL_IF_LUA = `
local cur = tonumber(redis.call('HGET', KEYS[1], 'ver') or '0')
if cur ~= tonumber(ARGV[1]) then return 0 end
redis.call('DEL', KEYS[1])
return 1`;

export class RedisKv implements EscalationKv {
  /** @param client shared with the thread store; not closed by close() unless `ownsClient`. */
  constructor(
    readonly client: RedisClient,
    private readonly ownsClient = false,
  ) {
    client.defineCommand('adEscCas', { numberOfKeys: 1, lua: CAS_LUA });
    client.defineCommand('adEscDelIf', { numberOfKeys: 1, lua: DEL_IF_LUA });
  }

  async get(key: string): Promise<Versioned | null> {
    const [ver, data] = await run(() => this.client.hmget(key, 'ver', 'data'));
    if (!ver || data === null || data === undefined) return null;
    return { value: data, version: Number(ver) };
  }

  async compareAndSet(
    key: string,
    expectedVersion: number,
    value: string,
    ttlSec: number,
  ): Promise<number | null> {
    const v = await run(() => this.client.adEscCas(key, expectedVersion, value, ttl(ttlSec)));
    return v >= 0 ? v : null;
  }

  async deleteIfVersion(key: string, expectedVersion: number): Promise<boolean> {
    return (await run(() => this.client.adEscDelIf(key, expectedVersion))) === 1;
  }

  async indexAdd(key: string, member: string, score: number, ttlSec: number): Promise<void> {
    await run(() => this.client.multi().zadd(key, score, member).expire(key, ttl(ttlSec)).exec());
  }

  async indexRemove(key: string, member: string): Promise<void> {
    await run(() => this.client.zrem(key, member));
  }

  async indexList(key: string): Promise<string[]> {
    return run(() => this.client.zrange(key, 0, -1));
  }

  async touch(keys: string[], ttlSec: number): Promise<void> {
    // One command per key: in Cluster mode the keys may live in different slots.
    await run(() => Promise.all(keys.map((k) => this.client.expire(k, ttl(ttlSec)))));
  }

  async close(): Promise<void> {
    if (!this.ownsClient) return;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}

function ttl(sec: number): number {
  return Math.max(1, Math.ceil(sec));
}

async function run<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof StoreUnavailableError) throw err;
    throw new StoreUnavailableError(`redis: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
}

/**
 * Production thread store on Redis (standalone, Sentinel or Cluster through ioredis).
 *
 * Layout, all keys of one thread under one hash tag (same Cluster slot):
 *   ad:{<platform>:<tenant>:<channel>:<thread>}:state        hash { rev, data } — data is the state JSON
 *   ad:{<platform>:<tenant>:<channel>:<thread>}:seen:<id>    "1" — delivery dedup (event id, message id)
 * Every key has a TTL: the state slides on each write (default 30 days), dedup keys last `ttlSec` of the claim.
 *
 * Writes are a Lua compare-and-set on `rev`, so two instances racing on one thread never overwrite each other:
 * the loser re-reads and re-applies its change. A deleted thread keeps its `rev` (data removed) so revisions never
 * go backwards and a stale writer cannot slip in after a reset.
 */
import type { Result } from 'ioredis';
import { Cluster } from 'ioredis';
import { isScopeMember, SCOPES_KEY, scopeKeyPattern } from './escalations/repository.js';
import { OutageLog } from './health.js';
import { deliveryKey, stateKey, tenantKeyPattern } from './keys.js';
import { noopLogger, type Logger } from '../observability/logger.js';
import { createRedisClient, type RedisClient, type RedisConnectionOptions } from './redis-client.js';
import { decodeState, encodeStateWithValue } from './state.js';
import {
  backoffMs,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TTL_SEC,
  StoreConflictError,
  StoreUnavailableError,
  type ClaimAndLoad,
  type ClaimOptions,
  type Mutate,
  type Snapshot,
  type StoreOptions,
  type ThreadStore,
  type UpdateOptions,
} from './store.js';
import type { Platform } from './types.js';

export type { RedisClient, RedisConnectionOptions } from './redis-client.js';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    /** KEYS: delivery keys; ARGV: ttlSec. Returns 1 when every key was new. */
    adClaim(numKeys: number, ...keysThenTtl: Array<string | number>): Result<number, Context>;
    /**
     * KEYS: state key, then delivery keys; ARGV: ttlSec, '1' to claim only when the state exists. Returns [1 when
     * every delivery key was new (-1: no state, nothing claimed), rev, data].
     */
    adClaimLoad(
      numKeys: number,
      ...keysThenTtl: Array<string | number>
    ): Result<[number, string | null, string | null], Context>;
    /**
     * KEYS: state key[, side key]; ARGV: expected rev, data ('' deletes), ttlMs[, side value, side ttlSec]. Returns
     * the new rev, or -1 on conflict (then nothing is written, the side key neither).
     */
    adCas(numKeys: number, ...keysThenArgs: Array<string | number>): Result<number, Context>;
  }
}

const CLAIM_LUA = `
local fresh = 1
for i = 1, #KEYS do
  if not redis.call('SET', KEYS[i], '1', 'NX', 'EX', ARGV[1]) then fresh = 0 end
end
return fresh`;

/**
 * The dedup claim (delivery ids, and the Slack request signature that guards against replays) and the thread read
 * as one command: one round trip, one small reply. With ARGV[2] = '1' a thread without state claims nothing: a
 * channel reply in a thread the bot never answered costs no write.
 */
const CLAIM_LOAD_LUA = `
if ARGV[2] == '1' and redis.call('HEXISTS', KEYS[1], 'data') == 0 then return {-1, false, false} end
local fresh = 1
for i = 2, #KEYS do
  if not redis.call('SET', KEYS[i], '1', 'NX', 'EX', ARGV[1]) then fresh = 0 end
end
local state = redis.call('HMGET', KEYS[1], 'rev', 'data')
return {fresh, state[1], state[2]}`;

const CAS_LUA = `
local cur = tonumber(redis.call('HGET', KEYS[1], 'rev') or '0')
if cur ~= tonumber(ARGV[1]) then return -1 end
local nextRev = cur + 1
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[1], 'data')
  redis.call('HSET', KEYS[1], 'rev', nextRev)
else
  redis.call('HSET', KEYS[1], 'rev', nextRev, 'data', ARGV[2])
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if KEYS[2] then redis.call('SET', KEYS[2], ARGV[4], 'EX', ARGV[5]) end
return nextRev`;

/** Redis' replies when it answers but will not write: out of memory, read-only replica, failed snapshot. */
const WRITE_REFUSED = /^(?:OOM|READONLY|MISCONF|NOREPLICAS|NOWRITE)\b/;

/** Written by the readiness probe; expires by itself. */
const PROBE_KEY = 'ad:readyz:probe';

/** How long a command issued before the first connection waits for it. */
const FIRST_CONNECT_WAIT_MS = 1000;

export interface RedisStoreOptions extends StoreOptions {
  /** A client to use (not closed by close()); otherwise one is created from `connection`. */
  client?: RedisClient;
  connection?: RedisConnectionOptions;
  logger?: Logger;
}

export class RedisStore implements ThreadStore {
  readonly kind = 'redis' as const;
  readonly client: RedisClient;
  private readonly ownsClient: boolean;
  private readonly ttlMs: number;
  private readonly maxAttempts: number;
  private readonly logger: Logger;
  private readonly outage: OutageLog;
  private closing = false;
  /** The current outage is Redis refusing writes (it still answers reads). */
  private writesRefused = false;
  /** Set on the first 'ready': until then commands wait briefly for the first connection instead of failing. */
  private everReady = false;

  constructor(options: RedisStoreOptions = {}) {
    this.ownsClient = !options.client;
    this.client = options.client ?? createRedisClient(options.connection);
    this.ttlMs = (options.ttlSec ?? DEFAULT_TTL_SEC) * 1000;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.logger = options.logger ?? noopLogger;
    this.outage = new OutageLog(this.logger, 'redis');
    this.client.defineCommand('adClaim', { lua: CLAIM_LUA });
    this.client.defineCommand('adClaimLoad', { lua: CLAIM_LOAD_LUA });
    this.client.defineCommand('adCas', { lua: CAS_LUA });
    // Without an 'error' listener ioredis prints every reconnect failure; route them to the once-per-outage log.
    this.client.on('error', (err: unknown) => {
      if (!this.closing) this.outage.failed(err);
    });
    if (this.client instanceof Cluster) {
      this.client.on('node error', (err: unknown) => {
        if (!this.closing) this.outage.failed(err);
      });
    }
    this.client.on('ready', () => {
      this.everReady = true;
      this.outage.succeeded();
    });
    if (this.client.status === 'ready') this.everReady = true;
  }

  /**
   * Resolves true once the client is connected (false after `timeoutMs`). Commands fail fast instead of queueing
   * while disconnected, so callers that must not start degraded (tests, startup probes) wait here first.
   */
  async ready(timeoutMs = 5000): Promise<boolean> {
    if (this.client.status === 'ready') return true;
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.client.on('ready', onReady);
    });
  }

  /** True while an outage is in progress (the last command or connection attempt failed). */
  get degraded(): boolean {
    return this.outage.isDown;
  }

  async load(threadId: string): Promise<Snapshot> {
    const [rev, data] = await this.run(() => this.client.hmget(stateKey(threadId), 'rev', 'data'), 'read');
    return toSnapshot(rev ?? null, data ?? null);
  }

  async claimAndLoad(
    threadId: string,
    deliveryIds: string[],
    ttlSec: number,
    opts: ClaimOptions = {},
  ): Promise<ClaimAndLoad> {
    const keys = deliveryIds.map((id) => deliveryKey(threadId, id));
    const [claimed, rev, data] = await this.run(
      () =>
        this.client.adClaimLoad(
          keys.length + 1,
          stateKey(threadId),
          ...keys,
          Math.max(1, Math.ceil(ttlSec)),
          opts.onlyIfStored ? '1' : '0',
        ),
      'write',
    );
    // Lua turns a missing hash field (false) into a nil reply: null here.
    const snapshot = toSnapshot(rev ?? null, data ?? null);
    if (claimed === -1) return { fresh: true, snapshot, stored: false };
    return { fresh: keys.length === 0 || claimed === 1, snapshot };
  }

  async claimDelivery(threadId: string, deliveryIds: string[], ttlSec: number): Promise<boolean> {
    if (deliveryIds.length === 0) return true;
    const keys = deliveryIds.map((id) => deliveryKey(threadId, id));
    const fresh = await this.run(
      () => this.client.adClaim(keys.length, ...keys, Math.max(1, Math.ceil(ttlSec))),
      'write',
    );
    return fresh === 1;
  }

  async update(threadId: string, mutate: Mutate, opts: UpdateOptions = {}): Promise<Snapshot> {
    let snapshot = opts.snapshot ?? (await this.load(threadId));
    const key = stateKey(threadId);
    const side = opts.alongside;
    // A side key in another Cluster slot cannot ride in the script: it is written on its own after.
    const sideInScript = side !== undefined && hashTagOf(side.key) === hashTagOf(key);
    const sideArgs = sideInScript
      ? { keys: [side.key], args: [side.value, Math.max(1, side.ttlSec)] }
      : undefined;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const next = mutate(snapshot.state);
      if (next === snapshot.state) return snapshot;
      const encoded = next === null ? null : encodeStateWithValue(next);
      const data = encoded?.json ?? '';
      const rev = await this.run(
        () =>
          sideArgs
            ? this.client.adCas(2, key, ...sideArgs.keys, snapshot.rev, data, this.ttlMs, ...sideArgs.args)
            : this.client.adCas(1, key, snapshot.rev, data, this.ttlMs),
        'write',
      );
      // What was stored is the bounded state the JSON was made from: no need to parse it back.
      if (rev >= 0) {
        if (side && !sideInScript) {
          await this.run(
            () => this.client.set(side.key, side.value, 'EX', Math.max(1, side.ttlSec)),
            'write',
          );
        }
        return { state: encoded?.state ?? null, rev };
      }
      await sleep(backoffMs(attempt));
      snapshot = await this.load(threadId);
    }
    throw new StoreConflictError(threadId, this.maxAttempts);
  }

  /** Every key of the workspace: thread state, delivery ids, and its escalation records, links and indexes. */
  async purgeTenant(platform: Platform, tenant: string): Promise<number> {
    const scope = { platform, tenant };
    const patterns = [tenantKeyPattern(platform, tenant), scopeKeyPattern(scope)];
    const nodes = this.client instanceof Cluster ? this.client.nodes('master') : [this.client];
    let removed = 0;
    for (const node of nodes) {
      for (const pattern of patterns) {
        const keys = await this.run(() => scanAll(node, pattern), 'read');
        for (let i = 0; i < keys.length; i += 200) {
          const batch = keys.slice(i, i + 200);
          // One key per UNLINK so each is routed to its own slot in Cluster mode.
          const counts = await this.run(() => Promise.all(batch.map((k) => this.client.unlink(k))), 'write');
          removed += counts.reduce((a, b) => a + b, 0);
        }
      }
    }
    const scopes = await this.run(() => this.client.zrange(SCOPES_KEY, 0, -1), 'read');
    const gone = scopes.filter((member) => isScopeMember(member, scope));
    if (gone.length > 0) await this.run(() => this.client.zrem(SCOPES_KEY, ...gone), 'write');
    this.logger.info('tenant purged', { platform, keys: removed });
    return removed;
  }

  /**
   * Readiness: one small write (a probe key that expires by itself), since a Redis that answers PING may still
   * refuse every write (maxmemory reached with noeviction, a read-only replica after a failover, a failed
   * snapshot with stop-writes-on-bgsave-error), and then no answer has memory.
   */
  async ping(): Promise<boolean> {
    try {
      await this.run(() => this.client.set(PROBE_KEY, '1', 'PX', 60_000), 'write');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.ownsClient) return;
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  /**
   * Runs one Redis call: any failure becomes StoreUnavailableError and starts an outage (logged once). A success
   * ends it, except that a read does not end an outage of refused writes: reads keep working when Redis is out
   * of memory, and taking each of them for a recovery would log the outage once per message.
   */
  private async run<T>(call: () => Promise<T>, kind: 'read' | 'write'): Promise<T> {
    // At start-up the connection is still opening: give it a moment rather than reporting an outage.
    if (!this.everReady && !this.closing) await this.ready(FIRST_CONNECT_WAIT_MS);
    try {
      const result = await call();
      if (kind === 'write' || !this.writesRefused) {
        this.writesRefused = false;
        this.outage.succeeded();
      }
      return result;
    } catch (err) {
      throw this.unavailable(err);
    }
  }

  private unavailable(err: unknown): StoreUnavailableError {
    if (err instanceof StoreUnavailableError) return err;
    if (WRITE_REFUSED.test(err instanceof Error ? err.message : String(err))) this.writesRefused = true;
    if (!this.closing) this.outage.failed(err);
    return new StoreUnavailableError(`redis: ${err instanceof Error ? err.message : String(err)}`, {
      cause: err,
    });
  }
}

/** The `{…}` part of a key that picks its Cluster slot (the whole key when it has none). */
function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  const close = open >= 0 ? key.indexOf('}', open + 1) : -1;
  return close > open + 1 ? key.slice(open + 1, close) : key;
}

function toSnapshot(rev: string | null, data: string | null): Snapshot {
  return { rev: rev ? Number(rev) : 0, state: data ? decodeOrNull(data) : null };
}

function decodeOrNull(data: string) {
  const decoded = decodeState(data);
  return decoded.ok ? decoded.state : null;
}

async function scanAll(node: { scan: RedisClient['scan'] }, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

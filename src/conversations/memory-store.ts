/**
 * Embedded store for a single instance (CLI, web playground, tests, no REDIS_URL). Same contract as RedisStore:
 * states are stored serialized (so nothing shares references with the caller), revisions are checked, and keys
 * expire after their TTL by the injected clock.
 *
 * Bounded, since it lives in the process heap and anyone who can reach the bot can open threads: at most
 * `maxThreads` threads and `maxBytes` of serialized state, the least recently written thread evicted first (as
 * Redis' `allkeys-lru` would), delivery ids capped the same way, and a timer (unref'd: it never keeps the process
 * alive) sweeps expired entries so idle memory goes back.
 */
import { MemoryKv } from './escalations/memory-kv.js';
import { isScopeMember, SCOPES_KEY, scopeKeyPattern } from './escalations/repository.js';
import { deliveryKey, stateKey, tenantKeyPattern } from './keys.js';
import { decodeState, encodeState } from './state.js';
import {
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

interface Entry {
  rev: number;
  data: string;
  expiresAt: number;
}

export interface MemoryStoreOptions extends StoreOptions {
  clock?: () => number;
  /** Threads kept; past it the least recently written goes. Default 10,000. */
  maxThreads?: number;
  /** Serialized state kept, in UTF-16 code units of keys and values. Default 64 Mi. */
  maxBytes?: number;
  /** Delivery ids remembered for dedup. Default 100,000. */
  maxDeliveries?: number;
  /** How often expired entries are swept; 0 turns the timer off. Default one minute. */
  sweepIntervalMs?: number;
}

export const MEMORY_STORE_DEFAULTS = {
  maxThreads: 10_000,
  maxBytes: 64 * 1024 * 1024,
  maxDeliveries: 100_000,
  sweepIntervalMs: 60_000,
};

export class MemoryStore implements ThreadStore {
  readonly kind = 'memory' as const;
  /** Escalation records live beside the threads, so a workspace's purge takes both. */
  readonly escalationKv: MemoryKv;
  private readonly states = new Map<string, Entry>();
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxAttempts: number;
  private readonly clock: () => number;
  private readonly maxThreads: number;
  private readonly maxBytes: number;
  private readonly maxDeliveries: number;
  private readonly sweepTimer?: NodeJS.Timeout;
  private bytes = 0;
  private closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.ttlMs = (options.ttlSec ?? DEFAULT_TTL_SEC) * 1000;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.clock = options.clock ?? Date.now;
    this.escalationKv = new MemoryKv(this.clock);
    this.maxThreads = options.maxThreads ?? MEMORY_STORE_DEFAULTS.maxThreads;
    this.maxBytes = options.maxBytes ?? MEMORY_STORE_DEFAULTS.maxBytes;
    this.maxDeliveries = options.maxDeliveries ?? MEMORY_STORE_DEFAULTS.maxDeliveries;
    const every = options.sweepIntervalMs ?? MEMORY_STORE_DEFAULTS.sweepIntervalMs;
    if (every > 0) {
      this.sweepTimer = setInterval(() => this.sweepExpired(), every);
      this.sweepTimer.unref();
    }
  }

  /** What the store holds now, expired entries not yet swept included. */
  stats(): { threads: number; deliveries: number; bytes: number } {
    return { threads: this.states.size, deliveries: this.seen.size, bytes: this.bytes };
  }

  /** Drops every expired thread and delivery id (the timer calls this; tests may too). */
  sweepExpired(): void {
    const now = this.clock();
    for (const [key, entry] of this.states) if (entry.expiresAt <= now) this.remove(key, entry);
    for (const [key, exp] of this.seen) if (exp <= now) this.seen.delete(key);
  }

  async load(threadId: string): Promise<Snapshot> {
    this.assertOpen();
    return this.read(threadId);
  }

  async claimAndLoad(
    threadId: string,
    deliveryIds: string[],
    ttlSec: number,
    opts: ClaimOptions = {},
  ): Promise<ClaimAndLoad> {
    this.assertOpen();
    const snapshot = this.read(threadId);
    if (opts.onlyIfStored && !snapshot.state) return { fresh: true, snapshot, stored: false };
    return { fresh: this.claim(threadId, deliveryIds, ttlSec), snapshot };
  }

  async claimDelivery(threadId: string, deliveryIds: string[], ttlSec: number): Promise<boolean> {
    this.assertOpen();
    return this.claim(threadId, deliveryIds, ttlSec);
  }

  async update(threadId: string, mutate: Mutate, opts: UpdateOptions = {}): Promise<Snapshot> {
    this.assertOpen();
    let snapshot = opts.snapshot ?? this.read(threadId);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const next = mutate(snapshot.state);
      if (next === snapshot.state) return snapshot;
      const key = stateKey(threadId);
      const current = this.live(key)?.rev ?? 0;
      if (current === snapshot.rev) {
        // A deleted thread keeps its revision (empty data) so revisions never go backwards.
        const data = next === null ? '' : encodeState(next);
        const rev = current + 1;
        this.put(key, { rev, data, expiresAt: this.clock() + this.ttlMs });
        return { state: data === '' ? null : decodeOrNull(data), rev };
      }
      // A snapshot passed in by the caller went stale: re-read and run mutate again.
      snapshot = this.read(threadId);
    }
    throw new StoreConflictError(threadId, this.maxAttempts);
  }

  async purgeTenant(platform: Platform, tenant: string): Promise<number> {
    this.assertOpen();
    const prefix = tenantKeyPattern(platform, tenant).slice(0, -1);
    let removed = 0;
    for (const [key, entry] of [...this.states]) {
      if (key.startsWith(prefix)) {
        this.remove(key, entry);
        removed++;
      }
    }
    for (const key of [...this.seen.keys()]) {
      if (key.startsWith(prefix)) {
        this.seen.delete(key);
        removed++;
      }
    }
    const scope = { platform, tenant };
    removed += this.escalationKv.deletePrefix(scopeKeyPattern(scope).slice(0, -1));
    for (const member of await this.escalationKv.indexList(SCOPES_KEY)) {
      if (isScopeMember(member, scope)) await this.escalationKv.indexRemove(SCOPES_KEY, member);
    }
    return removed;
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /** Every live key with its remaining time to live in ms (tests check that nothing lives forever). */
  keysWithTtl(): Array<{ key: string; ttlMs: number }> {
    const now = this.clock();
    const out: Array<{ key: string; ttlMs: number }> = [];
    for (const [key, entry] of this.states)
      if (entry.expiresAt > now) out.push({ key, ttlMs: entry.expiresAt - now });
    for (const [key, expiresAt] of this.seen) if (expiresAt > now) out.push({ key, ttlMs: expiresAt - now });
    return out;
  }

  /** Raw stored values, as RedisStore tests read them with GET/HGETALL. */
  rawValues(): string[] {
    return [...this.states.values()].map((e) => e.data).filter(Boolean);
  }

  private claim(threadId: string, deliveryIds: string[], ttlSec: number): boolean {
    const now = this.clock();
    const keys = deliveryIds.map((id) => deliveryKey(threadId, id));
    const fresh = keys.every((k) => (this.seen.get(k) ?? 0) <= now);
    for (const k of keys) {
      if ((this.seen.get(k) ?? 0) > now) continue;
      this.seen.delete(k);
      this.seen.set(k, now + ttlSec * 1000);
    }
    // Insertion order is claim order: the first key is the oldest claim.
    while (this.seen.size > this.maxDeliveries) this.seen.delete(this.seen.keys().next().value!);
    return fresh;
  }

  /** Stores an entry as the most recently written, then evicts the least recently written past the caps. */
  private put(key: string, entry: Entry): void {
    const old = this.states.get(key);
    if (old) this.remove(key, old);
    this.states.set(key, entry);
    this.bytes += key.length + entry.data.length;
    while (this.states.size > 1 && (this.states.size > this.maxThreads || this.bytes > this.maxBytes)) {
      const [oldestKey, oldest] = this.states.entries().next().value!;
      this.remove(oldestKey, oldest);
    }
  }

  private remove(key: string, entry: Entry): void {
    if (this.states.get(key) !== entry) return;
    this.states.delete(key);
    this.bytes -= key.length + entry.data.length;
  }

  private read(threadId: string): Snapshot {
    const entry = this.live(stateKey(threadId));
    if (!entry) return { state: null, rev: 0 };
    return { state: entry.data === '' ? null : decodeOrNull(entry.data), rev: entry.rev };
  }

  private live(key: string): Entry | undefined {
    const entry = this.states.get(key);
    if (entry && entry.expiresAt <= this.clock()) {
      this.remove(key, entry);
      return undefined;
    }
    return entry;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('memory store is closed');
  }
}

function decodeOrNull(data: string) {
  const decoded = decodeState(data);
  return decoded.ok ? decoded.state : null;
}

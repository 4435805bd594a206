/**
 * Embedded store for a single instance (CLI, web playground, tests, no REDIS_URL). Same contract as RedisStore:
 * states are stored serialized (so nothing shares references with the caller), revisions are checked, and keys
 * expire after their TTL by the injected clock.
 */
import { deliveryKey, stateKey, tenantKeyPattern } from './keys.js';
import { decodeState, encodeState } from './state.js';
import {
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TTL_SEC,
  StoreConflictError,
  StoreUnavailableError,
  type ClaimAndLoad,
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
}

export class MemoryStore implements ThreadStore {
  readonly kind = 'memory' as const;
  private readonly states = new Map<string, Entry>();
  private readonly seen = new Map<string, number>();
  private readonly ttlMs: number;
  private readonly maxAttempts: number;
  private readonly clock: () => number;
  private closed = false;

  constructor(options: MemoryStoreOptions = {}) {
    this.ttlMs = (options.ttlSec ?? DEFAULT_TTL_SEC) * 1000;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.clock = options.clock ?? Date.now;
  }

  async load(threadId: string): Promise<Snapshot> {
    this.assertOpen();
    return this.read(threadId);
  }

  async claimAndLoad(threadId: string, deliveryIds: string[], ttlSec: number): Promise<ClaimAndLoad> {
    this.assertOpen();
    return { fresh: this.claim(threadId, deliveryIds, ttlSec), snapshot: this.read(threadId) };
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
        this.states.set(key, { rev, data, expiresAt: this.clock() + this.ttlMs });
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
    for (const map of [this.states, this.seen] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) {
        if (key.startsWith(prefix)) {
          map.delete(key);
          removed++;
        }
      }
    }
    return removed;
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
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
    this.sweep(now);
    const keys = deliveryIds.map((id) => deliveryKey(threadId, id));
    const fresh = keys.every((k) => (this.seen.get(k) ?? 0) <= now);
    for (const k of keys) if ((this.seen.get(k) ?? 0) <= now) this.seen.set(k, now + ttlSec * 1000);
    return fresh;
  }

  private read(threadId: string): Snapshot {
    const entry = this.live(stateKey(threadId));
    if (!entry) return { state: null, rev: 0 };
    return { state: entry.data === '' ? null : decodeOrNull(entry.data), rev: entry.rev };
  }

  private live(key: string): Entry | undefined {
    const entry = this.states.get(key);
    if (entry && entry.expiresAt <= this.clock()) {
      this.states.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Drops expired dedup keys so the map does not grow with traffic. */
  private sweep(now: number): void {
    if (this.seen.size < 10_000) return;
    for (const [k, exp] of this.seen) if (exp <= now) this.seen.delete(k);
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('memory store is closed');
  }
}

function decodeOrNull(data: string) {
  const decoded = decodeState(data);
  return decoded.ok ? decoded.state : null;
}

/**
 * In-process EscalationKv: same contract as RedisKv (versions, TTL by an injected clock, values stored as
 * strings so nothing shares references with callers). Two repositories over one MemoryKv behave like two
 * instances over one Redis.
 */
import type { EscalationKv, Versioned } from './kv.js';

interface Entry {
  value: string;
  version: number;
  expiresAt: number;
}

interface Index {
  members: Map<string, number>;
  expiresAt: number;
}

export class MemoryKv implements EscalationKv {
  private readonly values = new Map<string, Entry>();
  private readonly indexes = new Map<string, Index>();

  constructor(private readonly clock: () => number = Date.now) {}

  async get(key: string): Promise<Versioned | null> {
    const e = this.live(key);
    return e ? { value: e.value, version: e.version } : null;
  }

  async compareAndSet(
    key: string,
    expectedVersion: number,
    value: string,
    ttlSec: number,
  ): Promise<number | null> {
    const current = this.live(key)?.version ?? 0;
    if (current !== expectedVersion) return null;
    const version = current + 1;
    this.values.set(key, { value, version, expiresAt: this.clock() + ttlSec * 1000 });
    return version;
  }

  async deleteIfVersion(key: string, expectedVersion: number): Promise<boolean> {
    if (this.live(key)?.version !== expectedVersion) return false;
    this.values.delete(key);
    return true;
  }

  async indexAdd(key: string, member: string, score: number, ttlSec: number): Promise<void> {
    const idx = this.liveIndex(key) ?? { members: new Map<string, number>(), expiresAt: 0 };
    idx.members.set(member, score);
    idx.expiresAt = this.clock() + ttlSec * 1000;
    this.indexes.set(key, idx);
  }

  async indexRemove(key: string, member: string): Promise<void> {
    const idx = this.liveIndex(key);
    if (!idx) return;
    idx.members.delete(member);
    if (idx.members.size === 0) this.indexes.delete(key);
  }

  async indexList(key: string): Promise<string[]> {
    const idx = this.liveIndex(key);
    if (!idx) return [];
    return [...idx.members.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([m]) => m);
  }

  async touch(keys: string[], ttlSec: number): Promise<void> {
    const at = this.clock() + ttlSec * 1000;
    for (const k of keys) {
      const e = this.live(k);
      if (e) e.expiresAt = at;
      const idx = this.liveIndex(k);
      if (idx) idx.expiresAt = at;
    }
  }

  async close(): Promise<void> {}

  /** Deletes every value and index whose key starts with `prefix`; returns how many went. */
  deletePrefix(prefix: string): number {
    let removed = 0;
    for (const map of [this.values, this.indexes] as Map<string, unknown>[]) {
      for (const key of [...map.keys()]) {
        if (key.startsWith(prefix)) {
          map.delete(key);
          removed++;
        }
      }
    }
    return removed;
  }

  /** Every live key with its remaining TTL in ms, and raw values (tests check TTLs and scan for product keys). */
  dump(): Array<{ key: string; ttlMs: number; value: string }> {
    const now = this.clock();
    const out: Array<{ key: string; ttlMs: number; value: string }> = [];
    for (const [key, e] of this.values)
      if (e.expiresAt > now) out.push({ key, ttlMs: e.expiresAt - now, value: e.value });
    for (const [key, idx] of this.indexes) {
      if (idx.expiresAt > now)
        out.push({ key, ttlMs: idx.expiresAt - now, value: [...idx.members.keys()].join(',') });
    }
    return out;
  }

  private live(key: string): Entry | undefined {
    const e = this.values.get(key);
    if (e && e.expiresAt <= this.clock()) {
      this.values.delete(key);
      return undefined;
    }
    return e;
  }

  private liveIndex(key: string): Index | undefined {
    const idx = this.indexes.get(key);
    if (idx && idx.expiresAt <= this.clock()) {
      this.indexes.delete(key);
      return undefined;
    }
    return idx;
  }
}

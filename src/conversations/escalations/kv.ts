/**
 * The small key-value interface escalations are stored through: versioned values written by compare-and-set (so
 * two instances never apply the same transition twice) and sorted-set indexes. Every write carries a TTL.
 * Implementations: MemoryKv (tests, single instance) and RedisKv (production).
 */

export interface Versioned {
  value: string;
  /** Incremented by every successful compareAndSet; 0 never appears (0 means "absent" to compareAndSet). */
  version: number;
}

export interface EscalationKv {
  get(key: string): Promise<Versioned | null>;
  /**
   * Writes `value` when the key's version is `expectedVersion` (0: the key must not exist) and sets its TTL.
   * Returns the new version, or null when another writer got there first.
   */
  compareAndSet(key: string, expectedVersion: number, value: string, ttlSec: number): Promise<number | null>;
  /** Deletes a key written by compareAndSet when its version is still `expectedVersion`. */
  deleteIfVersion(key: string, expectedVersion: number): Promise<boolean>;
  /** Adds (or re-scores) a member of a sorted index and refreshes the index's TTL. */
  indexAdd(key: string, member: string, score: number, ttlSec: number): Promise<void>;
  indexRemove(key: string, member: string): Promise<void>;
  /** Members by ascending score. */
  indexList(key: string): Promise<string[]>;
  /** Refreshes the TTL of keys that exist. */
  touch(keys: string[], ttlSec: number): Promise<void>;
  close(): Promise<void>;
}

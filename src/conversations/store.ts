/**
 * Thread memory behind one interface, so the engine runs the same against the embedded MemoryStore and the
 * production RedisStore. A message costs at most two round trips: `claimAndLoad` (dedup, replay guard and read)
 * and one atomic compare-and-set write in `update` that also records the card posted for the turn (more only
 * when another instance wrote the same thread in between).
 */
import type { Platform } from './types.js';
import type { ThreadState } from './state.js';

/** A thread's state as read, with the revision a write must match. `rev` 0: nothing stored. */
export interface Snapshot {
  state: ThreadState | null;
  rev: number;
}

/** Returns the next state (`null` deletes the thread; the same object as `prev` writes nothing). Must be pure: it
 *  is run again on a newer state when another writer got there first. */
export type Mutate = (prev: ThreadState | null) => ThreadState | null;

/** A small record written in the same atomic write as the thread (Teams: the conversation's address). */
export interface SideRecord {
  /** Must share the thread's hash tag (same Cluster slot); otherwise it is written separately. */
  key: string;
  value: string;
  ttlSec: number;
}

export interface UpdateOptions {
  /** A snapshot already read in this turn: the first attempt writes against it without reading again. */
  snapshot?: Snapshot;
  /** Written with the state when the compare-and-set succeeds (Redis only; the memory store keeps none). */
  alongside?: SideRecord;
}

export interface ClaimOptions {
  /** Claim and read only when the thread has a stored state; otherwise claim nothing (`stored` false). */
  onlyIfStored?: boolean;
}

export interface ClaimAndLoad {
  /** false: these delivery ids were seen before (a retry or a doubled event); do not answer. */
  fresh: boolean;
  snapshot: Snapshot;
  /** false when `onlyIfStored` found no state: nothing was claimed. */
  stored?: boolean;
}

export interface ThreadStore {
  readonly kind: 'memory' | 'redis';
  load(threadId: string): Promise<Snapshot>;
  /** Claims the delivery ids (SET NX EX each) and reads the thread, in one round trip. */
  claimAndLoad(
    threadId: string,
    deliveryIds: string[],
    ttlSec: number,
    opts?: ClaimOptions,
  ): Promise<ClaimAndLoad>;
  /** true when none of the ids was claimed before (and all are now claimed). */
  claimDelivery(threadId: string, deliveryIds: string[], ttlSec: number): Promise<boolean>;
  /** Atomic read-modify-write with optimistic retry; returns what was stored. */
  update(threadId: string, mutate: Mutate, opts?: UpdateOptions): Promise<Snapshot>;
  /** Deletes every key of one workspace / tenant (app uninstalled). Returns how many keys went. */
  purgeTenant(platform: Platform, tenant: string): Promise<number>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The store could not be reached (Redis down, slow, or the client closed). The engine answers without memory. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Too many writers raced on one thread; every attempt lost the compare-and-set. */
export class StoreConflictError extends Error {
  constructor(threadId: string, attempts: number) {
    super(`thread state changed under ${attempts} attempts: ${threadId.slice(0, 80)}`);
    this.name = 'StoreConflictError';
  }
}

export const DEFAULT_TTL_SEC = 30 * 24 * 3600;
export const DEFAULT_DEDUP_TTL_SEC = 3600;
export const DEFAULT_MAX_ATTEMPTS = 100;

export interface StoreOptions {
  /** Sliding TTL of a thread's state, refreshed on every write. Default 30 days. */
  ttlSec?: number;
  /** Compare-and-set attempts before giving up with StoreConflictError. */
  maxAttempts?: number;
}

/** Jittered, growing pause between compare-and-set attempts so racing writers spread out. */
export function backoffMs(attempt: number): number {
  const cap = Math.min(2 + attempt * 2, 40);
  return 1 + Math.floor(Math.random() * cap);
}

/**
 * The embedded store (no REDIS_URL) lives in the process heap, where anyone who can reach the bot can open
 * threads: it keeps a bounded number of threads and bytes, drops the least recently written first, and a timer
 * that never holds the process open sweeps what has expired.
 */
import { describe, expect, it } from 'vitest';
import { threadIdOf } from '../../src/conversations/keys.js';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import { emptyState, type ThreadState } from '../../src/conversations/state.js';

const thread = (n: number) =>
  threadIdOf({ platform: 'slack', tenant: 'T1', channel: 'C1', threadKey: `1700000000.${n}` });

function withCodes(count: number, from = 0): (prev: ThreadState | null) => ThreadState {
  return (prev) => {
    const base = prev ?? emptyState(1_700_000_000_000);
    const codes = Array.from({ length: count }, (_, i) => ({
      code: `0xC004${(from + i).toString(16).toUpperCase().padStart(4, '0')}`,
      messageId: `m${from + i}`,
      at: 1_700_000_000_000,
    }));
    return { ...base, codes: [...base.codes, ...codes] };
  };
}

describe('the embedded thread store stays bounded', () => {
  it('keeps at most maxThreads threads, evicting the least recently written first', async () => {
    const store = new MemoryStore({ maxThreads: 3, sweepIntervalMs: 0 });
    for (const n of [1, 2, 3]) await store.update(thread(n), withCodes(1));
    await store.update(thread(1), withCodes(1, 10)); // thread 1 written again: now the most recent
    for (const n of [4, 5]) await store.update(thread(n), withCodes(1));
    expect(store.stats().threads).toBe(3);
    expect((await store.load(thread(2))).state).toBeNull();
    expect((await store.load(thread(3))).state).toBeNull();
    expect((await store.load(thread(1))).state?.codes).toHaveLength(2);
    expect((await store.load(thread(5))).state?.codes).toHaveLength(1);
  });

  it('keeps at most maxBytes of state, and counts bytes back when threads go', async () => {
    const store = new MemoryStore({ maxBytes: 8_000, sweepIntervalMs: 0 });
    for (let n = 0; n < 50; n++) await store.update(thread(n), withCodes(20, n * 20));
    const { threads, bytes } = store.stats();
    expect(bytes).toBeLessThanOrEqual(8_000);
    expect(threads).toBeGreaterThan(0);
    expect(threads).toBeLessThan(50);
    expect((await store.load(thread(49))).state?.codes).toHaveLength(20);
    expect((await store.load(thread(0))).state).toBeNull();
    await store.purgeTenant('slack', 'T1');
    expect(store.stats()).toEqual({ threads: 0, deliveries: 0, bytes: 0 });
  });

  it('remembers a bounded number of delivery ids, the oldest forgotten first', async () => {
    const store = new MemoryStore({ maxDeliveries: 100, sweepIntervalMs: 0 });
    for (let i = 0; i < 1000; i++) await store.claimDelivery(thread(1), [`evt:${i}`], 3600);
    expect(store.stats().deliveries).toBe(100);
    expect(await store.claimDelivery(thread(1), ['evt:999'], 3600)).toBe(false);
  });

  it('sweeps expired threads and delivery ids on an unref’d timer', async () => {
    let now = 1_700_000_000_000;
    const store = new MemoryStore({ ttlSec: 60, clock: () => now, sweepIntervalMs: 20 });
    try {
      for (let n = 0; n < 10; n++) {
        await store.update(thread(n), withCodes(1));
        await store.claimDelivery(thread(n), [`evt:${n}`], 60);
      }
      expect(store.stats().threads).toBe(10);
      const timer = (store as unknown as { sweepTimer: NodeJS.Timeout }).sweepTimer;
      expect(timer.hasRef()).toBe(false);
      now += 61_000;
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect(store.stats()).toEqual({ threads: 0, deliveries: 0, bytes: 0 });
    } finally {
      await store.close();
    }
  });
});

/**
 * One contract, two stores: the embedded MemoryStore and RedisStore against a real redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import { RedisStore } from '../../src/conversations/redis-store.js';
import { stateKey, threadIdOf } from '../../src/conversations/keys.js';
import { emptyState, STATE_BOUNDS, type ThreadState } from '../../src/conversations/state.js';
import type { ThreadStore } from '../../src/conversations/store.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';

const RUN = randomUUID().slice(0, 8);
const MAK = 'QX7RT-M3KPD-9WVHY-2BC4J-8FG6N';

function thread(tenant: string, n: number | string = 1): string {
  return threadIdOf({
    platform: 'slack',
    tenant: `${tenant}-${RUN}`,
    channel: 'C456',
    threadKey: `1700000000.${n}`,
  });
}

function hex(i: number): string {
  return `0xC004${i.toString(16).toUpperCase().padStart(4, '0')}`;
}

function withCode(prev: ThreadState | null, code: string, messageId: string): ThreadState {
  const base = prev ?? emptyState(1_700_000_000_000);
  return { ...base, codes: [...base.codes, { code, messageId, at: 1_700_000_000_000 }] };
}

interface Harness {
  /** Two handles on the same storage (two Redis clients, or one shared MemoryStore). */
  a: ThreadStore;
  b: ThreadStore;
  /** Every stored key of this run with its remaining TTL in ms. */
  keysWithTtl(): Promise<Array<{ key: string; ttlMs: number }>>;
  /** Every stored value of this run, as text. */
  rawValues(): Promise<string[]>;
  writeRawV1?(threadId: string, json: string): Promise<void>;
}

function contract(
  name: string,
  setup: () => Promise<Harness>,
  teardown: () => Promise<void>,
  opts: { rawWrites: boolean },
) {
  describe(`${name} thread store`, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await setup();
    });
    afterAll(teardown);

    it('a thread never seen before loads as empty', async () => {
      expect(await h.a.load(thread('fresh'))).toEqual({ state: null, rev: 0 });
    });

    it('what one instance saves, the other instance reads', async () => {
      const id = thread('share');
      const saved = await h.a.update(id, (prev) => withCode(prev, '0xC004F074', 'm1'));
      expect(saved.rev).toBe(1);
      const read = await h.b.load(id);
      expect(read.rev).toBe(1);
      expect(read.state?.codes.map((c) => c.code)).toEqual(['0xC004F074']);
    });

    it('a retried Slack event is answered once, even when the retry reaches the other instance', async () => {
      const id = thread('retry');
      const ids = ['evt:Ev0001', 'msg:1700000000.0001'];
      expect((await h.a.claimAndLoad(id, ids, 60)).fresh).toBe(true);
      expect((await h.a.claimAndLoad(id, ids, 60)).fresh).toBe(false);
      expect(await h.b.claimDelivery(id, ids, 60)).toBe(false);
    });

    it('a mention delivered as app_mention and as message (two event ids, one message) is answered once', async () => {
      const id = thread('double');
      expect((await h.a.claimAndLoad(id, ['evt:EvMention', 'msg:1700000000.0002'], 60)).fresh).toBe(true);
      expect((await h.b.claimAndLoad(id, ['evt:EvMessage', 'msg:1700000000.0002'], 60)).fresh).toBe(false);
      expect((await h.b.claimAndLoad(id, ['evt:EvOther', 'msg:1700000000.0003'], 60)).fresh).toBe(true);
    });

    it('100 concurrent updates to one thread from two instances lose no fact', async () => {
      const id = thread('race');
      const writes = Array.from({ length: 100 }, (_, i) =>
        (i % 2 === 0 ? h.a : h.b).update(id, (prev) => withCode(prev, hex(i), `m${i}`)),
      );
      await Promise.all(writes);
      const final = await h.a.load(id);
      expect(final.rev).toBe(100);
      expect(new Set(final.state?.codes.map((c) => c.code))).toEqual(
        new Set(Array.from({ length: 100 }, (_, i) => hex(i))),
      );
    });

    it('a write based on a stale read is re-applied on top of the newer state', async () => {
      const id = thread('stale');
      const stale = await h.a.load(id);
      await h.b.update(id, (prev) => withCode(prev, '0xC004F038', 'b1'));
      await h.a.update(id, (prev) => withCode(prev, '0xC004F074', 'a1'), { snapshot: stale });
      const codes = (await h.a.load(id)).state?.codes.map((c) => c.code);
      expect(codes).toEqual(['0xC004F038', '0xC004F074']);
    });

    it('deleting a thread keeps revisions moving forward', async () => {
      const id = thread('delete');
      await h.a.update(id, (prev) => withCode(prev, '0xC004F038', 'm1'));
      const deleted = await h.a.update(id, () => null);
      expect(deleted).toEqual({ state: null, rev: 2 });
      expect((await h.b.load(id)).state).toBeNull();
      expect((await h.a.update(id, (prev) => withCode(prev, '0xC004F074', 'm2'))).rev).toBe(3);
    });

    it('a pasted MAK never reaches storage, only its last five characters', async () => {
      const id = thread('secret');
      await h.a.update(id, (prev) => ({
        ...(prev ?? emptyState(1)),
        observations: [
          { source: 'prose', messageId: 'm1', at: 1, facts: { productName: `key ${MAK}`, extendedPid: MAK } },
        ],
      }));
      const raw = (await h.rawValues()).join('\n');
      expect(raw).toContain('XXXXX-XXXXX-XXXXX-XXXXX-8FG6N');
      expect(raw).not.toContain(MAK);
      expect(raw).not.toContain('QX7RT');
    });

    it('a long thread keeps the newest 50 observations and 100 codes', async () => {
      const id = thread('bound');
      await h.a.update(id, (prev) => {
        const base = prev ?? emptyState(1);
        return {
          ...base,
          observations: Array.from({ length: 60 }, (_, i) => ({
            source: 'slmgr-dlv' as const,
            messageId: `m${i}`,
            at: i,
            facts: { kmsCurrentCount: i },
          })),
          codes: Array.from({ length: 130 }, (_, i) => ({ code: hex(i), messageId: `m${i}`, at: i })),
          cards: Array.from({ length: 25 }, (_, i) => ({ messageId: `card${i}`, at: i })),
        };
      });
      const state = (await h.b.load(id)).state!;
      expect(state.observations).toHaveLength(STATE_BOUNDS.observations);
      expect(state.observations[0]?.messageId).toBe('m10');
      expect(state.codes).toHaveLength(STATE_BOUNDS.codes);
      expect(state.codes[0]?.code).toBe(hex(30));
      expect(state.cards).toHaveLength(STATE_BOUNDS.cards);
      expect(state.cards.at(-1)?.messageId).toBe('card24');
    });

    it('every key it writes expires (30 days by default)', async () => {
      const keys = await h.keysWithTtl();
      expect(keys.length).toBeGreaterThan(5);
      for (const { key, ttlMs } of keys) {
        expect(ttlMs, key).toBeGreaterThan(0);
        expect(ttlMs, key).toBeLessThanOrEqual(30 * 24 * 3600 * 1000);
      }
    });

    it('uninstalling a workspace purges only that workspace', async () => {
      const gone = thread('purge', 1);
      const gone2 = threadIdOf({
        platform: 'slack',
        tenant: `purge-${RUN}`,
        channel: 'C{9}',
        threadKey: 'x:*',
      });
      const kept = thread('other', 1);
      const keptSimilar = threadIdOf({
        platform: 'slack',
        tenant: `purge-${RUN}0`,
        channel: 'C456',
        threadKey: '1',
      });
      const keptOtherPlatform = threadIdOf({
        platform: 'teams',
        tenant: `purge-${RUN}`,
        channel: 'C456',
        threadKey: '1',
      });
      for (const id of [gone, gone2, kept, keptSimilar, keptOtherPlatform]) {
        await h.a.update(id, (prev) => withCode(prev, '0xC004F074', 'm1'));
        await h.a.claimDelivery(id, ['evt:E1'], 60);
      }
      const removed = await h.b.purgeTenant('slack', `purge-${RUN}`);
      expect(removed).toBe(4);
      expect((await h.a.load(gone)).state).toBeNull();
      expect((await h.a.load(gone2)).state).toBeNull();
      expect(await h.a.claimDelivery(gone, ['evt:E1'], 60)).toBe(true);
      for (const id of [kept, keptSimilar, keptOtherPlatform]) {
        expect((await h.a.load(id)).state?.codes).toHaveLength(1);
      }
    });

    // Only a store whose raw storage the test can write to can hold a state from an older release.
    if (opts.rawWrites)
      it('a state written by the first release (v1) loads migrated to v2', async () => {
        const id = thread('v1');
        const v1 = {
          v: 1,
          facts: { kmsCurrentCount: 3, isKmsHost: true },
          codes: ['0xC004F038'],
          findings: ['kms-count-too-low'],
          status: 'diagnosed',
          lang: 'fr',
          cardIds: ['1700000000.0009'],
          createdAt: 1_700_000_000_000,
          updatedAt: 1_700_000_100_000,
        };
        await h.writeRawV1!(id, JSON.stringify(v1));
        const { state, rev } = await h.a.load(id);
        expect(rev).toBe(1);
        expect(state).toMatchObject({
          v: 2,
          observations: [{ source: 'prose', facts: { kmsCurrentCount: 3, isKmsHost: true } }],
          codes: [{ code: '0xC004F038' }],
          findings: [{ id: 'kms-count-too-low' }],
          status: 'diagnosed',
          lang: 'fr',
          cards: [{ messageId: '1700000000.0009' }],
        });
        // The next write stores the current version.
        await h.a.update(id, (prev) => withCode(prev, '0xC004F074', 'm2'));
        const raw = (await h.rawValues()).find(
          (v) => v.includes('0xC004F074') && v.includes('kmsCurrentCount'),
        );
        expect(JSON.parse(raw!).v).toBe(2);
      });
  });
}

// --- MemoryStore -------------------------------------------------------------------------------------------

let memory: MemoryStore;
contract(
  'MemoryStore',
  async () => {
    memory = new MemoryStore();
    return {
      a: memory,
      b: memory,
      keysWithTtl: async () => memory.keysWithTtl(),
      rawValues: async () => memory.rawValues(),
    };
  },
  async () => memory.close(),
  { rawWrites: false },
);

// --- RedisStore ---------------------------------------------------------------------------------------------

let server: TestRedis;
let stores: RedisStore[] = [];
let admin: Redis;

async function runKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await admin.scan(cursor, 'MATCH', 'ad:*', 'COUNT', 1000);
    cursor = next;
    keys.push(...batch.filter((k) => k.includes(RUN)));
  } while (cursor !== '0');
  return keys;
}

contract(
  'RedisStore',
  async () => {
    server = await startTestRedis();
    stores = [
      new RedisStore({ connection: { url: server.url } }),
      new RedisStore({ connection: { url: server.url } }),
    ];
    admin = new Redis(server.url);
    expect(await Promise.all(stores.map((s) => s.ready()))).toEqual([true, true]);
    return {
      a: stores[0]!,
      b: stores[1]!,
      keysWithTtl: async () =>
        Promise.all((await runKeys()).map(async (key) => ({ key, ttlMs: await admin.pttl(key) }))),
      rawValues: async () =>
        Promise.all(
          (await runKeys()).map(async (key) =>
            (await admin.type(key)) === 'hash'
              ? Object.values(await admin.hgetall(key))
              : [(await admin.get(key)) ?? ''],
          ),
        ).then((values) => values.flat()),
      writeRawV1: async (id, json) => {
        await admin.hset(stateKey(id), 'rev', '1', 'data', json);
        await admin.expire(stateKey(id), 3600);
      },
    };
  },
  async () => {
    await Promise.all(stores.map((s) => s.close()));
    admin?.disconnect();
    await server?.stop();
  },
  { rawWrites: true },
);

describe('MemoryStore retention', () => {
  it('a thread is forgotten once its retention has passed', async () => {
    let now = 1_700_000_000_000;
    const store = new MemoryStore({ ttlSec: 60, clock: () => now });
    const id = thread('expiry');
    await store.update(id, (prev) => withCode(prev, '0xC004F074', 'm1'));
    now += 59_000;
    expect((await store.load(id)).state).not.toBeNull();
    now += 2_000;
    expect(await store.load(id)).toEqual({ state: null, rev: 0 });
  });
});

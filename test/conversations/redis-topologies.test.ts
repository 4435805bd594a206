/**
 * The same store over the three ways production reaches Redis: a URL, Sentinel and Cluster. The Cluster run
 * checks that every multi-key operation of a thread stays in one slot and that a purge visits every master.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { threadKeyOf } from '../../src/conversations/keys.js';
import { createRedisClient, parseHostPorts } from '../../src/conversations/redis-client.js';
import { RedisStore } from '../../src/conversations/redis-store.js';
import { fixture, slackThread } from './helpers.js';
import { startCluster, startPrivateRedis, startSentinel, type TestRedis } from '../helpers/redis-server.js';

const RUN = randomUUID().slice(0, 8);

describe('Redis settings', () => {
  it('REDIS_SENTINELS and REDIS_CLUSTER_NODES lists parse into hosts and ports', () => {
    expect(parseHostPorts('10.0.0.1:26379, sentinel-b:26380,[::1]:26381')).toEqual([
      { host: '10.0.0.1', port: 26379 },
      { host: 'sentinel-b', port: 26380 },
      { host: '::1', port: 26381 },
    ]);
    expect(() => parseHostPorts('redis-a')).toThrow(/host:port/);
    expect(() => parseHostPorts('redis-a:70000')).toThrow(/host:port/);
  });

  it('Sentinel without a master name is refused at startup', () => {
    expect(() => createRedisClient({ sentinels: [{ host: '127.0.0.1', port: 1 }] })).toThrow(/SENTINEL_NAME/);
  });
});

/** A short conversation that reads, writes and dedups through the given store. */
async function converse(store: RedisStore, tenant: string) {
  const bot = new ConversationEngine({ store });
  const t = slackThread(tenant);
  const msg = t.say('0xC004F074');
  expect((await bot.handle(msg)).reply?.kind).toBe('explanation');
  expect((await bot.handle(msg)).reason).toBe('duplicate');
  const diag = (await bot.handle(t.say(fixture('en', 'nslookup-srv-nxdomain.txt')))).reply;
  expect(diag?.findings[0]?.id).toBe('kms-srv-missing');
  const { state } = await store.load(threadKeyOf(msg));
  expect(state?.codes.map((c) => c.code)).toEqual(['0xC004F074']);
  return t;
}

describe('through Sentinel', () => {
  let master: TestRedis;
  let sentinel: TestRedis;
  let store: RedisStore;

  beforeAll(async () => {
    master = await startPrivateRedis();
    sentinel = await startSentinel(master.port, 'admaster');
  });
  afterAll(async () => {
    await store?.close();
    await sentinel?.stop();
    await master?.stop();
  });

  it('the bot finds the master through the sentinels and keeps thread memory there', async () => {
    store = new RedisStore({
      connection: { sentinels: [{ host: '127.0.0.1', port: sentinel.port }], sentinelName: 'admaster' },
    });
    expect(await store.ready()).toBe(true);
    await converse(store, `T-sentinel-${RUN}`);
  });
});

describe('through Cluster', () => {
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  let store: RedisStore;

  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('a conversation works across the cluster and uninstall purges every master', async () => {
    const client = createRedisClient({ clusterNodes: cluster.nodes });
    expect(client).toBeInstanceOf(Cluster);
    store = new RedisStore({ client });
    expect(await store.ready(10_000)).toBe(true);
    // Enough threads that their hash tags spread over all three masters.
    const tenant = `T-cluster-${RUN}`;
    const threads = [];
    for (let i = 0; i < 6; i++) threads.push(await converse(store, tenant));
    const other = await converse(store, `T-cluster-other-${RUN}`);

    const masters = (client as Cluster).nodes('master');
    const perMaster = await Promise.all(masters.map((m) => m.dbsize()));
    expect(perMaster.filter((n) => n > 0).length).toBeGreaterThan(1);

    expect(await store.purgeTenant('slack', tenant)).toBeGreaterThan(0);
    for (const t of threads) expect((await store.load(threadKeyOf(t.say('')))).state).toBeNull();
    expect((await store.load(threadKeyOf(other.say('')))).state).not.toBeNull();
    await client.quit();
  });
});

/**
 * The production setup: several bot instances sharing one Redis, Slack retrying and doubling events, Redis
 * going away and coming back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { threadKeyOf } from '../../src/conversations/keys.js';
import { RedisStore } from '../../src/conversations/redis-store.js';
import { fixture, PASTED_MAK, recordingLogger, slackThread, waitFor } from './helpers.js';
import { startPrivateRedis, startTestRedis, type TestRedis } from '../helpers/redis-server.js';

const RUN = randomUUID().slice(0, 8);

async function scanKeys(admin: Redis, contains: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await admin.scan(cursor, 'MATCH', 'ad:*', 'COUNT', 1000);
    cursor = next;
    keys.push(...batch.filter((k) => k.includes(contains)));
  } while (cursor !== '0');
  return keys;
}

describe('two bot instances sharing one Redis', () => {
  let server: TestRedis;
  let admin: Redis;
  let storeA: RedisStore;
  let storeB: RedisStore;
  let botA: ConversationEngine;
  let botB: ConversationEngine;
  const tenant = `T-shared-${RUN}`;

  beforeAll(async () => {
    server = await startTestRedis();
    admin = new Redis(server.url);
    storeA = new RedisStore({ connection: { url: server.url } });
    storeB = new RedisStore({ connection: { url: server.url } });
    expect(await storeA.ready()).toBe(true);
    expect(await storeB.ready()).toBe(true);
    botA = new ConversationEngine({ store: storeA });
    botB = new ConversationEngine({ store: storeB });
  });

  afterAll(async () => {
    await storeA?.close();
    await storeB?.close();
    admin?.disconnect();
    await server?.stop();
  });

  it('a Slack event retried to the other instance is answered once', async () => {
    const t = slackThread(tenant);
    const msg = t.say('0xC004F074');
    const [a, b] = await Promise.all([botA.handle(msg), botB.handle({ ...msg })]);
    const answered = [a, b].filter((r) => r.reply !== null);
    expect(answered).toHaveLength(1);
    expect([a, b].find((r) => r.reply === null)?.reason).toBe('duplicate');
    // A third delivery, minutes later in Slack's schedule, is still a duplicate.
    expect((await botA.handle(msg)).reason).toBe('duplicate');
  });

  it('a mention delivered both as app_mention and as message is answered once', async () => {
    const t = slackThread(tenant);
    const mention = t.say('why 0xC004F038?');
    const asMessage = { ...mention, eventId: `${mention.eventId}-message`, addressed: 'none' as const };
    const results = await Promise.all([botA.handle(mention), botB.handle(asMessage)]);
    expect(results.filter((r) => r.reply !== null)).toHaveLength(1);
  });

  it('twenty messages sent at once to one thread through both instances all land in its memory', async () => {
    const t = slackThread(tenant);
    const codes = Array.from({ length: 20 }, (_, i) => `0xC004F0${(0x10 + i).toString(16).toUpperCase()}`);
    const results = await Promise.all(
      codes.map((code, i) => (i % 2 ? botA : botB).handle(t.say(`slmgr /ato failed again with ${code}`))),
    );
    expect(results.every((r) => r.reply !== null)).toBe(true);
    const { state } = await storeA.load(threadKeyOf(t.say('')));
    expect(new Set(state?.codes.map((c) => c.code))).toEqual(new Set(codes));
  });

  it('every key the bot writes has a TTL', async () => {
    const t = slackThread(tenant);
    await botA.handle(t.say(fixture('en', 'slmgr-dlv-kms-host-count-3.txt')));
    await botB.handle(t.say('', { action: { action: 'resolved' }, addressed: 'button' }));
    await (await botA.prepare(t.say('and 0xC004F074 too'))).save('1700000000.424242');
    const keys = await scanKeys(admin, RUN);
    expect(keys.some((k) => k.endsWith(':state'))).toBe(true);
    expect(keys.some((k) => k.includes(':seen:'))).toBe(true);
    for (const key of keys) expect(await admin.pttl(key), key).toBeGreaterThan(0);
  });

  it('a shorter retention from the configuration applies to the thread memory', async () => {
    const shortStore = new RedisStore({ connection: { url: server.url }, ttlSec: 120 });
    try {
      const bot = new ConversationEngine({ store: shortStore });
      const t = slackThread(`T-retention-${RUN}`);
      await bot.handle(t.say('0xC004F074'));
      const keys = await scanKeys(admin, `T-retention-${RUN}`);
      const state = keys.find((k) => k.endsWith(':state'))!;
      const ttl = await admin.pttl(state);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(120_000);
    } finally {
      await shortStore.close();
    }
  });

  it('a pasted MAK appears in no key and no value in Redis', async () => {
    const t = slackThread(tenant);
    const dlv = fixture('en', 'slmgr-dlv-mak-notification.txt');
    await botA.handle(
      t.say(`C:\\>slmgr /ipk ${PASTED_MAK}\nInstalled product key ${PASTED_MAK} successfully.\n\n${dlv}`),
    );
    await botB.handle(t.say(`still failing, key is ${PASTED_MAK}`));
    const keys = await scanKeys(admin, RUN);
    const dump: string[] = [];
    for (const key of keys) {
      dump.push(key);
      const type = await admin.type(key);
      if (type === 'hash') dump.push(...Object.values(await admin.hgetall(key)));
      else if (type === 'string') dump.push((await admin.get(key)) ?? '');
    }
    const all = dump.join('\n');
    // The facts were stored (the partial key slmgr prints is kept), the pasted key was not.
    expect(all).toContain('8HTKD');
    expect(all).not.toContain(PASTED_MAK);
    expect(all).not.toMatch(/QX7RT/);
  });

  it('uninstalling the app purges that workspace and leaves the others', async () => {
    const gone = slackThread(`T-uninstall-${RUN}`);
    const kept = slackThread(`T-uninstall-${RUN}-other`);
    await botA.handle(gone.say('0xC004F074'));
    await botA.handle(kept.say('0xC004F074'));
    expect(await storeB.purgeTenant('slack', `T-uninstall-${RUN}`)).toBeGreaterThan(0);
    expect((await storeA.load(threadKeyOf(gone.say('')))).state).toBeNull();
    expect((await storeA.load(threadKeyOf(kept.say('')))).state?.codes).toHaveLength(1);
    expect(await scanKeys(admin, `T-uninstall-${RUN}:`)).toEqual([]);
  });
});

describe('Redis killed in the middle of a conversation', () => {
  let server: TestRedis;
  let store: RedisStore;

  beforeAll(async () => {
    server = await startPrivateRedis({ persistent: true });
  });

  afterAll(async () => {
    await store?.close();
    await server?.stop();
  });

  it('answers continue with a warning, the outage is logged once, and memory resumes after restart', async () => {
    const logger = recordingLogger();
    store = new RedisStore({ connection: { url: server.url }, logger });
    const bot = new ConversationEngine({ store, logger });
    const t = slackThread(`T-outage-${RUN}`);

    // The first message may arrive while the connection is still opening: it waits for it, no outage.
    const before = (await bot.handle(t.say('0xC004F074'))).reply!;
    expect(before.warnings).toEqual([]);
    expect(logger.lines).toEqual([]);

    await server.kill();
    const during1 = (await bot.handle(t.say(fixture('en', 'slmgr-dlv-kms-client-no-kms-in-dns.txt')))).reply!;
    const during2 = (await bot.handle(t.say(fixture('en', 'nslookup-srv-nxdomain.txt')))).reply!;
    for (const r of [during1, during2]) {
      expect(r.kind).toBe('diagnosis');
      expect(r.warnings.join(' ')).toMatch(/Memory unavailable/);
    }
    // Answered from the message alone: the code from before the outage is not known.
    expect(during1.codes.map((c) => c.code)).not.toContain('0xC004F074');
    expect(logger.count('error', /redis unavailable/)).toBe(1);

    await server.restart();
    await waitFor(() => store.ping());
    const after = (await bot.handle(t.say(fixture('en', 'nslookup-srv-nxdomain.txt')))).reply!;
    expect(after.warnings).toEqual([]);
    // The thread's memory from before the outage is back.
    expect(after.codes.map((c) => c.code)).toContain('0xC004F074');
    expect(logger.count('error', /redis unavailable/)).toBe(1);
    expect(logger.count('info', /redis available again/)).toBe(1);
  });
});

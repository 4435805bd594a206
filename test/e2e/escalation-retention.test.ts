/**
 * Escalation records hold names, questions and answers: they follow the retention the README documents
 * (STATE_TTL_DAYS, like thread state) and go with the workspace when the Slack app is uninstalled or its bot
 * token revoked, in Redis and in the embedded store alike.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import { createEscalations } from '../../src/conversations/handoff.js';
import { ConversationEngine } from '../../src/conversations/engine.js';
import type { InboundMessage } from '../../src/conversations/types.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { FAKE_TEAM_ID, startFakeSlack, type FakeSlack } from './helpers/fake-slack.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import { eventEnvelope, postEvent, slackServerEnv } from './helpers/slack-requests.js';

const DAY_MS = 24 * 3600 * 1000;
let redis: TestRedis;
let fake: FakeSlack;
let server: TestServer;
let client: Redis;

beforeAll(async () => {
  [redis, fake] = await Promise.all([startTestRedis(), startFakeSlack()]);
  client = new Redis(redis.url);
  server = await startTestServer(
    slackServerEnv(fake.apiUrl, {
      REDIS_URL: redis.url,
      STATE_TTL_DAYS: '3',
      ESCALATION_SLACK_CHANNEL: 'C0ESCALAT',
    }),
  );
});

afterAll(async () => {
  await server?.close();
  client?.disconnect();
  await Promise.all([fake?.close(), redis?.stop()]);
});

let seq = 0;
function message(tenant: string, text: string, threadKey = '1700000000.000100'): InboundMessage {
  seq++;
  return {
    platform: 'slack',
    tenant,
    channel: 'C0HELPDSK',
    threadKey,
    messageId: `1700000000.${String(200 + seq).padStart(6, '0')}`,
    user: { id: 'U0HUMAN01', name: 'ada' },
    text,
    addressed: 'mention',
    receivedAt: Date.now(),
  };
}

/** Opens an escalation in `tenant` through the engine the server runs. */
async function escalate(engine: Pick<ConversationEngine, 'handle'>, tenant: string): Promise<void> {
  await engine.handle(message(tenant, 'slmgr /ato fails with 0xC004C003 on our MAK'));
  const result = await engine.handle(message(tenant, 'please escalate this'));
  expect(result.effects?.length ?? 0).toBeGreaterThan(0);
}

const escalationKeys = (tenant: string) => client.keys(`ad:esc:{slack:${tenant}}:*`);

describe('escalation records', () => {
  it('expire after STATE_TTL_DAYS like thread state, not after a fixed 90 days', async () => {
    await escalate(server.bot.deps.engine, FAKE_TEAM_ID);
    const keys = await escalationKeys(FAKE_TEAM_ID);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await client.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(3 * DAY_MS);
    }
  });

  it('are purged with the workspace on app_uninstalled, other workspaces kept', async () => {
    await escalate(server.bot.deps.engine, 'T0OTHER01');
    expect((await escalationKeys(FAKE_TEAM_ID)).length).toBeGreaterThan(0);
    await postEvent(server.url, eventEnvelope({ type: 'app_uninstalled' }));
    await server.bot.idle();
    expect(await escalationKeys(FAKE_TEAM_ID)).toEqual([]);
    expect(await client.keys(`ad:{slack:${FAKE_TEAM_ID}:*`)).toEqual([]);
    const scopes = await client.zrange('ad:esc:scopes', 0, -1);
    expect(scopes.some((s) => s.includes(FAKE_TEAM_ID))).toBe(false);
    expect((await escalationKeys('T0OTHER01')).length).toBeGreaterThan(0);
  });

  it('are purged with the workspace from the embedded store too', async () => {
    const store = new MemoryStore({ sweepIntervalMs: 0 });
    const escalations = createEscalations({
      store,
      config: { channels: { slack: { channel: 'C0ESCALAT' } }, members: [] },
      ttlSec: 3 * 24 * 3600,
    });
    const engine = new ConversationEngine({ store, escalations });
    await escalate(engine, 'T0MEMORY1');
    const before = store.escalationKv.dump();
    expect(before.length).toBeGreaterThan(0);
    for (const { ttlMs } of before) expect(ttlMs).toBeLessThanOrEqual(3 * DAY_MS);
    await store.purgeTenant('slack', 'T0MEMORY1');
    expect(store.escalationKv.dump().filter((e) => e.key.includes('T0MEMORY1'))).toEqual([]);
  });
});

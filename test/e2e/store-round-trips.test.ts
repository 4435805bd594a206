/**
 * Store round trips per ordinary message, counted on a private redis-server with MONITOR while the real server
 * answers: a Slack mention in a new thread, a Slack follow-up in that thread, a Teams message and a Teams
 * follow-up. Commands run inside Lua scripts cost no round trip; MULTI … EXEC counts once (the bench's counter).
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRoundTrips, type MonitorEntry } from '../../bench/http-stats.js';
import { startPrivateRedis, type TestRedis } from '../helpers/redis-server.js';
import { startFakeConnector, type FakeConnector } from './helpers/fake-connector.js';
import { FAKE_BOT_USER_ID, startFakeSlack, type FakeSlack } from './helpers/fake-slack.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import { eventEnvelope, mentionEvent, nextTs, postEvent, slackServerEnv } from './helpers/slack-requests.js';
import { personalMessage, postActivity } from './helpers/teams-activities.js';

let redis: TestRedis;
let fake: FakeSlack;
let connector: FakeConnector;
let server: TestServer;
let monitor: Redis;
let probe: Redis;
const seen: MonitorEntry[] = [];

beforeAll(async () => {
  [redis, fake, connector] = await Promise.all([startPrivateRedis(), startFakeSlack(), startFakeConnector()]);
  server = await startTestServer(slackServerEnv(fake.apiUrl, { REDIS_URL: redis.url, PLAYGROUND: 'on' }), {
    // No reminder sweep inside a measured window.
    reminderCheckMs: 3_600_000,
  });
  probe = new Redis(redis.url, { enableReadyCheck: false });
  monitor = await new Redis(redis.url).monitor();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    seen.push({ source, args });
  });
});

afterAll(async () => {
  monitor?.disconnect();
  probe?.disconnect();
  await server?.close();
  await Promise.all([fake?.close(), connector?.close(), redis?.stop()]);
});

/** Round trips the server made to Redis while `send` ran and its work finished. */
async function roundTripsOf(send: () => Promise<void>): Promise<{ roundTrips: number; byCommand: object }> {
  await server.bot.idle();
  await settle();
  seen.length = 0;
  await send();
  await server.bot.idle();
  await settle();
  const counted = countRoundTrips(seen.filter((e) => !e.args.some((a) => a.startsWith('ad:readyz'))));
  return { roundTrips: counted.roundTrips, byCommand: counted.byCommand };
}

/** MONITOR lines arrive on their own connection: an ECHO through it marks that the earlier ones are in. */
async function settle(): Promise<void> {
  const marker = `marker-${Math.random()}`;
  await probe.echo(marker);
  for (let i = 0; i < 200 && !seen.some((e) => e.args.includes(marker)); i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
  const at = seen.findIndex((e) => e.args.includes(marker));
  if (at >= 0) seen.splice(at, 1);
}

describe('store round trips per ordinary message (Redis MONITOR)', () => {
  it('a Slack mention in a new thread, then a follow-up in that thread: at most two each', async () => {
    // Warm-up: the first use of each Lua script loads it (EVAL); later messages run it by its digest (EVALSHA).
    await postEvent(server.url, eventEnvelope(mentionEvent('what is 0xC004F074?')));
    await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    fake.reset();
    const mention = mentionEvent('we get 0xC004F074 on every client');
    const first = await roundTripsOf(async () => {
      await postEvent(server.url, eventEnvelope(mention));
      await fake.waitForCalls('chat.postMessage');
    });
    fake.reset();
    const followUp = await roundTripsOf(async () => {
      const ts = nextTs();
      await postEvent(
        server.url,
        eventEnvelope({
          type: 'message',
          channel: 'C0CHANNEL1',
          user: 'U0HUMAN01',
          text: 'the clients say 0x8007232B as well',
          ts,
          thread_ts: mention.ts,
        }),
      );
      await fake.waitForCalls('chat.postMessage');
    });
    console.info('slack round trips', { mention: first, followUp });
    expect(fake.calls('chat.postMessage')[0]?.args.text).not.toContain(`<@${FAKE_BOT_USER_ID}>`);
    expect(first.roundTrips).toBeLessThanOrEqual(2);
    expect(followUp.roundTrips).toBeLessThanOrEqual(2);
  });

  it('a Teams message in a new chat, then a follow-up in that chat: at most two each', async () => {
    const first = await roundTripsOf(async () => {
      await postActivity(
        server.url,
        personalMessage(connector.serviceUrl, 'we get 0xC004F074 on every client'),
      );
      await connector.waitFor((d) => d.length === 1);
    });
    connector.reset();
    const followUp = await roundTripsOf(async () => {
      await postActivity(server.url, personalMessage(connector.serviceUrl, 'and 0x8007232B on the host'));
      await connector.waitFor((d) => d.length === 1);
    });
    console.info('teams round trips', { message: first, followUp });
    expect(first.roundTrips).toBeLessThanOrEqual(2);
    expect(followUp.roundTrips).toBeLessThanOrEqual(2);
  });
});

/**
 * Replays: somebody who captured one signed Slack request sends the same bytes again inside the 5-minute
 * signature window, to this instance or another one behind the load balancer. Each request is run once,
 * whatever its kind: a slash command answered twice would post two cards in the channel.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { FAKE_TEAM_ID, startFakeSlack, type FakeSlack } from './helpers/fake-slack.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import { eventEnvelope, postEvent, postForm, slackServerEnv } from './helpers/slack-requests.js';

let redis: TestRedis;
let fake: FakeSlack;
let first: TestServer;
let second: TestServer;

beforeAll(async () => {
  [redis, fake] = await Promise.all([startTestRedis(), startFakeSlack()]);
  const env = slackServerEnv(fake.apiUrl, {
    REDIS_URL: redis.url,
  });
  [first, second] = await Promise.all([startTestServer(env), startTestServer(env)]);
});

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
  await Promise.all([fake?.close(), redis?.stop()]);
});

beforeEach(async () => {
  await Promise.all([first.bot.idle(), second.bot.idle()]);
  fake.reset();
});

const settle = () => Promise.all([first.bot.idle(), second.bot.idle()]);

function command(text: string) {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    channel_id: 'C0CHANNEL2',
    user_id: 'U0HUMAN02',
    user_name: 'alex',
    command: '/activation',
    text,
    response_url: fake.responseUrl(`cmd-replay-${Date.now()}`),
    trigger_id: `${Date.now()}.1234.${Math.random().toString(16).slice(2)}`,
  };
}

describe('a signed request sent again without Slack’s retry header', () => {
  it('answers a slash command once, though its bytes arrive three times at two instances', async () => {
    const fields = command('0xC004F074');
    const timestamp = Math.floor(Date.now() / 1000);
    const statuses = [];
    for (const server of [first, first, second]) {
      statuses.push((await postForm(server.url, fields, { timestamp })).status);
      await settle();
    }
    expect(statuses).toEqual([200, 200, 200]);
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
    expect(fake.calls('chat.update')).toHaveLength(1);
  });

  it('does not let a forged retry header through for a command', async () => {
    const fields = command('0xC004F038');
    const timestamp = Math.floor(Date.now() / 1000);
    await postForm(first.url, fields, { timestamp });
    await settle();
    await postForm(second.url, fields, {
      timestamp,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await settle();
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
  });

  it('runs an event with side effects (App Home opened) once', async () => {
    const envelope = eventEnvelope({
      type: 'app_home_opened',
      user: 'U0HUMAN01',
      channel: 'D0HOME',
      tab: 'home',
    });
    const timestamp = Math.floor(Date.now() / 1000);
    await postEvent(first.url, envelope, { timestamp });
    await settle();
    await postEvent(second.url, envelope, { timestamp });
    await settle();
    expect(fake.calls('views.publish')).toHaveLength(1);
  });

  it('still answers the same command sent again as a new request (a new timestamp and signature)', async () => {
    const fields = command('0xC004C003');
    await postForm(first.url, fields, { timestamp: Math.floor(Date.now() / 1000) - 1 });
    await settle();
    await postForm(first.url, { ...fields, trigger_id: `${fields.trigger_id}-again` });
    await settle();
    expect(fake.calls('chat.postMessage')).toHaveLength(2);
  });
});

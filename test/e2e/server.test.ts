/**
 * The HTTP server itself: probes, metrics format, shutdown. Slack is configured against a fake Slack so the
 * composition is the production one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { startFakeSlack, FAKE_BOT_USER_ID, type FakeSlack } from './helpers/fake-slack.js';
import { startTestServer } from './helpers/start-server.js';
import { eventEnvelope, mentionEvent, postEvent, TEST_SIGNING_SECRET } from './helpers/slack-requests.js';

let redis: TestRedis;
let fake: FakeSlack;

beforeAll(async () => {
  [redis, fake] = await Promise.all([startTestRedis(), startFakeSlack()]);
});

afterAll(async () => {
  await Promise.all([fake?.close(), redis?.stop()]);
});

describe('health and readiness', () => {
  it('reports live and ready with Redis reachable', async () => {
    const server = await startTestServer({ REDIS_URL: redis.url });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      // Start-up waited for the Redis connection.
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ok', store: 'redis' });
    } finally {
      await server.close();
    }
  });

  it('stays live but reports not ready while Redis is unreachable', async () => {
    const deadPort = await freePort();
    const server = await startTestServer(
      { REDIS_URL: `redis://127.0.0.1:${deadPort}` },
      { storeReadyTimeoutMs: 200 },
    );
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'unavailable', store: 'redis' });
      expect(
        server.logs.some((l) => l.level === 'warn' && String(l.msg).startsWith('state store not reachable')),
      ).toBe(true);
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/activation_doctor_redis_errors_total\{kind="command"\} [1-9]/);
    } finally {
      await server.close();
    }
  });

  it('is ready without Redis, on in-memory state, and says so in the logs', async () => {
    const server = await startTestServer({});
    try {
      expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ok', store: 'memory' });
      expect(server.logs.some((l) => l.msg === 'thread state store' && l.kind === 'memory')).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('/metrics', () => {
  it('serves Prometheus text with every series family declared', async () => {
    const server = await startTestServer({});
    try {
      const res = await fetch(`${server.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      const text = await res.text();
      for (const [name, type] of [
        ['activation_doctor_messages_total', 'counter'],
        ['activation_doctor_diagnoses_total', 'counter'],
        ['activation_doctor_turn_duration_seconds', 'histogram'],
        ['activation_doctor_redis_errors_total', 'counter'],
        ['activation_doctor_dedup_hits_total', 'counter'],
        ['activation_doctor_http_requests_total', 'counter'],
        // prom-client's defaults: process, GC and event loop.
        ['process_cpu_seconds_total', 'counter'],
        ['nodejs_gc_duration_seconds', 'histogram'],
        ['nodejs_eventloop_lag_seconds', 'gauge'],
      ]) {
        expect(text).toContain(`# TYPE ${name} ${type}`);
      }
      // Every sample line is `name{labels} value`.
      for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
        expect(line).toMatch(
          /^[a-z_][a-z0-9_]*(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? (-?[0-9.e+-]+|Nan|NaN|[+-]Inf)$/i,
        );
      }
    } finally {
      await server.close();
    }
  });
});

describe('routes', () => {
  it('does not mount /slack/events when Slack is not configured', async () => {
    const server = await startTestServer({});
    try {
      const res = await fetch(`${server.url}/slack/events`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('calls auth.test once at start-up when the bot ids are not configured, never per event', async () => {
    fake.reset();
    const server = await startTestServer({
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-identity-test',
      SLACK_API_URL: fake.apiUrl,
    });
    try {
      expect(fake.calls('auth.test')).toHaveLength(1);
      await postEvent(server.url, eventEnvelope(mentionEvent('0xC004F074')));
      await postEvent(server.url, eventEnvelope(mentionEvent('0xC004C003')));
      await fake.waitForCalls('chat.postMessage', 2);
      await server.bot.idle();
      expect(fake.calls('auth.test')).toHaveLength(1);
      // The identity learnt at start-up is what stops the bot answering itself.
      fake.reset();
      await postEvent(
        server.url,
        eventEnvelope({
          type: 'message',
          channel_type: 'im',
          channel: 'D1',
          user: FAKE_BOT_USER_ID,
          text: '0xC004F074',
          ts: '1700000001.000001',
        }),
      );
      await server.bot.idle();
      expect(fake.calls('chat.postMessage')).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('shutdown', () => {
  it('finishes a reply already under way before closing', async () => {
    fake.reset();
    const server = await startTestServer({
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-shutdown-test',
      SLACK_API_URL: fake.apiUrl,
      SLACK_BOT_ID: 'B0FAKEBOT',
      SLACK_BOT_USER_ID: FAKE_BOT_USER_ID,
      REDIS_URL: redis.url,
    });
    const res = await postEvent(server.url, eventEnvelope(mentionEvent('0xC004F074')));
    expect(res.status).toBe(200);
    await server.close();
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});

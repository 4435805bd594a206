/**
 * Hostile input through each HTTP route of the real server: the playground, signed Slack events and anonymous
 * Bot Framework activities. No 5xx, every response and every outbound post bounded, no planted product key in a
 * response, a post to the fake platforms or a log line.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../e2e/helpers/fake-connector.js';
import { startFakeSlack, type FakeSlack } from '../e2e/helpers/fake-slack.js';
import { startTestServer, type TestServer } from '../e2e/helpers/start-server.js';
import { eventEnvelope, mentionEvent, postEvent, slackServerEnv } from '../e2e/helpers/slack-requests.js';
import { personalMessage, postActivity } from '../e2e/helpers/teams-activities.js';
import { hostileText, leaksNoKey } from './arbitraries.js';

const RUNS = 200;
const MAX_BODY = 256 * 1024;

let fake: FakeSlack;
let connector: FakeConnector;
let server: TestServer;
const planted = new Set<string>();

beforeAll(async () => {
  [fake, connector] = await Promise.all([startFakeSlack(), startFakeConnector()]);
  server = await startTestServer(slackServerEnv(fake.apiUrl, { PLAYGROUND: 'on', LOG_LEVEL: 'debug' }));
});

afterAll(async () => {
  await server?.close();
  await Promise.all([fake?.close(), connector?.close()]);
});

describe(`hostile input through every route (${RUNS} each)`, () => {
  it('POST /playground/messages', { timeout: 60_000 }, async () => {
    const threadId = randomUUID();
    await fc.assert(
      fc.asyncProperty(hostileText, async ({ text, keys }) => {
        keys.forEach((k) => planted.add(k));
        const res = await fetch(`${server.url}/playground/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ threadId, text: text.trim() === '' ? 'x' : text }),
        });
        const body = await res.text();
        expect(res.status).toBeLessThan(500);
        expect(body.length).toBeLessThan(MAX_BODY);
        expect(leaksNoKey(body, keys)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('POST /slack/events (signed)', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async ({ text, keys }) => {
        keys.forEach((k) => planted.add(k));
        const res = await postEvent(server.url, eventEnvelope(mentionEvent(text)));
        expect(res.status).toBeLessThan(500);
        expect((await res.text()).length).toBeLessThan(MAX_BODY);
      }),
      { numRuns: RUNS },
    );
    await server.bot.idle();
    for (const call of fake.calls()) expect(JSON.stringify(call.args).length).toBeLessThan(MAX_BODY);
    expect(leaksNoKey(JSON.stringify(fake.calls().map((c) => c.args)), [...planted])).toBe(true);
  });

  it('POST /api/messages (anonymous)', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async ({ text, keys }) => {
        keys.forEach((k) => planted.add(k));
        const res = await postActivity(server.url, personalMessage(connector.serviceUrl, text));
        expect(res.status).toBeLessThan(500);
        expect(JSON.stringify(res.body ?? '').length).toBeLessThan(MAX_BODY);
      }),
      { numRuns: RUNS },
    );
    await server.bot.idle();
    for (const call of connector.calls) expect(JSON.stringify(call.body).length).toBeLessThan(MAX_BODY);
    expect(leaksNoKey(JSON.stringify(connector.calls.map((c) => c.body)), [...planted])).toBe(true);
  });

  it('wrote no planted key and no stack trace to the log', async () => {
    await server.bot.idle();
    expect(planted.size).toBeGreaterThan(0);
    expect(leaksNoKey(JSON.stringify(server.logs), [...planted])).toBe(true);
    expect(server.logs.filter((l) => l.level === 'error')).toEqual([]);
  });
});

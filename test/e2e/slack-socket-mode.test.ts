/**
 * Slack over Socket Mode, end to end: with SLACK_APP_TOKEN set the real server opens its connection through
 * `apps.connections.open` on the fake Slack Web API, then takes events from a WebSocket server on loopback that
 * speaks Slack's Socket Mode protocol (hello, envelopes, acknowledgements). No /slack/events route is mounted.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { waitFor } from '../conversations/helpers.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import {
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_ID,
  startFakeSlack,
  type FakeSlack,
  type RecordedCall,
} from './helpers/fake-slack.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import { eventEnvelope, mentionEvent } from './helpers/slack-requests.js';

const APP_TOKEN = 'xapp-1-A0FAKEAPP-1234-socketmodetoken';
const BOT_TOKEN = 'xoxb-1111-2222-socketbottoken';

/** A loopback stand-in for Slack's Socket Mode endpoint: greets each connection and records what comes back. */
interface FakeSocketEndpoint {
  url: string;
  /** Parsed frames the client sent (acknowledgements). */
  received: Array<Record<string, unknown>>;
  connections(): number;
  /** Sends an envelope on the open connection. */
  send(envelope: Record<string, unknown>): void;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function startFakeSocketEndpoint(): Promise<FakeSocketEndpoint> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  const sockets: WebSocket[] = [];
  const received: Array<Record<string, unknown>> = [];
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-socket-endpoint', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0FAKEAPP' },
      }),
    );
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/link/?ticket=fake-ticket`,
    received,
    connections: () => sockets.filter((s) => s.readyState === s.OPEN).length,
    send: (envelope) => {
      const open = sockets.filter((s) => s.readyState === s.OPEN);
      if (open.length === 0) throw new Error('no open Socket Mode connection');
      open[open.length - 1]!.send(JSON.stringify(envelope));
    },
    waitFor: (predicate, timeoutMs) => waitFor(async () => predicate(), timeoutMs),
    close: async () => {
      for (const s of sockets) s.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

let redis: TestRedis;
let fake: FakeSlack;
let endpoint: FakeSocketEndpoint;
let server: TestServer;

beforeAll(async () => {
  redis = await startTestRedis();
  fake = await startFakeSlack();
  endpoint = await startFakeSocketEndpoint();
  fake.setSocketUrl(endpoint.url);
  server = await startTestServer({
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    SLACK_BOT_ID: FAKE_BOT_ID,
    SLACK_BOT_USER_ID: FAKE_BOT_USER_ID,
    REDIS_URL: redis.url,
  });
}, 30_000);

afterAll(async () => {
  await server?.close();
  await endpoint?.close();
  await fake?.close();
  await redis?.stop();
});

function replyTo(ts: string): (calls: RecordedCall[]) => boolean {
  return (calls) => calls.some((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts);
}

describe('Slack over Socket Mode', () => {
  it('opens its connection with the app-level token through the configured API URL', () => {
    const open = fake.calls('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(endpoint.connections()).toBe(1);
  });

  it('mounts no HTTP route for Slack', async () => {
    const res = await fetch(`${server.url}/slack/events`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });

  it('a mention arriving as an envelope is acknowledged and answered in its thread', async () => {
    const event = mentionEvent('Error: 0xC004F074 on ws22-app03');
    endpoint.send({
      envelope_id: 'env-mention-1',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload: eventEnvelope(event),
    });
    await endpoint.waitFor(() => endpoint.received.some((f) => f.envelope_id === 'env-mention-1'));
    const [reply] = (await fake.waitFor(replyTo(String(event.ts)))).filter(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === event.ts,
    );
    expect(reply!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(reply!.args.channel).toBe(event.channel);
    expect(String(reply!.args.text)).toContain('0xC004F074');
  });

  it('a redelivered envelope (retry_attempt 1) is acknowledged but not answered twice', async () => {
    const event = mentionEvent('why 0xC004F038?');
    const payload = eventEnvelope(event);
    const envelope = { type: 'events_api', accepts_response_payload: false, payload };
    endpoint.send({ ...envelope, envelope_id: 'env-first', retry_attempt: 0, retry_reason: '' });
    await fake.waitFor(replyTo(String(event.ts)));
    endpoint.send({ ...envelope, envelope_id: 'env-retry', retry_attempt: 1, retry_reason: 'timeout' });
    await endpoint.waitFor(() => endpoint.received.some((f) => f.envelope_id === 'env-retry'));
    // Give a second reply every chance to appear before counting.
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.calls('chat.postMessage').filter((c) => c.args.thread_ts === event.ts)).toHaveLength(1);
  });

  it('a slash command arriving as an envelope is acknowledged and answered as a new thread', async () => {
    fake.reset();
    endpoint.send({
      envelope_id: 'env-command-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'legacy-verification-token',
        team_id: FAKE_TEAM_ID,
        team_domain: 'fake',
        channel_id: 'C0CHANNEL3',
        channel_name: 'helpdesk',
        user_id: 'U0HUMAN03',
        user_name: 'sam',
        command: '/activation',
        text: '0xC004C003',
        api_app_id: 'A0FAKEAPP',
        response_url: fake.responseUrl('socket-cmd-1'),
        trigger_id: `${Date.now()}.77.socket`,
      },
    });
    await endpoint.waitFor(() => endpoint.received.some((f) => f.envelope_id === 'env-command-1'));
    const [root] = await fake.waitForCalls('chat.postMessage');
    expect(root!.args.channel).toBe('C0CHANNEL3');
    const [card] = await fake.waitForCalls('chat.update');
    expect(JSON.stringify(card!.args.blocks)).toContain('0xC004C003');
  });
});

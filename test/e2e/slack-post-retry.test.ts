/**
 * Outbound Slack calls retry without posting twice. The real WebClient (configured as the server configures it)
 * and the answers' JSON chat.postMessage (post-message.ts, over the same fetch) talk to a small Slack on loopback
 * that can drop the connection after carrying out a post, or answer 429 with any Retry-After. Both posting paths
 * pass the same tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackFetch, POST_MARK_EVENT } from '../../src/adapters/slack/http-fetch.js';
import { createPostMessage, type PostMessageArgs } from '../../src/adapters/slack/post-message.js';
import { createLogger } from '../../src/observability/logger.js';
import { SLACK_RETRY_CONFIG } from '../../src/adapters/slack/mount.js';

interface Posted {
  ts: string;
  channel: string;
  thread_ts?: string;
  text?: string;
  metadata?: unknown;
  team_id?: string;
}

interface Received {
  method: string;
  contentType: string;
  authorization?: string;
}

let server: Server;
let apiUrl: string;
const posted: Posted[] = [];
const calls: string[] = [];
const received: Received[] = [];
/** What the next calls of a method do: 'reset' carries the call out, then drops the connection. */
const script = new Map<
  string,
  Array<{ kind: 'reset' | 'status' | 'refused'; status?: number; retryAfter?: string; error?: string }>
>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop()!;
      calls.push(method);
      const contentType = req.headers['content-type'] ?? '';
      received.push({ method, contentType, authorization: req.headers.authorization });
      const form = decode(Buffer.concat(chunks).toString('utf8'), contentType);
      const next = script.get(method)?.shift();
      if (next?.kind === 'status') {
        res.writeHead(next.status!, {
          'content-type': 'application/json',
          ...(next.retryAfter ? { 'retry-after': next.retryAfter } : {}),
        });
        res.end(JSON.stringify({ ok: false, error: next.status === 429 ? 'ratelimited' : 'internal_error' }));
        return;
      }
      if (next?.kind === 'refused') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: next.error }));
        return;
      }
      let body: unknown = { ok: true };
      if (method === 'chat.postMessage') {
        const message: Posted = {
          ts: `1700000000.${String(100 + posted.length).padStart(6, '0')}`,
          channel: form.get('channel')!,
          ...(form.get('thread_ts') ? { thread_ts: form.get('thread_ts')! } : {}),
          text: form.get('text') ?? '',
          ...(form.get('metadata') ? { metadata: JSON.parse(form.get('metadata')!) } : {}),
          ...(form.get('team_id') ? { team_id: form.get('team_id')! } : {}),
        };
        posted.push(message);
        body = { ok: true, channel: message.channel, ts: message.ts, message };
      } else if (method === 'conversations.replies' || method === 'conversations.history') {
        const thread = form.get('ts');
        body = {
          ok: true,
          messages: posted.filter(
            (m) => m.channel === form.get('channel') && (!thread || m.thread_ts === thread),
          ),
        };
      }
      if (next?.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  posted.length = 0;
  calls.length = 0;
  received.length = 0;
  script.clear();
});

/** A form body as is; a JSON one read as a form whose non-string fields (metadata) are JSON strings. */
function decode(raw: string, contentType: string): URLSearchParams {
  if (!contentType.startsWith('application/json')) return new URLSearchParams(raw);
  const fields = JSON.parse(raw) as Record<string, unknown>;
  return new URLSearchParams(
    Object.entries(fields).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  );
}

const TOKEN = 'xoxb-1111-2222-testbottoken';
const fetchForTests = () => createSlackFetch({ timeoutMs: 2000, sleep: async () => undefined });

function client() {
  return new webApi.WebClient(TOKEN, {
    slackApiUrl: apiUrl,
    retryConfig: SLACK_RETRY_CONFIG,
    rejectRateLimitedCalls: true,
    fetch: fetchForTests(),
  });
}

/** The two ways a post leaves: the WebClient's chat.postMessage, and the answers' JSON one (with a team). */
const senders: Array<[string, (args: PostMessageArgs) => Promise<{ ts?: string }>]> = [
  ['the WebClient', (args) => client().chat.postMessage(args)],
  [
    'the JSON post',
    (args) =>
      createPostMessage(fetchForTests(), createLogger({ level: 'error', write: () => undefined }))(
        { client: client(), teamId: 'T1' },
        args,
      ),
  ],
];

describe.each(senders)('chat.postMessage through %s, when it may have reached Slack', (_, post) => {
  it('carries a mark in its metadata and keeps the text as it was', async () => {
    const text = 'Cause & fix: `slmgr /ato` = 100% “ok”, metadata=none';
    await post({ channel: 'C1', thread_ts: '1700000000.000001', text, blocks: [] });
    expect(posted[0]).toMatchObject({
      text,
      thread_ts: '1700000000.000001',
      metadata: { event_type: POST_MARK_EVENT, event_payload: { post_id: expect.any(String) } },
    });
  });

  it('is not posted again when the connection drops after Slack carried it out', async () => {
    script.set('chat.postMessage', [{ kind: 'reset' }]);
    const res = await post({ channel: 'C1', thread_ts: '1700000000.000001', text: 'card', blocks: [] });
    expect(posted).toHaveLength(1);
    expect(res.ts).toBe(posted[0]!.ts);
    expect(calls).toEqual(['chat.postMessage', 'conversations.replies']);
  });

  it('is posted again when Slack answered 500 and the post is not there', async () => {
    script.set('chat.postMessage', [{ kind: 'status', status: 500 }]);
    const res = await post({ channel: 'C1', text: 'card', blocks: [] });
    expect(posted).toHaveLength(1);
    expect(res.ts).toBe(posted[0]!.ts);
    expect(calls).toEqual(['chat.postMessage', 'conversations.history', 'chat.postMessage']);
  });

  it('is not sent again when its thread cannot be read to check', async () => {
    script.set('chat.postMessage', [{ kind: 'reset' }]);
    script.set('conversations.replies', [{ kind: 'status', status: 500 }]);
    await expect(post({ channel: 'C1', thread_ts: '1.1', text: 'card', blocks: [] })).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
    });
    expect(posted).toHaveLength(1);
  });

  it('waits a short Retry-After, then posts', async () => {
    script.set('chat.postMessage', [{ kind: 'status', status: 429, retryAfter: '1' }]);
    const res = await post({ channel: 'C1', text: 'card', blocks: [] });
    expect(calls).toEqual(['chat.postMessage', 'chat.postMessage']);
    expect(res.ts).toBe(posted[0]!.ts);
  });

  it('fails as rate limited at once on a Retry-After above the cap', async () => {
    script.set('chat.postMessage', [{ kind: 'status', status: 429, retryAfter: '3600' }]);
    await expect(post({ channel: 'C1', text: 'card', blocks: [] })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 3600,
    });
    expect(posted).toHaveLength(0);
  });

  it("fails with Slack's error code when Slack refuses the post (ok: false)", async () => {
    script.set('chat.postMessage', [{ kind: 'refused', error: 'not_in_channel' }]);
    await expect(post({ channel: 'C1', text: 'card', blocks: [] })).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'not_in_channel' },
    });
  });

  it('fails with the status when a 5xx persists, after a bounded number of checked attempts', async () => {
    script.set('chat.postMessage', [
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
    ]);
    await expect(post({ channel: 'C1', text: 'card', blocks: [] })).rejects.toMatchObject({
      code: 'slack_webapi_http_error',
      statusCode: 503,
    });
    expect(calls.filter((c) => c === 'chat.postMessage')).toHaveLength(3);
  });
});

describe('the JSON post', () => {
  it("is JSON, with the client's token and the event's team, and its blocks as sent", async () => {
    const blocks = [
      { type: 'section' as const, text: { type: 'mrkdwn' as const, text: '*État :* 0xC004F074' } },
    ];
    const send = createPostMessage(fetchForTests(), createLogger({ level: 'error', write: () => undefined }));
    const res = await send(
      { client: client(), teamId: 'T1' },
      { channel: 'C1', thread_ts: '1.1', text: 'gist', blocks },
    );
    expect(res).toMatchObject({ ok: true, ts: posted[0]!.ts });
    expect(received[0]).toEqual({
      method: 'chat.postMessage',
      contentType: 'application/json; charset=utf-8',
      authorization: `Bearer ${TOKEN}`,
    });
    expect(posted[0]).toMatchObject({ channel: 'C1', thread_ts: '1.1', text: 'gist', team_id: 'T1' });
  });
});

describe('a WebClient post that sets its own metadata', () => {
  it('is sent as it is, and not sent again after an ambiguous failure', async () => {
    const own = { event_type: 'other', event_payload: { id: 1 } };
    await client().chat.postMessage({ channel: 'C1', text: 'plain', metadata: own });
    expect(posted[0]!.metadata).toEqual(own);
    script.set('chat.postMessage', [{ kind: 'status', status: 500 }]);
    await expect(
      client().chat.postMessage({ channel: 'C1', text: 'plain', metadata: own }),
    ).rejects.toThrow();
    expect(calls).toEqual(['chat.postMessage', 'chat.postMessage']);
  });
});

describe('rate limits and idempotent calls', () => {
  it('waits a short Retry-After, then sends again', async () => {
    script.set('chat.update', [{ kind: 'status', status: 429, retryAfter: '1' }]);
    await client().chat.update({ channel: 'C1', ts: '1.1', text: 'card' });
    expect(calls).toEqual(['chat.update', 'chat.update']);
  });

  it('fails at once on a Retry-After above the cap instead of waiting an hour', async () => {
    script.set('chat.postMessage', [{ kind: 'status', status: 429, retryAfter: '3600' }]);
    const started = Date.now();
    await expect(client().chat.postMessage({ channel: 'C1', text: 'card' })).rejects.toThrow(/rate/i);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(posted).toHaveLength(0);
  });

  it('retries an idempotent update after a 503, a bounded number of times', async () => {
    script.set('chat.update', [
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
    ]);
    await expect(client().chat.update({ channel: 'C1', ts: '1.1', text: 'card' })).rejects.toThrow();
    expect(calls).toEqual(['chat.update', 'chat.update', 'chat.update']);
  });
});

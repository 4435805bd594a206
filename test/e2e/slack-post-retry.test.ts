/**
 * Outbound Slack calls retry without posting twice. The real WebClient (configured as the server configures it)
 * talks to a small Slack on loopback that can drop the connection after carrying out a post, or answer 429 with
 * any Retry-After.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackFetch, POST_MARK_EVENT } from '../../src/adapters/slack/http-fetch.js';
import { SLACK_RETRY_CONFIG } from '../../src/adapters/slack/mount.js';

interface Posted {
  ts: string;
  channel: string;
  thread_ts?: string;
  text?: string;
  metadata?: unknown;
}

let server: Server;
let apiUrl: string;
const posted: Posted[] = [];
const calls: string[] = [];
/** What the next calls of a method do: 'reset' carries the call out, then drops the connection. */
const script = new Map<string, Array<{ kind: 'reset' | 'status'; status?: number; retryAfter?: string }>>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop()!;
      calls.push(method);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const next = script.get(method)?.shift();
      if (next?.kind === 'status') {
        res.writeHead(next.status!, {
          'content-type': 'application/json',
          ...(next.retryAfter ? { 'retry-after': next.retryAfter } : {}),
        });
        res.end(JSON.stringify({ ok: false, error: next.status === 429 ? 'ratelimited' : 'internal_error' }));
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
  script.clear();
});

function client() {
  return new webApi.WebClient('xoxb-1111-2222-testbottoken', {
    slackApiUrl: apiUrl,
    retryConfig: SLACK_RETRY_CONFIG,
    rejectRateLimitedCalls: true,
    fetch: createSlackFetch({ timeoutMs: 2000, sleep: async () => undefined }),
  });
}

describe('chat.postMessage that may have reached Slack', () => {
  it('carries a mark in its metadata, and a post that sets its own metadata is sent as it is', async () => {
    const text = 'Cause & fix: `slmgr /ato` = 100% “ok”, metadata=none';
    await client().chat.postMessage({ channel: 'C1', thread_ts: '1700000000.000001', text });
    const own = { event_type: 'other', event_payload: { id: 1 } };
    await client().chat.postMessage({ channel: 'C1', text: 'plain', metadata: own });
    expect(posted[0]).toMatchObject({
      text,
      thread_ts: '1700000000.000001',
      metadata: { event_type: POST_MARK_EVENT, event_payload: { post_id: expect.any(String) } },
    });
    expect(posted[1]!.metadata).toEqual(own);
  });

  it('is not posted again when the connection drops after Slack carried it out', async () => {
    script.set('chat.postMessage', [{ kind: 'reset' }]);
    const res = await client().chat.postMessage({
      channel: 'C1',
      thread_ts: '1700000000.000001',
      text: 'card',
    });
    expect(posted).toHaveLength(1);
    expect(res.ts).toBe(posted[0]!.ts);
    expect(calls).toEqual(['chat.postMessage', 'conversations.replies']);
  });

  it('is posted again when Slack answered 500 and the post is not there', async () => {
    script.set('chat.postMessage', [{ kind: 'status', status: 500 }]);
    const res = await client().chat.postMessage({ channel: 'C1', text: 'card' });
    expect(posted).toHaveLength(1);
    expect(res.ts).toBe(posted[0]!.ts);
    expect(calls).toEqual(['chat.postMessage', 'conversations.history', 'chat.postMessage']);
  });

  it('is not sent again when its thread cannot be read to check', async () => {
    script.set('chat.postMessage', [{ kind: 'reset' }]);
    script.set('conversations.replies', [{ kind: 'status', status: 500 }]);
    await expect(
      client().chat.postMessage({ channel: 'C1', thread_ts: '1.1', text: 'card' }),
    ).rejects.toThrow();
    expect(posted).toHaveLength(1);
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

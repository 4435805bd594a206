/**
 * A fake Slack Web API on loopback. The real @slack/web-api client (via Bolt) talks to it through
 * `SLACK_API_URL`; every call is recorded with its decoded arguments so tests can assert on what the bot said.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  /** The raw Authorization header (tests check the bot token is sent). */
  authorization?: string;
  /** What the fake answered. */
  status?: number;
  response?: Record<string, unknown>;
  at: number;
}

interface ScriptedFailure {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface FakeSlack {
  /** Base URL to put in SLACK_API_URL (ends with /api/). */
  apiUrl: string;
  /** Base URL for response_url values in payloads. */
  responseUrl(id: string): string;
  calls(method?: string): RecordedCall[];
  /** Polls the recorded calls until `predicate` holds; rejects with what was recorded on timeout. */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Waits for at least `count` calls of `method`. */
  waitForCalls(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** The next call to `method` fails like Slack would (e.g. 429 with Retry-After). */
  failNext(method: string, failure: ScriptedFailure): void;
  /** Who `conversations.members` lists for a channel (kept across `reset`). */
  setMembers(channel: string, userIds: string[]): void;
  /** The WebSocket URL `apps.connections.open` hands out (Socket Mode). */
  setSocketUrl(url: string): void;
  reset(): void;
  close(): Promise<void>;
}

export const FAKE_TEAM_ID = 'T0FAKE001';
export const FAKE_BOT_ID = 'B0FAKEBOT';
export const FAKE_BOT_USER_ID = 'U0FAKEBOT';

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, ScriptedFailure[]>();
  const members = new Map<string, string[]>();
  let socketUrl: string | undefined;
  let tsCounter = 0;
  const nextTs = () =>
    `1700000${String(100 + tsCounter++).padStart(3, '0')}.000${String(tsCounter).padStart(3, '0')}`;

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake',
          user: 'activation-doctor',
          team_id: FAKE_TEAM_ID,
          user_id: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
        };
      case 'chat.postMessage': {
        const ts = nextTs();
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: { type: 'message', ts, text: args.text, bot_id: FAKE_BOT_ID, thread_ts: args.thread_ts },
        };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'views.publish':
        return { ok: true, view: { id: 'V0FAKE', type: 'home' } };
      case 'conversations.members': {
        // One member per page, so a client that ignores the cursor misses people.
        const list = members.get(String(args.channel)) ?? [];
        const at = Number(args.cursor ?? 0);
        const next = at + 1 < list.length ? String(at + 1) : '';
        return { ok: true, members: list.slice(at, at + 1), response_metadata: { next_cursor: next } };
      }
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: args.channel,
          permalink: `https://fake.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
        };
      case 'apps.connections.open':
        return socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'users.info':
        return { ok: true, user: { id: args.user, name: 'someone', locale: 'en-US' } };
      default:
        return { ok: true };
    }
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const args = decodeBody(raw, req.headers['content-type'] ?? '');
      const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (url.pathname.startsWith('/response/')) {
        const id = url.pathname.slice('/response/'.length);
        // A response_url lasts 30 minutes: ids starting with "expired" play one that has run out.
        const expired = id.startsWith('expired');
        calls.push({
          method: 'response_url',
          args: { ...args, id },
          status: expired ? 404 : 200,
          at: Date.now(),
        });
        if (expired) respond(404, { ok: false, error: 'expired_url' });
        else respond(200, { ok: true });
        return;
      }
      const method = url.pathname.replace(/^\/api\//, '');
      const call: RecordedCall = { method, args, authorization: req.headers.authorization, at: Date.now() };
      const failure = failures.get(method)?.shift();
      call.status = failure?.status ?? 200;
      call.response = failure?.body ?? answer(method, args);
      calls.push(call);
      respond(call.status, call.response, failure?.headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const waitFor = async (predicate: (c: RecordedCall[]) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(calls)) {
      if (Date.now() > deadline) {
        throw new Error(
          `fake Slack: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ') || 'none'}`,
        );
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return [...calls];
  };

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    calls: (method) => (method ? calls.filter((c) => c.method === method) : [...calls]),
    waitFor,
    waitForCalls: async (method, count = 1, timeoutMs) =>
      (await waitFor((c) => c.filter((x) => x.method === method).length >= count, timeoutMs)).filter(
        (c) => c.method === method,
      ),
    failNext: (method, failure) => {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    setMembers: (channel, userIds) => {
      members.set(channel, [...userIds]);
    },
    setSocketUrl: (url) => {
      socketUrl = url;
    },
    reset: () => {
      calls.length = 0;
      failures.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const JSON_ARGUMENTS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls']);

/** Slack's client sends form bodies in which non-scalar arguments (blocks, attachments) are JSON strings. */
function decodeBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_ARGUMENTS.has(key) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * A fake Slack Web API on loopback. The real @slack/web-api client (via Bolt) talks to it through
 * `SLACK_API_URL`; every call is recorded with its decoded arguments so tests can assert on what the bot said.
 *
 * It also plays Slack's side of an install: the authorize page (`GET /oauth/v2/authorize`, where the person
 * "approves" for the workspace the test chose and is sent back to the app with a one-time code), `oauth.v2.access`
 * (the code and the app's credentials → that workspace's bot token) and `auth.test` answering for the workspace
 * whose token is in the Authorization header. Every recorded call names the workspace its token belongs to.
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
  /** The workspace whose installed bot token authorized the call (undefined: the single-workspace token). */
  team?: string;
}

/** A workspace the app can be installed in. */
export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  botUserId: string;
  botId: string;
  /** Handed out by oauth.v2.access once the workspace installed the app. */
  botToken: string;
  /** Conversations of this workspace: another workspace's token gets `channel_not_found` there, as on Slack. */
  channels?: string[];
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
  /** The app's OAuth credentials (oauth.v2.access refuses others) and its registered redirect URL. */
  setOAuthApp(app: { clientId: string; clientSecret: string; redirectUrl: string; appId?: string }): void;
  /** The workspace the next visit to the authorize page approves the install for. */
  approveNextInstallFor(workspace: FakeWorkspace): void;
  /** Base URL of the authorize page host (what the bot's authorize URL must point at). */
  origin: string;
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
  let oauthApp: { clientId: string; clientSecret: string; redirectUrl: string; appId?: string } | undefined;
  let approving: FakeWorkspace | undefined;
  /** One-time codes handed out by the authorize page. */
  const codes = new Map<string, FakeWorkspace>();
  /** Bot tokens of installed workspaces. */
  const installedTokens = new Map<string, FakeWorkspace>();
  let tsCounter = 0;
  let viewCounter = 0;
  const nextTs = () =>
    `1700000${String(100 + tsCounter++).padStart(3, '0')}.000${String(tsCounter).padStart(3, '0')}`;

  const answer = (
    method: string,
    args: Record<string, unknown>,
    workspace: FakeWorkspace | undefined,
  ): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        if (workspace) {
          return {
            ok: true,
            url: `https://${workspace.teamName.toLowerCase()}.slack.com/`,
            team: workspace.teamName,
            user: 'activation-doctor',
            team_id: workspace.teamId,
            user_id: workspace.botUserId,
            bot_id: workspace.botId,
          };
        }
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
      case 'views.open': {
        // A trigger id lasts 3 s and works once; ids starting with "expired" play one that has run out.
        if (String(args.trigger_id ?? '').startsWith('expired'))
          return { ok: false, error: 'expired_trigger_id' };
        viewCounter++;
        return { ok: true, view: { id: `V0MODAL${viewCounter}`, type: 'modal', ...(args.view as object) } };
      }
      case 'views.update':
        return { ok: true, view: { id: args.view_id, type: 'modal', ...(args.view as object) } };
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
      case 'oauth.v2.access': {
        if (!oauthApp || args.client_id !== oauthApp.clientId)
          return { ok: false, error: 'invalid_client_id' };
        if (args.client_secret !== oauthApp.clientSecret) return { ok: false, error: 'bad_client_secret' };
        const installed = codes.get(String(args.code));
        if (!installed) return { ok: false, error: 'invalid_code' };
        codes.delete(String(args.code));
        installedTokens.set(installed.botToken, installed);
        return {
          ok: true,
          app_id: oauthApp.appId ?? 'A0FAKEAPP',
          authed_user: { id: 'U0INSTALLER' },
          scope: 'app_mentions:read,chat:write,commands',
          token_type: 'bot',
          access_token: installed.botToken,
          bot_user_id: installed.botUserId,
          team: { id: installed.teamId, name: installed.teamName },
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      default:
        return { ok: true };
    }
  };

  /** A token used on a conversation of another installed workspace: Slack cannot see it from there. */
  const wrongWorkspace = (
    args: Record<string, unknown>,
    workspace: FakeWorkspace | undefined,
  ): ScriptedFailure | undefined => {
    if (!workspace || typeof args.channel !== 'string') return undefined;
    for (const other of installedTokens.values()) {
      if (other.teamId !== workspace.teamId && other.channels?.includes(args.channel)) {
        return { status: 200, body: { ok: false, error: 'channel_not_found' } };
      }
    }
    return undefined;
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
      if (url.pathname === '/oauth/v2/authorize') {
        // The consent page: the person approves for the workspace the test chose and goes back with a code.
        const query = Object.fromEntries(url.searchParams);
        calls.push({ method: 'oauth.authorize', args: query, at: Date.now() });
        const workspace = approving;
        approving = undefined;
        const back = query.redirect_uri ?? oauthApp?.redirectUrl;
        if (!workspace || !back || query.client_id !== oauthApp?.clientId) {
          respond(400, { ok: false, error: 'invalid_request' });
          return;
        }
        const code = `code-${workspace.teamId}-${Math.random().toString(36).slice(2)}`;
        codes.set(code, workspace);
        const location = new URL(back);
        location.searchParams.set('code', code);
        if (query.state) location.searchParams.set('state', query.state);
        res.writeHead(302, { location: location.toString() });
        res.end();
        return;
      }
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
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const workspace = token ? installedTokens.get(token) : undefined;
      if (workspace) call.team = workspace.teamId;
      const failure = failures.get(method)?.shift() ?? wrongWorkspace(args, workspace);
      call.status = failure?.status ?? 200;
      call.response = failure?.body ?? answer(method, args, workspace);
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
    setOAuthApp: (app) => {
      oauthApp = { ...app };
    },
    approveNextInstallFor: (workspace) => {
      approving = workspace;
    },
    origin: base,
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

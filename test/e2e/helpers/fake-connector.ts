/**
 * A Bot Framework connector on loopback: the REST surface a bot calls to reply (the same one the Emulator and
 * teams.ts' dev server speak). Activities sent to /api/messages carry `serviceUrl` = this server, so every reply,
 * thread reply and card update lands here, recorded with its headers.
 *
 *   POST /v3/conversations/:cid/activities            send to the conversation
 *   POST /v3/conversations/:cid/activities/:replyTo   reply to an activity
 *   PUT  /v3/conversations/:cid/activities/:id        update an activity
 *   POST /v3/conversations                            start a conversation (a new thread in a channel)
 *   GET  /v3/conversations/:teamId/pagedmembers       members of a team (`setMembers`)
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: 'POST' | 'PUT' | 'GET';
  kind: 'send' | 'reply' | 'update' | 'create' | 'members';
  /** Decoded conversation id from the path (a channel thread keeps its `;messageid=`). */
  conversationId: string;
  /** replyTo id (reply) or the updated activity id (update). */
  activityId?: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** Status this call was answered with (failures injected with `failNext` are recorded too). */
  status: number;
  /** The `id` returned to the bot (a 2xx call): what a later `replyToId` names. */
  responseId?: string;
}

export interface FakeConnector {
  /** `http://127.0.0.1:PORT/`, the trailing slash as real service URLs have it. */
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** Calls answered 2xx. */
  delivered(): ConnectorCall[];
  /** The next `count` calls are answered `status` (with optional headers, e.g. Retry-After). */
  failNext(status: number, count?: number, headers?: Record<string, string>): void;
  /** Who `pagedmembers` lists for a team (kept across `reset`). */
  setMembers(teamId: string, members: Array<{ id: string; name?: string; aadObjectId?: string }>): void;
  /** Polls the delivered calls until `predicate` holds or the timeout passes. */
  waitFor(predicate: (delivered: ConnectorCall[]) => boolean, timeoutMs?: number): Promise<ConnectorCall[]>;
  reset(): void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const CREATE_ROUTE = /^\/v3\/conversations\/?$/;
const MEMBERS_ROUTE = /^\/v3\/conversations\/([^/]+)\/pagedmembers\/?$/;

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const failures: Array<{ status: number; headers: Record<string, string> }> = [];
  let nextId = 1;
  const teams = new Map<string, Array<{ id: string; name?: string; aadObjectId?: string }>>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      if (req.method === 'GET' && MEMBERS_ROUTE.test(path)) {
        const teamId = decodeURIComponent(MEMBERS_ROUTE.exec(path)![1]!);
        calls.push({
          method: 'GET',
          kind: 'members',
          conversationId: teamId,
          body: {},
          headers: req.headers,
          status: 200,
        });
        send(
          res,
          200,
          { 'content-type': 'application/json' },
          JSON.stringify({ members: teams.get(teamId) ?? [] }),
        );
        return;
      }
      if (req.method === 'POST' && CREATE_ROUTE.test(path)) {
        const params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
        const channel =
          (params.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? 'new';
        const activityId = `fake-activity-${nextId++}`;
        const conversationId = `${channel};messageid=${activityId}`;
        calls.push({
          method: 'POST',
          kind: 'create',
          conversationId,
          body: params,
          headers: req.headers,
          status: 201,
          responseId: activityId,
        });
        send(
          res,
          201,
          { 'content-type': 'application/json' },
          JSON.stringify({ id: conversationId, activityId }),
        );
        return;
      }
      const match = ROUTE.exec(path);
      const method = req.method === 'POST' || req.method === 'PUT' ? req.method : undefined;
      if (!match || !method || (method === 'PUT' && !match[2])) {
        send(res, 404, { 'content-type': 'application/json' }, '{"error":{"code":"NotFound"}}');
        return;
      }
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        send(res, 400, {}, '');
        return;
      }
      const conversationId = decodeURIComponent(match[1]!);
      const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
      const kind = method === 'PUT' ? 'update' : activityId ? 'reply' : 'send';
      const failure = failures.shift();
      const status = failure?.status ?? (method === 'PUT' ? 200 : 201);
      const id = failure ? undefined : kind === 'update' ? activityId! : `fake-activity-${nextId++}`;
      calls.push({
        method,
        kind,
        conversationId,
        activityId,
        body,
        headers: req.headers,
        status,
        responseId: id,
      });
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'fake connector failure' } }));
        return;
      }
      send(res, status, { 'content-type': 'application/json' }, JSON.stringify({ id }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const delivered = () => calls.filter((c) => c.status < 300);
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    delivered,
    failNext(status, count = 1, headers = {}) {
      for (let i = 0; i < count; i++) failures.push({ status, headers });
    },
    async waitFor(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(delivered())) {
        if (Date.now() > deadline) {
          throw new Error(
            `fake connector: condition not met in ${timeoutMs} ms; calls: ${JSON.stringify(calls.map((c) => [c.method, c.kind, c.status]))}`,
          );
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      return delivered();
    },
    setMembers(teamId, members) {
      teams.set(teamId, [...members]);
    },
    reset() {
      calls.length = 0;
      failures.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Plain node:http answer (restify patches ServerResponse in this process, so `writeHead` is not chained). */
function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, headers);
  res.end(body);
}

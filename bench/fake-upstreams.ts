/**
 * The remote side of the HTTP bench: a fake Slack Web API and a fake Bot Framework connector on loopback, in the
 * load driver's process. They answer what the bots need (a `ts` for chat.postMessage, an `id` for a Teams reply),
 * count what they receive, and tell the driver which thread each reply answers (`onReply`), so every message is
 * timed from its send to its reply and a missing or extra reply is caught. Anything else a bot calls (a typing
 * indicator, chat.update, another Web API method) is counted apart as an "other call".
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { conversationOfPath, replyKeySlack, type Platform } from './http-traffic.js';

export interface DeliveryCounts {
  /** chat.postMessage calls (Slack) / message activities posted to a conversation (Teams). */
  replies: Record<Platform, number>;
  replyBytes: Record<Platform, number>;
  /** Calls to anything else. */
  otherCalls: number;
  otherMethods: Record<string, number>;
  sample: Partial<Record<Platform, string>>;
}

export interface FakeUpstreams {
  /** SLACK_API_URL / clientOptions.slackApiUrl (ends with /api/). */
  slackApiUrl: string;
  /** The activities' serviceUrl (trailing slash, as real ones have). */
  serviceUrl: string;
  counts(): DeliveryCounts;
  reset(): void;
  close(): Promise<void>;
}

export type ReplyListener = (platform: Platform, key: string | undefined) => void;

export async function startFakeUpstreams(onReply: ReplyListener): Promise<FakeUpstreams> {
  let counts = emptyCounts();
  let nextId = 1;
  const other = (method: string) => {
    counts.otherCalls++;
    counts.otherMethods[method] = (counts.otherMethods[method] ?? 0) + 1;
  };
  const reply = (platform: Platform, body: string, key: string | undefined) => {
    counts.replies[platform]++;
    counts.replyBytes[platform] += Buffer.byteLength(body);
    counts.sample[platform] ??= body;
    onReply(platform, key);
  };

  const slack = createServer((req, res) => {
    readBody(req, (body) => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      if (method === 'chat.postMessage') {
        const ts = `1700000000.${String(nextId++).padStart(6, '0')}`;
        json(res, 200, `{"ok":true,"ts":"${ts}","message":{"type":"message","ts":"${ts}"}}`);
        reply('slack', body, replyKeySlack(req.headers['content-type'], body));
        return;
      }
      other(`slack ${method}`);
      json(res, 200, '{"ok":true}');
    });
  });

  const connector = createServer((req, res) => {
    readBody(req, (body) => {
      const path = (req.url ?? '').split('?')[0]!;
      const conversation = conversationOfPath(path);
      if (conversation !== undefined && (req.method === 'POST' || req.method === 'PUT')) {
        json(res, req.method === 'PUT' ? 200 : 201, `{"id":"fake-activity-${nextId++}"}`);
        const type = activityType(body);
        if (req.method === 'POST' && type === 'message') reply('teams', body, conversation);
        else other(`teams ${req.method} ${type ?? 'activity'}`);
        return;
      }
      other(`teams ${req.method} ${path.replace(/\/v3\/conversations\/[^/]+/, '/v3/conversations/{id}')}`);
      json(res, 404, '{"error":{"code":"NotFound"}}');
    });
  });

  const slackPort = await listen(slack);
  const connectorPort = await listen(connector);
  return {
    slackApiUrl: `http://127.0.0.1:${slackPort}/api/`,
    serviceUrl: `http://127.0.0.1:${connectorPort}/`,
    counts: () => structuredClone(counts),
    reset: () => {
      counts = emptyCounts();
    },
    close: async () => {
      await Promise.all([close(slack), close(connector)]);
    },
  };
}

function activityType(body: string): string | undefined {
  try {
    const type = (JSON.parse(body) as { type?: unknown }).type;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}

function emptyCounts(): DeliveryCounts {
  return {
    replies: { slack: 0, teams: 0 },
    replyBytes: { slack: 0, teams: 0 },
    otherCalls: 0,
    otherMethods: {},
    sample: {},
  };
}

function readBody(req: IncomingMessage, done: (body: string) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => done((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8')));
}

function json(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * The remote side of the HTTP bench, run in a process of its own: a fake Slack Web API and a fake Bot Framework
 * connector on loopback. Both answer what the bots need (a `ts` for chat.postMessage, an `id` for a Teams reply)
 * and only count what they receive (calls, bytes, time of the last one), so under load they cost the machine as
 * little as a remote platform would. The first reply of each kind is kept, to show what was delivered.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DeliveryCounts {
  /** chat.postMessage calls (Slack replies). */
  slackPosts: number;
  slackBytes: number;
  slackLastAt: number;
  /** Activities sent or replied to a conversation (Teams replies). */
  teamsReplies: number;
  teamsBytes: number;
  teamsLastAt: number;
  /** Calls to anything else (a bot calling more than it should shows up here). */
  otherCalls: number;
  sample: { slack?: string; teams?: string };
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

const ACTIVITY_ROUTE = /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?\/?$/;

export async function startFakeUpstreams(): Promise<FakeUpstreams> {
  let counts = emptyCounts();
  let nextId = 1;

  const slack = createServer((req, res) => {
    readBody(req, (body) => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      if (method === 'chat.postMessage') {
        counts.slackPosts++;
        counts.slackBytes += body.length;
        counts.slackLastAt = Date.now();
        counts.sample.slack ??= body.toString('utf8');
        const ts = `1700000000.${String(nextId++).padStart(6, '0')}`;
        json(res, 200, `{"ok":true,"ts":"${ts}","message":{"type":"message","ts":"${ts}"}}`);
        return;
      }
      counts.otherCalls++;
      json(res, 200, '{"ok":true}');
    });
  });

  const connector = createServer((req, res) => {
    readBody(req, (body) => {
      const path = (req.url ?? '').split('?')[0]!;
      if ((req.method === 'POST' || req.method === 'PUT') && ACTIVITY_ROUTE.test(path)) {
        counts.teamsReplies++;
        counts.teamsBytes += body.length;
        counts.teamsLastAt = Date.now();
        counts.sample.teams ??= body.toString('utf8');
        json(res, req.method === 'PUT' ? 200 : 201, `{"id":"fake-activity-${nextId++}"}`);
        return;
      }
      counts.otherCalls++;
      json(res, 404, '{"error":{"code":"NotFound"}}');
    });
  });

  const slackPort = await listen(slack);
  const connectorPort = await listen(connector);
  return {
    slackApiUrl: `http://127.0.0.1:${slackPort}/api/`,
    serviceUrl: `http://127.0.0.1:${connectorPort}/`,
    counts: () => ({ ...counts, sample: { ...counts.sample } }),
    reset: () => {
      counts = emptyCounts();
    },
    close: async () => {
      await Promise.all([close(slack), close(connector)]);
    },
  };
}

function emptyCounts(): DeliveryCounts {
  return {
    slackPosts: 0,
    slackBytes: 0,
    slackLastAt: 0,
    teamsReplies: 0,
    teamsBytes: 0,
    teamsLastAt: 0,
    otherCalls: 0,
    sample: {},
  };
}

function readBody(req: IncomingMessage, done: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
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

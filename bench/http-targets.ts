/**
 * The servers the HTTP bench compares, each started alone in its own process. Per platform:
 *
 *   default echo  the framework as its README sets it up: Bolt's own HTTPReceiver (conversation store on, the
 *                 Web API client's default HTTP stack); botbuilder's CloudAdapter on restify with
 *                 `adapter.process` (a connector client built for every turn). It echoes the text in the thread.
 *   tuned echo    the same echo through the framework set up exactly as our server sets it up: restify with our
 *                 Slack receiver, Bolt with convoStore off, the same keep-alive fetch, retry policy and ids, and
 *                 our cached-connector authentication on one CloudAdapter. The difference between ours and this
 *                 one is our own work per message (listeners, engine, Redis, diagnosis, rendering, logs).
 *   ours          the production server (createBotServer) with that platform on, Redis as in production.
 *
 * Every one of them posts exactly one reply per message, in the message's thread, to the same fake upstream.
 * Each loads only what it uses (imports inside the functions), so the processes' memory compares like for like.
 */
import type { Activity } from 'botbuilder';
import type restify from 'restify';
import { BENCH_BOT_ID, BENCH_BOT_TOKEN, BENCH_BOT_USER_ID, BENCH_SIGNING_SECRET } from './http-traffic.js';

export const TARGETS = [
  'slack-default-echo',
  'slack-tuned-echo',
  'slack-ours',
  'teams-default-echo',
  'teams-tuned-echo',
  'teams-ours',
] as const;
export type Target = (typeof TARGETS)[number];

export interface Upstream {
  slackApiUrl: string;
  redisUrl: string;
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

export async function serveTarget(target: Target, up: Upstream): Promise<Served> {
  switch (target) {
    case 'slack-ours':
      // Production logging at info level: records are built and redacted as in production, then discarded.
      return ours({
        PLAYGROUND: 'off',
        SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
        SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
        SLACK_API_URL: up.slackApiUrl,
        SLACK_BOT_ID: BENCH_BOT_ID,
        SLACK_BOT_USER_ID: BENCH_BOT_USER_ID,
        REDIS_URL: up.redisUrl,
      });
    case 'teams-ours':
      // Anonymous Teams (no MicrosoftAppId) only mounts with PLAYGROUND=on; Slack stays off (no credentials).
      return ours({ PLAYGROUND: 'on', REDIS_URL: up.redisUrl });
    case 'slack-default-echo':
      return boltDefaultEcho(up.slackApiUrl);
    case 'slack-tuned-echo':
      return boltTunedEcho(up.slackApiUrl);
    case 'teams-default-echo':
      return botbuilderDefaultEcho();
    case 'teams-tuned-echo':
      return botbuilderTunedEcho();
  }
}

async function ours(env: Record<string, string>): Promise<Served> {
  const { loadConfig } = await import('../src/config.js');
  const { createLogger } = await import('../src/observability/logger.js');
  const { createBotServer } = await import('../src/bot-server.js');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', ...env });
  const bot = await createBotServer(config, {
    logger: createLogger({ level: 'info', write: () => undefined }),
  });
  const url = await bot.listen(0, '127.0.0.1');
  return { url, stop: () => bot.close() };
}

async function boltDefaultEcho(slackApiUrl: string): Promise<Served> {
  const { App, LogLevel } = await import('@slack/bolt');
  const app = new App({
    signingSecret: BENCH_SIGNING_SECRET,
    token: BENCH_BOT_TOKEN,
    botId: BENCH_BOT_ID,
    botUserId: BENCH_BOT_USER_ID,
    tokenVerificationEnabled: false,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl },
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      text: event.text,
    });
  });
  const server = (await app.start(0)) as { address(): { port: number } };
  return { url: `http://127.0.0.1:${server.address().port}`, stop: () => app.stop() as Promise<void> };
}

async function boltTunedEcho(slackApiUrl: string): Promise<Served> {
  const { App, LogLevel } = await import('@slack/bolt');
  const { default: restify } = await import('restify');
  const { createSlackFetch } = await import('../src/adapters/slack/http-fetch.js');
  const { SLACK_CALL_TIMEOUT_MS, SLACK_RETRY_CONFIG } = await import('../src/adapters/slack/mount.js');
  const { RestifySlackReceiver } = await import('../src/adapters/slack/receiver.js');
  const { createLogger } = await import('../src/observability/logger.js');
  const logger = createLogger({ level: 'info', write: () => undefined });
  const fetch = createSlackFetch({ timeoutMs: SLACK_CALL_TIMEOUT_MS });
  const receiver = new RestifySlackReceiver({ signingSecret: BENCH_SIGNING_SECRET, logger });
  const app = new App({
    receiver,
    token: BENCH_BOT_TOKEN,
    tokenVerificationEnabled: false,
    botId: BENCH_BOT_ID,
    botUserId: BENCH_BOT_USER_ID,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl, retryConfig: SLACK_RETRY_CONFIG, fetch },
    convoStore: false,
  });
  app.event('app_mention', async ({ event, client }) => {
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      text: event.text,
    });
  });
  const server = restify.createServer();
  server.post('/slack/events', receiver.handle);
  await app.start();
  const url = await listen(server);
  return {
    url,
    stop: async () => {
      await closeServer(server);
      await (app.stop() as Promise<void>);
      fetch.close();
    },
  };
}

async function botbuilderDefaultEcho(): Promise<Served> {
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = await import('botbuilder');
  const { default: restify } = await import('restify');
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
    });
  });
  const url = await listen(server);
  return { url, stop: () => closeServer(server) };
}

async function botbuilderTunedEcho(): Promise<Served> {
  // The same adapter subclass our Teams route uses.
  const { TeamsCloudAdapter } = await import('../src/adapters/teams/route.js');
  const { default: restify } = await import('restify');
  const { createTeamsAuthentication } = await import('../src/adapters/teams/auth.js');
  const { routeJsonBody } = await import('../src/adapters/http/json-body.js');
  const { loadConfig } = await import('../src/config.js');
  const { teams } = loadConfig({ PORT: '0', PLAYGROUND: 'on' });
  const adapter = new TeamsCloudAdapter(createTeamsAuthentication(teams));
  const server = restify.createServer();
  server.post('/api/messages', ...routeJsonBody(), async (req: restify.Request, res: restify.Response) => {
    const activity = req.body as Activity & Record<string, unknown>;
    // ISO timestamps → Date, as botbuilder's own request parsing (and our route) does.
    for (const field of ['timestamp', 'localTimestamp'] as const) {
      if (typeof activity[field] === 'string') activity[field] = new Date(activity[field]);
    }
    const invoke = await adapter.processRequest(
      req.header('authorization') ?? '',
      activity,
      async (context) => {
        if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
      },
    );
    res.send(invoke?.status ?? 200);
  });
  const url = await listen(server);
  return { url, stop: () => closeServer(server) };
}

function listen(server: restify.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`),
    ),
  );
}

function closeServer(server: restify.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.server.closeAllConnections();
  });
}

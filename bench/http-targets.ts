/**
 * The servers the HTTP bench compares, each started alone in its own process:
 *   slack-bolt   a bare Bolt app (its own HTTPReceiver, defaults) that echoes each mention into its thread;
 *   slack-ours   the production server with Slack on (restify, our receiver, Bolt, engine, Redis, Block Kit);
 *   teams-echo   a bare botbuilder CloudAdapter on restify that echoes each message's text;
 *   teams-ours   the production server with Teams on (anonymous, PLAYGROUND=on), engine, Redis, Adaptive Card.
 * Every one of them posts exactly one reply per message to the same fake upstream.
 */
import { App, LogLevel } from '@slack/bolt';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/observability/logger.js';
import { createBotServer } from '../src/server.js';
import { BENCH_BOT_ID, BENCH_BOT_TOKEN, BENCH_BOT_USER_ID, BENCH_SIGNING_SECRET } from './http-load.js';

export const TARGETS = ['slack-bolt', 'slack-ours', 'teams-echo', 'teams-ours'] as const;
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
    case 'slack-bolt':
      return boltEcho(up.slackApiUrl);
    case 'teams-echo':
      return botbuilderEcho();
  }
}

async function ours(env: Record<string, string>): Promise<Served> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', ...env });
  const bot = await createBotServer(config, {
    logger: createLogger({ level: 'info', write: () => undefined }),
  });
  const url = await bot.listen(0, '127.0.0.1');
  return { url, stop: () => bot.close() };
}

async function boltEcho(slackApiUrl: string): Promise<Served> {
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
    await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: event.text });
  });
  const server = (await app.start(0)) as { address(): { port: number } };
  return { url: `http://127.0.0.1:${server.address().port}`, stop: () => app.stop() as Promise<void> };
}

async function botbuilderEcho(): Promise<Served> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, async (context) => {
      if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections();
      }),
  };
}

/**
 * Slack on our server: a Bolt App fed by our restify receiver (POST /slack/events), or by Bolt's Socket Mode
 * receiver when an app-level token is configured (then no route is mounted). One workspace uses SLACK_BOT_TOKEN;
 * many workspaces install through the OAuth routes (oauth-routes.ts) and each event is authorized with its
 * workspace's token from the installation store (installations.ts).
 */
import { App, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { Server } from 'restify';
import type { SlackConfig } from '../../config.js';
import { toSlackLogger, type Logger } from '../../observability/logger.js';
import type { AdapterDeps, MountedAdapter } from '../http/deps.js';
import { SlackChannelMembers, slackExecutor } from './effects.js';
import { createSlackFetch } from './http-fetch.js';
import { createPostMessage } from './post-message.js';
import { installationStoreFor } from './installations.js';
import { registerSlackListeners } from './listeners.js';
import { createInstaller, mountOAuthRoutes } from './oauth-routes.js';
import { RestifySlackReceiver } from './receiver.js';
import { MAX_SIGNATURE_AGE_SECONDS } from './signature.js';
import { threadIdOf } from '../../conversations/keys.js';
import type { BotIdentity } from './translate.js';
import { WorkspaceClients, workspaceExecutor } from './workspace-clients.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Longest a single Slack API call may take (connect, send, answer). */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

/**
 * The WebClient itself never retries and never waits out a 429: retries happen in our fetch (http-fetch.ts),
 * capped, and only where sending again cannot post twice.
 */
export const SLACK_RETRY_CONFIG = { retries: 0 };

export async function mountSlack(server: Server, deps: AdapterDeps): Promise<MountedAdapter | undefined> {
  const config = deps.config.slack;
  if (!config) return undefined;
  const logger = deps.logger.child({ component: 'slack' });
  const slackLogger = toSlackLogger(logger);
  // Keep-alive node:http instead of the built-in fetch; it also enforces the 10 s per-call limit.
  const fetch = createSlackFetch({ timeoutMs: SLACK_CALL_TIMEOUT_MS });
  const clientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: SLACK_RETRY_CONFIG,
    rejectRateLimitedCalls: true,
    fetch,
    logger: slackLogger,
  };

  // Many workspaces: installations in the thread store's Redis (memory without one), tokens chosen per event.
  const installations = config.oauth
    ? installationStoreFor(deps.store, {
        onInvalid: (key, issues) =>
          logger.warn('stored slack installation is invalid; treated as not installed', { ...key, issues }),
      })
    : undefined;
  const installer =
    config.oauth && installations
      ? createInstaller({
          oauth: config.oauth,
          installationStore: installations,
          ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
          clientOptions: { fetch, retryConfig: SLACK_RETRY_CONFIG },
          logger: logger.child({ component: 'slack-oauth' }),
        })
      : undefined;
  // One workspace: ids from the configuration or auth.test; many: each event's authorization carries them.
  const bot: BotIdentity = installer ? {} : await resolveBotIdentity(config, clientOptions, logger);

  let httpReceiver: RestifySlackReceiver | undefined;
  let receiver: Receiver;
  if (config.mode === 'socket') {
    receiver = new SocketModeReceiver({
      appToken: config.appToken!,
      logger: slackLogger,
      // The socket client opens its connection with apps.connections.open: same API URL and HTTP client as the
      // bot's calls (its own retry policy, made for reconnecting, is kept).
      installerOptions: {
        clientOptions: {
          ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
          fetch,
        },
      },
    });
  } else {
    httpReceiver = new RestifySlackReceiver({
      signingSecret: config.signingSecret!,
      logger,
      onRejected: () => deps.metrics.recordOutcome('slack', 'rejected'),
      claimSignature: signatureClaim(deps.store),
      onReplay: () => deps.metrics.recordOutcome('slack', 'duplicate'),
    });
    receiver = httpReceiver;
  }

  const app = new App({
    receiver,
    ...(installer
      ? { authorize: installer.authorize }
      : {
          token: config.botToken,
          // Identity resolved once above: without ids Bolt would call auth.test on every event.
          tokenVerificationEnabled: false,
          botId: bot.botId,
          botUserId: bot.botUserId,
        }),
    logger: slackLogger,
    clientOptions,
    // Nothing here reads Bolt's conversation context store: skip its per-event lookup.
    convoStore: false,
  });
  // A channel of one workspace (the configuration refuses it with many workspaces).
  const escalationChannel = deps.config.escalation.slackChannel;
  const escalationMembers = escalationChannel
    ? new SlackChannelMembers(app.client, escalationChannel, Date.now, (error) =>
        logger.warn('escalation channel members not read; ESCALATION_MEMBERS decides', { err: error }),
      )
    : undefined;
  registerSlackListeners(app, {
    engine: deps.engine,
    store: deps.store,
    metrics: deps.metrics,
    logger,
    bot,
    postMessage: createPostMessage(fetch, logger),
    ...(escalationMembers ? { escalationMembers } : {}),
    ...(installations ? { installations } : {}),
    ...(deps.files ? { files: { reader: deps.files, hostAllowList: deps.config.files.hostAllowList } } : {}),
  });

  if (httpReceiver) server.post(SLACK_EVENTS_PATH, httpReceiver.handle);
  if (installer) mountOAuthRoutes(server, installer, logger.child({ component: 'slack-oauth' }));
  await app.start();
  logger.info('slack adapter ready', {
    mode: config.mode,
    workspaces: installer ? 'many' : 'one',
    ...(installations ? { installations: installations.backend.kind } : {}),
    botUserId: bot.botUserId,
  });

  return {
    name: 'slack',
    idle: async () => httpReceiver?.idle(),
    // The HTTP receiver's stop waits for replies still being posted; Socket Mode closes its websocket.
    stop: async () => {
      await (app.stop() as Promise<void>);
      fetch.close();
    },
    // Reminders are sent outside any request: with the bot token, or with the token of the reminder's workspace.
    effects: installations
      ? workspaceExecutor(new WorkspaceClients(installations, clientOptions))
      : slackExecutor(app.client),
  };
}

/**
 * Replay protection for signed requests, in the store every instance shares (the same SET NX as delivery dedup),
 * remembered twice as long as a signature stays valid.
 */
function signatureClaim(store: AdapterDeps['store']): (signature: string) => Promise<boolean> {
  const requests = threadIdOf({ platform: 'slack', tenant: '_signed', channel: '_', threadKey: '_' });
  return (signature) => store.claimDelivery(requests, [`sig:${signature}`], MAX_SIGNATURE_AGE_SECONDS * 2);
}

/** Bot ids from the configuration, or one auth.test call at start-up. */
async function resolveBotIdentity(
  config: SlackConfig,
  clientOptions: webApi.WebClientOptions,
  logger: Logger,
): Promise<BotIdentity> {
  if (config.botId && config.botUserId) return { botId: config.botId, botUserId: config.botUserId };
  const client = new webApi.WebClient(config.botToken, clientOptions);
  const auth = await client.auth.test();
  logger.info('slack identity from auth.test', {
    botId: auth.bot_id,
    botUserId: auth.user_id,
    teamId: auth.team_id,
  });
  return { botId: config.botId ?? auth.bot_id, botUserId: config.botUserId ?? auth.user_id };
}

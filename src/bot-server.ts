/**
 * activation-doctor's HTTP server: the composition root. Read it top to bottom:
 *   configuration → logs and metrics → thread state → escalations → conversation engine → restify → probes →
 *   platform adapters → escalation reminders → listen → graceful shutdown.
 *
 * One restify server hosts every surface. There is deliberately no global body parser: /slack/events verifies its
 * signature over the raw bytes, and /api/messages (Teams) mounts restify's parser on its own route.
 */
import type { Request, Response, Server } from 'restify';
import { describeConfig, runWithConfig, type Config } from './config.js';
import { loadEnvFile } from './env-file.js';
import { ConversationEngine } from './conversations/engine.js';
import { AttachmentReader } from './files/attachments.js';
import { stopExtractWorker } from './conversations/diagnose-off-thread.js';
import type { EscalationConfig } from './conversations/escalations/types.js';
import type { Platform } from './conversations/types.js';
import { createEscalations } from './conversations/handoff.js';
import { MemoryStore } from './conversations/memory-store.js';
import { RedisStore } from './conversations/redis-store.js';
import type { ThreadStore } from './conversations/store.js';
import type { AdapterDeps, MountedAdapter } from './adapters/http/deps.js';
import { byPlatform, executeEffects } from './adapters/effects.js';
import { mountLegalPages } from './adapters/http/legal-pages.js';
import { mountProbes } from './adapters/http/probes.js';
import { createRestifyServer } from './adapters/http/restify-server.js';
import { conversationRefsFor } from './adapters/teams/conversation-refs.js';
import { mountTeams, type TeamsMountOptions } from './adapters/teams/mount.js';
import { isAnonymous } from './adapters/teams/mode.js';
import { mountPlayground } from './adapters/web/index.js';
import { WEB_ESCALATION_CHANNEL } from './adapters/web/request.js';
import { createAppMetrics } from './observability/app-metrics.js';
import { instrumentStore } from './observability/instrument-store.js';
import { createLogger, type Logger } from './observability/logger.js';

export interface BotServer {
  readonly server: Server;
  readonly deps: AdapterDeps;
  /**
   * Starts listening; resolves with the base URL (`http://127.0.0.1:PORT`). Port 0 picks a free one. The host
   * defaults to HOST, else loopback while anonymous /api/messages is mounted, else every interface.
   */
  listen(port: number, host?: string): Promise<string>;
  /** Resolves when no adapter has work in flight (replies being computed or posted). */
  idle(): Promise<void>;
  /** Stops accepting requests, lets in-flight replies finish, closes the store. Safe to call twice. */
  close(): Promise<void>;
}

export interface BotServerOptions {
  logger?: Logger;
  /** A store to use instead of the one the configuration describes (tests share one Redis client). */
  store?: ThreadStore;
  /** Teams adapter seams (tests: a loopback token source for outbound calls). */
  teams?: TeamsMountOptions;
  /** How long start-up waits for Redis before serving without it (answers then say memory is unavailable). */
  storeReadyTimeoutMs?: number;
  /** The engine's and the escalations' clock (tests move time forward to make a reminder due). */
  clock?: () => number;
  /** How often due escalation reminders are looked for (default every minute). */
  reminderCheckMs?: number;
}

export const REMINDER_CHECK_MS = 60_000;

export async function createBotServer(config: Config, options: BotServerOptions = {}): Promise<BotServer> {
  // 1. Logs and metrics.
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const metrics = createAppMetrics();
  logger.info('starting activation-doctor', { config: describeConfig(config) });

  // 2. Thread state: Redis when configured (shared by every instance), otherwise in process memory.
  const rawStore = options.store ?? createStore(config, logger);
  const store = instrumentStore(rawStore, metrics);
  logger.info('thread state store', {
    kind: store.kind,
    note: store.kind === 'memory' ? 'single instance only; state is lost on restart' : undefined,
  });
  // The platforms' SDKs load after Redis answered, not while it connects: loading Bolt or botbuilder blocks the
  // event loop for longer than a Redis command's timeout, and the first write would be taken for an outage.
  if (!(await waitForStore(store, options.storeReadyTimeoutMs ?? 5000))) {
    logger.warn('state store not reachable at start-up; serving without thread memory until it is', {
      kind: store.kind,
    });
  }

  // 3. Escalations live beside the threads (the raw store: the instrumented wrapper hides its Redis client). The
  //    configuration is built once and frozen; the Teams escalation channel's address, which the adapter learns
  //    at run time, is asked of the channel itself for each new handoff.
  const { slackChannel, teamsChannel, ...escalationPolicy } = config.escalation;
  const escalationConfig: EscalationConfig = deepFreeze({
    ...escalationPolicy,
    channels: {
      ...(slackChannel ? { slack: { channel: slackChannel } } : {}),
      ...(teamsChannel ? { teams: { channel: teamsChannel } } : {}),
      ...(config.playground ? { web: { channel: WEB_ESCALATION_CHANNEL } } : {}),
    },
  });
  // botbuilder (behind the Teams escalation channel) loads only when that channel is configured.
  const teamsEscalationChannel = teamsChannel
    ? (await import('./adapters/teams/escalation-channel.js')).escalationChannelFor(rawStore, teamsChannel)
    : undefined;
  await teamsEscalationChannel?.load().catch((error: unknown) => {
    logger.warn('teams escalation channel address not loaded', { err: error });
    return undefined;
  });
  const clock = options.clock;
  const escalations = createEscalations({
    store: rawStore,
    config: escalationConfig,
    ...(teamsEscalationChannel
      ? {
          channelAddress: (platform: Platform) =>
            platform === 'teams' ? teamsEscalationChannel.captured() : undefined,
        }
      : {}),
    // Names, questions and answers follow the documented retention, like thread state.
    ttlSec: config.stateTtlDays * 24 * 3600,
    ...(clock ? { clock } : {}),
  });

  // 4. The conversation engine: platform-neutral; every adapter feeds it InboundMessages.
  const engine = new ConversationEngine({
    store,
    logger: logger.child({ component: 'engine' }),
    escalations,
    ...(clock ? { clock } : {}),
  });

  // 5. The HTTP server, with request counts by route and status.
  const server = createRestifyServer('activation-doctor');
  // Route label: the registered path (a bounded set), never the URL the client sent.
  server.on('after', (req: Request, res: Response) => {
    metrics.recordHttp(req.getRoute()?.path?.toString(), res.statusCode);
  });
  mountProbes(server, { store, metrics });
  mountLegalPages(server, config); // GET /privacy and /terms, linked from the Teams manifest

  // 6. Platform adapters: each mounts its routes and returns a handle to stop it.
  // One reader for every platform: its OCR pool caps the screenshots read at once across Slack, Teams and the web.
  const files = new AttachmentReader(
    { maxImageBytes: config.files.maxImageBytes },
    config.files.ocrWorkers ? { size: config.files.ocrWorkers } : {},
  );
  const deps: AdapterDeps = { config, logger, metrics, engine, store, files };
  const adapters: MountedAdapter[] = [];
  // Bolt is only loaded when Slack is configured: it is a large part of the start-up time otherwise.
  const slack = config.slack
    ? await (await import('./adapters/slack/mount.js')).mountSlack(server, deps) // POST /slack/events (or Socket Mode)
    : undefined;
  if (slack) adapters.push(slack);
  const teams = await mountTeams(server, deps, {
    // Conversation references share the thread store's Redis client (the instrumented wrapper hides it).
    conversationRefs: conversationRefsFor(rawStore, config.stateTtlDays * 24 * 3600),
    ...(teamsEscalationChannel ? { escalationChannel: teamsEscalationChannel } : {}),
    ...options.teams,
  }); // POST /api/messages
  if (teams) adapters.push(teams);
  const web = await mountPlayground(server, deps); // GET / and POST /playground/messages when config.playground is on
  if (web) adapters.push(web);

  // 7. Reminders for escalations nobody claimed, sent by the platform they belong to. Several instances may look
  //    at once: the escalation record's versioned write lets one of them send each reminder.
  const reminderLog = logger.child({ component: 'reminders' });
  let remindersRunning: Promise<void> | undefined;
  const sendReminders = async () => {
    const due = await engine.dueReminders(clock?.());
    for (const [platform, effects] of byPlatform(due)) {
      const executor = adapters.find((a) => a.effects?.platform === platform)?.effects;
      if (!executor) {
        reminderLog.info('escalation reminder not sent: the platform cannot post unprompted', {
          platform,
          count: effects.length,
        });
        continue;
      }
      await executeEffects(effects, executor, { engine, logger: reminderLog });
    }
  };
  const reminderTimer = setInterval(() => {
    remindersRunning ??= sendReminders()
      .catch((error: unknown) => reminderLog.warn('escalation reminders failed', { err: error }))
      .finally(() => {
        remindersRunning = undefined;
      });
  }, options.reminderCheckMs ?? REMINDER_CHECK_MS);
  reminderTimer.unref();

  // Unsigned Bot Framework traffic is for local tools: keep it off the network unless HOST says otherwise.
  const anonymousTeams = teams !== undefined && isAnonymous(config.teams);
  const defaultHost = config.host ?? (anonymousTeams ? '127.0.0.1' : '0.0.0.0');

  let closing: Promise<void> | undefined;
  return {
    server,
    deps,
    listen: (port, host = defaultHost) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          const address = server.address();
          const local = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : host;
          const url = `http://${local.includes(':') ? `[${local}]` : local}:${address.port}`;
          // The bound address as the socket reports it, so the log never claims loopback when it is not.
          logger.info('listening', {
            address: address.address,
            port: address.port,
            url,
            adapters: adapters.map((a) => a.name),
            ...(anonymousTeams && !config.host
              ? { note: 'loopback only: anonymous /api/messages (set HOST)' }
              : {}),
          });
          resolve(url);
        });
      }),
    idle: async () => {
      await Promise.all(adapters.map((a) => a.idle()));
    },
    close: () =>
      (closing ??= (async () => {
        // Stop taking requests, let replies already under way go out, then drop the remaining keep-alive
        // connections and release Redis.
        clearInterval(reminderTimer);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.server.closeIdleConnections();
        for (const adapter of adapters) {
          try {
            await adapter.stop();
          } catch (error) {
            logger.warn('adapter did not stop cleanly', { adapter: adapter.name, err: error });
          }
        }
        server.server.closeAllConnections();
        await files.close();
        await stopExtractWorker();
        await remindersRunning;
        await closed;
        await store.close();
        logger.info('stopped');
      })()),
  };
}

/** The Redis connection opens in the background; the first messages should not race it. */
async function waitForStore(store: ThreadStore, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await store.ping().catch(() => false)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function createStore(config: Config, logger: Logger): ThreadStore {
  const ttlSec = config.stateTtlDays * 24 * 3600;
  if (!config.redis) return new MemoryStore({ ttlSec });
  return new RedisStore({ ttlSec, connection: config.redis, logger: logger.child({ component: 'redis' }) });
}

/**
 * `npm start` (called by server.ts, the entry point): read the environment (`.env` in the working directory fills in
 * what the real environment leaves unset), serve, and shut down cleanly on SIGTERM/SIGINT. `onListening` runs once
 * the port is open.
 */
export async function serve(onListening: () => void): Promise<void> {
  try {
    loadEnvFile();
    await runWithConfig((config) => main(config, onListening));
  } catch (error: unknown) {
    createLogger().error('start-up failed', { err: error });
    process.exit(1);
  }
}

async function main(config: Config, onListening: () => void): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  const bot = await createBotServer(config, { logger });
  await bot.listen(config.port); // HOST, or the safe default described on listen()
  onListening();

  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    // A stuck drain must not keep the orchestrator waiting forever.
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    bot.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { err: error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** Freezes an object and everything inside it (the escalation configuration is read, never patched). */
function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value))
    if (inner && typeof inner === 'object') deepFreeze(inner as object);
  return Object.freeze(value);
}

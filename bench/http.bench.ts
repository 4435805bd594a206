/**
 * HTTP benchmark: the production server against the bare framework it is built on, under the same load, each
 * side doing the same HTTP work per request (take the request, post one reply to the fake platform):
 *
 *   Slack: signed Events API deliveries (unique event id, ts, signature) to
 *     - "ours":  the production server (restify + our receiver + Bolt + engine + knowledge + Redis + Block Kit),
 *     - "bolt":  a bare Bolt app on its own HTTPReceiver that echoes the mention into the thread,
 *     both posting to the same fake Slack Web API. Events are acked before the reply is computed, so besides
 *     acks/s and ack latency the bench reports replies delivered per second at the fake (what a user sees).
 *   Teams: unique channel @mention activities POSTed to /api/messages (anonymous mode, PLAYGROUND=on) of
 *     - "ours":  the production server (CloudAdapter + engine + knowledge + Redis + Adaptive Card),
 *     - "echo":  a bare botbuilder CloudAdapter on its own restify server that echoes the text,
 *     both replying to the same fake Bot Framework connector. A Teams turn sends its reply before the request
 *     is answered, so requests/s is replies/s and the latency includes the reply.
 *
 * Each target runs in its own child process so autocannon (in this process) does not share its event loop.
 *
 *   npm run bench:http                                   (BENCH_SECONDS=10 BENCH_CONNECTIONS=20 by default)
 *   BENCH_ONLY=slack|teams npm run bench:http            (one framework)
 *   REDIS_URL=redis://127.0.0.1:6379 npm run bench:http  (an existing Redis instead of a private one)
 *   BENCH_CPU_PROF=/tmp/prof npm run bench:http          (a .cpuprofile per target)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { App, LogLevel } from '@slack/bolt';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { loadConfig } from '../src/config.js';
import { signSlackRequest } from '../src/adapters/slack/signature.js';
import { createLogger } from '../src/observability/logger.js';
import { createBotServer } from '../src/server.js';
import {
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_ID,
  startFakeSlack,
} from '../test/e2e/helpers/fake-slack.js';
import { startTestRedis } from '../test/helpers/redis-server.js';
import { startFakeConnector, type FakeConnector } from '../test/e2e/helpers/fake-connector.js';

const SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-bench-token';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

// ----------------------------------------------------------------------------------------------------------
// autocannon has no bundled types; this is the part of its API used here.
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ----------------------------------------------------------------------------------------------------------
// Child mode: serve one target and report its URL over IPC.

type Target = 'ours' | 'bolt' | 'teams-ours' | 'teams-echo';

async function serve(target: Target, apiUrl: string, redisUrl: string): Promise<void> {
  let url: string;
  let stop: () => Promise<void>;
  if (target === 'teams-ours') {
    // Anonymous Teams (no MicrosoftAppId) only mounts with PLAYGROUND=on; Slack stays off (no credentials).
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', PLAYGROUND: 'on', REDIS_URL: redisUrl });
    const bot = await createBotServer(config, {
      logger: createLogger({ level: 'info', write: () => undefined }),
    });
    url = await bot.listen(0, '127.0.0.1');
    stop = () => bot.close();
  } else if (target === 'teams-echo') {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const server = restify.createServer();
    server.use(restify.plugins.bodyParser());
    server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
      await adapter.process(req, res, async (context) => {
        if (context.activity.type === 'message') await context.sendActivity(context.activity.text ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  } else if (target === 'ours') {
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'info',
      PLAYGROUND: 'off',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: apiUrl,
      SLACK_BOT_ID: FAKE_BOT_ID,
      SLACK_BOT_USER_ID: FAKE_BOT_USER_ID,
      REDIS_URL: redisUrl,
    });
    // Logs are produced as in production (JSON, redacted) and discarded.
    const bot = await createBotServer(config, {
      logger: createLogger({ level: 'info', write: () => undefined }),
    });
    url = await bot.listen(0, '127.0.0.1');
    stop = () => bot.close();
  } else {
    const app = new App({
      signingSecret: SECRET,
      token: TOKEN,
      botId: FAKE_BOT_ID,
      botUserId: FAKE_BOT_USER_ID,
      tokenVerificationEnabled: false,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: apiUrl },
    });
    app.event('app_mention', async ({ event, client }) => {
      await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: event.text });
    });
    const server = (await app.start(0)) as { address(): { port: number } };
    url = `http://127.0.0.1:${server.address().port}`;
    stop = () => app.stop() as Promise<void>;
  }
  process.send?.({ ready: url });
  process.once('SIGTERM', () => {
    void stop().finally(() => process.exit(0));
  });
}

// ----------------------------------------------------------------------------------------------------------
// Parent mode: drive each target with the same load.

function startTarget(
  target: Target,
  apiUrl: string,
  redisUrl: string,
): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(fileURLToPath(import.meta.url), ['serve', target, apiUrl, redisUrl], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // BENCH_CPU_PROF=<dir> writes a .cpuprofile per target (open in Chrome DevTools).
    execArgv: [
      '--no-deprecation',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { ready?: string }) =>
      m.ready ? resolve({ url: m.ready, child }) : reject(new Error('no url')),
    );
    child.once('exit', (code) => reject(new Error(`${target} exited with ${code}`)));
  });
}

function stopTarget(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** One unique, freshly signed app_mention per request. */
function mentionRequest(runId: string): AutocannonRequest {
  let n = 0;
  return {
    method: 'POST',
    path: '/slack/events',
    setupRequest: (req) => {
      n++;
      const now = Math.floor(Date.now() / 1000);
      const ts = `${now}.${String(n).padStart(6, '0')}`;
      const body = JSON.stringify({
        token: 'legacy',
        team_id: FAKE_TEAM_ID,
        api_app_id: 'A0BENCH',
        type: 'event_callback',
        event_id: `Ev${runId}${n}`,
        event_time: now,
        authorizations: [{ team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true }],
        event: {
          type: 'app_mention',
          user: 'U0BENCH01',
          text: `<@${FAKE_BOT_USER_ID}> slmgr /ato failed with 0xC004F074 on server ${n % 50}`,
          ts,
          channel: `C0BENCH${n % 8}`,
          event_ts: ts,
        },
      });
      return {
        ...req,
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(now),
          'x-slack-signature': signSlackRequest(SECRET, now, body),
        },
        body,
      };
    },
  };
}

/** One unique channel @mention per request: a new thread each time, as the Slack side has. */
function teamsRequest(runId: string, serviceUrl: string): AutocannonRequest {
  let n = 0;
  const botId = '28:activation-doctor-bench';
  const botName = 'Activation Doctor';
  const channel = '19:benchchannel@thread.tacv2';
  const mention = `<at>${botName}</at>`;
  return {
    method: 'POST',
    path: '/api/messages',
    setupRequest: (req) => {
      n++;
      const id = `${runId}${n}`;
      const now = new Date().toISOString();
      const body = JSON.stringify({
        type: 'message',
        id,
        timestamp: now,
        localTimestamp: now,
        channelId: 'msteams',
        serviceUrl,
        from: { id: `29:bench-user-${n % 50}`, name: 'Bench User', aadObjectId: `aad-${n % 50}` },
        recipient: { id: botId, name: botName },
        locale: 'en-US',
        textFormat: 'plain',
        text: `${mention} slmgr /ato failed with 0xC004F074 on server ${n % 50}`,
        conversation: {
          id: `${channel};messageid=${id}`,
          conversationType: 'channel',
          isGroup: true,
          tenantId: 'bench-tenant',
        },
        entities: [{ type: 'mention', text: mention, mentioned: { id: botId, name: botName } }],
        channelData: {
          teamsChannelId: channel,
          teamsTeamId: '19:benchteam@thread.tacv2',
          channel: { id: channel },
          team: { id: '19:benchteam@thread.tacv2' },
          tenant: { id: 'bench-tenant' },
        },
      });
      return { ...req, headers: { 'content-type': 'application/json' }, body };
    },
  };
}

interface Row {
  target: Target;
  rps: number;
  p50: number;
  p99: number;
  acked: number;
  failed: number;
  replies: number;
  /** Replies delivered to the fake platform per second, from the start of the load to the last reply. */
  repliesPerSecond: number;
  drainMs: number;
}

interface Fakes {
  slack: Awaited<ReturnType<typeof startFakeSlack>>;
  connector: FakeConnector;
}

/** Replies the target has delivered so far, and when the last one arrived (ms since epoch). */
function delivered(target: Target, fakes: Fakes): { count: number; lastAt: number } {
  if (target === 'ours' || target === 'bolt') {
    const posts = fakes.slack.calls('chat.postMessage');
    return { count: posts.length, lastAt: posts.at(-1)?.at ?? 0 };
  }
  // A Teams turn replies before its request is answered: the reply count is the 2xx count (checked below).
  return { count: fakes.connector.delivered().length, lastAt: 0 };
}

async function waitForReplies(target: Target, fakes: Fakes, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (delivered(target, fakes).count < count) {
    if (Date.now() > deadline) throw new Error('replies did not all arrive');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function measure(target: Target, redisUrl: string, fakes: Fakes): Promise<Row> {
  const teams = target === 'teams-ours' || target === 'teams-echo';
  const { url, child } = await startTarget(target, fakes.slack.apiUrl, redisUrl);
  const request = (runId: string) =>
    teams ? teamsRequest(runId, fakes.connector.serviceUrl) : mentionRequest(runId);
  const reset = () => {
    fakes.slack.reset();
    fakes.connector.reset();
  };
  try {
    // Warm-up: JIT, connection pools, Redis scripts.
    const warm = await autocannon({
      url,
      connections: 4,
      duration: 2,
      requests: [request(`W${target}${Date.now()}`)],
    });
    await waitForReplies(target, fakes, warm['2xx'], 30_000).catch(() => undefined);
    reset();

    const startedAt = Date.now();
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [request(`R${target}${Date.now()}`)],
    });
    const endedAt = Date.now();
    const acked = result['2xx'];
    // Slack events are acknowledged before the reply is computed: wait for every reply to reach "Slack".
    let drainMs = 0;
    try {
      await waitForReplies(target, fakes, acked, 60_000);
      drainMs = Date.now() - endedAt;
    } catch {
      drainMs = NaN;
    }
    const { count, lastAt } = delivered(target, fakes);
    const window = teams ? endedAt - startedAt : Math.max(lastAt, endedAt) - startedAt;
    return {
      target,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      acked,
      failed: result.non2xx + result.errors + result.timeouts,
      replies: count,
      repliesPerSecond: (count / window) * 1000,
      drainMs,
    };
  } finally {
    await stopTarget(child);
    reset();
  }
}

function printRows(rows: Row[]): void {
  console.log('target      req/s  p50 ms  p99 ms    acked  failed  replies  replies/s  drain after load');
  for (const r of rows) {
    console.log(
      `${r.target.padEnd(10)} ${r.rps.toFixed(0).padStart(6)}  ${String(r.p50).padStart(6)}  ${String(r.p99).padStart(6)}  ` +
        `${String(r.acked).padStart(7)}  ${String(r.failed).padStart(6)}  ${String(r.replies).padStart(7)}  ` +
        `${r.repliesPerSecond.toFixed(0).padStart(9)}  ${Number.isNaN(r.drainMs) ? 'incomplete' : `${r.drainMs} ms`}`,
    );
  }
}

function printRatio(label: string, base: Row, ours: Row): void {
  console.log(
    `${label}: replies/s ${(ours.repliesPerSecond / base.repliesPerSecond).toFixed(2)}x, ` +
      `req/s ${(ours.rps / base.rps).toFixed(2)}x, ` +
      `p50 ${(ours.p50 / Math.max(base.p50, 1)).toFixed(2)}x, p99 ${(ours.p99 / Math.max(base.p99, 1)).toFixed(2)}x`,
  );
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  // REDIS_URL: an existing Redis; otherwise a private one on a free port.
  const redis = await startTestRedis();
  const fakes: Fakes = { slack: await startFakeSlack(), connector: await startFakeConnector() };
  try {
    console.log(
      `HTTP bench (node ${process.version}): ${CONNECTIONS} connections, ${SECONDS} s per target, Redis ${redis.url}\n`,
    );
    if (only !== 'teams') {
      console.log('Slack Events API (ack first, reply after)');
      const bolt = await measure('bolt', redis.url, fakes);
      const ours = await measure('ours', redis.url, fakes);
      printRows([bolt, ours]);
      printRatio('ours / bare bolt', bolt, ours);
      console.log('(ours: signature check, dedup + state in Redis, diagnosis, Block Kit; bolt echoes.)\n');
    }
    if (only !== 'slack') {
      console.log('Teams /api/messages (reply sent within the request)');
      const echo = await measure('teams-echo', redis.url, fakes);
      const ours = await measure('teams-ours', redis.url, fakes);
      printRows([echo, ours]);
      printRatio('ours / bare botbuilder', echo, ours);
      console.log('(ours: dedup + state in Redis, diagnosis, Adaptive Card; echo sends the text back.)');
    }
  } finally {
    await fakes.slack.close();
    await fakes.connector.close();
    await redis.stop();
  }
}

if (process.argv[2] === 'serve') {
  await serve(process.argv[3] as Target, process.argv[4]!, process.argv[5]!);
} else {
  await main();
}

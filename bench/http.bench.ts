/**
 * HTTP benchmark: signed Slack Events API deliveries (each one unique: event id, ts, signature) against
 *   - "ours": the production server (restify + our receiver + Bolt + engine + knowledge + Redis + Block Kit), and
 *   - "bolt": a bare Bolt app on its own HTTPReceiver that echoes the mention into the thread,
 * under the same load, both posting to the same fake Slack Web API on loopback.
 *
 * Reports requests/s and ack latency (p50/p99) for each, the ratio, and how long the replies took to drain.
 * Each target runs in its own child process so autocannon (in this process) does not share its event loop.
 *
 *   npm run bench:http                                   (BENCH_SECONDS=10 BENCH_CONNECTIONS=20 by default)
 *   REDIS_URL=redis://127.0.0.1:6379 npm run bench:http  (an existing Redis instead of a private one)
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { App, LogLevel } from '@slack/bolt';
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
import { startTestRedis } from '../test/e2e/helpers/redis.js';

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

type Target = 'ours' | 'bolt';

async function serve(target: Target, apiUrl: string, redisUrl: string): Promise<void> {
  let url: string;
  let stop: () => Promise<void>;
  if (target === 'ours') {
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

interface Row {
  target: Target;
  rps: number;
  p50: number;
  p99: number;
  acked: number;
  failed: number;
  replies: number;
  drainMs: number;
}

async function measure(
  target: Target,
  apiUrl: string,
  redisUrl: string,
  fake: Awaited<ReturnType<typeof startFakeSlack>>,
): Promise<Row> {
  const { url, child } = await startTarget(target, apiUrl, redisUrl);
  try {
    // Warm-up: JIT, connection pools, Redis scripts.
    const warm = await autocannon({
      url,
      connections: 4,
      duration: 2,
      requests: [mentionRequest(`W${target}${Date.now()}`)],
    });
    await fake.waitForCalls('chat.postMessage', warm['2xx'], 30_000).catch(() => undefined);
    fake.reset();

    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [mentionRequest(`R${target}${Date.now()}`)],
    });
    const endedAt = Date.now();
    const acked = result['2xx'];
    // Events are acknowledged before the reply is computed: wait for every reply to reach "Slack".
    let drainMs = 0;
    try {
      await fake.waitForCalls('chat.postMessage', acked, 60_000);
      drainMs = Date.now() - endedAt;
    } catch {
      drainMs = NaN;
    }
    return {
      target,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      acked,
      failed: result.non2xx + result.errors + result.timeouts,
      replies: fake.calls('chat.postMessage').length,
      drainMs,
    };
  } finally {
    await stopTarget(child);
    fake.reset();
  }
}

async function main(): Promise<void> {
  const redis = process.env.REDIS_URL
    ? { url: process.env.REDIS_URL, stop: async () => undefined }
    : await startTestRedis();
  const fake = await startFakeSlack();
  try {
    console.log(
      `Slack events over HTTP: ${CONNECTIONS} connections, ${SECONDS} s per target, Redis ${redis.url}\n`,
    );
    const rows: Row[] = [];
    for (const target of ['bolt', 'ours'] as const)
      rows.push(await measure(target, fake.apiUrl, redis.url, fake));

    console.log('target  req/s     p50 ms  p99 ms  acked    failed  replies  drain after load');
    for (const r of rows) {
      console.log(
        `${r.target.padEnd(7)} ${r.rps.toFixed(0).padStart(8)}  ${String(r.p50).padStart(6)}  ${String(r.p99).padStart(6)}  ` +
          `${String(r.acked).padStart(7)}  ${String(r.failed).padStart(6)}  ${String(r.replies).padStart(7)}  ` +
          `${Number.isNaN(r.drainMs) ? 'incomplete' : `${r.drainMs} ms`}`,
      );
    }
    const [bolt, ours] = rows as [Row, Row];
    console.log(
      `\nours / bare bolt: throughput ${(ours.rps / bolt.rps).toFixed(2)}x, ` +
        `p50 ${(ours.p50 / Math.max(bolt.p50, 1)).toFixed(2)}x, p99 ${(ours.p99 / Math.max(bolt.p99, 1)).toFixed(2)}x`,
    );
    console.log(
      '(ours does the real work per event: signature check, dedup + state in Redis, diagnosis, Block Kit; bolt echoes.)',
    );
  } finally {
    await fake.close();
    await redis.stop();
  }
}

if (process.argv[2] === 'serve') {
  await serve(process.argv[3] as Target, process.argv[4]!, process.argv[5]!);
} else {
  await main();
}

/**
 * HTTP benchmark: the production server against the bare framework it is built on, under the same load, both
 * doing the same HTTP work per message (take the request, post exactly one reply to the platform):
 *
 *   Slack  signed Events API app_mention deliveries, unique per request, to a bare Bolt echo app and to ours.
 *          Events are acknowledged before the reply is computed, so latency is the ack's; replies/s counts the
 *          chat.postMessage calls that reached the fake Slack Web API (what users see).
 *   Teams  unique channel @mention activities to a bare botbuilder echo bot and to ours (anonymous, PLAYGROUND=on).
 *          A Teams turn replies before its request is answered: latency includes the reply.
 *
 * Every message is a realistic paste (a `slmgr /ato` error code, a `slmgr /dlv` paste, a French paste, in turn),
 * the same texts for ours and the echo apps. Ours does the full diagnosis path: signature or activity checks,
 * dedup claim and thread state in a real Redis, knowledge core, Block Kit / Adaptive Card rendering, logging.
 *
 * Processes, as in a deployment where Slack and Teams are remote: the server under test runs alone in its own
 * process, pinned to CPU 0 (one core, like a one-vCPU container); the load generator (autocannon), the fake
 * upstreams and Redis run in other processes on the other core(s). Each server gets the same connections,
 * warm-up and duration, one at a time. "server CPU" is the share of its core it used; "CPU/msg" is its CPU time
 * per reply delivered, the cost that decides throughput once a core is saturated.
 *
 *   npm run bench:http                          BENCH_SECONDS=10 BENCH_WARMUP=3 BENCH_CONNECTIONS=20 by default
 *   BENCH_ONLY=slack|teams npm run bench:http   one platform
 *   BENCH_PIN=off                               no CPU pinning
 *   BENCH_CPU_PROF=/tmp/prof                    a .cpuprofile per server over the measured window, summarized
 *   REDIS_URL=redis://127.0.0.1:6379            an existing Redis instead of a private one
 */
import { availableParallelism } from 'node:os';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMicros, serveRpc, startPeer, type Peer } from './bench-ipc.js';
import type { DeliveryCounts } from './fake-upstreams.js';
import type { LoadResult, LoadSpec } from './http-load.js';
import { formatSummary, summarizeProfile } from './profile-summary.js';
import type { Target } from './http-targets.js';

const SCRIPT = fileURLToPath(import.meta.url);
/** Repository root (this file runs from dist/bench/). */
const ROOT = resolve(SCRIPT, '../../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PROF_DIR = process.env.BENCH_CPU_PROF;

// ----------------------------------------------------------------------------------------------------------
// Child processes.

async function runTarget(target: Target, slackApiUrl: string, redisUrl: string): Promise<void> {
  const { serveTarget } = await import('./http-targets.js');
  const served = await serveTarget(target, { slackApiUrl, redisUrl });
  const session = new Session();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((res, rej) =>
      session.post(method, params ?? {}, (err, result) => (err ? rej(err) : res(result))),
    );
  serveRpc(served.url, {
    cpu: () => cpuMicros(),
    profileStart: async () => {
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
    },
    profileStop: async (file: string) => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      session.disconnect();
      writeFileSync(file, JSON.stringify(profile));
    },
    stop: async () => {
      await served.stop();
      process.exit(0);
    },
  });
}

async function runUpstreams(): Promise<void> {
  const { startFakeUpstreams } = await import('./fake-upstreams.js');
  const fakes = await startFakeUpstreams();
  serveRpc(
    { slackApiUrl: fakes.slackApiUrl, serviceUrl: fakes.serviceUrl },
    {
      counts: () => fakes.counts(),
      reset: () => fakes.reset(),
      cpu: () => cpuMicros(),
      stop: async () => {
        await fakes.close();
        process.exit(0);
      },
    },
  );
}

async function runLoader(): Promise<void> {
  const { runLoad } = await import('./http-load.js');
  serveRpc(true, {
    run: async (spec: LoadSpec) => {
      const cpu0 = cpuMicros();
      const startedAt = Date.now();
      const result = await runLoad(spec);
      return { ...result, startedAt, endedAt: Date.now(), cpu: cpuMicros() - cpu0 };
    },
    stop: () => process.exit(0),
  });
}

// ----------------------------------------------------------------------------------------------------------
// Orchestrator.

type Upstreams = Peer<{ slackApiUrl: string; serviceUrl: string }>;
type Loader = Peer<boolean>;
type Timed = LoadResult & { startedAt: number; endedAt: number; cpu: number };

interface Row {
  target: Target;
  load: Timed;
  replies: number;
  repliesPerSecond: number;
  replyBytes: number;
  /** Server CPU use over the measured window (load + drain), share of one core. */
  serverCpu: number;
  cpuPerReplyUs: number;
  /** Load generator + fake upstreams CPU over the load, share of one core. */
  loadSideCpu: number;
  drainMs: number;
  otherCalls: number;
  sample?: string;
}

const delivered = (target: Target, c: DeliveryCounts) =>
  target.startsWith('slack')
    ? { count: c.slackPosts, bytes: c.slackBytes, lastAt: c.slackLastAt, sample: c.sample.slack }
    : { count: c.teamsReplies, bytes: c.teamsBytes, lastAt: c.teamsLastAt, sample: c.sample.teams };

async function waitForReplies(target: Target, up: Upstreams, count: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await up.call<DeliveryCounts>('counts');
    if (delivered(target, counts).count >= count || Date.now() > deadline) return counts;
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function measure(
  target: Target,
  pins: { server?: string; rest?: string },
  ctx: { up: Upstreams; loader: Loader; redisUrl: string; texts: string[] },
): Promise<Row> {
  const { up, loader } = ctx;
  const server = await startPeer<string>(SCRIPT, ['target', target, up.ready.slackApiUrl, ctx.redisUrl], {
    ...(pins.server ? { cpus: pins.server } : {}),
  });
  const spec = (seconds: number, runId: string): LoadSpec => ({
    url: server.ready,
    platform: target.startsWith('slack') ? 'slack' : 'teams',
    connections: CONNECTIONS,
    seconds,
    runId,
    texts: ctx.texts,
    serviceUrl: up.ready.serviceUrl,
  });
  try {
    // Warm-up (JIT, connection pools, Redis scripts) under the same load; its replies drain before counting.
    const warm = await loader.call<Timed>('run', spec(WARMUP, `W${target}${Date.now()}`));
    await waitForReplies(target, up, warm.ok, 20_000);
    await up.call('reset');

    const profiling = Boolean(PROF_DIR);
    if (profiling) await server.call('profileStart');
    const cpu0 = await server.call<number>('cpu');
    const upCpu0 = await up.call<number>('cpu');
    const load = await loader.call<Timed>('run', spec(SECONDS, `R${target}${Date.now()}`));
    const upCpu1 = await up.call<number>('cpu');
    // Slack replies come after the acks: wait until every acknowledged event has been answered.
    const counts = await waitForReplies(target, up, load.ok, 30_000);
    const drainedAt = Date.now();
    const cpu1 = await server.call<number>('cpu');
    if (profiling) {
      const file = join(PROF_DIR!, `${target}.cpuprofile`);
      await server.call('profileStop', file);
    }
    const d = delivered(target, counts);
    const lastAt = Math.max(d.lastAt, load.endedAt);
    const windowMs = lastAt - load.startedAt;
    return {
      target,
      load,
      replies: d.count,
      repliesPerSecond: (d.count / windowMs) * 1000,
      replyBytes: d.count ? d.bytes / d.count : 0,
      serverCpu: (cpu1 - cpu0) / 1000 / (drainedAt - load.startedAt),
      cpuPerReplyUs: d.count ? (cpu1 - cpu0) / d.count : NaN,
      loadSideCpu: (load.cpu + upCpu1 - upCpu0) / 1000 / (load.endedAt - load.startedAt),
      drainMs: d.count >= load.ok ? Math.max(0, d.lastAt - load.endedAt) : NaN,
      otherCalls: counts.otherCalls,
      ...(d.sample ? { sample: d.sample } : {}),
    };
  } finally {
    await server.stop();
  }
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

function printPair(title: string, base: Row, ours: Row): boolean {
  console.log(title);
  console.log(
    'server        req/s  p50 ms  p99 ms  replies/s  ratio  reply B  server CPU  CPU/msg  drain  failed  load-side CPU',
  );
  for (const r of [base, ours]) {
    const ratio = r.repliesPerSecond / base.repliesPerSecond;
    console.log(
      `${r.target.padEnd(12)} ${r.load.rps.toFixed(0).padStart(6)}  ${r.load.p50.toFixed(1).padStart(6)}  ` +
        `${r.load.p99.toFixed(1).padStart(6)}  ${r.repliesPerSecond.toFixed(0).padStart(9)}  ` +
        `${ratio.toFixed(2).padStart(4)}x  ${r.replyBytes.toFixed(0).padStart(7)}  ${pct(r.serverCpu).padStart(10)}  ` +
        `${r.cpuPerReplyUs.toFixed(0).padStart(5)} µs  ${Number.isNaN(r.drainMs) ? 'lost' : `${r.drainMs} ms`.padStart(5)}  ` +
        `${String(r.load.failed + r.otherCalls).padStart(6)}  ${pct(r.loadSideCpu).padStart(13)}`,
    );
  }
  const ratio = ours.repliesPerSecond / base.repliesPerSecond;
  const rpsRatio = ours.load.rps / base.load.rps;
  const p99Ratio = ours.load.p99 / Math.max(base.load.p99, 0.001);
  const met = ratio >= 1 && rpsRatio >= 1 && ours.load.p99 <= base.load.p99;
  console.log(
    `${ours.target} / ${base.target}: replies/s ${ratio.toFixed(2)}x, req/s ${rpsRatio.toFixed(2)}x, ` +
      `p50 ${(ours.load.p50 / Math.max(base.load.p50, 0.001)).toFixed(2)}x, p99 ${p99Ratio.toFixed(2)}x, ` +
      `CPU/msg ${(ours.cpuPerReplyUs / base.cpuPerReplyUs).toFixed(2)}x  ` +
      `→ target (≥ 1.00x, p99 no worse): ${met ? 'MET' : 'NOT MET'}`,
  );
  for (const r of [base, ours]) {
    if (r.loadSideCpu > 0.9)
      console.log(`  note: load side near one full core during ${r.target}; its figure may be load-bound`);
    if (r.serverCpu < 0.85)
      console.log(`  note: ${r.target} used ${pct(r.serverCpu)} of its core: not saturated (waits dominate)`);
  }
  return met;
}

function printProfiles(rows: Row[]): void {
  for (const r of rows) {
    const file = join(PROF_DIR!, `${r.target}.cpuprofile`);
    const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')));
    console.log(formatSummary(`${r.target} (${file})`, summary, r.replies, 16));
    console.log();
  }
}

/** CPU lists for the server (CPU 0) and everything else (the other cores), when taskset can pin. */
function cpuPins(): { server?: string; rest?: string } {
  const n = availableParallelism();
  if (process.env.BENCH_PIN === 'off' || n < 2) return {};
  try {
    const rest = n === 2 ? '1' : `1-${n - 1}`;
    // The orchestrator, Redis, the load generator and the fakes inherit this process's affinity.
    execFileSync('taskset', ['-a', '-p', '-c', rest, String(process.pid)], { stdio: 'ignore' });
    return { server: '0', rest };
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (PROF_DIR) mkdirSync(PROF_DIR, { recursive: true });
  const cpus = availableParallelism();
  const pins = cpuPins();
  const { startTestRedis } = await import('../test/helpers/redis-server.js');
  const { benchTexts } = await import('./http-load.js');
  const redis = await startTestRedis();
  const up = await startPeer<{ slackApiUrl: string; serviceUrl: string }>(SCRIPT, ['upstreams']);
  const loader = await startPeer<boolean>(SCRIPT, ['load']);
  const ctx = { up, loader, redisUrl: redis.url, texts: benchTexts(ROOT) };
  const started = Date.now();
  const results: boolean[] = [];
  try {
    console.log(
      `HTTP bench (node ${process.version}, ${cpus} CPUs): ${CONNECTIONS} connections, ` +
        `${WARMUP} s warm-up + ${SECONDS} s per server, one server at a time, Redis ${redis.url}`,
    );
    console.log(
      pins.server
        ? `server under test pinned to CPU ${pins.server}; load generator, fake upstreams and Redis on CPU ${pins.rest}`
        : 'no CPU pinning (BENCH_PIN=off or a single CPU)',
    );
    console.log(
      `messages: ${ctx.texts.length} pastes in turn (${ctx.texts.map((t) => t.length).join(', ')} chars)\n`,
    );
    const rows: Row[] = [];
    if (only !== 'teams') {
      const bolt = await measure('slack-bolt', pins, ctx);
      const ours = await measure('slack-ours', pins, ctx);
      results.push(printPair('Slack Events API: ack, then one chat.postMessage (latency = ack)', bolt, ours));
      console.log();
      rows.push(bolt, ours);
    }
    if (only !== 'slack') {
      const echo = await measure('teams-echo', pins, ctx);
      const ours = await measure('teams-ours', pins, ctx);
      results.push(
        printPair('Teams /api/messages: one reply within the request (latency includes it)', echo, ours),
      );
      console.log();
      rows.push(echo, ours);
    }
    if (PROF_DIR) printProfiles(rows);
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await loader.stop();
    await up.stop();
    await redis.stop();
  }
}

const role = process.argv[2];
if (role === 'target') await runTarget(process.argv[3] as Target, process.argv[4]!, process.argv[5]!);
else if (role === 'upstreams') await runUpstreams();
else if (role === 'load') await runLoader();
else await main();

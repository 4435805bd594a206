/**
 * HTTP benchmark (issue 14): our server against the same frameworks doing only an echo, in one process tree and
 * one run, so every figure that matters is a ratio between servers measured minutes apart on the same machine.
 *
 * Per platform, three servers, one at a time, each alone in its own process pinned to CPU 0 (like a one-vCPU
 * container); Redis, the load driver and the fake Slack Web API / Bot Framework connector share the other CPU:
 *   default echo  the framework as its README sets it up (Bolt's HTTPReceiver; CloudAdapter.process);
 *   tuned echo    the framework set up as ours is (same receiver, keep-alive client, no conversation store,
 *                 cached connector clients): ours − tuned echo = our own work per message;
 *   ours          the production server with Redis.
 * Traffic: every fixture paste of test/fixtures/en and fr in turn, 40% of them follow-ups in threads the bot has
 * already answered (Slack: app_mention with thread_ts; Teams: the same conversation id, with a mention), so stored
 * state is read back and parsed. A message counts once its reply reached the fake upstream; latency runs from the
 * moment it was due to that reply (Slack acknowledges first; the reply is what the user waits for). Every reply is
 * matched to its message: a missing, late (20 s) or extra reply fails the run.
 *
 * Phases per server: warm-up (closed loop) → one message at a time (latency; Redis MONITOR for ours) → capacity
 * (closed loop, N in flight; replies/s and the server's CPU per message, read inside the server process) → 70% of
 * that capacity at a fixed arrival rate (latency under load). Then, once: start-up time of `node dist/src/server.js`
 * until /healthz answers, and the longest event-loop stall while the playground diagnoses a 1 MiB paste.
 *
 *   npm run bench:http
 *   BENCH_SECONDS=10 BENCH_OPEN_SECONDS=8 BENCH_WARMUP=3 BENCH_CONNECTIONS=20 BENCH_SEQUENTIAL=200 (defaults)
 *   BENCH_ONLY=slack|teams      one platform (start-up and paste checks still run)
 *   BENCH_ONLY=startup          only the start-up times and idle RSS (BENCH_STARTUP_RUNS=2 runs each)
 *   BENCH_ONLY=teams-ours       one server (any target name; no start-up, paste check or targets table)
 *   BENCH_PIN=off               no CPU pinning
 *   BENCH_NODE_FLAGS='--max-semi-space-size=4'  node flags for every server under test and start-up run (an
 *                               operator's choice the README documents), echo apps included
 *   BENCH_CPU_PROF=/tmp/prof    a .cpuprofile per server over the capacity phase, summarized
 *   BENCH_HEAP_PROF=/tmp/heap   a sampling .heapprofile per server over the capacity phase: KiB allocated per
 *                               message by component (the profiler slows the server: CPU figures are inflated)
 *   BENCH_HEAP_SURVIVORS=1      with BENCH_HEAP_PROF: only what lived through a scavenge (what fills the old space)
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { cpuMicros, serveRpc, startPeer, type Peer } from './bench-ipc.js';
import type { PhaseResult, TargetTotals } from './http-driver.js';
import {
  countRoundTrips,
  fmt,
  formatTable,
  formatTargets,
  summarizeLatencies,
  verdict,
  type MonitorEntry,
  type RoundTrips,
  type TargetLine,
} from './http-stats.js';
import { TARGETS, type Target } from './http-targets.js';
import {
  BENCH_BOT_ID,
  BENCH_BOT_TOKEN,
  BENCH_BOT_USER_ID,
  BENCH_SIGNING_SECRET,
  benchTexts,
  type Platform,
} from './http-traffic.js';
import { formatHeapSummary, summarizeHeapProfile } from './heap-summary.js';
import { formatSummary, summarizeProfile } from './profile-summary.js';

const SCRIPT = fileURLToPath(import.meta.url);
/** Repository root (this file runs from dist/bench/). */
const ROOT = resolve(SCRIPT, '../../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 8);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 200);
const PROF_DIR = process.env.BENCH_CPU_PROF;
const HEAP_DIR = process.env.BENCH_HEAP_PROF;
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const PASTE_BYTES = 1024 * 1024;
const MIB = 1024 * 1024;

/** Issue 14's targets. */
const GOALS = {
  ownWorkUs: { slack: 600, teams: 700 } as Record<Platform, number>,
  throughputVsDefault: 0.8,
  p99VsEcho: 1.5,
  redisRoundTrips: 2,
  readyMs: 1000,
  rssIdleMiB: 120,
  rssLoadMiB: 256,
  eventLoopMs: 50,
};

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
  const heapSession = new Session();
  const heapPost = (method: string, params?: object) =>
    new Promise<unknown>((res, rej) =>
      heapSession.post(method, params ?? {}, (err, result) => (err ? rej(err) : res(result))),
    );
  let rssPeak = 0;
  let rssTimer: NodeJS.Timeout | undefined;
  const eld = monitorEventLoopDelay({ resolution: 1 });
  serveRpc(served.url, {
    cpu: () => cpuMicros(),
    rss: () => process.memoryUsage.rss(),
    // Peak RSS, sampled every 200 ms while watching (every 50 ms cost the server under test 1.4% of its CPU).
    watchStart: () => {
      rssPeak = process.memoryUsage.rss();
      rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 200);
    },
    watchStop: () => {
      clearInterval(rssTimer);
      return Math.max(rssPeak, process.memoryUsage.rss());
    },
    eldStart: () => {
      eld.reset();
      eld.enable();
    },
    eldStop: () => {
      eld.disable();
      return { maxMs: eld.max / 1e6, p99Ms: eld.percentile(99) / 1e6 };
    },
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
    // Every allocation is a candidate sample, garbage included: the profile says what was allocated. With
    // BENCH_HEAP_SURVIVORS=1 what a scavenge collected is left out: what lived through the young generation, the
    // bytes that fill the old one (plus what is still young when the profile stops).
    heapStart: async () => {
      heapSession.connect();
      await heapPost('HeapProfiler.enable');
      await heapPost('HeapProfiler.startSampling', {
        samplingInterval: 8192,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: process.env.BENCH_HEAP_SURVIVORS !== '1',
      });
    },
    heapStop: async (file: string) => {
      const { profile } = (await heapPost('HeapProfiler.stopSampling')) as { profile: unknown };
      heapSession.disconnect();
      writeFileSync(file, JSON.stringify(profile));
    },
    stop: async () => {
      await served.stop();
      process.exit(0);
    },
  });
}

async function runDriver(): Promise<void> {
  const { Driver } = await import('./http-driver.js');
  const driver = await Driver.start(benchTexts(ROOT));
  serveRpc(
    { slackApiUrl: driver.fakes.slackApiUrl, serviceUrl: driver.fakes.serviceUrl },
    {
      begin: ({ platform, url }: { platform: Platform; url: string }) => driver.begin(platform, url),
      end: () => driver.end(),
      sequential: ({ count, seconds }: { count: number; seconds: number }) =>
        driver.sequential(count, seconds),
      closed: ({ connections, seconds }: { connections: number; seconds: number }) =>
        driver.closed(connections, seconds),
      open: ({ rate, seconds }: { rate: number; seconds: number }) => driver.open(rate, seconds),
      paste: (bytes: number) => driver.paste(bytes),
      stop: async () => {
        await driver.fakes.close();
        process.exit(0);
      },
    },
  );
}

// ----------------------------------------------------------------------------------------------------------
// Orchestrator.

type DriverPeer = Peer<{ slackApiUrl: string; serviceUrl: string }>;
type Kind = 'default' | 'tuned' | 'ours';

interface TargetResult {
  target: Target;
  platform: Platform;
  kind: Kind;
  rssIdle: number;
  rssLoad: number;
  seq: PhaseResult;
  cap: PhaseResult;
  open: PhaseResult;
  cpuPerMsgUs: number;
  serverCpu: number;
  roundTrips?: RoundTrips & { messages: number };
  totals: TargetTotals;
  problems: string[];
  paste?: PasteResult;
}

interface PasteResult {
  status: number;
  ms: number;
  requestBytes: number;
  answerBytes: number;
  maxMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every command clients send to the private Redis, while `on`. */
class RedisMonitor {
  private entries: MonitorEntry[] = [];
  private on = false;
  private constructor(private readonly client: Redis) {}

  static async start(url: string): Promise<RedisMonitor> {
    // monitor() opens a connection of its own; the one it was called on is not needed.
    const base = new Redis(url);
    const client = await base.monitor();
    base.disconnect();
    const monitor = new RedisMonitor(client);
    client.on('monitor', (_time: string, args: string[], source: string) => {
      if (monitor.on) monitor.entries.push({ source, args: args.slice(0, 1) });
    });
    return monitor;
  }

  begin(): void {
    this.entries = [];
    this.on = true;
  }

  end(): MonitorEntry[] {
    this.on = false;
    return this.entries;
  }

  close(): void {
    this.client.disconnect();
  }
}

async function measure(
  target: Target,
  ctx: { driver: DriverPeer; redisUrl: string; monitor: RedisMonitor; pins: Pins },
): Promise<TargetResult> {
  const { driver } = ctx;
  const platform: Platform = target.startsWith('slack') ? 'slack' : 'teams';
  const kind: Kind = target.endsWith('ours') ? 'ours' : target.includes('tuned') ? 'tuned' : 'default';
  const server = await startPeer<string>(SCRIPT, ['target', target, driver.ready.slackApiUrl, ctx.redisUrl], {
    ...(ctx.pins.server ? { cpus: ctx.pins.server } : {}),
    execArgv: NODE_FLAGS,
  });
  try {
    await sleep(500);
    const rssIdle = await server.call<number>('rss');
    await driver.call('begin', { platform, url: server.ready });
    await driver.call<PhaseResult>('closed', { connections: CONNECTIONS, seconds: WARMUP });

    // One message at a time; for ours, every Redis command is seen by MONITOR (late writes of the warm-up
    // settle first, and those of the last message are waited for).
    await sleep(300);
    if (kind === 'ours') ctx.monitor.begin();
    const seq = await driver.call<PhaseResult>('sequential', { count: SEQUENTIAL, seconds: 30 });
    let roundTrips: TargetResult['roundTrips'];
    if (kind === 'ours') {
      await sleep(300);
      roundTrips = { ...countRoundTrips(ctx.monitor.end()), messages: seq.completed };
    }

    await server.call('watchStart');
    if (PROF_DIR) await server.call('profileStart');
    if (HEAP_DIR) await server.call('heapStart');
    const cpu0 = await server.call<number>('cpu');
    const t0 = performance.now();
    const cap = await driver.call<PhaseResult>('closed', { connections: CONNECTIONS, seconds: SECONDS });
    const cpu1 = await server.call<number>('cpu');
    const wallMs = performance.now() - t0;
    if (PROF_DIR) await server.call('profileStop', join(PROF_DIR, `${target}.cpuprofile`));
    if (HEAP_DIR) await server.call('heapStop', join(HEAP_DIR, `${target}.heapprofile`));
    const open = await driver.call<PhaseResult>('open', { rate: 0.7 * cap.rate, seconds: OPEN_SECONDS });
    const rssLoad = await server.call<number>('watchStop');

    let paste: PasteResult | undefined;
    if (target === 'teams-ours') {
      await sleep(200);
      await server.call('eldStart');
      const sent = await driver.call<Omit<PasteResult, 'maxMs'>>('paste', PASTE_BYTES);
      const { maxMs } = await server.call<{ maxMs: number }>('eldStop');
      paste = { ...sent, maxMs };
    }

    await sleep(300);
    const totals = await driver.call<TargetTotals>('end');
    return {
      target,
      platform,
      kind,
      rssIdle,
      rssLoad,
      seq,
      cap,
      open,
      cpuPerMsgUs: cap.completed ? (cpu1 - cpu0) / cap.completed : NaN,
      serverCpu: (cpu1 - cpu0) / 1000 / wallMs,
      ...(roundTrips ? { roundTrips } : {}),
      totals,
      problems: problemsOf(platform, totals),
      ...(paste ? { paste } : {}),
    };
  } finally {
    await server.stop();
  }
}

/** What makes a target's figures untrustworthy: any message not answered by exactly one reply. */
function problemsOf(platform: Platform, t: TargetTotals): string[] {
  const problems: string[] = [];
  const replies = t.counts.replies[platform];
  if (t.failed) {
    const why = Object.entries(t.failures).map(([reason, n]) => `${reason} ×${n}`);
    problems.push(`${t.failed} requests failed (${why.join(', ')})`);
  }
  if (t.lost) problems.push(`${t.lost} messages got no reply within 20 s`);
  if (t.unexpectedReplies) problems.push(`${t.unexpectedReplies} replies matched no message in flight`);
  if (replies !== t.sent)
    problems.push(`${t.sent} messages sent, ${replies} replies reached the fake upstream`);
  return problems;
}

// ----------------------------------------------------------------------------------------------------------
// Start-up time.

interface Readiness {
  label: string;
  /** Wall time from spawn to the first /healthz 200, per run. */
  ms: number[];
  /** CPU time the process had used by then (user + system, from /proc), per run. */
  cpuMs: number[];
  /** Resident memory 500 ms after it was ready, per run. */
  rss: number[];
}

/** user + system CPU of a process so far, ms (Linux /proc; NaN elsewhere). */
function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

function procRss(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function timeReadiness(
  label: string,
  env: Record<string, string>,
  pins: Pins,
  runs = Number(process.env.BENCH_STARTUP_RUNS ?? 2),
): Promise<Readiness> {
  const { freePort } = await import('../test/helpers/redis-server.js');
  const result: Readiness = { label, ms: [], cpuMs: [], rss: [] };
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const node = [process.execPath, ...NODE_FLAGS, join(ROOT, 'dist/src/server.js')];
    const [cmd, ...args] = pins.server ? ['taskset', '-c', pins.server, ...node] : node;
    const started = performance.now();
    const child = spawn(cmd!, args, {
      stdio: 'ignore',
      env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    });
    let exited = false;
    child.once('exit', () => (exited = true));
    try {
      for (;;) {
        if (exited) throw new Error(`server (${label}) exited before /healthz answered`);
        if ((await probe(`http://127.0.0.1:${port}/healthz`)) === 200) break;
        if (performance.now() - started > 30_000) throw new Error(`server (${label}) not ready in 30 s`);
        await sleep(5);
      }
      result.ms.push(performance.now() - started);
      result.cpuMs.push(procCpuMs(child.pid!));
      await sleep(500);
      result.rss.push(procRss(child.pid!));
    } finally {
      if (!exited) {
        await new Promise<void>((res) => {
          const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(kill);
            res();
          });
          child.kill('SIGTERM');
        });
      }
    }
  }
  return result;
}

function probe(url: string): Promise<number> {
  return new Promise((res) => {
    const req = http.get(url, { agent: false }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode ?? 0));
    });
    req.on('error', () => res(0));
    req.setTimeout(1000, () => req.destroy());
  });
}

/** Other tenants of the host only ever slow a start-up down: the fastest run is the best estimate. */
const fastest = (xs: number[]) => Math.min(...xs);

// ----------------------------------------------------------------------------------------------------------
// Report.

function printPlatform(platform: Platform, rows: TargetResult[]): void {
  const title =
    platform === 'slack'
      ? 'Slack: signed Events API app_mention, ack, then one chat.postMessage in the thread'
      : 'Teams: channel @mention activity on /api/messages, one reply within the request';
  console.log(title);
  console.log(
    formatTable(
      [
        'server',
        'replies/s',
        'CPU µs/msg',
        'server CPU',
        '1-at-a-time p50/p99 ms',
        '@70% p50/p99 ms',
        '70% rate/s',
        'RSS idle/load MiB',
        'follow-ups',
        'reply B',
        'messages = replies',
      ],
      rows.map((r) => {
        const seq = summarizeLatencies(r.seq.latencies);
        const open = summarizeLatencies(r.open.latencies);
        const replies = r.totals.counts.replies[platform];
        return [
          r.target,
          fmt.int(r.cap.rate),
          fmt.int(r.cpuPerMsgUs),
          `${(r.serverCpu * 100).toFixed(0)}%`,
          `${fmt.ms(seq.p50)} / ${fmt.ms(seq.p99)}`,
          `${fmt.ms(open.p50)} / ${fmt.ms(open.p99)}`,
          fmt.int(r.open.rate),
          `${fmt.mib(r.rssIdle)} / ${fmt.mib(r.rssLoad)}`,
          `${((r.totals.followUps / Math.max(1, r.totals.sent)) * 100).toFixed(0)}%`,
          fmt.int(replies ? r.totals.counts.replyBytes[platform] / replies : NaN),
          `${r.totals.sent} ${r.problems.length ? '≠' : '='} ${replies}`,
        ];
      }),
    ),
  );
  for (const r of rows) {
    for (const p of r.problems) console.log(`  FAILED ${r.target}: ${p}`);
    const other = Object.entries(r.totals.counts.otherMethods);
    if (other.length) {
      console.log(
        `  ${r.target} also called: ${other.map(([m, n]) => `${m} ×${(n / r.totals.sent).toFixed(2)}/msg`).join(', ')}`,
      );
    }
    if (r.cap.driverCpu > 0.9) console.log(`  note: the load side was near a full core during ${r.target}`);
    if (r.serverCpu < 0.85) {
      console.log(
        `  note: ${r.target} got ${(r.serverCpu * 100).toFixed(0)}% of its CPU during the capacity phase ` +
          '(other processes on that CPU, or waits): compare CPU µs/msg rather than replies/s',
      );
    }
  }
}

function targetLines(platform: Platform, rows: TargetResult[]): TargetLine[] {
  const get = (kind: Kind) => rows.find((r) => r.kind === kind);
  const ours = get('ours');
  const tuned = get('tuned');
  const def = get('default');
  if (!ours || !tuned || !def) return [];
  const ownWork = ours.cpuPerMsgUs - tuned.cpuPerMsgUs;
  const throughput = ours.cap.rate / def.cap.rate;
  const p99 = (r: TargetResult) => summarizeLatencies(r.open.latencies).p99;
  const p99Ratio = p99(ours) / p99(def);
  const rt = ours.roundTrips;
  const rtPerMsg = rt && rt.messages ? rt.roundTrips / rt.messages : NaN;
  const breakdown = rt
    ? Object.entries(rt.byCommand)
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c} ${(n / rt.messages).toFixed(2)}`)
        .join(', ')
    : '';
  return [
    {
      label: `own work = ours − tuned echo (${fmt.int(ours.cpuPerMsgUs)} − ${fmt.int(tuned.cpuPerMsgUs)})`,
      measured: `${fmt.int(ownWork)} µs/msg`,
      target: `≤ ${GOALS.ownWorkUs[platform]} µs`,
      verdict: verdict(ownWork, GOALS.ownWorkUs[platform]),
    },
    {
      label: `throughput, ours / default echo (${fmt.int(ours.cap.rate)} / ${fmt.int(def.cap.rate)} replies/s)`,
      measured: fmt.ratio(throughput),
      target: `≥ ${GOALS.throughputVsDefault.toFixed(2)}×`,
      verdict: verdict(throughput, GOALS.throughputVsDefault, true),
    },
    {
      label: `p99 at 70% of capacity, ours / default echo (${fmt.ms(p99(ours))} / ${fmt.ms(p99(def))} ms)`,
      measured: fmt.ratio(p99Ratio),
      target: `≤ ${GOALS.p99VsEcho.toFixed(2)}×`,
      verdict: verdict(p99Ratio, GOALS.p99VsEcho),
    },
    {
      label: `Redis round trips per message (MONITOR, ${rt?.messages ?? 0} msgs: ${breakdown})`,
      measured: Number.isFinite(rtPerMsg) ? rtPerMsg.toFixed(2) : '–',
      target: `≤ ${GOALS.redisRoundTrips}`,
      verdict: verdict(rtPerMsg, GOALS.redisRoundTrips),
    },
    {
      label: 'RSS under load (peak, capacity and 70% phases)',
      measured: `${fmt.mib(ours.rssLoad)} MiB`,
      target: `≤ ${GOALS.rssLoadMiB} MiB`,
      verdict: verdict(ours.rssLoad / MIB, GOALS.rssLoadMiB),
    },
  ];
}

function printContext(platform: Platform, rows: TargetResult[]): void {
  const tuned = rows.find((r) => r.kind === 'tuned');
  const def = rows.find((r) => r.kind === 'default');
  const ours = rows.find((r) => r.kind === 'ours');
  if (!tuned || !def || !ours) return;
  const p99 = (r: TargetResult) => summarizeLatencies(r.open.latencies).p99;
  console.log(
    `  context: ours / default echo by CPU per message (the throughput ratio on a core of its own) ` +
      `${fmt.ratio(def.cpuPerMsgUs / ours.cpuPerMsgUs)}; ` +
      `tuned echo / default echo ${fmt.ratio(tuned.cap.rate / def.cap.rate)} throughput, ` +
      `${fmt.ratio(tuned.cpuPerMsgUs / def.cpuPerMsgUs)} CPU/msg; ours / tuned echo ` +
      `${fmt.ratio(ours.cap.rate / tuned.cap.rate)} throughput, p99 at 70% ${fmt.ratio(p99(ours) / p99(tuned))}; ` +
      `${platform} own work is ${fmt.ratio((ours.cpuPerMsgUs - tuned.cpuPerMsgUs) / tuned.cpuPerMsgUs)} the framework's`,
  );
}

function printProfiles(rows: TargetResult[]): void {
  for (const r of rows) {
    if (PROF_DIR) {
      const file = join(PROF_DIR, `${r.target}.cpuprofile`);
      const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')));
      console.log(formatSummary(`${r.target} (${file})`, summary, r.cap.completed, 16));
      console.log();
    }
    if (HEAP_DIR) {
      const file = join(HEAP_DIR, `${r.target}.heapprofile`);
      const summary = summarizeHeapProfile(JSON.parse(readFileSync(file, 'utf8')));
      console.log(formatHeapSummary(`${r.target} (${file})`, summary, r.cap.completed, 16));
      console.log();
    }
  }
}

// ----------------------------------------------------------------------------------------------------------

type Pins = { server?: string; rest?: string };

/** CPU lists for the server (CPU 0) and everything else (the other cores), when taskset can pin. */
function cpuPins(): Pins {
  const n = availableParallelism();
  if (process.env.BENCH_PIN === 'off' || n < 2) return {};
  try {
    const rest = n === 2 ? '1' : `1-${n - 1}`;
    // The orchestrator, Redis and the driver (load + fake upstreams) inherit this process's affinity.
    execFileSync('taskset', ['-a', '-p', '-c', rest, String(process.pid)], { stdio: 'ignore' });
    return { server: '0', rest };
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (PROF_DIR) mkdirSync(PROF_DIR, { recursive: true });
  if (HEAP_DIR) mkdirSync(HEAP_DIR, { recursive: true });
  const started = Date.now();
  const cpus = availableParallelism();
  const pins = cpuPins();
  const texts = benchTexts(ROOT);
  const { startPrivateRedis } = await import('../test/helpers/redis-server.js');
  const redis = await startPrivateRedis();
  const driver = await startPeer<{ slackApiUrl: string; serviceUrl: string }>(SCRIPT, ['driver']);
  const monitor = await RedisMonitor.start(redis.url);
  let failed = false;
  try {
    console.log(
      `HTTP bench (node ${process.version}, ${cpus} CPUs, ${new Date().toISOString()}): ` +
        `per server ${WARMUP} s warm-up, ${SEQUENTIAL} messages one at a time, ${SECONDS} s at ` +
        `${CONNECTIONS} in flight (capacity), ${OPEN_SECONDS} s at 70% of it; private Redis ${redis.url}`,
    );
    console.log(
      pins.server
        ? `server under test pinned to CPU ${pins.server}; driver (load + fake upstreams) and Redis on CPU ${pins.rest}`
        : 'no CPU pinning (BENCH_PIN=off or a single CPU)',
    );
    if (NODE_FLAGS.length) console.log(`servers under test run with node ${NODE_FLAGS.join(' ')}`);
    const en = texts.filter((t) => t.name.startsWith('en/')).length;
    console.log(
      `traffic: all ${texts.length} fixture pastes in turn (${en} en, ${texts.length - en} fr; ` +
        `${Math.min(...texts.map((t) => t.text.length))}–${Math.max(...texts.map((t) => t.text.length))} chars), ` +
        `2 in 5 messages follow-ups in a thread already answered\n`,
    );

    // Start-up first, on a quiet machine-side.
    const slackEnv = {
      SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
      SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
      SLACK_BOT_ID: BENCH_BOT_ID,
      SLACK_BOT_USER_ID: BENCH_BOT_USER_ID,
      SLACK_API_URL: driver.ready.slackApiUrl,
      REDIS_URL: redis.url,
    };
    const teamsEnv = {
      MicrosoftAppId: '00000000-0000-4000-8000-00000000bench',
      MicrosoftAppPassword: 'bench-app-password',
      REDIS_URL: redis.url,
    };
    const oneTarget = TARGETS.find((t) => t === only);
    if (oneTarget) {
      const result = await measure(oneTarget, { driver, redisUrl: redis.url, monitor, pins });
      printPlatform(result.platform, [result]);
      if (PROF_DIR || HEAP_DIR) printProfiles([result]);
      if (result.problems.length > 0) process.exitCode = 1;
      return;
    }
    const readiness = [
      await timeReadiness('no configuration (playground)', {}, pins),
      await timeReadiness('Slack + Redis', slackEnv, pins),
      await timeReadiness('Teams + Redis', teamsEnv, pins),
    ];

    const ctx = { driver, redisUrl: redis.url, monitor, pins };
    const all: TargetResult[] = [];
    const lines: Array<[string, TargetLine[]]> = [];
    for (const platform of ['slack', 'teams'] as const) {
      if (only && only !== platform) continue;
      const rows: TargetResult[] = [];
      for (const kind of ['default-echo', 'tuned-echo', 'ours'] as const) {
        rows.push(await measure(`${platform}-${kind}` as Target, ctx));
      }
      printPlatform(platform, rows);
      printContext(platform, rows);
      console.log();
      all.push(...rows);
      lines.push([
        platform === 'slack' ? 'Slack targets (issue 14)' : 'Teams targets (issue 14)',
        targetLines(platform, rows),
      ]);
    }
    let paste = all.find((r) => r.paste)?.paste;
    if (!paste && only !== 'startup') {
      // BENCH_ONLY=slack: the paste check still runs, on the Teams server (the playground is on there).
      const result = await measure('teams-ours', { ...ctx });
      paste = result.paste;
    }

    for (const [title, l] of lines) {
      console.log(formatTargets(title, l));
      console.log();
    }
    console.log(
      formatTargets('Start-up and event loop (issue 14)', [
        ...readiness.map((r) => ({
          label:
            `ready from a built tree, ${r.label} (fastest of ${r.ms.map((m) => m.toFixed(0)).join(', ')} ms; ` +
            `CPU used by then ${fastest(r.cpuMs).toFixed(0)} ms)`,
          measured: `${fastest(r.ms).toFixed(0)} ms`,
          target: `≤ ${GOALS.readyMs} ms`,
          verdict: verdict(fastest(r.ms), GOALS.readyMs),
        })),
        ...readiness.map((r) => ({
          label: `RSS idle of \`node dist/src/server.js\` 0.5 s after ready, ${r.label}`,
          measured: `${fmt.mib(Math.max(...r.rss))} MiB`,
          target: `≤ ${GOALS.rssIdleMiB} MiB`,
          verdict: verdict(Math.max(...r.rss) / MIB, GOALS.rssIdleMiB),
        })),
        ...(paste
          ? [
              {
                label:
                  `event loop blocked during a ${(paste.requestBytes / MIB).toFixed(2)} MiB playground paste ` +
                  `(max delay; HTTP ${paste.status} in ${paste.ms.toFixed(0)} ms, ${fmt.int(paste.answerBytes)} B answer)`,
                measured: `${fmt.ms(paste.maxMs)} ms`,
                target: `≤ ${GOALS.eventLoopMs} ms`,
                verdict: verdict(paste.maxMs, GOALS.eventLoopMs),
              },
            ]
          : []),
      ]),
    );
    if (PROF_DIR || HEAP_DIR) printProfiles(all);
    failed = all.some((r) => r.problems.length > 0);
    console.log(
      `\ndone in ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
        (failed
          ? 'FAILED: some messages were not answered by exactly one reply (see above)'
          : 'every message answered by exactly one reply'),
    );
  } finally {
    monitor.close();
    await driver.stop();
    await redis.stop();
  }
  if (failed) process.exitCode = 1;
}

const role = process.argv[2];
if (role === 'target') await runTarget(process.argv[3] as Target, process.argv[4]!, process.argv[5]!);
else if (role === 'driver') await runDriver();
else await main();

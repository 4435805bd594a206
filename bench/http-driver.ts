/**
 * The load side of the HTTP bench, in one process with the fake upstreams: it sends the planned messages
 * (http-traffic.ts) over keep-alive connections and times each one from the moment it was due to the moment its
 * reply reached the fake upstream (and its HTTP request was answered). Three ways to send:
 *
 *   sequential  one message at a time (latency without queueing; Redis round trips are counted during it);
 *   closed      N messages in flight, each followed by the next as soon as its reply arrived (capacity);
 *   open        a fixed arrival rate, whatever the server does (latency at a given load; a slow reply does not
 *               hold back the next message, so queueing shows in the figures).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { startFakeUpstreams, type DeliveryCounts, type FakeUpstreams } from './fake-upstreams.js';
import {
  largePaste,
  runIds,
  slackRequest,
  teamsRequest,
  ThreadPlan,
  type BenchText,
  type BuiltRequest,
  type Platform,
  type RunIds,
} from './http-traffic.js';

/** A message not answered within this long is counted as lost. */
const REPLY_TIMEOUT_MS = 20_000;

export interface PhaseResult {
  sent: number;
  completed: number;
  failed: number;
  lost: number;
  followUps: number;
  /** Latency of every completed message, ms. */
  latencies: number[];
  /** From the first send to the last completion, ms. */
  elapsedMs: number;
  /** Completed messages per second over elapsedMs. */
  rate: number;
  /** This process's CPU over the phase, share of one core. */
  driverCpu: number;
}

export interface TargetTotals {
  sent: number;
  completed: number;
  failed: number;
  lost: number;
  unexpectedReplies: number;
  failures: Record<string, number>;
  followUps: number;
  counts: DeliveryCounts;
}

interface Waiter {
  replied?: number;
  responded?: number;
  status?: number;
  done: (ok: boolean) => void;
}

export class Driver {
  private platform: Platform = 'slack';
  private url = '';
  private plan!: ThreadPlan;
  private readonly ids: RunIds;
  private readonly pending = new Map<string, Waiter>();
  private totals = { sent: 0, completed: 0, failed: 0, lost: 0, unexpectedReplies: 0 };
  /** Why requests failed: `HTTP 500`, `ECONNRESET`… */
  private failures: Record<string, number> = {};
  private agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  fakes!: FakeUpstreams;

  private constructor(private readonly texts: BenchText[]) {
    this.ids = runIds('');
  }

  static async start(texts: BenchText[]): Promise<Driver> {
    const driver = new Driver(texts);
    driver.fakes = await startFakeUpstreams((platform, key) => driver.onReply(platform, key));
    driver.ids.serviceUrl = driver.fakes.serviceUrl;
    return driver;
  }

  /** A new target: counts and threads start afresh. */
  begin(platform: Platform, url: string): void {
    this.platform = platform;
    this.url = url;
    this.plan = new ThreadPlan(this.texts.length);
    this.totals = { sent: 0, completed: 0, failed: 0, lost: 0, unexpectedReplies: 0 };
    this.failures = {};
    this.fakes.reset();
    this.agent.destroy();
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  }

  end(): TargetTotals {
    return {
      ...this.totals,
      failures: this.failures,
      followUps: this.plan.followUps,
      counts: this.fakes.counts(),
    };
  }

  async sequential(count: number, maxSeconds: number): Promise<PhaseResult> {
    return this.phase(async (run) => {
      const deadline = performance.now() + maxSeconds * 1000;
      for (let i = 0; i < count && performance.now() < deadline; i++) await run(performance.now());
    });
  }

  async closed(connections: number, seconds: number): Promise<PhaseResult> {
    return this.phase(async (run) => {
      const deadline = performance.now() + seconds * 1000;
      const worker = async () => {
        while (performance.now() < deadline) await run(performance.now());
      };
      await Promise.all(Array.from({ length: connections }, worker));
    });
  }

  async open(rate: number, seconds: number): Promise<PhaseResult> {
    return this.phase(async (run) => {
      const start = performance.now();
      const total = Math.max(1, Math.round(rate * seconds));
      const inFlight: Promise<void>[] = [];
      let next = 0;
      await new Promise<void>((resolve) => {
        const tick = () => {
          const now = performance.now();
          // Every message that is due goes now, timed from when it was due.
          while (next < total && start + (next * 1000) / rate <= now) {
            inFlight.push(run(start + (next * 1000) / rate));
            next++;
          }
          if (next < total) setTimeout(tick, 1);
          else resolve();
        };
        tick();
      });
      await Promise.all(inFlight);
    });
  }

  /** Posts one large paste to the playground; resolves with its status, time and answer size. */
  async paste(
    bytes: number,
  ): Promise<{ status: number; ms: number; requestBytes: number; answerBytes: number }> {
    const { body } = largePaste(this.texts, bytes);
    const started = performance.now();
    const { status, text } = await this.post(
      '/playground/messages',
      { 'content-type': 'application/json' },
      body,
    );
    return {
      status,
      ms: performance.now() - started,
      requestBytes: Buffer.byteLength(body),
      answerBytes: Buffer.byteLength(text),
    };
  }

  private async phase(drive: (run: (dueAt: number) => Promise<void>) => Promise<void>): Promise<PhaseResult> {
    const result: PhaseResult = {
      sent: 0,
      completed: 0,
      failed: 0,
      lost: 0,
      followUps: 0,
      latencies: [],
      elapsedMs: 0,
      rate: 0,
      driverCpu: 0,
    };
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    let lastDone = started;
    await drive(async (dueAt) => {
      const message = this.plan.next();
      result.sent++;
      this.totals.sent++;
      if (message.followUp) result.followUps++;
      const build = this.platform === 'slack' ? slackRequest : teamsRequest;
      const request = build(message, this.texts, this.ids, Date.now());
      const outcome = await this.exchange(request);
      if (outcome === 'ok') {
        const doneAt = performance.now();
        lastDone = Math.max(lastDone, doneAt);
        result.completed++;
        this.totals.completed++;
        result.latencies.push(doneAt - dueAt);
        this.plan.answered(message.thread);
      } else {
        result[outcome]++;
        this.totals[outcome]++;
      }
    });
    const cpu = process.cpuUsage(cpu0);
    result.elapsedMs = lastDone - started;
    result.rate = result.elapsedMs > 0 ? (result.completed / result.elapsedMs) * 1000 : 0;
    result.driverCpu = (cpu.user + cpu.system) / 1000 / Math.max(1, performance.now() - started);
    return result;
  }

  /** Sends one message; 'ok' once the server answered 2xx and the reply reached the fake upstream. */
  private exchange(request: BuiltRequest): Promise<'ok' | 'failed' | 'lost'> {
    return new Promise((resolve) => {
      if (this.pending.has(request.key)) throw new Error(`two messages in flight in ${request.key}`);
      const timer = setTimeout(() => finish('lost'), REPLY_TIMEOUT_MS);
      const finish = (outcome: 'ok' | 'failed' | 'lost') => {
        clearTimeout(timer);
        if (this.pending.get(request.key) === waiter) this.pending.delete(request.key);
        resolve(outcome);
      };
      const waiter: Waiter = {
        done: (ok) => finish(ok ? 'ok' : 'failed'),
      };
      this.pending.set(request.key, waiter);
      this.post(request.path, request.headers, request.body).then(
        ({ status }) => {
          waiter.status = status;
          waiter.responded = performance.now();
          if (status < 200 || status >= 300) {
            this.failures[`HTTP ${status}`] = (this.failures[`HTTP ${status}`] ?? 0) + 1;
            waiter.done(false);
          } else if (waiter.replied !== undefined) waiter.done(true);
        },
        () => waiter.done(false),
      );
    });
  }

  private onReply(platform: Platform, key: string | undefined): void {
    const waiter = key === undefined || platform !== this.platform ? undefined : this.pending.get(key);
    if (!waiter || waiter.replied !== undefined) {
      this.totals.unexpectedReplies++;
      return;
    }
    waiter.replied = performance.now();
    if (waiter.responded !== undefined) waiter.done(waiter.status! >= 200 && waiter.status! < 300);
  }

  /**
   * One POST over the keep-alive pool. A request that fails on a reused connection before any answer (the server
   * closed the idle socket as it was being reused) is sent again once, as Node's documentation advises.
   */
  private post(
    path: string,
    headers: Record<string, string>,
    body: string,
    retried = false,
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${this.url}${path}`,
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (!retried && req.reusedSocket && error.code === 'ECONNRESET') {
          this.post(path, headers, body, true).then(resolve, reject);
        } else {
          this.failures[error.code ?? error.message] = (this.failures[error.code ?? error.message] ?? 0) + 1;
          reject(error);
        }
      });
      req.end(body);
    });
  }
}

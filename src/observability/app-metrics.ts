/**
 * The bot's own metrics on a prom-client registry, shared by every adapter: one `recordTurn` call per handled
 * message keeps the platform/outcome/code/latency series consistent between Slack and Teams. The registry also
 * carries prom-client's default process, GC and event-loop metrics.
 *
 * Every label value comes from a bounded set: a code is labelled as itself only when it is in the knowledge
 * catalogue (`other` otherwise), platforms and outcomes are closed lists, HTTP routes are the routes the server
 * registered. A message full of made-up codes therefore adds no series.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EngineResult, Platform } from '../conversations/types.js';
import { lookupCode } from '../knowledge/index.js';

/** What happened to one inbound message. */
export type TurnOutcome = 'replied' | 'updated' | 'silent' | 'duplicate' | 'ignored' | 'rejected' | 'error';

const PLATFORMS: ReadonlySet<string> = new Set<Platform>(['slack', 'teams', 'web']);
const OUTCOMES: ReadonlySet<string> = new Set<TurnOutcome>([
  'replied',
  'updated',
  'silent',
  'duplicate',
  'ignored',
  'rejected',
  'error',
]);

/** The label for a code: itself when the catalogue knows it, else `other`. */
export function codeLabel(code: string): string {
  const entry = lookupCode(code);
  return entry ? entry.code : 'other';
}

const bounded = (value: string, allowed: ReadonlySet<string>) => (allowed.has(value) ? value : 'other');

export interface AppMetrics {
  readonly registry: Registry;
  readonly messages: Counter<'platform' | 'outcome'>;
  readonly diagnoses: Counter<'code'>;
  readonly latency: Histogram<'platform'>;
  readonly redisErrors: Counter<'kind'>;
  readonly dedupHits: Counter<'platform'>;
  readonly httpRequests: Counter<'route' | 'status'>;
  /** Records one engine turn: outcome, diagnosed codes, dedup hit and latency. */
  recordTurn(platform: Platform, result: EngineResult, startedAtMs: number, nowMs?: number): TurnOutcome;
  /** Records a message dropped before the engine (bot message, edit) or a failed turn. */
  recordOutcome(platform: Platform, outcome: TurnOutcome): void;
  /** One HTTP request; `route` is a registered route path (or `unmatched`). */
  recordHttp(route: string | undefined, status: number): void;
  /** Prometheus text exposition of every metric. */
  render(): Promise<string>;
  readonly contentType: string;
}

export function createAppMetrics(
  options: { inFlight?: () => number; routes?: () => string[] } = {},
): AppMetrics {
  const registry = new Registry();
  // Process CPU, memory and handles, GC pauses and event-loop delay: what an operator looks at first.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const messages = new Counter({
    name: 'activation_doctor_messages_total',
    help: 'Inbound messages by platform and outcome.',
    labelNames: ['platform', 'outcome'] as const,
    registers,
  });
  const diagnoses = new Counter({
    name: 'activation_doctor_diagnoses_total',
    help: 'Error codes diagnosed, by catalogue code (other: not in the catalogue).',
    labelNames: ['code'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'activation_doctor_turn_duration_seconds',
    help: 'Time from receiving a message to the reply being sent, by platform.',
    labelNames: ['platform'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const redisErrors = new Counter({
    name: 'activation_doctor_redis_errors_total',
    help: 'Redis connection or command errors.',
    labelNames: ['kind'] as const,
    registers,
  });
  const dedupHits = new Counter({
    name: 'activation_doctor_dedup_hits_total',
    help: 'Deliveries dropped as duplicates (retries, double events).',
    labelNames: ['platform'] as const,
    registers,
  });
  const httpRequests = new Counter({
    name: 'activation_doctor_http_requests_total',
    help: 'HTTP requests by route and status.',
    labelNames: ['route', 'status'] as const,
    registers,
  });
  if (options.inFlight) {
    const read = options.inFlight;
    new Gauge({
      name: 'activation_doctor_in_flight_turns',
      help: 'Messages being processed.',
      registers,
      collect() {
        this.set(read());
      },
    });
  }
  // Zero-valued series so dashboards and scrapes see the counters before the first event.
  redisErrors.inc({ kind: 'connection' }, 0);
  redisErrors.inc({ kind: 'command' }, 0);

  const recordOutcome = (platform: Platform, outcome: TurnOutcome) =>
    messages.inc({ platform: bounded(platform, PLATFORMS), outcome: bounded(outcome, OUTCOMES) });

  return {
    registry,
    messages,
    diagnoses,
    latency,
    redisErrors,
    dedupHits,
    httpRequests,
    recordOutcome,
    recordTurn(platform, result, startedAtMs, nowMs = Date.now()) {
      const outcome: TurnOutcome =
        result.reason === 'error' || result.reason === 'invalid'
          ? 'error'
          : result.reason === 'duplicate'
            ? 'duplicate'
            : result.reason === 'bot-message'
              ? 'ignored'
              : result.mode === 'update' && result.reply
                ? 'updated'
                : (result.mode === 'post' && result.reply) || result.details
                  ? // A card's details shown to the clicker (Slack's modal) answer the click too.
                    'replied'
                  : 'silent';
      recordOutcome(platform, outcome);
      const p = bounded(platform, PLATFORMS);
      if (outcome === 'duplicate') dedupHits.inc({ platform: p });
      for (const code of result.codes) diagnoses.inc({ code: codeLabel(code) });
      if (result.reply && result.mode !== 'none')
        latency.observe({ platform: p }, (nowMs - startedAtMs) / 1000);
      return outcome;
    },
    recordHttp(route, status) {
      const code = Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : 'other';
      httpRequests.inc({ route: route ?? 'unmatched', status: code });
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

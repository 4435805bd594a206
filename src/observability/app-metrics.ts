/**
 * The bot's own metrics, shared by every adapter: one `recordTurn` call per handled message keeps the
 * platform/outcome/code/latency series consistent between Slack and Teams.
 */
import type { EngineResult, Platform } from '../conversations/types.js';
import { Counter, Gauge, Histogram, Registry } from './metrics.js';

/** What happened to one inbound message. */
export type TurnOutcome = 'replied' | 'updated' | 'silent' | 'duplicate' | 'ignored' | 'rejected' | 'error';

export interface AppMetrics {
  readonly registry: Registry;
  readonly messages: Counter;
  readonly diagnoses: Counter;
  readonly latency: Histogram;
  readonly redisErrors: Counter;
  readonly dedupHits: Counter;
  /** Records one engine turn: outcome, diagnosed codes, dedup hit and latency. */
  recordTurn(platform: Platform, result: EngineResult, startedAtMs: number, nowMs?: number): TurnOutcome;
  /** Records a message dropped before the engine (bot message, edit) or a failed turn. */
  recordOutcome(platform: Platform, outcome: TurnOutcome): void;
  render(): string;
}

export function createAppMetrics(options: { inFlight?: () => number } = {}): AppMetrics {
  const registry = new Registry();
  const messages = registry.register(
    new Counter('activation_doctor_messages_total', 'Inbound messages by platform and outcome.'),
  );
  const diagnoses = registry.register(
    new Counter('activation_doctor_diagnoses_total', 'Error codes diagnosed, by code.'),
  );
  const latency = registry.register(
    new Histogram(
      'activation_doctor_turn_duration_seconds',
      'Time from receiving a message to the reply being sent, by platform.',
      [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ),
  );
  const redisErrors = registry.register(
    new Counter('activation_doctor_redis_errors_total', 'Redis connection or command errors.'),
  );
  const dedupHits = registry.register(
    new Counter(
      'activation_doctor_dedup_hits_total',
      'Deliveries dropped as duplicates (retries, double events).',
    ),
  );
  if (options.inFlight) {
    registry.register(
      new Gauge('activation_doctor_in_flight_turns', 'Messages being processed.', options.inFlight),
    );
  }
  // Zero-valued series so dashboards and scrapes see the counters before the first event.
  redisErrors.inc({ kind: 'connection' }, 0);
  redisErrors.inc({ kind: 'command' }, 0);

  const recordOutcome = (platform: Platform, outcome: TurnOutcome) => messages.inc({ platform, outcome });

  return {
    registry,
    messages,
    diagnoses,
    latency,
    redisErrors,
    dedupHits,
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
                : result.mode === 'post' && result.reply
                  ? 'replied'
                  : 'silent';
      recordOutcome(platform, outcome);
      if (outcome === 'duplicate') dedupHits.inc({ platform });
      for (const code of result.codes) diagnoses.inc({ code });
      if (result.reply && result.mode !== 'none') latency.observe((nowMs - startedAtMs) / 1000, { platform });
      return outcome;
    },
    render: () => registry.render(),
  };
}

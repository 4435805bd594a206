/**
 * One turn, the same for every platform: the engine computes what to say, the platform's surface sends it, the
 * turn is saved with the id of the card that went out (one write), the metrics and the log line are taken, and
 * the escalation handoff's effects follow. Adapters only translate their payloads and provide the surface.
 *
 *   adapter (translate) → runTurn → [files read] → engine.prepare → surface.post / update → turn.save(cardId)
 *   → effects
 *
 * A message with files has them read into its text first (src/files/file-turn.ts). When one is a screenshot, the
 * surface posts "Reading your screenshot…" before the OCR starts (Slack wants an answer within 3 s) and the
 * diagnosis then replaces that message: it becomes the thread's card.
 */
import type { ConversationEngine, SaveOutcome, TurnFacts } from '../conversations/engine.js';
import type { CardModel } from '../conversations/escalations/types.js';
import type { EngineResult, InboundMessage, Platform, ReplyModel } from '../conversations/types.js';
import type { FileReading, FileTurn } from '../files/file-turn.js';
import type { AppMetrics } from '../observability/app-metrics.js';
import type { Logger } from '../observability/logger.js';
import { executeEffects, type EffectExecutor } from './effects.js';

/** How one platform speaks within one turn, plus what only it knows (TurnFacts, asked for when needed). */
export interface TurnSurface extends TurnFacts {
  readonly platform: Platform;
  /** Posts the reply in the message's thread; returns the new card's id (undefined: none to remember). */
  post(reply: ReplyModel): Promise<string | undefined>;
  /** Replaces a card the bot posted earlier (the one a button was clicked on). */
  update(cardId: string, reply: ReplyModel): Promise<void>;
  /**
   * Shows a card's details to the clicker alone (Slack: the modal opened on the click); absent: a "Details" click
   * is not answered (logged). Teams never sends one: its cards fold their details themselves.
   */
  details?(card: CardModel): Promise<void>;
  /** Sends the escalation effects (posts elsewhere, updates, private notes); absent: they are dropped (logged). */
  effects?: EffectExecutor;
  /** The message's files, read into its text before the engine; absent when it carries none. */
  readFiles?: FileReading;
}

export interface TurnRunnerDeps {
  engine: Pick<ConversationEngine, 'prepare' | 'rememberPosted' | 'hasSpokenIn'>;
  metrics?: AppMetrics;
  logger: Logger;
  now?: () => number;
}

export interface TurnOutcome {
  /** undefined: the engine failed (logged and counted). */
  result?: EngineResult;
  /** Where the reply went: a new card (its id when known), an updated one, or nowhere. */
  sent: 'posted' | 'updated' | 'none' | 'failed';
  cardId?: string;
  /** How the turn's write went (with `alongside` when it was 'saved'). */
  saved?: SaveOutcome;
}

export async function runTurn(
  deps: TurnRunnerDeps,
  typed: InboundMessage,
  surface: TurnSurface,
): Promise<TurnOutcome> {
  const now = deps.now ?? Date.now;
  const log = deps.logger;
  const platform = surface.platform;
  let msg = typed;
  let files: FileTurn | undefined;
  /** The "Reading your screenshot…" message, which the answer replaces. */
  let ackId: string | undefined;
  let turn;
  try {
    if (surface.readFiles && (await filesAreForUs(deps, typed))) {
      files = await surface.readFiles(typed, {
        acknowledge: async (ack) => {
          try {
            ackId = await surface.post(ack);
          } catch (error) {
            // Without it the answer is simply posted when ready.
            log.warn('screenshot acknowledgement not sent', { err: error, platform });
          }
        },
      });
      msg = files.msg;
    }
    turn = await deps.engine.prepare(msg, surface);
  } catch (error) {
    deps.metrics?.recordOutcome(platform, 'error');
    log.error(`engine failed on a ${platform} message`, { err: error, addressed: msg.addressed });
    return { sent: 'failed' };
  }
  const result = files ? files.decorate(turn.result) : turn.result;

  let sent: TurnOutcome['sent'] = 'none';
  let cardId: string | undefined;
  if (result.reply && result.mode !== 'none') {
    const target = result.mode === 'update' ? msg.actionMessageId : ackId;
    try {
      if (target) {
        await surface.update(target, result.reply);
        cardId = target;
        // The acknowledgement became the thread's card: remembered like a posted one.
        sent = target === ackId ? 'posted' : 'updated';
      } else {
        cardId = await surface.post(result.reply);
        sent = 'posted';
      }
    } catch (error) {
      sent = 'failed';
      deps.metrics?.recordOutcome(platform, 'error');
      log.error(`${platform} reply failed`, { err: error, addressed: msg.addressed, channel: msg.channel });
    }
  }

  if (result.details) {
    try {
      if (surface.details) await surface.details(result.details);
      else log.warn('card details dropped: this platform shows no modal', { platform });
    } catch (error) {
      log.error(`${platform} card details not shown`, { err: error, channel: msg.channel });
    }
  }

  // The turn is saved whatever became of the reply: its memory is the thread's, not the card's.
  const saved = await turn.save(sent === 'posted' ? cardId : undefined);
  if (saved === 'failed' && cardId && sent !== 'failed') {
    const warned = turn.unsaved();
    // Said where it was read: the card now carries the memory-not-saved warning.
    if (warned && warned !== result.reply) {
      try {
        await surface.update(cardId, warned);
      } catch (error) {
        log.warn('memory warning not shown on the card', { err: error, platform });
      }
    }
  }

  if (sent !== 'failed') {
    const started = msg.receivedAt ?? now();
    const outcome = deps.metrics?.recordTurn(platform, result, started, now());
    log.info(`${platform} turn`, {
      outcome,
      addressed: msg.addressed,
      kind: result.reply?.kind,
      reason: result.reason,
      codes: result.codes,
      ms: now() - started,
    });
  }

  if (result.effects?.length) {
    if (surface.effects)
      await executeEffects(result.effects, surface.effects, { engine: deps.engine, logger: log });
    else log.warn('escalation effects dropped: no executor for this platform', { platform });
  }
  return { result, sent, saved, ...(cardId ? { cardId } : {}) };
}

/**
 * Files are read (OCR costs about a second) only for a message meant for the bot: addressed to it, or a reply in a
 * thread where it has posted. A picture shared in a channel the bot merely sits in is left alone.
 */
async function filesAreForUs(deps: TurnRunnerDeps, msg: InboundMessage): Promise<boolean> {
  if (msg.addressed !== 'none' && msg.addressed !== 'thread') return true;
  return deps.engine.hasSpokenIn(msg);
}

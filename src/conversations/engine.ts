/**
 * The conversation engine: one inbound message in, one platform-neutral reply out, with the thread's memory in
 * between. Per message: validate, read the text (codes, pastes, intent), decide whether to speak, claim the
 * delivery and load the thread (one store round trip), compute the turn, save it (one atomic write), reply.
 *
 * The turn itself (`step`, in turn.ts) is a pure function of the previous state and the message, so the store can re-run it
 * on a newer state when another instance wrote the thread in between. `handle` never throws: a store outage gives
 * an answer from the message alone with a visible warning, a malformed message gives an error result.
 *
 * With an escalation service, the handoff rides on the same turn: Escalate opens an escalation (handoff card in
 * the escalation channel, status card in the thread), handoff-card buttons go to the service, messages in an
 * escalated thread reach the escalation before their own turn, and "escalations" lists the open ones. What the
 * service wants sent comes back as `EngineResult.effects`. Ordinary messages in threads without an open
 * escalation still cost two store round trips: the thread state carries the escalation id.
 */
import { extractOffThread } from './diagnose-off-thread.js';
import type { Lang } from '../knowledge/types.js';
import {
  isHandoffAction,
  isListEscalationsRequest,
  type EscalationService,
  type Outbound,
  type Posted,
  type ServiceResult,
} from './escalations/index.js';
import { carriesEvidence, escalateInputOf, hasOpenEscalation, originMessageOf } from './handoff.js';
import { classify, fold } from './intent.js';
import { deliveryIdsOf, threadIdOf, threadKeyOf } from './keys.js';
import { RecentDeliveries } from './local-dedup.js';
import { errorText, noopLogger, type Logger } from './logger.js';
import { MemoryStore } from './memory-store.js';
import { phrases } from './phrases.js';
import { noticeReply } from './reply.js';
import { emptyState, type ThreadState } from './state.js';
import {
  langOfLocale,
  resolveLang,
  step,
  type Extraction,
  type Request,
  type Turn,
  type TurnInput,
} from './turn.js';
import { DEFAULT_DEDUP_TTL_SEC, StoreUnavailableError, type Snapshot, type ThreadStore } from './store.js';
import { InboundMessageSchema, type EngineResult, type InboundMessage } from './types.js';

/** Same cap as the knowledge core: a paste beyond 1 MiB is cut, and the reply says so. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** Distinct codes diagnosed from one message; real pastes hold a handful. */
export const MAX_CODES_PER_MESSAGE = 25;

export interface EngineOptions {
  /** Thread memory; default: an embedded MemoryStore. */
  store?: ThreadStore;
  logger?: Logger;
  clock?: () => number;
  /** How long a delivery id is remembered for dedup (Slack retries come up to ~5 min later). Default 1 h. */
  dedupTtlSec?: number;
  /** The escalation handoff (see `createEscalations`); without it Escalate only answers in the thread. */
  escalations?: EscalationService;
}

/** Threads whose last written snapshot is kept for rememberCard (a card is remembered right after its turn). */
const RECENT_WRITES = 1000;

/** Only those parts of the thread reference rememberCard needs. */
export type ThreadRefLike = Pick<InboundMessage, 'platform' | 'tenant' | 'channel' | 'threadKey'>;

export class ConversationEngine {
  readonly store: ThreadStore;
  private readonly logger: Logger;
  private readonly clock: () => number;
  private readonly dedupTtlSec: number;
  private readonly localDedup: RecentDeliveries;
  /**
   * The snapshot each recent turn wrote, by thread: rememberCard writes against it directly (compare-and-set on
   * its revision) instead of reading the thread again. A stale one only costs the store's usual re-read and retry.
   */
  private readonly recentWrites = new Map<string, Snapshot>();
  readonly escalations: EscalationService | undefined;

  constructor(options: EngineOptions = {}) {
    this.store = options.store ?? new MemoryStore({ clock: options.clock });
    this.escalations = options.escalations;
    this.logger = options.logger ?? noopLogger;
    this.clock = options.clock ?? Date.now;
    this.dedupTtlSec = options.dedupTtlSec ?? DEFAULT_DEDUP_TTL_SEC;
    this.localDedup = new RecentDeliveries(5000, this.clock);
  }

  async handle(input: unknown): Promise<EngineResult> {
    const parsed = InboundMessageSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const error = issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid message';
      return { reply: null, mode: 'none', reason: 'invalid', error, codes: [] };
    }
    const msg = parsed.data;
    try {
      return await this.process(msg);
    } catch (err) {
      this.logger.error('conversation turn failed', { platform: msg.platform, error: errorText(err) });
      const lang = langOfLocale(msg.localeHint) ?? 'en';
      const reply = noticeReply({ lang, warnings: [] }, phrases(lang).internalError);
      return { reply, mode: 'post', reason: 'error', error: errorText(err), codes: [] };
    }
  }

  /** Records the platform id of a card the adapter posted, so a later button click can update it. Never throws. */
  async rememberCard(ref: ThreadRefLike, platformMessageId: string): Promise<void> {
    const now = this.clock();
    const threadId = threadKeyOf(ref);
    const snapshot = this.recentWrites.get(threadId);
    this.recentWrites.delete(threadId);
    try {
      await this.store.update(
        threadId,
        (prev) => {
          const base = prev ?? emptyState(now);
          if (base.cards.some((c) => c.messageId === platformMessageId)) return prev;
          return {
            ...base,
            cards: [...base.cards, { messageId: platformMessageId, at: now }],
            updatedAt: now,
          };
        },
        snapshot ? { snapshot } : {},
      );
    } catch (err) {
      // An outage is already logged once by the store.
      if (!(err instanceof StoreUnavailableError))
        this.logger.warn('card id not remembered', { error: errorText(err) });
    }
  }

  /** Platform ids of the bot's cards in a thread, oldest first ([] when unknown or the store is down). */
  async cardsOf(ref: ThreadRefLike): Promise<string[]> {
    try {
      const { state } = await this.store.load(threadKeyOf(ref));
      return state?.cards.map((c) => c.messageId) ?? [];
    } catch {
      return [];
    }
  }

  /**
   * The adapter sent an effect marked `rememberAs`: records the platform id it got (and, for the handoff card, the
   * thread it started) so later changes update the cards in place and the handoff thread is known. Never throws.
   */
  async rememberPosted(effect: Outbound, posted: Posted): Promise<void> {
    if (!this.escalations || effect.kind !== 'post' || !effect.rememberAs) return;
    const scope = { platform: effect.target.platform, tenant: effect.target.tenant };
    try {
      await this.escalations.rememberPosted(scope, effect.escalationId, effect.rememberAs, posted);
    } catch (err) {
      this.logger.warn('posted escalation card not remembered', { error: errorText(err) });
    }
  }

  /** Reminders due in escalation channels (the server's timer sends them). [] without escalations; never throws. */
  async dueReminders(now: number = this.clock()): Promise<Outbound[]> {
    if (!this.escalations) return [];
    try {
      return await this.escalations.dueReminders(now);
    } catch (err) {
      this.logger.warn('escalation reminders not checked', { error: errorText(err) });
      return [];
    }
  }

  private async process(msg: InboundMessage): Promise<EngineResult> {
    const warnings: string[] = [];
    const text = capText(msg.text);
    const ex = await extractOffThread(text);
    if (ex.truncated || text.length < msg.text.length) warnings.push('truncated');
    if (ex.codes.length > MAX_CODES_PER_MESSAGE) {
      // A paste of thousands of distinct codes is not a support question: diagnosing each would make a reply of
      // megabytes and hold the event loop for seconds. The first ones are diagnosed, and the reply says it stopped.
      ex.codes = ex.codes.slice(0, MAX_CODES_PER_MESSAGE);
      if (!warnings.includes('truncated')) warnings.push('truncated');
    }

    const esc = this.escalations;
    if (esc && msg.action && isHandoffAction(msg.action.action)) return this.handoffAction(esc, msg);

    let req: Request;
    /** Set when the message would be ignored unless its thread has an open escalation (a reply to the team). */
    let silentUnlessEscalated: EngineResult['reason'] | undefined;
    if (msg.action) {
      const kind = ACTION_KINDS[msg.action.action];
      if (!kind) return { reply: null, mode: 'none', reason: 'unsupported', codes: [] };
      req = { kind, viaButton: true, ...(msg.action.findingId ? { findingId: msg.action.findingId } : {}) };
    } else {
      if (esc && isListEscalationsRequest(ex.text)) {
        if (msg.addressed === 'none' && !msg.botInThread)
          return { reply: null, mode: 'none', reason: 'not-addressed', codes: [] };
        return this.listEscalations(esc, msg, ex);
      }
      req = { ...classify(ex.text, ex), viaButton: false };
      const silence = this.silence(msg, req, ex);
      // In a bot thread, a reply without a mention may answer the escalation team: the thread state says.
      if (silence && !(esc && silence === 'not-addressed' && msg.botInThread))
        return { reply: null, mode: 'none', reason: silence, codes: [] };
      silentUnlessEscalated = silence;
    }

    const threadId = threadKeyOf(msg);
    const opened = await this.open(msg, warnings);
    if (opened === 'duplicate') return { reply: null, mode: 'none', reason: 'duplicate', codes: [] };
    const snapshot = opened;
    const escalated = Boolean(esc && snapshot && hasOpenEscalation(snapshot.state));
    if (silentUnlessEscalated && !escalated)
      return { reply: null, mode: 'none', reason: silentUnlessEscalated, codes: [] };

    const turnInput: TurnInput = { msg, ex, req, now: this.clock(), warnings };
    const codes = ex.codes.map((c) => c.code);
    if (!snapshot) {
      const turn = step(null, turnInput);
      return { reply: turn.reply, mode: turn.mode, codes };
    }

    let effects: Outbound[] = [];
    if (esc && req.kind === 'escalate') {
      const outcome = await this.openEscalation(esc, snapshot.state, turnInput);
      if (outcome && !outcome.changed) {
        // Already escalated: the requester sees its status privately; the thread changes nothing.
        return withEffects({ reply: null, mode: 'none', codes }, outcome.effects);
      }
      if (outcome?.record) {
        turnInput.escalationId = outcome.record.id;
        effects = outcome.effects;
      }
    } else if (esc && escalated && !msg.action) {
      const outcome = await this.toEscalation(esc, msg, ex);
      effects = outcome?.effects ?? [];
      if (silentUnlessEscalated) {
        return withEffects(
          {
            reply: null,
            mode: 'none',
            ...(effects.length > 0 ? {} : { reason: silentUnlessEscalated }),
            codes,
          },
          effects,
        );
      }
      turnInput.answerOnly = Boolean(outcome?.answered) && !carriesEvidence(ex);
    }

    let turn: Turn | undefined;
    try {
      const written = await this.store.update(
        threadId,
        (prev) => {
          turn = step(prev, turnInput);
          return turn.next;
        },
        { snapshot },
      );
      this.rememberWrite(threadId, written);
    } catch (err) {
      // An outage is logged once by the store; a lost race (StoreConflictError) or a bug is worth a line.
      if (!(err instanceof StoreUnavailableError))
        this.logger.warn('thread state not saved', { error: errorText(err) });
      const unsaved = step(snapshot.state, { ...turnInput, warnings: [...warnings, 'memoryNotSaved'] });
      return withEffects({ reply: unsaved.reply, mode: unsaved.mode, codes }, effects);
    }
    const done = turn ?? step(snapshot.state, turnInput);
    return withEffects({ reply: done.reply, mode: done.mode, codes }, effects);
  }

  private rememberWrite(threadId: string, written: Snapshot): void {
    this.recentWrites.delete(threadId);
    if (this.recentWrites.size >= RECENT_WRITES) {
      // Insertion order: the first key is the oldest write.
      const oldest = this.recentWrites.keys().next().value;
      if (oldest !== undefined) this.recentWrites.delete(oldest);
    }
    this.recentWrites.set(threadId, written);
  }

  /**
   * Claims the message's delivery ids and reads its thread (one round trip). 'duplicate' for a retry; undefined
   * when the store is down (then a local dedup stands in and the answer carries a warning).
   */
  private async open(msg: InboundMessage, warnings: string[]): Promise<Snapshot | undefined | 'duplicate'> {
    const threadId = threadKeyOf(msg);
    const deliveryIds = deliveryIdsOf(msg);
    try {
      const opened = await this.store.claimAndLoad(threadId, deliveryIds, this.dedupTtlSec);
      return opened.fresh ? opened.snapshot : 'duplicate';
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      // The store logs the outage once; here only the answer degrades.
      const local = deliveryIds.map((id) => `${threadId}|${id}`);
      if (!this.localDedup.claim(local, this.dedupTtlSec)) return 'duplicate';
      warnings.push('memoryUnavailable');
      return undefined;
    }
  }

  /**
   * Escalate: opens the escalation from the thread as loaded, before the turn is saved, so that one write records
   * both the escalated status and the escalation id. undefined when the service failed (the plain escalation
   * answer is given; a warning is logged).
   */
  private async openEscalation(
    esc: EscalationService,
    state: ThreadState | null,
    t: TurnInput,
  ): Promise<ServiceResult | undefined> {
    const lang = resolveLang(state, t);
    try {
      return await esc.escalate(escalateInputOf(state ?? emptyState(t.now, { lang }), t.msg, lang));
    } catch (err) {
      this.logger.warn('escalation not opened', { error: errorText(err) });
      return undefined;
    }
  }

  /** A message in a thread with an open escalation: answer relay and dossier ticks. undefined on a failure. */
  private async toEscalation(
    esc: EscalationService,
    msg: InboundMessage,
    ex: Extraction,
  ): Promise<ServiceResult | undefined> {
    try {
      return (await esc.onOriginMessage(msg, originMessageOf(msg, ex))) ?? undefined;
    } catch (err) {
      this.logger.warn('message not passed to its escalation', { error: errorText(err) });
      return undefined;
    }
  }

  /**
   * A handoff-card button (Claim, Need info, Escalated to Microsoft, Resolved): deduplicated by delivery, applied
   * by the service, answered only through effects. Resolving marks the origin thread resolved.
   */
  private async handoffAction(esc: EscalationService, msg: InboundMessage): Promise<EngineResult> {
    const action = msg.action!;
    if ((await this.open(msg, [])) === 'duplicate')
      return { reply: null, mode: 'none', reason: 'duplicate', codes: [] };
    const where = {
      platform: msg.platform,
      tenant: msg.tenant,
      channel: msg.channel,
      threadKey: msg.threadKey,
    };
    const result = await esc.onAction(
      { platform: msg.platform, tenant: msg.tenant },
      action,
      { id: msg.user.id, ...(msg.user.name ? { name: msg.user.name } : {}) },
      msg.isMember,
      { deliveryId: msg.eventId ?? msg.messageId, where },
    );
    const record = result.record;
    if (result.changed && record?.status === 'resolved') {
      const id = record.id;
      const now = this.clock();
      try {
        await this.store.update(threadIdOf(record.origin), (prev) =>
          prev && prev.escalationId === id && prev.status !== 'resolved'
            ? { ...prev, status: 'resolved', updatedAt: now }
            : prev,
        );
      } catch (err) {
        this.logger.warn('origin thread not marked resolved', { error: errorText(err) });
      }
    }
    return withEffects({ reply: null, mode: 'none', codes: [] }, result.effects);
  }

  /** "escalations": the workspace's open escalations, in the language the request was made in. */
  private async listEscalations(
    esc: EscalationService,
    msg: InboundMessage,
    ex: Extraction,
  ): Promise<EngineResult> {
    const opened = await this.open(msg, []);
    if (opened === 'duplicate') return { reply: null, mode: 'none', reason: 'duplicate', codes: [] };
    const lang: Lang = /\bescalades\b/.test(fold(ex.text))
      ? 'fr'
      : (langOfLocale(msg.localeHint) ?? opened?.state?.lang ?? 'en');
    const reply = await esc.listOpen({ platform: msg.platform, tenant: msg.tenant }, lang);
    return { reply, mode: 'post', codes: [] };
  }

  /** Why to stay silent, or undefined to answer. Channel chatter without a mention or evidence gets nothing. */
  private silence(msg: InboundMessage, req: Request, ex: Extraction): EngineResult['reason'] | undefined {
    if (msg.addressed !== 'none') return undefined;
    const detected = ex.codes.length > 0 || ex.observations.some((o) => o.source !== 'prose');
    if (detected) return undefined;
    // In a thread the bot already answered, follow-ups ("that fixed it", "in French please", a prose fact) count.
    if (msg.botInThread && req.kind !== 'chatter' && req.kind !== 'help') return undefined;
    return msg.text.trim() === '' ? 'empty' : 'not-addressed';
  }
}

/** Adds effects to a result only when there are some, so results without escalation look as before. */
function withEffects(result: EngineResult, effects: Outbound[]): EngineResult {
  return effects.length > 0 ? { ...result, effects } : result;
}

const ACTION_KINDS: Partial<Record<NonNullable<InboundMessage['action']>['action'], Request['kind']>> = {
  resolved: 'resolved',
  didnt_help: 'didnt_help',
  show_all: 'show_all',
  escalate: 'escalate',
};

function capText(text: string): string {
  if (text.length <= MAX_TEXT_BYTES / 4 || Buffer.byteLength(text, 'utf8') <= MAX_TEXT_BYTES) return text;
  // Cut on a byte boundary, then drop a possibly split last character.
  return Buffer.from(text, 'utf8')
    .subarray(0, MAX_TEXT_BYTES)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

/**
 * The conversation engine: one inbound message in, what to send out, with the thread's memory in between. Per
 * message: validate, read the text (codes, pastes, intent), decide whether to speak, claim the delivery and load
 * the thread (one store round trip), compute the turn; the runner (run-turn.ts) sends the reply, then saves the
 * turn with the id of the card it posted (one atomic write). `handle` does both halves at once, without a card.
 *
 * What only the platform can tell (whether a clicker is in the escalation channel, a thread's permalink, the
 * Teams conversation address) comes through `TurnFacts`, asked for only by the turns that need it.
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
import { fold } from '../knowledge/fold.js';
import { classify } from './intent.js';
import { deliveryIdsOf, threadIdOf, threadKeyOf, type ThreadRef } from './keys.js';
import { RecentDeliveries } from './local-dedup.js';
import { errorText, noopLogger, type Logger } from '../observability/logger.js';
import { MemoryStore } from './memory-store.js';
import { phrases } from './phrases.js';
import { noticeReply } from './reply.js';
import { emptyState, type ThreadState } from './state.js';
import {
  escalationView,
  langOfLocale,
  resolveLang,
  step,
  type Diagnose,
  type Extraction,
  type Request,
  type Turn,
  type TurnInput,
} from './turn.js';
import {
  DEFAULT_DEDUP_TTL_SEC,
  StoreUnavailableError,
  type SideRecord,
  type Snapshot,
  type ThreadStore,
} from './store.js';
import { InboundMessageSchema, type EngineResult, type InboundMessage, type ReplyModel } from './types.js';

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
  /** The knowledge core's diagnosis (tests wrap it to count diagnoses per turn). */
  diagnose?: Diagnose;
}

/** What only the platform knows, asked for by the turns that need it. Every member is optional. */
export interface TurnFacts {
  /** Handoff-card clicks: whether the user is in the escalation channel (undefined: ESCALATION_MEMBERS decides). */
  isMember?(userId: string): Promise<boolean | undefined>;
  /** Escalate: the thread's permalink, shown on the handoff card. */
  permalink?(): Promise<string | undefined>;
  /** Proactive address of this conversation (Teams), kept on an escalation's origin. */
  conversationRef?: Record<string, unknown>;
  /** Written with the thread state in the same atomic write (Teams: the conversation reference). */
  alongside?: SideRecord;
  /** The clicked card id came from an untrusted page: update that card only if this thread posted it. */
  verifyCardId?: boolean;
}

/** How the end of a turn went: written, nothing to write, or not written (the store is down or lost the race). */
export type SaveOutcome = 'saved' | 'unchanged' | 'failed';

/** A computed turn whose state is not yet written: the runner sends the reply, then saves with the card's id. */
export interface PreparedTurn {
  result: EngineResult;
  /** Writes the turn (and the posted card's id) in one atomic write. Never throws. */
  save(cardId?: string): Promise<SaveOutcome>;
  /** The reply as it reads when `save` failed (with the memory-not-saved warning); null when there is none. */
  unsaved(): ReplyModel | null;
}

export class ConversationEngine {
  readonly store: ThreadStore;
  private readonly logger: Logger;
  private readonly clock: () => number;
  private readonly dedupTtlSec: number;
  private readonly localDedup: RecentDeliveries;
  readonly escalations: EscalationService | undefined;
  private readonly diagnose: Diagnose | undefined;

  constructor(options: EngineOptions = {}) {
    this.diagnose = options.diagnose;
    this.store = options.store ?? new MemoryStore({ clock: options.clock });
    this.escalations = options.escalations;
    this.logger = options.logger ?? noopLogger;
    this.clock = options.clock ?? Date.now;
    this.dedupTtlSec = options.dedupTtlSec ?? DEFAULT_DEDUP_TTL_SEC;
    this.localDedup = new RecentDeliveries(5000, this.clock);
  }

  /**
   * Whether the bot has posted a card in this thread: one read, asked only before reading the files of a message
   * not addressed to it. false when unknown or when the store is down.
   */
  async hasSpokenIn(ref: ThreadRef): Promise<boolean> {
    try {
      const { state } = await this.store.load(threadKeyOf(ref));
      return (state?.cards.length ?? 0) > 0;
    } catch {
      return false;
    }
  }

  /** The whole turn at once (tests, the CLI): computed and saved, with no card to remember. Never throws. */
  async handle(input: unknown, facts: TurnFacts = {}): Promise<EngineResult> {
    const turn = await this.prepare(input, facts);
    if ((await turn.save()) !== 'failed') return turn.result;
    const reply = turn.unsaved();
    return reply ? { ...turn.result, reply } : turn.result;
  }

  /** Validates and computes the turn; nothing is written yet (see PreparedTurn). Never throws. */
  async prepare(input: unknown, facts: TurnFacts = {}): Promise<PreparedTurn> {
    const parsed = InboundMessageSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const error = issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'invalid message';
      return this.done({ reply: null, mode: 'none', reason: 'invalid', error, codes: [] });
    }
    const msg = facts.conversationRef
      ? { ...parsed.data, conversationRef: facts.conversationRef }
      : parsed.data;
    try {
      return await this.process(msg, facts);
    } catch (err) {
      this.logger.error('conversation turn failed', { platform: msg.platform, error: errorText(err) });
      const lang = langOfLocale(msg.localeHint) ?? 'en';
      const reply = noticeReply({ lang, warnings: [] }, phrases(lang).internalError);
      return this.done({ reply, mode: 'post', reason: 'error', error: errorText(err), codes: [] }, msg);
    }
  }

  /**
   * A turn with no state of its own to write. With a thread (`msg`), a posted card is still remembered: one write
   * against `snapshot` when the turn read one.
   */
  private done(result: EngineResult, msg?: InboundMessage, snapshot?: Snapshot): PreparedTurn {
    return {
      result,
      save: async (cardId) => {
        if (!msg || !cardId) return 'unchanged';
        return this.write(threadKeyOf(msg), (prev) => withCard(prev, cardId, this.clock()), snapshot);
      },
      unsaved: () => result.reply,
    };
  }

  /** One write with the store's compare-and-set; a failure is logged here and reported, never thrown. */
  private async write(
    threadId: string,
    mutate: (prev: ThreadState | null) => ThreadState | null,
    snapshot: Snapshot | undefined,
    alongside?: SideRecord,
  ): Promise<SaveOutcome> {
    try {
      const before = snapshot?.rev;
      const written = await this.store.update(threadId, mutate, {
        ...(snapshot ? { snapshot } : {}),
        ...(alongside ? { alongside } : {}),
      });
      return before !== undefined && written.rev === before ? 'unchanged' : 'saved';
    } catch (err) {
      // An outage is logged once by the store; a lost race (StoreConflictError) or a bug is worth a line.
      if (!(err instanceof StoreUnavailableError))
        this.logger.warn('thread state not saved', { error: errorText(err) });
      return 'failed';
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

  private async process(input: InboundMessage, facts: TurnFacts): Promise<PreparedTurn> {
    let msg = input;
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
    if (esc && msg.action && isHandoffAction(msg.action.action)) return this.handoffAction(esc, msg, facts);
    if (msg.action?.action === 'details' && msg.action.escalationId !== undefined)
      return this.handoffDetails(esc, msg);

    let req: Request;
    /** Set when the message would be ignored unless its thread has an open escalation (a reply to the team). */
    let silentUnlessEscalated: EngineResult['reason'] | undefined;
    /** Set when the message is answered only in a thread where the bot has posted a card. */
    let silentUnlessBotThread: EngineResult['reason'] | undefined;
    let listing = false;
    if (msg.action) {
      const kind = ACTION_KINDS[msg.action.action];
      if (!kind) return this.done({ reply: null, mode: 'none', reason: 'unsupported', codes: [] });
      req = {
        kind,
        viaButton: true,
        ...(msg.action.findingId ? { findingId: msg.action.findingId } : {}),
        ...(msg.action.code ? { code: msg.action.code } : {}),
      };
    } else {
      // The paste is folded once, for both readings.
      const folded = fold(ex.text);
      listing = Boolean(esc && isListEscalationsRequest(folded));
      req = { ...classify(ex.text, ex, folded), viaButton: false };
      const unaddressed = msg.addressed === 'none' || msg.addressed === 'thread';
      // Silence as the message stands, and as it would be in a thread where the bot has posted.
      const inBotThread = listing
        ? undefined
        : this.silence({ ...msg, addressed: 'none', botInThread: true }, req, ex);
      const asIs = !unaddressed
        ? listing
          ? undefined
          : this.silence(msg, req, ex)
        : msg.botInThread
          ? inBotThread
          : listing || msg.addressed === 'thread'
            ? 'not-addressed'
            : this.silence({ ...msg, addressed: 'none', botInThread: false }, req, ex);
      // In a bot thread, a reply without a mention may answer the escalation team: the thread state says.
      const toTeamMaybe = Boolean(esc) && inBotThread === 'not-addressed';
      if (asIs && unaddressed && msg.botInThread === undefined) {
        // Whether the bot spoke in this thread is read with the claim; a thread without state claims nothing.
        if (inBotThread && !toTeamMaybe)
          return this.done({ reply: null, mode: 'none', reason: inBotThread, codes: [] });
        silentUnlessBotThread = asIs;
        silentUnlessEscalated = inBotThread;
      } else if (asIs) {
        if (!(toTeamMaybe && msg.botInThread))
          return this.done({ reply: null, mode: 'none', reason: asIs, codes: [] });
        silentUnlessEscalated = asIs;
      }
    }

    const threadId = threadKeyOf(msg);
    const opened = await this.open(msg, warnings, Boolean(silentUnlessBotThread), threadId);
    if (opened === 'duplicate')
      return this.done({ reply: null, mode: 'none', reason: 'duplicate', codes: [] });
    if (silentUnlessBotThread && !(opened && opened !== 'unknown' && (opened.state?.cards.length ?? 0) > 0))
      return this.done({ reply: null, mode: 'none', reason: silentUnlessBotThread, codes: [] });
    const snapshot = opened === 'unknown' ? undefined : opened;
    if (msg.addressed === 'none' || msg.addressed === 'thread')
      msg = {
        ...msg,
        addressed: 'none',
        botInThread: msg.botInThread ?? (snapshot?.state?.cards.length ?? 0) > 0,
      };
    if (msg.actionMessageId && facts.verifyCardId) {
      const id = msg.actionMessageId;
      if (!snapshot?.state?.cards.some((c) => c.messageId === id)) {
        const { actionMessageId: _unknown, ...rest } = msg;
        msg = rest;
      }
    }
    if (listing) return this.listEscalations(esc!, msg, ex, snapshot);
    const escalated = Boolean(esc && snapshot && hasOpenEscalation(snapshot.state));
    if (silentUnlessEscalated && !escalated)
      return this.done({ reply: null, mode: 'none', reason: silentUnlessEscalated, codes: [] });

    const turnInput: TurnInput = {
      msg,
      ex,
      req,
      now: this.clock(),
      warnings,
      ...(this.diagnose ? { diagnose: this.diagnose } : {}),
    };
    const codes = ex.codes.map((c) => c.code);
    if (!snapshot) {
      // No memory this turn: the answer comes from the message alone and carries the warning.
      const turn = step(null, turnInput);
      return this.done(withDetails({ reply: turn.reply, mode: turn.mode, codes }, turn));
    }

    let effects: Outbound[] = [];
    if (esc && req.kind === 'escalate') {
      const outcome = await this.openEscalation(esc, snapshot.state, turnInput, facts);
      if (outcome && !outcome.changed) {
        // Already escalated: the requester sees its status privately; the thread changes nothing.
        return this.done(withEffects({ reply: null, mode: 'none', codes }, outcome.effects));
      }
      if (outcome?.record) {
        turnInput.escalationId = outcome.record.id;
        effects = outcome.effects;
      }
    } else if (esc && escalated && !msg.action) {
      const outcome = await this.toEscalation(esc, msg, ex);
      effects = outcome?.effects ?? [];
      if (silentUnlessEscalated) {
        const silent = { reply: null, mode: 'none' as const, codes };
        return this.done(
          withEffects(effects.length > 0 ? silent : { ...silent, reason: silentUnlessEscalated }, effects),
        );
      }
      turnInput.answerOnly = Boolean(outcome?.answered) && !carriesEvidence(ex);
    }

    const first = step(snapshot.state, turnInput);
    const result = withEffects(withDetails({ reply: first.reply, mode: first.mode, codes }, first), effects);
    const alongside = facts.alongside;
    return {
      result,
      save: (cardId) =>
        this.write(
          threadId,
          // Pure, so a lost compare-and-set re-runs it on the newer state; the first run's answer is already out.
          (prev) => {
            const next = prev === snapshot.state ? first.next : step(prev, turnInput).next;
            return cardId ? withCard(next, cardId, turnInput.now, prev) : next;
          },
          snapshot,
          alongside,
        ),
      unsaved: () => step(snapshot.state, { ...turnInput, warnings: [...warnings, 'memoryNotSaved'] }).reply,
    };
  }

  /**
   * Claims the message's delivery ids and reads its thread (one round trip). 'duplicate' for a retry; undefined
   * when the store is down (then a local dedup stands in and the answer carries a warning).
   */
  private async open(
    msg: InboundMessage,
    warnings: string[],
    onlyIfStored = false,
    threadId = threadKeyOf(msg),
  ): Promise<Snapshot | undefined | 'duplicate' | 'unknown'> {
    // A signed request's id (Slack) rides in the same claim: a replayed request is a duplicate delivery.
    const deliveryIds = [...deliveryIdsOf(msg), ...(msg.requestId ? [`req:${msg.requestId}`] : [])];
    try {
      const opened = await this.store.claimAndLoad(
        threadId,
        deliveryIds,
        this.dedupTtlSec,
        onlyIfStored ? { onlyIfStored } : {},
      );
      if (opened.stored === false) return 'unknown';
      return opened.fresh ? opened.snapshot : 'duplicate';
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      // The store logs the outage once; here only the answer degrades.
      const local = deliveryIds.map((id) => `${threadId}|${id}`);
      if (!this.localDedup.claim(local, this.dedupTtlSec)) return 'duplicate';
      // Whether the bot spoke in this thread cannot be read: an unaddressed reply stays unanswered.
      if (onlyIfStored) return 'unknown';
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
    facts: TurnFacts,
  ): Promise<ServiceResult | undefined> {
    const lang = resolveLang(state, t);
    try {
      const url = t.msg.threadUrl ?? (await this.ask('permalink', () => facts.permalink?.()));
      const msg = url ? { ...t.msg, threadUrl: url } : t.msg;
      const thread = state ?? emptyState(t.now, { lang });
      // One diagnosis for the dossier and the Escalate answer: the turn reuses this one.
      const { tried, ...seen } = escalationView(thread, t);
      t.seen = seen;
      return await esc.escalate(
        escalateInputOf(thread, msg, seen.lang, { diagnosis: seen.diagnosis, tried }),
      );
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
  private async handoffAction(
    esc: EscalationService,
    msg: InboundMessage,
    facts: TurnFacts,
  ): Promise<PreparedTurn> {
    const action = msg.action!;
    if ((await this.open(msg, [])) === 'duplicate')
      return this.done({ reply: null, mode: 'none', reason: 'duplicate', codes: [] });
    const isMember = msg.isMember ?? (await this.ask('isMember', () => facts.isMember?.(msg.user.id)));
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
      isMember,
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
    return this.done(withEffects({ reply: null, mode: 'none', codes: [] }, result.effects));
  }

  /**
   * "Details" on a handoff card: the card as its escalation record stands (no diagnosis, nothing written), for the
   * clicker alone. Anyone who sees the card may read its details, as they could when they sat under it.
   */
  private async handoffDetails(
    esc: EscalationService | undefined,
    msg: InboundMessage,
  ): Promise<PreparedTurn> {
    if (!esc) return this.done({ reply: null, mode: 'none', reason: 'unsupported', codes: [] });
    if ((await this.open(msg, [])) === 'duplicate')
      return this.done({ reply: null, mode: 'none', reason: 'duplicate', codes: [] });
    const card = await esc.card({ platform: msg.platform, tenant: msg.tenant }, msg.action!.escalationId!);
    return this.done({ reply: null, mode: 'none', codes: [], ...(card ? { details: card } : {}) });
  }

  /** A platform fact; undefined when the platform cannot tell or failed to (logged), never thrown. */
  private async ask<T>(what: string, get: () => Promise<T | undefined> | undefined): Promise<T | undefined> {
    try {
      return await get();
    } catch (err) {
      this.logger.warn('platform fact not read', { what, error: errorText(err) });
      return undefined;
    }
  }

  /** "escalations": the workspace's open escalations, in the language the request was made in. */
  private async listEscalations(
    esc: EscalationService,
    msg: InboundMessage,
    ex: Extraction,
    snapshot: Snapshot | undefined,
  ): Promise<PreparedTurn> {
    const lang: Lang = /\bescalades\b/.test(fold(ex.text))
      ? 'fr'
      : (langOfLocale(msg.localeHint) ?? snapshot?.state?.lang ?? 'en');
    const reply = await esc.listOpen({ platform: msg.platform, tenant: msg.tenant }, lang);
    return this.done({ reply, mode: 'post', codes: [] }, msg, snapshot);
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

/** The state with a posted card's id recorded (a thread without state gets one just for it). */
function withCard(
  next: ThreadState | null,
  cardId: string,
  now: number,
  prev: ThreadState | null = next,
): ThreadState | null {
  const base = next ?? (prev === null ? emptyState(now) : null);
  // A turn that deleted the thread keeps it deleted: the card belonged to what was forgotten.
  if (!base) return next;
  if (base.cards.some((c) => c.messageId === cardId)) return next;
  return { ...base, cards: [...base.cards, { messageId: cardId, at: now }], updatedAt: now };
}

/** Adds a "Details" click's details to a result. */
function withDetails(result: EngineResult, turn: Turn): EngineResult {
  return turn.details ? { ...result, details: turn.details } : result;
}

/** Adds effects to a result only when there are some, so results without escalation look as before. */
function withEffects(result: EngineResult, effects: Outbound[]): EngineResult {
  return effects.length > 0 ? { ...result, effects } : result;
}

const ACTION_KINDS: Partial<Record<NonNullable<InboundMessage['action']>['action'], Request['kind']>> = {
  resolved: 'resolved',
  didnt_help: 'didnt_help',
  show_all: 'show_all',
  details: 'details',
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

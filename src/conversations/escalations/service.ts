/**
 * Orchestrates the escalation handoff: opens an escalation from a thread, applies handoff-card clicks and
 * origin-thread messages through the state machine and the repository, lists open escalations and finds due
 * reminders. Returns effects (Outbound) for the adapters to execute; sends nothing itself.
 */
import { randomBytes } from 'node:crypto';
import type { Facts, HexCode, Lang, SourceKind } from '../../knowledge/types.js';
import type { ThreadRef } from '../keys.js';
import type { ThreadState } from '../state.js';
import type { ActionId, ActionPayload, InboundMessage, Platform, ReplyModel } from '../types.js';
import { buildDossier, type EvidenceSeen } from './dossier.js';
import {
  apply,
  canAct,
  handoffTarget,
  originTarget,
  refusalEffect,
  SYSTEM_ACTOR,
  type Applied,
  type Command,
} from './machine.js';
import { handoffCard, openList, originCard } from './replies.js';
import { ESCALATION_ID, scopeOf, type EscalationRepository } from './repository.js';
import {
  DEFAULT_REMINDER_MINUTES,
  ESCALATION_RECORD_VERSION,
  type Actor,
  type ConversationRef,
  type DossierFinding,
  type EscalationConfig,
  type EscalationRecord,
  type Handoff,
  type HandoffCardModel,
  type Outbound,
  type RememberAs,
  type Scope,
  type Target,
} from './types.js';

/** Buttons of the handoff card, handled here rather than by the conversation engine. */
export const HANDOFF_ACTIONS: ReadonlySet<ActionId> = new Set<ActionId>([
  'claim',
  'need_info',
  'escalated_ms',
  'handoff_resolved',
]);

export function isHandoffAction(action: ActionId): boolean {
  return HANDOFF_ACTIONS.has(action);
}

export interface ServiceResult {
  /** The escalation concerned (null: none, e.g. an unknown id). */
  record: EscalationRecord | null;
  effects: Outbound[];
  changed: boolean;
  /** onOriginMessage: the message answered the team's pending question (and was relayed). */
  answered?: boolean;
}

export interface EscalateInput {
  /** The origin thread's state, as the engine holds it in this turn. */
  state: ThreadState;
  msg: Pick<InboundMessage, 'platform' | 'tenant' | 'channel' | 'threadKey' | 'messageId' | 'user' | 'text'>;
  /** Merged facts of the thread (`threadFacts(state.observations)`). */
  facts: Facts;
  /** The diagnosis's findings, strongest first, titles in the thread's language. */
  findings: DossierFinding[];
  /** Titles of the fixes the user said did not help. */
  tried: string[];
  lang: Lang;
  /** Proactive address of the origin conversation (Teams). */
  originConversationRef?: ConversationRef;
  /** Permalink of the origin thread, when the adapter has one. */
  originUrl?: string;
}

export interface OriginMessage {
  messageId: string;
  eventId?: string;
  user: Actor;
  text: string;
  /** Facts this message brought (merged over its observations) and the kinds of output it held. */
  facts: Facts;
  sources: SourceKind[];
}

export interface ActionContext {
  /** Delivery id of the click (Teams activity id, Slack trigger id): a retry of it changes nothing. */
  deliveryId?: string;
  /** Where the click happened, for a private refusal. */
  where?: Target;
}

export interface Posted {
  messageId: string;
  /** Thread the post started or sits in (Slack: the message ts for a top-level post; Teams: conversation id). */
  threadKey?: string;
  conversationRef?: ConversationRef;
}

export interface EscalationServiceOptions {
  repo: EscalationRepository;
  /** Read once: nothing changes it after start-up. */
  config: EscalationConfig;
  /**
   * The escalation channel's address as an adapter captured it at run time (Teams learns it when it first sees a
   * message there); asked for each new handoff, so the configuration itself never changes.
   */
  channelAddress?: (platform: Platform) => ConversationRef | undefined;
  clock?: () => number;
  newId?: () => string;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newEscalationId(): string {
  const bytes = randomBytes(8);
  let id = 'E-';
  for (const b of bytes) id += CROCKFORD[b % 32];
  return id;
}

function sameThread(a: ThreadRef, b: ThreadRef): boolean {
  return (
    a.platform === b.platform &&
    a.tenant === b.tenant &&
    a.channel === b.channel &&
    a.threadKey === b.threadKey
  );
}

function combine(first: Applied, second: Applied): Applied {
  return {
    record: second.record,
    effects: [...first.effects, ...second.effects],
    changed: first.changed || second.changed,
  };
}

export class EscalationService {
  readonly repo: EscalationRepository;
  private readonly config: EscalationConfig;
  private readonly channelAddress: EscalationServiceOptions['channelAddress'];
  private readonly clock: () => number;
  private readonly newId: () => string;

  constructor(options: EscalationServiceOptions) {
    this.repo = options.repo;
    this.config = options.config;
    this.channelAddress = options.channelAddress;
    this.clock = options.clock ?? Date.now;
    this.newId = options.newId ?? newEscalationId;
  }

  /** Where the handoff thread goes: the configured escalation channel, else the origin conversation. */
  handoffFor(input: Pick<EscalateInput, 'msg' | 'originConversationRef'>): Handoff {
    const { msg } = input;
    const dest = this.config.channels[msg.platform];
    if (dest) {
      const ref = dest.ref ?? this.channelAddress?.(msg.platform);
      return { channel: dest.channel, dedicated: true, ...(ref ? { channelRef: ref } : {}) };
    }
    return {
      channel: msg.channel,
      dedicated: false,
      ...(input.originConversationRef ? { channelRef: input.originConversationRef } : {}),
    };
  }

  /**
   * Opens an escalation for the thread: the handoff card in the handoff channel and the status card (with the
   * evidence still missing) in the origin thread. A thread that already has an open escalation gets its status
   * card privately and nothing new is opened (a double click or a second "escalate").
   */
  async escalate(input: EscalateInput): Promise<ServiceResult> {
    const { msg, state } = input;
    const origin: ThreadRef = {
      platform: msg.platform,
      tenant: msg.tenant,
      channel: msg.channel,
      threadKey: msg.threadKey,
    };
    const existing = await this.repo.findByThread(origin);
    if (existing && existing.status !== 'resolved') return this.alreadyOpen(existing, msg.user.id);

    const now = this.clock();
    const requestedBy: Actor = { id: msg.user.id, ...(msg.user.name ? { name: msg.user.name } : {}) };
    const seen: Omit<EvidenceSeen, 'facts'> = {
      sources: state.observations.map((o) => o.source),
      texts: [msg.text],
    };
    const codes: HexCode[] = state.codes.map((c) => c.code);
    const draft: EscalationRecord = {
      v: ESCALATION_RECORD_VERSION,
      id: this.newId(),
      version: 0,
      status: 'open',
      lang: input.lang,
      origin: {
        ...origin,
        ...(input.originConversationRef ? { conversationRef: input.originConversationRef } : {}),
        ...(input.originUrl ? { url: input.originUrl } : {}),
      },
      handoff: this.handoffFor(input),
      requestedBy,
      dossier: buildDossier(input.facts, codes, input.findings, input.tried, input.lang, seen),
      timeline: [{ at: now, actor: requestedBy, kind: 'opened' }],
      deliveries: [`msg:${msg.messageId}`],
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.repo.create(draft);
    if (!created) throw new Error(`escalation id collision: ${draft.id}`);
    const linked = await this.repo.linkThread(origin, created.id, true);
    if (linked !== created.id) {
      // Another instance escalated the same thread at the same moment: theirs stands.
      await this.repo.discard(created);
      const other = await this.repo.get(origin, linked);
      return other ? this.alreadyOpen(other, msg.user.id) : { record: null, effects: [], changed: false };
    }
    await this.repo.markOpen(created);
    const effects: Outbound[] = [
      {
        kind: 'post',
        escalationId: created.id,
        target: handoffTarget(created),
        reply: handoffCard(created),
        rememberAs: 'handoff-card',
      },
      {
        kind: 'post',
        escalationId: created.id,
        target: originTarget(created),
        reply: originCard(created),
        rememberAs: 'origin-update',
      },
    ];
    return { record: created, effects, changed: true };
  }

  private alreadyOpen(record: EscalationRecord, userId: string): ServiceResult {
    return {
      record,
      changed: false,
      effects: [
        {
          kind: 'ephemeral',
          escalationId: record.id,
          target: originTarget(record),
          userId,
          reply: originCard(record),
        },
      ],
    };
  }

  /**
   * The adapter posted an effect marked `rememberAs`: keep the message id (and the handoff thread) so later
   * changes update the card in place and answers in the handoff thread find their escalation.
   */
  async rememberPosted(scope: Scope, escalationId: string, as: RememberAs, posted: Posted): Promise<void> {
    const result = await this.repo.mutate(scope, escalationId, (r) => {
      if (as === 'origin-update') {
        if (r.origin.cardMessageId === posted.messageId) return { record: r, effects: [], changed: false };
        return {
          record: { ...r, origin: { ...r.origin, cardMessageId: posted.messageId } },
          effects: [],
          changed: true,
        };
      }
      const threadKey = posted.threadKey ?? r.handoff.threadKey ?? posted.messageId;
      const handoff: Handoff = {
        ...r.handoff,
        cardMessageId: posted.messageId,
        threadKey,
        ...(posted.conversationRef ? { conversationRef: posted.conversationRef } : {}),
      };
      if (JSON.stringify(handoff) === JSON.stringify(r.handoff))
        return { record: r, effects: [], changed: false };
      return { record: { ...r, handoff }, effects: [], changed: true };
    });
    const r = result?.record;
    if (as !== 'handoff-card' || !r?.handoff.threadKey) return;
    const ref: ThreadRef = { ...scopeOf(r), channel: r.handoff.channel, threadKey: r.handoff.threadKey };
    // In a flat conversation (Teams chat without an escalation channel) the handoff thread is the origin thread.
    if (!sameThread(ref, r.origin)) await this.repo.linkThread(ref, r.id);
  }

  /**
   * A handoff-card button. `isMember`: whether the adapter confirmed the user belongs to the escalation channel
   * (undefined when it cannot tell; ESCALATION_MEMBERS then decides). A refusal is private and changes nothing.
   */
  async onAction(
    scope: Scope,
    payload: ActionPayload,
    user: Actor,
    isMember: boolean | undefined,
    ctx: ActionContext = {},
  ): Promise<ServiceResult> {
    const id = payload.escalationId ?? '';
    const record = ESCALATION_ID.test(id) ? await this.repo.get(scope, id) : null;
    const lang = record?.lang ?? 'en';
    if (!record) {
      const where = ctx.where;
      return {
        record: null,
        changed: false,
        effects: where ? [refusalEffect(id || '?', where, user.id, 'not_found', lang)] : [],
      };
    }
    const where = ctx.where ?? handoffTarget(record);
    if (
      !canAct(user, {
        members: this.config.members,
        ...(isMember === undefined ? {} : { channelMember: isMember }),
      })
    ) {
      return { record, changed: false, effects: [refusalEffect(id, where, user.id, 'not_member', lang)] };
    }
    const base = { where, ...(ctx.deliveryId ? { deliveryId: `act:${ctx.deliveryId}` } : {}) };
    let command: Command;
    switch (payload.action) {
      case 'claim':
        command = { type: 'claim', ...base };
        break;
      case 'need_info':
        command = { type: 'need_info', question: payload.text, ...base };
        break;
      case 'escalated_ms':
        command = { type: 'escalated_ms', caseNumber: payload.text, ...base };
        break;
      case 'handoff_resolved':
        command = { type: 'resolve', resolution: payload.text, ...base };
        break;
      default:
        return { record, changed: false, effects: [] };
    }
    return this.run(scope, id, (r) => apply(r, command, user, this.clock()));
  }

  /**
   * A message in a thread linked to an escalation. In the origin thread: the answer to a pending question is
   * relayed to the handoff thread, and evidence it brings ticks the dossier. Returns null when the thread has
   * no escalation (or only a resolved one), so the engine carries on as usual.
   */
  async onOriginMessage(ref: ThreadRef, msg: OriginMessage): Promise<ServiceResult | null> {
    const id = await this.repo.linkedId(ref);
    if (!id) return null;
    const record = await this.repo.get(ref, id);
    if (!record || record.status === 'resolved' || !sameThread(ref, record.origin)) return null;
    const deliveryId = msg.eventId ? `evt:${msg.eventId}` : `msg:${msg.messageId}`;
    const seen: EvidenceSeen = { facts: msg.facts, sources: msg.sources, texts: [msg.text] };
    // Set by the last run of the step (it runs again when another instance wrote the record first).
    let answeredNow = false;
    const result = await this.run(ref, id, (r) => {
      const now = this.clock();
      const answered = r.pendingQuestion
        ? apply(r, { type: 'answer', text: msg.text, deliveryId }, msg.user, now)
        : { record: r, effects: [], changed: false };
      answeredNow = answered.changed;
      // The delivery id is recorded once (by the answer when there was one).
      const ticked = apply(
        answered.record,
        { type: 'evidence', seen, ...(answered.changed ? {} : { deliveryId }) },
        msg.user,
        now,
      );
      return combine(answered, ticked);
    });
    return { ...result, answered: answeredNow && result.changed };
  }

  /** The handoff card as the record stands (its "Details"); null for an unknown id. Reads, never writes. */
  async card(scope: Scope, id: string): Promise<HandoffCardModel | null> {
    const record = ESCALATION_ID.test(id) ? await this.repo.get(scope, id) : null;
    return record ? handoffCard(record) : null;
  }

  /** `escalations` / `/activation escalations`: the workspace's open escalations with age, owner and status. */
  async listOpen(scope: Scope, lang: Lang): Promise<ReplyModel> {
    return openList(await this.repo.listOpen(scope), this.clock(), lang);
  }

  /** One reminder in the escalation channel per escalation left unclaimed longer than the configured time. */
  async dueReminders(now: number = this.clock()): Promise<Outbound[]> {
    const afterMs = (this.config.reminderMinutes ?? DEFAULT_REMINDER_MINUTES) * 60_000;
    const effects: Outbound[] = [];
    for (const scope of await this.repo.scopes()) {
      for (const r of await this.repo.listOpen(scope)) {
        if (r.owner || r.reminderSentAt !== undefined || now - r.createdAt < afterMs) continue;
        const result = await this.repo.mutate(scope, r.id, (cur) =>
          apply(cur, { type: 'remind', afterMs }, SYSTEM_ACTOR, now),
        );
        if (result?.changed) effects.push(...result.effects);
      }
    }
    return effects;
  }

  private async run(
    scope: Scope,
    id: string,
    step: (r: EscalationRecord) => Applied,
  ): Promise<ServiceResult> {
    const result = await this.repo.mutate(scope, id, step);
    if (!result) return { record: null, effects: [], changed: false };
    return result;
  }
}

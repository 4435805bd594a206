/**
 * The escalation state machine. `apply` is pure: a record, a command, who and when in; the next record, the
 * effects for the adapters and whether anything changed out. Idempotent by design: a repeated command that would
 * leave the record as it is (a second Claim by the owner, a second Resolved, a retried delivery) returns
 * `changed: false` and no effects, so the repository writes nothing and the adapters say nothing.
 *
 *   open ──claim──▶ claimed ──need_info──▶ need_info ──answer──▶ (back to claimed / escalated_ms)
 *     │                │  ╲──escalated_ms──▶ escalated_ms
 *     └──────────── any open status ──resolve──▶ resolved (final)
 */
import { redactKeys } from '../../knowledge/redact.js';
import { tickDossier, type EvidenceSeen } from './dossier.js';
import {
  answerRelayedNotice,
  evidenceArrived,
  handoffCard,
  needInfoQuestion,
  originCard,
  originUpdate,
  refusal,
  relayedAnswer,
  reminder,
  type RefusalReason,
} from './replies.js';
import type { Actor, EscalationRecord, Outbound, Target, TimelineEntry } from './types.js';

export type Command = (
  | { type: 'claim' }
  | { type: 'need_info'; question?: string }
  | { type: 'answer'; text: string }
  | { type: 'evidence'; seen: EvidenceSeen }
  | { type: 'escalated_ms'; caseNumber?: string }
  | { type: 'resolve'; resolution?: string }
  | { type: 'remind'; afterMs: number }
) & {
  /** Platform delivery id (event id / message id / interaction id): a retry with the same id changes nothing. */
  deliveryId?: string;
  /** Where the command came from, for an ephemeral refusal (default: the handoff thread). */
  where?: Target;
};

export interface Applied {
  record: EscalationRecord;
  effects: Outbound[];
  changed: boolean;
}

/** Who may act on handoff cards. */
export interface PermissionPolicy {
  /** ESCALATION_MEMBERS. */
  members: string[];
  /** The adapter checked the user against the escalation channel's members; undefined when it cannot. */
  channelMember?: boolean;
}

/** Allowed when listed in ESCALATION_MEMBERS or confirmed a member of the escalation channel. Fails closed. */
export function canAct(user: Actor, policy: PermissionPolicy): boolean {
  return policy.members.includes(user.id) || policy.channelMember === true;
}

export const SYSTEM_ACTOR: Actor = { id: 'activation-doctor', name: 'Activation Doctor' };

const TIMELINE_MAX = 200;
const DELIVERIES_MAX = 50;
const TEXT_MAX = 2000;

// --- targets ---------------------------------------------------------------------------------------------------

export function originTarget(r: EscalationRecord): Target {
  const o = r.origin;
  return {
    platform: o.platform,
    tenant: o.tenant,
    channel: o.channel,
    threadKey: o.threadKey,
    ...(o.conversationRef ? { conversationRef: o.conversationRef } : {}),
  };
}

/** The handoff thread (a top-level post in the handoff channel until the card's thread is known). */
export function handoffTarget(r: EscalationRecord): Target {
  const h = r.handoff;
  const ref = h.conversationRef ?? h.channelRef;
  return {
    platform: r.origin.platform,
    tenant: r.origin.tenant,
    channel: h.channel,
    ...(h.threadKey ? { threadKey: h.threadKey } : {}),
    ...(ref ? { conversationRef: ref } : {}),
  };
}

/** The escalation channel itself, for posts everyone in it should see (reminders). */
export function handoffChannelTarget(r: EscalationRecord): Target {
  const h = r.handoff;
  if (!h.dedicated) return handoffTarget(r);
  return {
    platform: r.origin.platform,
    tenant: r.origin.tenant,
    channel: h.channel,
    ...(h.channelRef ? { conversationRef: h.channelRef } : {}),
  };
}

// --- effects ---------------------------------------------------------------------------------------------------

function post(r: EscalationRecord, target: Target, reply: Outbound['reply']): Outbound {
  return { kind: 'post', escalationId: r.id, target, reply };
}

/** Both cards re-rendered in place, for those whose message id is known. */
export function cardUpdates(r: EscalationRecord): Outbound[] {
  const out: Outbound[] = [];
  if (r.handoff.cardMessageId) {
    out.push({
      kind: 'update',
      escalationId: r.id,
      target: handoffTarget(r),
      messageId: r.handoff.cardMessageId,
      reply: handoffCard(r),
    });
  }
  if (r.origin.cardMessageId) {
    out.push({
      kind: 'update',
      escalationId: r.id,
      target: originTarget(r),
      messageId: r.origin.cardMessageId,
      reply: originCard(r),
    });
  }
  return out;
}

function refuse(
  r: EscalationRecord,
  actor: Actor,
  reason: RefusalReason,
  where?: Target,
  detail = '',
): Applied {
  return {
    record: r,
    changed: false,
    effects: [
      {
        kind: 'ephemeral',
        escalationId: r.id,
        target: where ?? handoffTarget(r),
        userId: actor.id,
        reply: refusal(reason, r.lang, detail),
      },
    ],
  };
}

/** A refusal for something that is not about one record (not a member, unknown id). */
export function refusalEffect(
  escalationId: string,
  where: Target,
  userId: string,
  reason: RefusalReason,
  lang: 'en' | 'fr',
): Outbound {
  return {
    kind: 'ephemeral',
    escalationId,
    target: where,
    userId,
    reply: refusal(reason, lang, escalationId),
  };
}

const unchanged = (record: EscalationRecord): Applied => ({ record, effects: [], changed: false });

// --- inputs ----------------------------------------------------------------------------------------------------

function cleanText(text: string | undefined): string {
  return redactKeys((text ?? '').trim()).slice(0, TEXT_MAX);
}

/**
 * "case 2503140010001234", "#2503…", "dossier n° …", "2412 0300 1234" → the number itself; undefined when it is
 * not one.
 */
export function normalizeCaseNumber(raw: string): string | undefined {
  const stripped = raw
    .trim()
    .replace(
      /^(?:(?:microsoft\s+)?(?:case|ticket|srx?|dossier|incident)\s*)?(?:(?:number|no\.?|n[°º]|num[eé]ro)\s*)?[:#]?\s*/i,
      '',
    );
  // Case numbers are often read out or copied in groups ("2412 0300 1234"): spaces between digit groups go.
  const joined = /^\d+(?:[\s\u00a0\u202f]+\d+)+$/.test(stripped)
    ? stripped.replace(/[\s\u00a0\u202f]+/g, '')
    : stripped;
  return /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/.test(joined) ? joined : undefined;
}

// --- the machine -----------------------------------------------------------------------------------------------

function withEvent(
  r: EscalationRecord,
  now: number,
  entries: TimelineEntry[],
  deliveryId?: string,
): EscalationRecord {
  const timeline = [...r.timeline, ...entries];
  const deliveries = deliveryId ? [...r.deliveries, deliveryId] : r.deliveries;
  return {
    ...r,
    timeline: timeline.length > TIMELINE_MAX ? timeline.slice(timeline.length - TIMELINE_MAX) : timeline,
    deliveries:
      deliveries.length > DELIVERIES_MAX ? deliveries.slice(deliveries.length - DELIVERIES_MAX) : deliveries,
    updatedAt: now,
  };
}

export function apply(record: EscalationRecord, command: Command, actor: Actor, now: number): Applied {
  if (command.deliveryId && record.deliveries.includes(command.deliveryId)) return unchanged(record);
  const r = record;
  const d = command.deliveryId;
  const entry = (kind: TimelineEntry['kind'], text?: string): TimelineEntry => ({
    at: now,
    actor,
    kind,
    ...(text ? { text } : {}),
  });

  switch (command.type) {
    case 'claim': {
      if (r.status === 'resolved') return refuse(r, actor, 'resolved', command.where);
      if (r.owner?.id === actor.id) return unchanged(r);
      if (r.owner) return refuse(r, actor, 'claimed_by_other', command.where, r.owner.name ?? r.owner.id);
      const next: EscalationRecord = {
        ...withEvent(r, now, [entry('claimed')], d),
        status: 'claimed',
        owner: actor,
      };
      return {
        record: next,
        changed: true,
        effects: [...cardUpdates(next), post(next, originTarget(next), originUpdate(next, 'claimed'))],
      };
    }

    case 'need_info': {
      if (r.status === 'resolved') return refuse(r, actor, 'resolved', command.where);
      const question = cleanText(command.question);
      if (!question) return refuse(r, actor, 'need_question', command.where);
      if (r.pendingQuestion?.text === question) return unchanged(r);
      const implicitClaim = !r.owner;
      const resume =
        r.status === 'need_info'
          ? (r.pendingQuestion?.resumeStatus ?? 'claimed')
          : r.status === 'open'
            ? 'claimed'
            : r.status;
      const next: EscalationRecord = {
        ...withEvent(r, now, [...(implicitClaim ? [entry('claimed')] : []), entry('need_info', question)], d),
        status: 'need_info',
        owner: r.owner ?? actor,
        pendingQuestion: { text: question, askedBy: actor, at: now, resumeStatus: resume },
      };
      return {
        record: next,
        changed: true,
        effects: [
          ...cardUpdates(next),
          post(next, originTarget(next), needInfoQuestion(next, actor, question)),
        ],
      };
    }

    case 'answer': {
      const pending = r.pendingQuestion;
      const text = cleanText(command.text);
      if (!pending || !text || r.status === 'resolved') return unchanged(r);
      const next: EscalationRecord = {
        ...withEvent(r, now, [entry('answer', text)], d),
        status: r.status === 'need_info' ? pending.resumeStatus : r.status,
      };
      delete next.pendingQuestion;
      return {
        record: next,
        changed: true,
        effects: [
          post(next, handoffTarget(next), relayedAnswer(r, actor, text)),
          ...cardUpdates(next),
          post(next, originTarget(next), answerRelayedNotice(next, r, actor, text)),
        ],
      };
    }

    case 'evidence': {
      if (r.status === 'resolved') return unchanged(r);
      const { dossier, ticked } = tickDossier(r.dossier, command.seen);
      if (dossier === r.dossier) return unchanged(r);
      const labels = dossier.checklist.filter((i) => ticked.includes(i.id)).map((i) => i.label[r.lang]);
      const base =
        ticked.length > 0
          ? withEvent(r, now, [entry('evidence', labels.join(', '))], d)
          : withEvent(r, now, [], d);
      const next: EscalationRecord = { ...base, dossier };
      return {
        record: next,
        changed: true,
        effects: [
          ...(ticked.length > 0 ? [post(next, handoffTarget(next), evidenceArrived(next, ticked))] : []),
          ...cardUpdates(next),
        ],
      };
    }

    case 'escalated_ms': {
      if (r.status === 'resolved') return refuse(r, actor, 'resolved', command.where);
      const raw = (command.caseNumber ?? '').trim();
      if (!raw) return refuse(r, actor, 'need_case_number', command.where);
      const caseNumber = normalizeCaseNumber(raw);
      if (!caseNumber) return refuse(r, actor, 'bad_case_number', command.where, cleanText(raw).slice(0, 60));
      if (r.msCaseNumber === caseNumber && r.status !== 'open') return unchanged(r);
      const implicitClaim = !r.owner;
      const next: EscalationRecord = {
        ...withEvent(
          r,
          now,
          [...(implicitClaim ? [entry('claimed')] : []), entry('escalated_ms', caseNumber)],
          d,
        ),
        status: 'escalated_ms',
        owner: r.owner ?? actor,
        msCaseNumber: caseNumber,
        ...(r.pendingQuestion
          ? { pendingQuestion: { ...r.pendingQuestion, resumeStatus: 'escalated_ms' as const } }
          : {}),
      };
      return {
        record: next,
        changed: true,
        effects: [...cardUpdates(next), post(next, originTarget(next), originUpdate(next, 'escalated_ms'))],
      };
    }

    case 'resolve': {
      if (r.status === 'resolved') return unchanged(r);
      const resolution = cleanText(command.resolution);
      if (!resolution) return refuse(r, actor, 'need_resolution', command.where);
      const next: EscalationRecord = {
        ...withEvent(r, now, [entry('resolved', resolution)], d),
        status: 'resolved',
        owner: r.owner ?? actor,
        resolution,
      };
      delete next.pendingQuestion;
      return {
        record: next,
        changed: true,
        effects: [...cardUpdates(next), post(next, originTarget(next), originUpdate(next, 'resolved'))],
      };
    }

    case 'remind': {
      const due =
        r.status === 'open' &&
        !r.owner &&
        r.reminderSentAt === undefined &&
        now - r.createdAt >= command.afterMs;
      if (!due) return unchanged(r);
      const next: EscalationRecord = { ...withEvent(r, now, [entry('reminded')], d), reminderSentAt: now };
      return {
        record: next,
        changed: true,
        effects: [post(next, handoffChannelTarget(next), reminder(next, now))],
      };
    }
  }
}

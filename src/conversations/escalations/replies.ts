/**
 * The escalation handoff's messages: the handoff card (its own model, `HandoffCardModel`), the origin thread's
 * status card and short updates, the need-info question, the relayed answer, the reminder, the open list and
 * refusals. Their words live in ../phrases.ts (`escalationPhrases`, English and French). Every reply goes
 * through `makeReply`, each card model through `finished` and its schema; both redact product keys once more.
 */
import type { z } from 'zod';
import type { Lang } from '../../knowledge/types.js';
import { escalationPhrases } from '../phrases.js';
import { makeReply } from '../reply.js';
import {
  MICROSOFT_ACTIVATION_CENTERS_URL,
  type ReplyAction,
  type ReplyModel,
  type ThreadStatus,
} from '../types.js';
import { missingEvidenceAsks } from './dossier.js';
import {
  EvidenceNoteModelSchema,
  HandoffCardModelSchema,
  OriginCardModelSchema,
  InfoRequestModelSchema,
  RelayModelSchema,
  ReminderModelSchema,
  type Actor,
  type ChecklistId,
  type EscalationRecord,
  type EscalationStatus,
  type EvidenceNoteModel,
  type HandoffCardModel,
  type OriginCardModel,
  type InfoRequestModel,
  type RelayModel,
  type ReminderModel,
} from './types.js';
import { redactValue } from '../../knowledge/redact.js';
import { mayHoldKeyInside } from '../key-scan.js';
import { factEvidenceText } from '../../knowledge/fact-labels.js';

/** A card as it leaves the service: any product key in it masked, then held to its schema. */
function finished<T>(schema: z.ZodType<T>, card: T): T {
  return schema.parse(mayHoldKeyInside(card) ? redactValue(card) : card);
}

export type RefusalReason =
  | 'not_member'
  | 'claimed_by_other'
  | 'resolved'
  | 'need_question'
  | 'need_case_number'
  | 'bad_case_number'
  | 'need_resolution'
  | 'not_found'
  | 'no_question_pending';

export function actorName(a: Actor): string {
  return a.name && a.name.trim() !== '' ? a.name : a.id;
}

/** `2025-03-14 09:30 UTC`: timelines are read across time zones, so UTC and no locale formatting. */
export function formatTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `45 min`, `2 h 05 min`, `3 d 4 h` (`j` in French). */
export function formatAge(ms: number, lang: Lang): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${String(min % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} ${lang === 'fr' ? 'j' : 'd'} ${h % 24} h`;
}

function threadStatusOf(status: EscalationStatus): ThreadStatus {
  return status === 'resolved' ? 'resolved' : 'escalated';
}

/** Where the user asked, as a link text (the adapter's permalink when it gave one). */
export function originText(record: EscalationRecord, lang: Lang): string {
  const o = record.origin;
  const where = escalationPhrases(lang).originWhere(o.platform, o.channel, o.threadKey);
  return o.url ? `${where} (${o.url})` : where;
}

function button(
  id: ReplyAction['id'],
  label: string,
  escalationId: string,
  style: ReplyAction['style'],
): ReplyAction {
  return { id, label, payload: { action: id, escalationId }, style };
}

/** Buttons the handoff card offers in each status (none once resolved). */
export function handoffActions(record: EscalationRecord, lang: Lang): ReplyAction[] {
  const b = escalationPhrases(lang).buttons;
  const id = record.id;
  if (record.status === 'resolved') return [];
  const out: ReplyAction[] = [];
  if (!record.owner) out.push(button('claim', b.claim, id, 'primary'));
  out.push(button('need_info', b.needInfo, id, 'default'));
  if (record.status !== 'escalated_ms') out.push(button('escalated_ms', b.escalatedMs, id, 'default'));
  out.push(button('handoff_resolved', b.resolved, id, record.owner ? 'primary' : 'default'));
  return out;
}

function headline(record: EscalationRecord): string | undefined {
  return record.dossier.findings[0]?.title;
}

/** The card in the escalation channel: who, where, status, holder, dossier checklist, timeline and the buttons. */
export function handoffCard(record: EscalationRecord, lang: Lang = record.lang): HandoffCardModel {
  const t = escalationPhrases(lang);
  const d = record.dossier;
  const top = headline(record);
  const o = record.origin;
  const statusText = t.status[record.status];
  const card: HandoffCardModel = {
    kind: 'handoff',
    lang,
    escalationId: record.id,
    title: top ? `${t.handoffTitle(record.id)}: ${top}` : t.handoffTitle(record.id),
    summary: `${t.handoffSummary(actorName(record.requestedBy), originText(record, lang))} ${t.originSummary(
      statusText,
      record.owner ? actorName(record.owner) : t.unclaimed,
    )}`,
    status: record.status,
    statusText,
    origin: { text: t.originWhere(o.platform, o.channel, o.threadKey), ...(o.url ? { url: o.url } : {}) },
    ...(record.owner ? { assignee: actorName(record.owner) } : {}),
    codes: d.codes,
    facts: d.facts.map((f) => factEvidenceText(`${f.key}=${f.value}`, lang)),
    otherFindings: d.findings.slice(1).map((f) => f.title),
    tried: d.tried,
    checklist: checklistOf(record, lang),
    timeline: timelineOf(record, lang),
    ...(record.pendingQuestion
      ? {
          pendingQuestion: {
            text: record.pendingQuestion.text,
            askedBy: actorName(record.pendingQuestion.askedBy),
          },
        }
      : {}),
    ...(record.msCaseNumber ? { msCaseNumber: record.msCaseNumber } : {}),
    ...(record.resolution ? { resolution: record.resolution } : {}),
    microsoft: { url: MICROSOFT_ACTIVATION_CENTERS_URL, label: t.msLink },
    actions: handoffActions(record, lang),
  };
  // Like `makeReply`: checked, and product keys redacted once more whatever the record holds.
  return finished(HandoffCardModelSchema, card);
}

/** The status card in the origin thread, updated in place: status, holder, checklist, what is still missing. */
export function originCard(record: EscalationRecord, lang: Lang = record.lang): OriginCardModel {
  const t = escalationPhrases(lang);
  const open = record.status !== 'resolved';
  const missing = open ? missingEvidenceAsks(record.dossier, lang) : [];
  const statusText = t.status[record.status];
  const card: OriginCardModel = {
    kind: 'origin',
    lang,
    escalationId: record.id,
    title: `${t.originTitle} (${record.id})`,
    summary: `${t.originSummary(statusText, record.owner ? actorName(record.owner) : undefined)}${
      missing.length > 0 ? ` ${t.missingIntro}` : ''
    }`,
    status: record.status,
    statusText,
    ...(record.owner ? { assignee: actorName(record.owner) } : {}),
    ...(record.msCaseNumber ? { msCaseNumber: record.msCaseNumber } : {}),
    ...(record.resolution ? { resolution: record.resolution } : {}),
    checklist: checklistOf(record, lang),
    missing,
    timeline: timelineOf(record, lang),
  };
  return finished(OriginCardModelSchema, card);
}

function checklistOf(record: EscalationRecord, lang: Lang): HandoffCardModel['checklist'] {
  return record.dossier.checklist.map((i) => ({
    label: i.label[lang],
    done: i.present,
    ...(i.present && i.value ? { value: i.value } : {}),
  }));
}

function timelineOf(record: EscalationRecord, lang: Lang): HandoffCardModel['timeline'] {
  const t = escalationPhrases(lang);
  return record.timeline.map((e) => ({
    at: e.at,
    when: formatTime(e.at),
    text: t.timeline(e, actorName(e.actor)),
  }));
}

/** A relayed answer or the note that it was passed on, the question it answers under its own heading. */
function relay(
  record: EscalationRecord,
  texts: { title: string; summary: string },
  question: EscalationRecord['pendingQuestion'],
  answer: { text: string; from: string },
  lang: Lang,
): RelayModel {
  const card: RelayModel = {
    kind: 'relay',
    lang,
    escalationId: record.id,
    ...texts,
    statusText: escalationPhrases(lang).status[record.status],
    ...(question ? { question: { text: question.text, askedBy: actorName(question.askedBy) } } : {}),
    answer,
  };
  return finished(RelayModelSchema, card);
}

/** The short line posted in the origin thread on a status change. */
export function originUpdate(
  record: EscalationRecord,
  kind: 'claimed' | 'escalated_ms' | 'resolved',
  lang = record.lang,
) {
  const t = escalationPhrases(lang);
  const summary =
    kind === 'claimed'
      ? t.update.claimed(record.owner ? actorName(record.owner) : '')
      : kind === 'escalated_ms'
        ? t.update.escalatedMs(record.msCaseNumber ?? '')
        : t.update.resolved(record.resolution ?? '');
  return makeReply({
    kind: 'escalation',
    lang,
    title: `${t.originTitle} (${record.id})`,
    summary,
    status: threadStatusOf(record.status),
  });
}

/** The engineer's question, posted in the origin thread: the question under its heading, how to answer. */
export function needInfoQuestion(
  record: EscalationRecord,
  asker: Actor,
  question: string,
  lang = record.lang,
): InfoRequestModel {
  const t = escalationPhrases(lang);
  const who = actorName(asker);
  const card: InfoRequestModel = {
    kind: 'info_request',
    lang,
    escalationId: record.id,
    title: `${t.questionTitle} (${record.id})`,
    summary: t.questionSummary(who, question),
    statusText: t.status[record.status],
    question: { text: question, askedBy: who },
    howToAnswer: t.questionHow,
  };
  return finished(InfoRequestModelSchema, card);
}

/** The user's answer, relayed into the handoff thread under the question it answers. */
export function relayedAnswer(
  record: EscalationRecord,
  from: Actor,
  text: string,
  lang = record.lang,
): RelayModel {
  const t = escalationPhrases(lang);
  const who = actorName(from);
  return relay(
    record,
    { title: t.answerTitle(record.id), summary: t.answerSummary(who, text) },
    record.pendingQuestion,
    { text, from: who },
    lang,
  );
}

/**
 * Posted in the handoff thread when a missing checklist item arrives in the origin thread: the items it ticked,
 * with their values, and what the checklist still lacks.
 */
export function evidenceArrived(
  record: EscalationRecord,
  ticked: ChecklistId[],
  lang = record.lang,
): EvidenceNoteModel {
  const t = escalationPhrases(lang);
  const items = record.dossier.checklist.filter((i) => ticked.includes(i.id));
  const card: EvidenceNoteModel = {
    kind: 'evidence_note',
    lang,
    escalationId: record.id,
    title: t.evidenceTitle(record.id),
    summary: t.evidenceSummary(items.map((i) => i.label[lang]).join(', ')),
    statusText: t.status[record.status],
    arrived: items.map((i) => ({
      label: i.label[lang],
      done: i.present,
      ...(i.value ? { value: i.value } : {}),
    })),
    stillMissing: record.dossier.checklist.filter((i) => !i.present).map((i) => i.label[lang]),
  };
  return finished(EvidenceNoteModelSchema, card);
}

/** Posted in the escalation channel when an escalation waits unclaimed: where it was asked, its cause, Claim. */
export function reminder(record: EscalationRecord, now: number, lang = record.lang): ReminderModel {
  const t = escalationPhrases(lang);
  const o = record.origin;
  const top = headline(record);
  const card: ReminderModel = {
    kind: 'reminder',
    lang,
    escalationId: record.id,
    title: t.reminderTitle(record.id),
    summary: t.reminderSummary(formatAge(now - record.createdAt, lang), actorName(record.requestedBy)),
    origin: { text: t.originWhere(o.platform, o.channel, o.threadKey), ...(o.url ? { url: o.url } : {}) },
    ...(top ? { headline: top } : {}),
    actions: handoffActions(record, lang).filter((a) => a.id === 'claim'),
  };
  return finished(ReminderModelSchema, card);
}

/** `escalations`: open escalations, oldest first, with age, owner and status. */
export function openList(records: EscalationRecord[], now: number, lang: Lang): ReplyModel {
  const t = escalationPhrases(lang);
  const sorted = [...records].sort((a, b) => a.createdAt - b.createdAt);
  return makeReply({
    kind: 'escalation',
    lang,
    title: t.listTitle(sorted.length),
    summary: sorted.length === 0 ? t.listNone : t.listSummary(sorted.length),
    evidence: sorted.map((r) =>
      t.listLine(
        r.id,
        formatAge(now - r.createdAt, lang),
        r.owner ? actorName(r.owner) : t.unclaimed,
        t.status[r.status],
        headline(r) ?? r.dossier.codes.join(', '),
      ),
    ),
  });
}

export function refusal(reason: RefusalReason, lang: Lang, detail = ''): ReplyModel {
  const t = escalationPhrases(lang);
  return makeReply({ kind: 'escalation', lang, title: t.refusalTitle, summary: t.refusal[reason](detail) });
}

/**
 * The note in the origin thread that an answer was passed on, with the question and the answer. `answered` is the
 * record as it was when the answer came (it still holds the question).
 */
export function answerRelayedNotice(
  record: EscalationRecord,
  answered: EscalationRecord,
  from: Actor,
  text: string,
  lang = record.lang,
): RelayModel {
  const t = escalationPhrases(lang);
  return relay(
    record,
    { title: `${t.originTitle} (${record.id})`, summary: t.update.answerRelayed },
    answered.pendingQuestion,
    { text, from: actorName(from) },
    lang,
  );
}

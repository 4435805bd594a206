/**
 * What the escalation handoff says, in English and French: the handoff card, the origin thread's status card
 * and short updates, the need-info question, the relayed answer, the reminder, the open list and refusals.
 * Every model goes through `makeReply`, which validates it and redacts product keys once more.
 */
import type { Lang } from '../../knowledge/types.js';
import { makeReply } from '../reply.js';
import {
  MICROSOFT_ACTIVATION_CENTERS_URL,
  type ReplyAction,
  type ReplyModel,
  type ThreadStatus,
} from '../types.js';
import { missingEvidenceAsks } from './dossier.js';
import {
  HandoffCardModelSchema,
  type Actor,
  type ChecklistId,
  type ChecklistItem,
  type EscalationRecord,
  type EscalationStatus,
  type HandoffCardModel,
  type TimelineEntry,
} from './types.js';
import { mayHoldProductKey, redactValue } from '../../knowledge/redact.js';
import { factEvidenceText } from '../../knowledge/fact-labels.js';

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

interface Texts {
  status: Record<EscalationStatus, string>;
  handoffTitle: (id: string) => string;
  handoffSummary: (who: string, where: string) => string;
  originTitle: string;
  originSummary: (status: string, owner?: string) => string;
  unclaimed: string;
  codes: (list: string) => string;
  caseNumber: (n: string) => string;
  resolution: (r: string) => string;
  finding: (title: string) => string;
  tried: (list: string) => string;
  missingIntro: string;
  timeline: (e: TimelineEntry) => string;
  buttons: { claim: string; needInfo: string; escalatedMs: string; resolved: string };
  update: {
    claimed: (who: string) => string;
    escalatedMs: (n: string) => string;
    resolved: (r: string) => string;
    answerRelayed: string;
  };
  questionTitle: string;
  questionSummary: (who: string, q: string) => string;
  answerTitle: (id: string) => string;
  answerSummary: (who: string, text: string) => string;
  evidenceTitle: (id: string) => string;
  evidenceSummary: (items: string) => string;
  reminderTitle: (id: string) => string;
  reminderSummary: (age: string, who: string) => string;
  listTitle: (n: number) => string;
  listNone: string;
  listSummary: (n: number) => string;
  listLine: (id: string, age: string, owner: string, status: string, title: string) => string;
  refusalTitle: string;
  refusal: Record<RefusalReason, (x: string) => string>;
  msLink: string;
  originWhere: (platform: string, channel: string, threadKey: string) => string;
}

const EN: Texts = {
  status: {
    open: 'waiting for an engineer',
    claimed: 'being handled',
    need_info: 'waiting for information',
    escalated_ms: 'escalated to Microsoft',
    resolved: 'resolved',
  },
  handoffTitle: (id) => `Escalation ${id}`,
  handoffSummary: (who, where) => `${who} asked for help in ${where}.`,
  originTitle: 'Handed to the licensing team',
  originSummary: (status, owner) => `Status: ${status}${owner ? ` (${owner})` : ''}.`,
  unclaimed: 'unclaimed',
  codes: (list) => `Codes: ${list}`,
  caseNumber: (n) => `Microsoft case number: ${n}`,
  resolution: (r) => `Resolution: ${r}`,
  finding: (t) => `Finding: ${t}`,
  tried: (list) => `Already tried: ${list}`,
  missingIntro: 'Please add these to this thread; the licensing team sees them as they arrive.',
  timeline: (e) => {
    const who = actorName(e.actor);
    switch (e.kind) {
      case 'opened':
        return `${who} escalated`;
      case 'claimed':
        return `${who} claimed it`;
      case 'need_info':
        return `${who} asked: ${e.text ?? ''}`;
      case 'answer':
        return `${who} answered: ${e.text ?? ''}`;
      case 'evidence':
        return `evidence added: ${e.text ?? ''}`;
      case 'escalated_ms':
        return `${who} escalated to Microsoft, case ${e.text ?? ''}`;
      case 'resolved':
        return `${who} resolved it: ${e.text ?? ''}`;
      case 'reminded':
        return `reminder sent`;
    }
  },
  buttons: {
    claim: 'Claim',
    needInfo: 'Need info',
    escalatedMs: 'Escalated to Microsoft',
    resolved: 'Resolved',
  },
  update: {
    claimed: (who) => `${who} from the licensing team is now handling this case.`,
    escalatedMs: (n) => `The licensing team escalated this case to Microsoft (case number ${n}).`,
    resolved: (r) => `The licensing team marked this case resolved: ${r}`,
    answerRelayed: 'Your answer was passed to the licensing team.',
  },
  questionTitle: 'The licensing team needs more information',
  questionSummary: (who, q) => `${who} asks: ${q}\nAnswer in this thread; your reply is passed on.`,
  answerTitle: (id) => `Answer for ${id}`,
  answerSummary: (who, text) => `${who} answered: ${text}`,
  evidenceTitle: (id) => `New evidence for ${id}`,
  evidenceSummary: (items) => `Now in the dossier: ${items}.`,
  reminderTitle: (id) => `Escalation ${id} is still unclaimed`,
  reminderSummary: (age, who) => `${who} has been waiting ${age}. Open the handoff thread and click Claim.`,
  listTitle: (n) => `Open escalations (${n})`,
  listNone: 'No open escalations.',
  listSummary: (n) => (n === 1 ? 'One escalation is open.' : `${n} escalations are open, oldest first.`),
  listLine: (id, age, owner, status, title) =>
    `${id} · ${age} · ${owner} · ${status}${title ? ` — ${title}` : ''}`,
  refusalTitle: 'Not possible',
  refusal: {
    not_member: () => 'Only members of the escalation team can do this. Nothing was changed.',
    claimed_by_other: (who) => `${who} already claimed this escalation. Nothing was changed.`,
    resolved: () => 'This escalation is already resolved. Nothing was changed.',
    need_question: () => 'Type your question in the box, then click Need info.',
    need_case_number: () => 'Type the Microsoft case number in the box, then click Escalated to Microsoft.',
    bad_case_number: (n) => `"${n}" does not look like a case number (4 to 40 letters, digits or hyphens).`,
    need_resolution: () => 'Type the resolution in the box, then click Resolved.',
    not_found: (id) => `Escalation ${id} was not found (it may have expired).`,
    no_question_pending: () => 'No question is waiting for an answer.',
  },
  msLink: 'Microsoft Licensing Activation Centers',
  originWhere: (platform, channel, threadKey) =>
    `${platformName(platform)} channel ${channel}, thread ${threadKey}`,
};

const FR: Texts = {
  status: {
    open: 'en attente d’un ingénieur',
    claimed: 'en cours de traitement',
    need_info: 'en attente d’informations',
    escalated_ms: 'transmis à Microsoft',
    resolved: 'résolu',
  },
  handoffTitle: (id) => `Escalade ${id}`,
  handoffSummary: (who, where) => `${who} a demandé de l’aide dans ${where}.`,
  originTitle: 'Transmis à l’équipe licences',
  originSummary: (status, owner) => `État : ${status}${owner ? ` (${owner})` : ''}.`,
  unclaimed: 'non pris en charge',
  codes: (list) => `Codes : ${list}`,
  caseNumber: (n) => `Numéro de dossier Microsoft : ${n}`,
  resolution: (r) => `Résolution : ${r}`,
  finding: (t) => `Constat : ${t}`,
  tried: (list) => `Déjà essayé : ${list}`,
  missingIntro: 'Merci d’ajouter ces éléments dans ce fil ; l’équipe licences les voit arriver.',
  timeline: (e) => {
    const who = actorName(e.actor);
    switch (e.kind) {
      case 'opened':
        return `${who} a escaladé`;
      case 'claimed':
        return `${who} l’a pris en charge`;
      case 'need_info':
        return `${who} a demandé : ${e.text ?? ''}`;
      case 'answer':
        return `${who} a répondu : ${e.text ?? ''}`;
      case 'evidence':
        return `éléments ajoutés : ${e.text ?? ''}`;
      case 'escalated_ms':
        return `${who} a transmis à Microsoft, dossier ${e.text ?? ''}`;
      case 'resolved':
        return `${who} l’a résolu : ${e.text ?? ''}`;
      case 'reminded':
        return `rappel envoyé`;
    }
  },
  buttons: {
    claim: 'Prendre en charge',
    needInfo: 'Demander une info',
    escalatedMs: 'Transmis à Microsoft',
    resolved: 'Résolu',
  },
  update: {
    claimed: (who) => `${who}, de l’équipe licences, s’occupe maintenant de ce dossier.`,
    escalatedMs: (n) => `L’équipe licences a transmis ce dossier à Microsoft (numéro de dossier ${n}).`,
    resolved: (r) => `L’équipe licences a marqué ce dossier comme résolu : ${r}`,
    answerRelayed: 'Votre réponse a été transmise à l’équipe licences.',
  },
  questionTitle: 'L’équipe licences a besoin d’informations',
  questionSummary: (who, q) => `${who} demande : ${q}\nRépondez dans ce fil ; votre réponse est transmise.`,
  answerTitle: (id) => `Réponse pour ${id}`,
  answerSummary: (who, text) => `${who} a répondu : ${text}`,
  evidenceTitle: (id) => `Nouveaux éléments pour ${id}`,
  evidenceSummary: (items) => `Désormais dans le dossier : ${items}.`,
  reminderTitle: (id) => `L’escalade ${id} n’est toujours pas prise en charge`,
  reminderSummary: (age, who) =>
    `${who} attend depuis ${age}. Ouvrez le fil de l’escalade et cliquez sur Prendre en charge.`,
  listTitle: (n) => `Escalades ouvertes (${n})`,
  listNone: 'Aucune escalade ouverte.',
  listSummary: (n) =>
    n === 1 ? 'Une escalade est ouverte.' : `${n} escalades sont ouvertes, la plus ancienne d’abord.`,
  listLine: (id, age, owner, status, title) =>
    `${id} · ${age} · ${owner} · ${status}${title ? ` — ${title}` : ''}`,
  refusalTitle: 'Action impossible',
  refusal: {
    not_member: () => 'Seuls les membres de l’équipe d’escalade peuvent faire cela. Rien n’a été modifié.',
    claimed_by_other: (who) => `${who} a déjà pris en charge cette escalade. Rien n’a été modifié.`,
    resolved: () => 'Cette escalade est déjà résolue. Rien n’a été modifié.',
    need_question: () => 'Saisissez votre question dans le champ, puis cliquez sur Demander une info.',
    need_case_number: () =>
      'Saisissez le numéro de dossier Microsoft, puis cliquez sur Transmis à Microsoft.',
    bad_case_number: (n) =>
      `« ${n} » ne ressemble pas à un numéro de dossier (4 à 40 lettres, chiffres ou tirets).`,
    need_resolution: () => 'Saisissez la résolution dans le champ, puis cliquez sur Résolu.',
    not_found: (id) => `L’escalade ${id} est introuvable (elle a peut-être expiré).`,
    no_question_pending: () => 'Aucune question n’attend de réponse.',
  },
  msLink: 'Centres d’activation des licences en volume Microsoft',
  originWhere: (platform, channel, threadKey) =>
    `le canal ${platformName(platform)} ${channel}, fil ${threadKey}`,
};

export function texts(lang: Lang): Texts {
  return lang === 'fr' ? FR : EN;
}

function platformName(p: string): string {
  return p === 'slack' ? 'Slack' : p === 'teams' ? 'Teams' : p;
}

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

export function checklistLine(item: ChecklistItem, lang: Lang): string {
  return `${item.present ? '✓' : '✗'} ${item.label[lang]}${item.present && item.value ? `: ${item.value}` : ''}`;
}

function threadStatusOf(status: EscalationStatus): ThreadStatus {
  return status === 'resolved' ? 'resolved' : 'escalated';
}

/** Where the user asked, as a link text (the adapter's permalink when it gave one). */
export function originText(record: EscalationRecord, lang: Lang): string {
  const o = record.origin;
  const where = texts(lang).originWhere(o.platform, o.channel, o.threadKey);
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
  const b = texts(lang).buttons;
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

function statusLines(record: EscalationRecord, lang: Lang): string[] {
  const t = texts(lang);
  return [
    ...(record.msCaseNumber ? [t.caseNumber(record.msCaseNumber)] : []),
    ...(record.resolution ? [t.resolution(record.resolution)] : []),
  ];
}

/** The card in the escalation channel: who, where, status, holder, dossier checklist, timeline and the buttons. */
export function handoffCard(record: EscalationRecord, lang: Lang = record.lang): HandoffCardModel {
  const t = texts(lang);
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
    checklist: d.checklist.map((i) => ({
      label: i.label[lang],
      done: i.present,
      ...(i.present && i.value ? { value: i.value } : {}),
    })),
    timeline: record.timeline.map((e) => ({ at: e.at, when: formatTime(e.at), text: t.timeline(e) })),
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
  return HandoffCardModelSchema.parse(mayHoldProductKey(JSON.stringify(card)) ? redactValue(card) : card);
}

/** The status card in the origin thread, updated in place: status, checklist, what is still missing. */
export function originCard(record: EscalationRecord, lang: Lang = record.lang): ReplyModel {
  const t = texts(lang);
  const open = record.status !== 'resolved';
  const questions = open ? missingEvidenceAsks(record.dossier, lang) : [];
  return makeReply({
    kind: 'escalation',
    lang,
    title: `${t.originTitle} (${record.id})`,
    summary: `${t.originSummary(t.status[record.status], record.owner ? actorName(record.owner) : undefined)}${
      open && questions.length > 0 ? ` ${t.missingIntro}` : ''
    }`,
    evidence: [...record.dossier.checklist.map((i) => checklistLine(i, lang)), ...statusLines(record, lang)],
    changes: record.timeline.map((e) => `${formatTime(e.at)} — ${t.timeline(e)}`),
    questions,
    status: threadStatusOf(record.status),
  });
}

/** The short line posted in the origin thread on a status change. */
export function originUpdate(
  record: EscalationRecord,
  kind: 'claimed' | 'escalated_ms' | 'resolved',
  lang = record.lang,
) {
  const t = texts(lang);
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

/** The engineer's question, posted in the origin thread. */
export function needInfoQuestion(
  record: EscalationRecord,
  asker: Actor,
  question: string,
  lang = record.lang,
) {
  const t = texts(lang);
  return makeReply({
    kind: 'escalation',
    lang,
    title: `${t.questionTitle} (${record.id})`,
    summary: t.questionSummary(actorName(asker), question),
    status: threadStatusOf(record.status),
  });
}

/** The user's answer, relayed into the handoff thread. */
export function relayedAnswer(record: EscalationRecord, from: Actor, text: string, lang = record.lang) {
  const t = texts(lang);
  return makeReply({
    kind: 'escalation',
    lang,
    title: t.answerTitle(record.id),
    summary: t.answerSummary(actorName(from), text),
    ...(record.pendingQuestion ? { cause: record.pendingQuestion.text } : {}),
    status: threadStatusOf(record.status),
  });
}

/** Posted in the handoff thread when a missing checklist item arrives in the origin thread. */
export function evidenceArrived(record: EscalationRecord, ticked: ChecklistId[], lang = record.lang) {
  const t = texts(lang);
  const items = record.dossier.checklist.filter((i) => ticked.includes(i.id));
  return makeReply({
    kind: 'escalation',
    lang,
    title: t.evidenceTitle(record.id),
    summary: t.evidenceSummary(items.map((i) => i.label[lang]).join(', ')),
    evidence: items.map((i) => checklistLine(i, lang)),
    status: threadStatusOf(record.status),
  });
}

export function reminder(record: EscalationRecord, now: number, lang = record.lang): ReplyModel {
  const t = texts(lang);
  return makeReply({
    kind: 'escalation',
    lang,
    title: t.reminderTitle(record.id),
    summary: t.reminderSummary(formatAge(now - record.createdAt, lang), actorName(record.requestedBy)),
    evidence: [originText(record, lang), ...(headline(record) ? [headline(record)!] : [])],
    actions: handoffActions(record, lang).filter((a) => a.id === 'claim'),
  });
}

/** `escalations`: open escalations, oldest first, with age, owner and status. */
export function openList(records: EscalationRecord[], now: number, lang: Lang): ReplyModel {
  const t = texts(lang);
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
  const t = texts(lang);
  return makeReply({ kind: 'escalation', lang, title: t.refusalTitle, summary: t.refusal[reason](detail) });
}

export function answerRelayedNotice(record: EscalationRecord, lang = record.lang): ReplyModel {
  const t = texts(lang);
  return makeReply({
    kind: 'escalation',
    lang,
    title: `${t.originTitle} (${record.id})`,
    summary: t.update.answerRelayed,
    status: threadStatusOf(record.status),
  });
}

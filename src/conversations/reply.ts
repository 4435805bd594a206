/**
 * Builds the platform-neutral ReplyModel for each kind of answer. Renderers (src/bot) turn it into Block Kit, an
 * Adaptive Card or text; nothing here knows a platform.
 */
import { redactValue } from '../knowledge/redact.js';
import type { Ask, Diagnosis, Explanation, Finding, HexCode, Lang } from '../knowledge/types.js';
import { dedupeChecklist } from './escalations/dossier.js';
import { mayHoldKeyInside } from './key-scan.js';
import { phrases } from './phrases.js';
import { checkedReply } from './reply-check.js';
import {
  MICROSOFT_ACTIVATION_CENTERS_URL,
  ReplyModelSchema,
  type ReplyAction,
  type ReplyFinding,
  type ReplyKind,
  type ReplyModel,
  type ReplyModelInput,
  type ThreadStatus,
} from './types.js';

/**
 * Validates and fills defaults; strings are redacted once more so no path can echo a full product key. The plain
 * check (reply-check.ts) does the schema's work on every reply; the schema decides only what the check refuses.
 */
export function makeReply(input: ReplyModelInput): ReplyModel {
  // The deep redaction copy is rarely needed; the check below returns a fresh object either way.
  const safe = mayHoldKeyInside(input) ? redactValue(input) : input;
  return checkedReply(safe) ?? ReplyModelSchema.parse(safe);
}

export interface Common {
  lang: Lang;
  warnings: string[];
  status?: ThreadStatus;
}

function common(c: Common): Pick<ReplyModelInput, 'lang' | 'warnings' | 'status'> {
  return { lang: c.lang, warnings: c.warnings, ...(c.status ? { status: c.status } : {}) };
}

export function toReplyFinding(f: Finding, rejected: ReadonlySet<string>, lang: Lang): ReplyFinding {
  const note = rejected.has(f.id) ? phrases(lang).ruledOutNote : f.note;
  return {
    id: f.id,
    title: f.title,
    cause: f.cause,
    fix: f.fix,
    confidence: f.confidence,
    escalate: f.escalate,
    ...(note ? { note } : {}),
  };
}

function action(
  id: ReplyAction['id'],
  label: string,
  findingId?: string,
  style?: ReplyAction['style'],
): ReplyAction {
  return {
    id,
    label,
    payload: { action: id, ...(findingId ? { findingId } : {}) },
    style: style ?? 'default',
  };
}

/** Buttons under a diagnosis: resolved / didn't help for the cause shown, all findings, escalate when it helps. */
export function diagnosisActions(
  lang: Lang,
  top: Finding | undefined,
  findingCount: number,
  offerEscalation: boolean,
  /** The thread is already escalated (and not resolved): a second Escalate would only repeat the first. */
  alreadyEscalated = false,
): ReplyAction[] {
  const b = phrases(lang).buttons;
  const out: ReplyAction[] = [];
  if (top) {
    out.push(action('resolved', b.resolved, top.id, 'primary'));
    out.push(action('didnt_help', b.didntHelp, top.id));
  }
  if (findingCount > 1) out.push(action('show_all', b.showAll));
  if ((offerEscalation || top?.escalate) && !alreadyEscalated)
    out.push(action('escalate', b.escalate, top?.id, top?.escalate ? 'danger' : 'default'));
  return out;
}

/** The Licensing Activation Centers link and what to bring, for findings only Microsoft can fix. */
export function microsoftEscalation(
  lang: Lang,
  codes: HexCode[],
  bring: string[],
): NonNullable<ReplyModel['escalation']> {
  const p = phrases(lang);
  const items = [...(codes.length > 0 ? [p.bringCodes(codes.join(', '))] : []), ...bring, ...p.bringDefault];
  return {
    url: MICROSOFT_ACTIVATION_CENTERS_URL,
    label: p.escalationLinkLabel,
    bring: dedupeChecklist(items),
  };
}

export function codeList(diagnosis: Pick<Diagnosis, 'codes'>): ReplyModelInput['codes'] {
  return diagnosis.codes.map((c) => ({ code: c.code, title: c.title, known: c.known }));
}

export function helpReply(
  c: Common,
  summary: string,
  questions: Ask[],
  kind: ReplyKind = 'help',
): ReplyModel {
  return makeReply({ kind, title: phrases(c.lang).helpTitle, summary, questions, ...common(c) });
}

export interface DiagnosisView {
  diagnosis: Diagnosis;
  summary: string;
  evidence: string[];
  changes: string[];
  questions: Ask[];
  rejected: ReadonlySet<string>;
  offerEscalation: boolean;
  escalation?: ReplyModel['escalation'];
}

export function diagnosisReply(c: Common, v: DiagnosisView): ReplyModel {
  const p = phrases(c.lang);
  const top = v.diagnosis.findings[0];
  return makeReply({
    kind: 'diagnosis',
    title: top?.title ?? p.diagnosisTitleNone,
    summary: v.summary,
    ...(top ? { cause: top.cause, fix: top.fix } : {}),
    evidence: v.evidence,
    changes: v.changes,
    questions: v.questions,
    codes: codeList(v.diagnosis),
    findings: v.diagnosis.findings.map((f) => toReplyFinding(f, v.rejected, c.lang)),
    ...(v.escalation ? { escalation: v.escalation } : {}),
    actions: diagnosisActions(
      c.lang,
      top,
      v.diagnosis.findings.length,
      v.offerEscalation,
      c.status === 'escalated',
    ),
    ...common(c),
  });
}

export function allFindingsReply(c: Common, diagnosis: Diagnosis, rejected: ReadonlySet<string>): ReplyModel {
  const p = phrases(c.lang);
  const n = diagnosis.findings.length;
  const firstOpen = diagnosis.findings.find((f) => !rejected.has(f.id));
  return makeReply({
    kind: 'all_findings',
    title: p.allFindingsTitle,
    summary: n > 0 ? p.allFindingsSummary(n) : p.allFindingsNone,
    codes: codeList(diagnosis),
    findings: diagnosis.findings.map((f) => toReplyFinding(f, rejected, c.lang)),
    questions: diagnosis.ask.slice(0, 3),
    // An escalated thread is offered no second Escalate, here as on every other card.
    actions: diagnosisActions(c.lang, firstOpen, 0, false, c.status === 'escalated'),
    ...common(c),
  });
}

export function explanationReply(
  c: Common,
  e: Explanation,
  codes: ReplyModelInput['codes'],
  questions: Ask[],
  extraActions: ReplyAction[],
): ReplyModel {
  const p = phrases(c.lang);
  const summary = e.known
    ? p.explanationSummary(e.types.length > 0 ? e.types.join(', ') : (e.name ?? e.code))
    : p.explanationUnknown(e.code, decodedText(e));
  return makeReply({
    kind: 'explanation',
    title: `${e.code}: ${e.title}`,
    summary,
    ...(e.causes.length > 0 ? { cause: e.causes.join(' ') } : {}),
    fix: e.fix,
    codes,
    questions,
    ...(e.escalate ? { escalation: microsoftEscalation(c.lang, [e.code], e.bring) } : {}),
    actions: [
      ...(e.escalate && c.status !== 'escalated'
        ? [action('escalate', p.buttons.escalate, undefined, 'danger')]
        : []),
      ...extraActions,
    ],
    ...common(c),
  });
}

/** Facility, severity and Win32 meaning of an uncatalogued code, in one line. */
function decodedText(e: Explanation): string {
  const d = e.decoded;
  // An HRESULT's only severity is its failure bit; the two-bit NTSTATUS field would call 0x8007xxxx a "warning".
  const parts = [d.failure ? 'failure' : d.severity, `facility ${d.facilityName ?? d.facility}`];
  if (d.win32) parts.push(`Win32 ${d.win32.number}${d.win32.name ? ` ${d.win32.name}` : ''}`);
  return parts.join(', ');
}

export function resolvedReply(c: Common, fixTitle: string | undefined): ReplyModel {
  const p = phrases(c.lang);
  return makeReply({
    kind: 'resolved',
    title: p.resolvedTitle,
    summary: fixTitle ? p.resolvedSummary(fixTitle) : p.resolvedSummaryNoFinding,
    ...common(c),
  });
}

export function resetReply(c: Common): ReplyModel {
  const p = phrases(c.lang);
  return makeReply({ kind: 'reset', title: p.resetTitle, summary: p.resetSummary, ...common(c) });
}

export function refusalReply(c: Common, text: string): ReplyModel {
  return makeReply({ kind: 'refusal', title: phrases(c.lang).refusalTitle, summary: text, ...common(c) });
}

export function noticeReply(c: Common, summary: string): ReplyModel {
  return makeReply({ kind: 'notice', title: phrases(c.lang).helpTitle, summary, ...common(c) });
}

export interface EscalationView {
  diagnosis: Diagnosis;
  evidence: string[];
  tried: string[];
  microsoft?: ReplyModel['escalation'];
  /** Set when the thread was handed to the licensing team as this escalation. */
  escalationId?: string;
}

export function escalationReply(c: Common, v: EscalationView): ReplyModel {
  const p = phrases(c.lang);
  const top = v.diagnosis.findings[0];
  return makeReply({
    kind: 'escalation',
    title: top ? `${p.escalationTitle}: ${top.title}` : p.escalationTitle,
    summary: v.escalationId
      ? p.escalationOpened(v.escalationId)
      : v.microsoft
        ? p.escalationMicrosoft
        : p.escalationHandoff,
    ...(top ? { cause: top.cause, fix: top.fix } : {}),
    evidence: [...v.evidence, ...(v.tried.length > 0 ? [p.bringTried(v.tried.join('; '))] : [])],
    codes: codeList(v.diagnosis),
    ...(v.microsoft ? { escalation: v.microsoft } : {}),
    ...common(c),
  });
}

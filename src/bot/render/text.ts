/**
 * Plain-text rendering: the CLI output, the Teams card `fallbackText` source and the Slack notification `text`.
 * Commands sit alone on their line, indented, exactly as the user must type them.
 */
import type { CardModel } from '../../conversations/escalations/types.js';
import type { ReplyModel } from '../../conversations/types.js';
import { colon, confidenceLabel, t } from '../phrases.js';
import { checkedLine, renderHandoffWithin, type ShapedHandoff } from './handoff-shape.js';
import { isStatusCard, renderStatusWithin, type StatusLayout } from './status-layout.js';
import {
  clip,
  renderWithin,
  truncationNote,
  shapeReply,
  SHAPE_LEVELS,
  type Cut,
  type ShapedReply,
  type Step,
} from './shape.js';

export interface TextOptions {
  /** Longest acceptable result; the reply is shortened (never failed) to fit. */
  maxChars?: number;
}

export function renderText(reply: CardModel, opts: TextOptions = {}): string {
  const max = opts.maxChars;
  if (reply.kind === 'handoff' || isStatusCard(reply)) {
    const fits = (s: string) => max === undefined || s.length <= max;
    const out =
      reply.kind === 'handoff'
        ? renderHandoffWithin(reply, handoffTextOf, fits)
        : renderStatusWithin(reply, statusTextOf, fits);
    return fits(out) ? out : clip(out, max!);
  }
  if (max === undefined) return textOf(shapeReply(reply, SHAPE_LEVELS[0]!));
  const out = renderWithin(reply, textOf, (s) => s.length <= max);
  if (out !== undefined) return out;
  // Even the gist is too long for a tiny budget: hard cut, still ending on a marker.
  return clip(textOf(shapeReply(reply, SHAPE_LEVELS[SHAPE_LEVELS.length - 1]!)), max);
}

/** The longest summary: a notification's preview shows far less, a screen reader reads the blocks anyway. */
const SUMMARY_CHARS = 400;
const SUMMARY_GIST_CHARS = 200;
const SUMMARY_NEXT_CHARS = 120;
const SUMMARY_CODES = 6;

/**
 * The gist of an answer, for where the blocks are not shown (Slack's `text` beside blocks feeds notifications
 * and screen-reader announcements only): the title, the cause's first sentence, the next thing to run (the first
 * fix step's command, or the first evidence to collect) and the codes, in the reply's language, at most
 * SUMMARY_CHARS long. The whole answer stays in the blocks.
 */
export function renderSummaryText(reply: ReplyModel): string {
  const { lang } = reply;
  const lines: string[] = [];
  const title = reply.title.trim();
  if (title) lines.push(clip(title, SUMMARY_GIST_CHARS));
  const gist = firstSentence(reply.cause ?? reply.summary);
  if (gist) lines.push(clip(gist, SUMMARY_GIST_CHARS));
  const step = reply.fix[0];
  const next = step ? (step.command ?? step.text) : reply.questions[0]?.command;
  const nextLine = next?.split('\n', 1)[0]!.trim();
  if (nextLine) lines.push(`${t(lang, 'nextStep')}: ${clip(nextLine, SUMMARY_NEXT_CHARS)}`);
  if (reply.codes.length > 0) {
    const codes = reply.codes.slice(0, SUMMARY_CODES).map((c) => c.code);
    if (reply.codes.length > SUMMARY_CODES) codes.push('…');
    lines.push(`${t(lang, 'codes')}: ${codes.join(', ')}`);
  }
  return clip(lines.join('\n'), SUMMARY_CHARS);
}

/** Up to the first sentence end (., ! or ? before a space or a line break) or line break. */
function firstSentence(text: string): string {
  const trimmed = text.trim();
  const end = /[.!?](?=\s)|\n/.exec(trimmed);
  return end === null ? trimmed : trimmed.slice(0, end.index + (end[0] === '\n' ? 0 : 1)).trim();
}

const INDENT = '  ';
const CMD_INDENT = '    ';

function more<T>(lines: string[], list: Cut<T>, lang: ShapedReply['lang'], indent = INDENT): void {
  if (list.omitted > 0) lines.push(indent + t(lang, 'more', { n: list.omitted }));
}

function steps(lines: string[], fix: Cut<Step>, lang: ShapedReply['lang'], indent = INDENT): void {
  fix.items.forEach((step, i) => {
    lines.push(`${indent}${i + 1}. ${step.text}`);
    if (step.command !== undefined) {
      for (const cmdLine of step.command.split('\n')) lines.push(indent + CMD_INDENT + cmdLine);
    }
  });
  more(lines, fix, lang, indent);
}

function textOf(s: ShapedReply): string {
  const { lang } = s;
  const lines: string[] = [s.title, s.summary];
  const heading = (label: string) => lines.push('', label);

  if (s.cause !== undefined) {
    heading(t(lang, 'cause'));
    lines.push(INDENT + s.cause);
  }
  if (s.fix.items.length + s.fix.omitted > 0) {
    heading(t(lang, 'fix'));
    steps(lines, s.fix, lang);
  }
  if (s.codes.items.length + s.codes.omitted > 0) {
    heading(t(lang, 'codes'));
    for (const c of s.codes.items) {
      lines.push(`${INDENT}${c.code}  ${c.title}`);
    }
    more(lines, s.codes, lang);
  }
  const bullets = (label: string, list: Cut<string>) => {
    if (list.items.length + list.omitted === 0) return;
    heading(label);
    for (const item of list.items) lines.push(`${INDENT}- ${item}`);
    more(lines, list, lang);
  };
  bullets(t(lang, 'evidence'), s.evidence);
  bullets(t(lang, 'changes'), s.changes);
  if (s.questions.items.length + s.questions.omitted > 0) {
    heading(t(lang, 'questions'));
    for (const q of s.questions.items) {
      lines.push(INDENT + CMD_INDENT + q.command);
      lines.push(`${INDENT}  ${t(lang, 'why')}${colon(lang)}${q.why}`);
    }
    more(lines, s.questions, lang);
  }
  if (s.findings.items.length + s.findings.omitted > 0) {
    heading(t(lang, s.findingsInFull ? 'findings' : 'otherFindings'));
    s.findings.items.forEach((f, i) => {
      const conf = `${t(lang, 'confidence')}${colon(lang)}${confidenceLabel(lang, f.confidence)}`;
      if (!s.findingsInFull) {
        lines.push(`${INDENT}- ${f.title} (${conf})`);
        return;
      }
      lines.push('', `${INDENT}${i + 1}. ${f.title} (${conf})`, `${INDENT}   ${f.cause}`);
      if (f.note) lines.push(`${INDENT}   ${t(lang, 'note')}${colon(lang)}${f.note}`);
      steps(lines, f.fix, lang, INDENT + '   ');
    });
    more(lines, s.findings, lang);
  }
  bullets(t(lang, 'warnings'), s.warnings);
  if (s.escalation) {
    heading(t(lang, 'escalation'));
    lines.push(`${INDENT}${s.escalation.label}${colon(lang)}${s.escalation.url}`);
    if (s.escalation.bring.items.length > 0) {
      lines.push(`${INDENT}${t(lang, 'bring')}:`);
      for (const b of s.escalation.bring.items) lines.push(`${INDENT}- ${b}`);
      more(lines, s.escalation.bring, lang);
    }
  }
  if (s.truncated) lines.push('', truncationNote(s));
  return lines.join('\n');
}

/** The handoff card as text: its facts, then the checklist, the timeline and the dossier under their own headings. */
function handoffTextOf(s: ShapedHandoff): string {
  const { lang } = s;
  const lines: string[] = [s.title, s.summary, ''];
  const heading = (label: string) => lines.push('', label);
  const bullets = (label: string, list: Cut<string>) => {
    if (list.items.length + list.omitted === 0) return;
    heading(label);
    for (const item of list.items) lines.push(`${INDENT}- ${item}`);
    more(lines, list, lang);
  };
  lines.push(`${t(lang, 'handoff.status')}${colon(lang)}${s.statusText}`);
  lines.push(`${t(lang, 'handoff.assignee')}${colon(lang)}${s.assignee ?? t(lang, 'handoff.unassigned')}`);
  if (s.msCaseNumber) lines.push(`${t(lang, 'handoff.case')}${colon(lang)}${s.msCaseNumber}`);
  if (s.resolution) lines.push(`${t(lang, 'handoff.resolution')}${colon(lang)}${s.resolution}`);
  if (s.pendingQuestion) {
    heading(t(lang, 'handoff.question'));
    lines.push(
      INDENT + s.pendingQuestion.text,
      INDENT + t(lang, 'handoff.askedBy', { who: s.pendingQuestion.askedBy }),
    );
  }
  if (s.checklist.length > 0) {
    heading(t(lang, 'handoff.checklist'));
    for (const i of s.checklist) lines.push(INDENT + checkedLine(i));
  }
  if (s.timeline.items.length > 0) {
    heading(t(lang, 'handoff.timeline'));
    if (s.timeline.omitted > 0) lines.push(INDENT + t(lang, 'handoff.earlier', { n: s.timeline.omitted }));
    for (const m of s.timeline.items) lines.push(`${INDENT}${m.when} — ${m.text}`);
  }
  heading(t(lang, 'handoff.origin'));
  lines.push(INDENT + (s.origin.url ? `${s.origin.text} (${s.origin.url})` : s.origin.text));
  bullets(t(lang, 'codes'), s.codes);
  bullets(t(lang, 'handoff.thread'), s.facts);
  bullets(t(lang, 'otherFindings'), s.otherFindings);
  bullets(t(lang, 'handoff.tried'), s.tried);
  heading(t(lang, 'escalation'));
  lines.push(`${INDENT}${s.microsoft.label}${colon(lang)}${s.microsoft.url}`);
  return lines.join('\n');
}

/** The origin status card or a relayed answer as text: its fields, then each group under its heading. */
function statusTextOf(l: StatusLayout): string {
  const lines: string[] = [l.title, l.summary, ''];
  for (const f of l.fields) lines.push(`${f.label}${colon(l.lang)}${f.value}`);
  for (const g of l.groups) {
    lines.push('', g.heading);
    for (const a of g.asks ?? []) lines.push(`${CMD_INDENT}${a.command}`, `${INDENT}${a.why}`);
    for (const line of g.lines) lines.push(INDENT + line);
  }
  return lines.join('\n');
}

/**
 * Plain-text rendering: the CLI output, the Teams card `fallbackText` source and the Slack notification `text`.
 * Commands sit alone on their line, indented, exactly as the user must type them.
 */
import type { ReplyModel } from '../../conversations/types.js';
import { confidenceLabel, t } from '../phrases.js';
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

export function renderText(reply: ReplyModel, opts: TextOptions = {}): string {
  const max = opts.maxChars;
  if (max === undefined) return textOf(shapeReply(reply, SHAPE_LEVELS[0]!));
  const out = renderWithin(reply, textOf, (s) => s.length <= max);
  if (out !== undefined) return out;
  // Even the gist is too long for a tiny budget: hard cut, still ending on a marker.
  return clip(textOf(shapeReply(reply, SHAPE_LEVELS[SHAPE_LEVELS.length - 1]!)), max);
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
      lines.push(`${INDENT}  ${t(lang, 'why')}: ${q.why}`);
    }
    more(lines, s.questions, lang);
  }
  if (s.findings.items.length + s.findings.omitted > 0) {
    heading(t(lang, s.findingsInFull ? 'findings' : 'otherFindings'));
    s.findings.items.forEach((f, i) => {
      const conf = `${t(lang, 'confidence')}: ${confidenceLabel(lang, f.confidence)}`;
      if (!s.findingsInFull) {
        lines.push(`${INDENT}- ${f.title} (${conf})`);
        return;
      }
      lines.push('', `${INDENT}${i + 1}. ${f.title} (${conf})`, `${INDENT}   ${f.cause}`);
      if (f.note) lines.push(`${INDENT}   ${t(lang, 'note')}: ${f.note}`);
      steps(lines, f.fix, lang, INDENT + '   ');
    });
    more(lines, s.findings, lang);
  }
  bullets(t(lang, 'warnings'), s.warnings);
  if (s.escalation) {
    heading(t(lang, 'escalation'));
    lines.push(`${INDENT}${s.escalation.label}: ${s.escalation.url}`);
    if (s.escalation.bring.items.length > 0) {
      lines.push(`${INDENT}${t(lang, 'bring')}:`);
      for (const b of s.escalation.bring.items) lines.push(`${INDENT}- ${b}`);
      more(lines, s.escalation.bring, lang);
    }
  }
  if (s.truncated) lines.push('', truncationNote(s));
  return lines.join('\n');
}

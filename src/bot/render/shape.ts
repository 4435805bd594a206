/**
 * Shortening a reply to fit a surface. Every renderer renders a `ShapedReply`: the reply with each list cut to
 * at most `items` entries (keeping count of what was left out, for the "… N more" notes) and each prose text
 * cut to `text` characters. Renderers try the levels of `SHAPE_LEVELS` in order until their output fits, so
 * nothing ever fails for being too long; it only gets shorter.
 *
 * Commands are never cut mid-way (half a command is worse than none): when a step does not fit, the whole step
 * is left out and counted.
 */
import type { ReplyFinding, ReplyModel } from '../../conversations/types.js';
import { actionLabel, t } from '../phrases.js';

export interface ShapeCaps {
  /** Max entries per list. */
  items: number;
  /** Max characters per prose text (titles, causes, evidence lines…). */
  text: number;
}

/** From "everything" to "the gist". */
export const SHAPE_LEVELS: readonly ShapeCaps[] = [
  { items: Number.POSITIVE_INFINITY, text: Number.POSITIVE_INFINITY },
  { items: 20, text: 1500 },
  { items: 10, text: 800 },
  { items: 5, text: 400 },
  { items: 3, text: 250 },
  { items: 1, text: 150 },
  { items: 0, text: 150 },
];

export interface Cut<T> {
  items: T[];
  /** How many were left out. */
  omitted: number;
}

export type Step = ReplyModel['fix'][number];
export type Question = ReplyModel['questions'][number];
export type CodeLine = ReplyModel['codes'][number];

export interface ShapedFinding extends Omit<ReplyFinding, 'fix'> {
  fix: Cut<Step>;
}

export interface ShapedReply {
  kind: ReplyModel['kind'];
  lang: ReplyModel['lang'];
  title: string;
  summary: string;
  cause?: string;
  fix: Cut<Step>;
  evidence: Cut<string>;
  changes: Cut<string>;
  questions: Cut<Question>;
  warnings: Cut<string>;
  codes: Cut<CodeLine>;
  /** `all_findings`: every finding in full. Otherwise: the other candidates (the main one is the title/cause). */
  findings: Cut<ShapedFinding>;
  findingsInFull: boolean;
  escalation?: { url: string; label: string; bring: Cut<string> };
  actions: ReplyModel['actions'];
  /** Something was cut: renderers add the "shortened" note and a "Show all findings" button. */
  truncated: boolean;
}

const ELLIPSIS = '…';

/** Cuts `text` to `max` characters, on a word boundary when one is near, ending with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS;
  const hard = text.slice(0, max - 1);
  const space = hard.lastIndexOf(' ');
  const cut = space > max * 0.6 ? hard.slice(0, space) : hard;
  return cut.trimEnd() + ELLIPSIS;
}

function cut<T>(list: readonly T[], max: number, map: (item: T) => T = (x) => x): Cut<T> {
  const kept = list.slice(0, Math.max(0, max)).map(map);
  return { items: kept, omitted: list.length - kept.length };
}

/** Steps whose command is longer than the cap allows are dropped whole; prose is clipped. */
function cutSteps(steps: readonly Step[], caps: ShapeCaps): Cut<Step> {
  const commandMax = caps.text * 4;
  const fitting = steps.filter((s) => s.command === undefined || s.command.length <= commandMax);
  const kept = cut(fitting, caps.items, (s) => ({ ...s, text: clip(s.text, caps.text) }));
  return { items: kept.items, omitted: steps.length - kept.items.length };
}

function mainFindingShown(reply: ReplyModel): boolean {
  return reply.cause !== undefined || reply.fix.length > 0;
}

function shapeAt(reply: ReplyModel, caps: ShapeCaps): ShapedReply {
  const clipText = (s: string) => clip(s, caps.text);
  const findingsInFull = reply.kind === 'all_findings';
  const candidates = findingsInFull || !mainFindingShown(reply) ? reply.findings : reply.findings.slice(1);
  // A finding in full weighs as much as a whole reply: show fewer of them than of one-line lists.
  const findingMax = findingsInFull
    ? Math.max(caps.items === 0 ? 0 : 1, Math.floor(caps.items / 2))
    : caps.items;

  const shaped: ShapedReply = {
    kind: reply.kind,
    lang: reply.lang,
    // The title and summary survive every level; only their length shrinks.
    title: clip(reply.title, Math.max(caps.text, 150)),
    summary: clip(reply.summary, Math.max(caps.text, 300)),
    cause: reply.cause === undefined ? undefined : clipText(reply.cause),
    fix: cutSteps(reply.fix, caps),
    evidence: cut(reply.evidence, caps.items, clipText),
    changes: cut(reply.changes, caps.items, clipText),
    questions: cut(
      reply.questions.filter((q) => q.command.length <= caps.text * 4),
      caps.items,
      (q) => ({ ...q, why: clipText(q.why) }),
    ),
    warnings: cut(reply.warnings, Math.max(caps.items, 1), clipText),
    codes: cut(reply.codes, Math.max(caps.items, 1), (c) => ({ ...c, title: clipText(c.title) })),
    findings: cut(
      candidates.map((f) => ({ ...f, fix: cutSteps(f.fix, findingsInFull ? caps : { ...caps, items: 0 }) })),
      findingMax,
      (f) => ({ ...f, title: clipText(f.title), cause: clipText(f.cause), note: f.note && clipText(f.note) }),
    ),
    findingsInFull,
    escalation: reply.escalation && {
      url: reply.escalation.url,
      label: clip(reply.escalation.label, 75),
      bring: cut(reply.escalation.bring, Math.max(caps.items, 3), clipText),
    },
    actions: reply.actions,
    truncated: false,
  };
  // Questions filtered for length count as omitted too.
  shaped.questions.omitted = reply.questions.length - shaped.questions.items.length;
  return shaped;
}

const FULL: ShapeCaps = SHAPE_LEVELS[0]!;

export function shapeReply(reply: ReplyModel, caps: ShapeCaps): ShapedReply {
  const shaped = shapeAt(reply, caps);
  // Anything that differs from the uncut reply means something was shortened or left out.
  shaped.truncated = caps !== FULL && JSON.stringify(shaped) !== JSON.stringify(shapeAt(reply, FULL));
  return shaped;
}

/** The note under a shortened reply. The full list itself has nothing more to offer, so it says only that. */
function truncationLabel(kind: ReplyModel['kind']): 'truncated' | 'truncatedList' {
  return kind === 'all_findings' ? 'truncatedList' : 'truncated';
}

/**
 * The note itself, naming the "show all" button exactly as the card labels it (the engine's label when it set
 * one, which is what the renderers draw).
 */
export function truncationNote(reply: Pick<ReplyModel, 'kind' | 'lang' | 'actions'>): string {
  const button =
    reply.actions.find((a) => a.payload.action === 'show_all')?.label ?? actionLabel(reply.lang, 'show_all');
  return t(reply.lang, truncationLabel(reply.kind), { button });
}

/** A shortened reply gets a "Show all findings" button, unless it already is that view (it would loop). */
export function offersShowAll(kind: ReplyModel['kind'], truncated: boolean): boolean {
  return truncated && kind !== 'all_findings';
}

/** Tries each level from the whole card down; the smallest level's rendering when none fits. */
export function largestFitting<T>(render: (caps: ShapeCaps) => T, fits: (out: T) => boolean): T {
  let out: T | undefined;
  for (const caps of SHAPE_LEVELS) {
    out = render(caps);
    if (fits(out)) return out;
  }
  return out!;
}

/** Tries each level, from the full reply down, and returns the first rendering that `fits`, if any does. */
export function renderWithin<T>(
  reply: ReplyModel,
  render: (shaped: ShapedReply) => T,
  fits: (out: T) => boolean,
): T | undefined {
  for (const caps of SHAPE_LEVELS) {
    const out = render(shapeReply(reply, caps));
    if (fits(out)) return out;
  }
  return undefined;
}

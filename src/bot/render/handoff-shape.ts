/**
 * The handoff card (`HandoffCardModel`) shortened to fit a surface, as `shape.ts` does for a reply: each list cut
 * to a number of entries (the timeline keeps its latest ones, which say where the case stands) and each text cut
 * to a number of characters. Renderers try the levels in order until their output fits; the last level is small
 * enough for every surface, so a handoff card is never refused.
 */
import type { HandoffCardModel } from '../../conversations/escalations/types.js';
import { clip, largestFitting, type Cut } from './shape.js';

type Checked = HandoffCardModel['checklist'][number];
type Moment = HandoffCardModel['timeline'][number];

export interface ShapedHandoff {
  lang: HandoffCardModel['lang'];
  escalationId: string;
  title: string;
  summary: string;
  statusText: string;
  origin: HandoffCardModel['origin'];
  assignee?: string;
  msCaseNumber?: string;
  resolution?: string;
  pendingQuestion?: HandoffCardModel['pendingQuestion'];
  /** Every checklist item is kept (there are six at most); only their values are cut. */
  checklist: Checked[];
  /** The latest entries; `omitted` counts the earlier ones left out. */
  timeline: Cut<Moment>;
  codes: Cut<string>;
  facts: Cut<string>;
  otherFindings: Cut<string>;
  tried: Cut<string>;
  microsoft: HandoffCardModel['microsoft'];
  actions: HandoffCardModel['actions'];
}

function first<T>(list: readonly T[], n: number, cut: (x: T) => T = (x) => x): Cut<T> {
  const items = list.slice(0, n).map(cut);
  return { items, omitted: list.length - items.length };
}

export function shapeHandoff(card: HandoffCardModel, caps: { items: number; text: number }): ShapedHandoff {
  const c = (s: string) => clip(s, caps.text);
  // Even the smallest level keeps the latest timeline entry: it is the card's news.
  const recent = Math.max(1, caps.items);
  const timeline = card.timeline.slice(-recent).map((m) => ({ ...m, text: c(m.text) }));
  return {
    lang: card.lang,
    escalationId: card.escalationId,
    title: clip(card.title, Math.min(caps.text, 150)),
    summary: c(card.summary),
    statusText: card.statusText,
    origin: { ...card.origin, text: c(card.origin.text) },
    ...(card.assignee ? { assignee: c(card.assignee) } : {}),
    ...(card.msCaseNumber ? { msCaseNumber: card.msCaseNumber } : {}),
    ...(card.resolution ? { resolution: c(card.resolution) } : {}),
    ...(card.pendingQuestion
      ? { pendingQuestion: { text: c(card.pendingQuestion.text), askedBy: c(card.pendingQuestion.askedBy) } }
      : {}),
    checklist: card.checklist.map((i) => ({ ...i, ...(i.value ? { value: c(i.value) } : {}) })),
    timeline: { items: timeline, omitted: card.timeline.length - timeline.length },
    codes: first(card.codes, caps.items),
    facts: first(card.facts, caps.items, c),
    otherFindings: first(card.otherFindings, caps.items, c),
    tried: first(card.tried, caps.items, c),
    microsoft: card.microsoft,
    actions: card.actions,
  };
}

/** `✓ slmgr /dlv output` / `✗ Proof of purchase`: a checklist item as one line, its value after a colon. */
export function checkedLine(item: Checked): string {
  return `${item.done ? '✓' : '✗'} ${item.label}${item.done && item.value ? `: ${item.value}` : ''}`;
}

/** Tries each level from the whole card down; the smallest level's rendering when none fits. */
export function renderHandoffWithin<T>(
  card: HandoffCardModel,
  render: (shaped: ShapedHandoff) => T,
  fits: (out: T) => boolean,
): T {
  return largestFitting((caps) => render(shapeHandoff(card, caps)), fits);
}

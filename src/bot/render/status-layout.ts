/**
 * The escalation's status cards that are not the handoff card: the origin thread's status card (`OriginCardModel`)
 * and a relayed answer (`RelayModel`). Both are laid out once here, as a title, a summary, labelled fields and
 * headed groups of lines, with the bot layer's headings in the card's language; each renderer only draws the
 * layout with its own primitives. Like `shape.ts`, a layout is made at a level (entries per group, characters per
 * text) and renderers try the levels in turn until it fits; the timeline keeps its latest entries.
 */
import type { CardModel, StatusCardModel } from '../../conversations/escalations/types.js';
import type { ReplyAction } from '../../conversations/types.js';
import type { Ask, Lang } from '../../knowledge/types.js';
import { t } from '../phrases.js';
import { checkedLine } from './handoff-shape.js';
import { clip, largestFitting, type ShapeCaps } from './shape.js';

export interface StatusGroup {
  heading: string;
  /** Plain lines (content: never markup), a "… n more" / "… n earlier" note among them when cut. */
  lines: string[];
  /** Commands to paste, each with why (drawn as code). */
  asks?: Ask[];
}

export interface StatusLayout {
  lang: Lang;
  title: string;
  summary: string;
  fields: { label: string; value: string }[];
  groups: StatusGroup[];
  /** Buttons (only the reminder's Claim). */
  actions?: ReplyAction[];
}

/** At most `n` entries, with a note counting the rest; `latest` keeps the last ones (a timeline's news). */
function cut(lines: string[], n: number, lang: Lang, latest = false): string[] {
  if (lines.length <= n) return lines;
  const kept = Math.max(latest ? 1 : 0, n);
  const left = lines.length - kept;
  return latest
    ? [t(lang, 'handoff.earlier', { n: left }), ...lines.slice(lines.length - kept)]
    : [...lines.slice(0, kept), t(lang, 'more', { n: left })];
}

/** The cards laid out here; every renderer routes them with this one test. */
export function isStatusCard(card: CardModel): card is StatusCardModel {
  return (
    card.kind === 'reminder' ||
    card.kind === 'origin' ||
    card.kind === 'relay' ||
    card.kind === 'evidence_note' ||
    card.kind === 'info_request'
  );
}

export function statusLayout(card: StatusCardModel, caps: ShapeCaps): StatusLayout {
  const { lang } = card;
  const c = (s: string) => clip(s, caps.text);
  const base = { lang, title: clip(card.title, Math.min(caps.text, 150)), summary: c(card.summary) };
  if (card.kind === 'reminder') {
    return {
      ...base,
      fields: [
        {
          label: t(lang, 'handoff.origin'),
          value: card.origin.url ? `${card.origin.text} (${card.origin.url})` : card.origin.text,
        },
        ...(card.headline ? [{ label: t(lang, 'reminder.cause'), value: c(card.headline) }] : []),
      ],
      groups: [],
      actions: card.actions,
    };
  }
  const status = { label: t(lang, 'handoff.status'), value: card.statusText };
  if (card.kind === 'relay') {
    return {
      ...base,
      fields: [status],
      groups: [
        ...(card.question
          ? [
              {
                heading: t(lang, 'relay.question', { who: card.question.askedBy }),
                lines: [c(card.question.text)],
              },
            ]
          : []),
        { heading: t(lang, 'relay.answer', { who: card.answer.from }), lines: [c(card.answer.text)] },
      ],
    };
  }
  if (card.kind === 'info_request') {
    return {
      ...base,
      // The question is under its heading just below: the first line says how to answer it.
      summary: c(card.howToAnswer),
      fields: [status],
      groups: [
        {
          heading: t(lang, 'relay.question', { who: card.question.askedBy }),
          lines: [c(card.question.text)],
        },
      ],
    };
  }
  if (card.kind === 'evidence_note') {
    const groups: StatusGroup[] = [
      {
        heading: t(lang, 'evidence.arrived'),
        lines: card.arrived.map((i) => checkedLine({ ...i, ...(i.value ? { value: c(i.value) } : {}) })),
      },
    ];
    if (card.stillMissing.length > 0)
      groups.push({
        heading: t(lang, 'evidence.stillMissing'),
        lines: card.stillMissing.map((label) => checkedLine({ label, done: false })),
      });
    return { ...base, fields: [status], groups };
  }
  const missing = card.missing.slice(0, caps.items);
  const groups: StatusGroup[] = [];
  if (card.resolution) groups.push({ heading: t(lang, 'handoff.resolution'), lines: [c(card.resolution)] });
  if (card.missing.length > 0)
    groups.push({
      heading: t(lang, 'origin.missing'),
      lines:
        missing.length < card.missing.length
          ? [t(lang, 'more', { n: card.missing.length - missing.length })]
          : [],
      asks: missing.map((a) => ({ command: a.command, why: c(a.why) })),
    });
  if (card.checklist.length > 0)
    groups.push({
      heading: t(lang, 'handoff.checklist'),
      // Six items at most: all kept, only their values cut.
      lines: card.checklist.map((i) => checkedLine({ ...i, ...(i.value ? { value: c(i.value) } : {}) })),
    });
  if (card.timeline.length > 0)
    groups.push({
      heading: t(lang, 'handoff.timeline'),
      lines: cut(
        card.timeline.map((m) => `${m.when} — ${c(m.text)}`),
        caps.items,
        lang,
        true,
      ),
    });
  return {
    ...base,
    fields: [
      status,
      { label: t(lang, 'handoff.assignee'), value: card.assignee ?? t(lang, 'handoff.unassigned') },
      ...(card.msCaseNumber ? [{ label: t(lang, 'handoff.case'), value: card.msCaseNumber }] : []),
    ],
    groups,
  };
}

/** Tries each level from the whole card down; the smallest level's rendering when none fits. */
export function renderStatusWithin<T>(
  card: StatusCardModel,
  render: (layout: StatusLayout) => T,
  fits: (out: T) => boolean,
): T {
  return largestFitting((caps) => render(statusLayout(card, caps)), fits);
}

/**
 * Slack rendering: ReplyModel → `{ text, blocks }` for chat.postMessage / respond / chat.update.
 * The result always passes `SlackMessageSchema` (per-block limits, 50 blocks, the aggregate text budget behind
 * `msg_blocks_too_long`; checked at run time by its plain-code twin in slack-fit.ts): a reply too big for one message is shortened level by level, with "… N more" notes
 * and a "Show all findings" button, never rejected.
 *
 * A long answer (and the handoff card) shows its first screen only: the cause, the one next step with its command,
 * what changed and the buttons, among them "Details". Clicking it opens a modal (`renderDetailsView`, drawn by the
 * same code that draws a whole answer, from first-screen.ts's split) holding the later steps, codes, evidence,
 * next evidence, other causes and what to have ready; where the modal cannot open, the same details come as a
 * note only the clicker sees (`renderDetailsMessage`). "What changed" stays on the first screen: it is this
 * answer's news, and the details are made again from the thread's state when clicked, which keeps no history.
 */
import type { ReplyAction, ReplyModel } from '../../conversations/types.js';
import type { CardModel, HandoffCardModel, StatusCardModel } from '../../conversations/escalations/types.js';
import { encodeSlackValue, slackActionId, SLACK_OPEN_URL_ACTION_ID } from '../actions.js';
import { actionLabel, colon, confidenceLabel, t } from '../phrases.js';
import { escapeMrkdwn, mrkdwnCodeBlock } from './escape.js';
import { firstScreen, type Lead } from './first-screen.js';
import { checkedLine, renderHandoffWithin, type ShapedHandoff } from './handoff-shape.js';
import {
  SLACK_LIMITS,
  type Block,
  type Button,
  type SectionBlock,
  type SlackMessage,
  type SlackModalView,
} from './limits.js';
import {
  clip,
  offersShowAll,
  renderWithin,
  truncationNote,
  type Cut,
  type ShapedReply,
  type Step,
} from './shape.js';
import { fitsSlackMessage, fitsSlackView } from './slack-fit.js';
import { isStatusCard, renderStatusWithin, type StatusLayout } from './status-layout.js';
import { renderSummaryText, renderText } from './text.js';

export type SlackReply = SlackMessage;

type Lang = ShapedReply['lang'];

const NOTIFICATION_TEXT_CHARS = 4000;

/** Thrown inside a rendering attempt when one entry cannot fit a section at this level; the next level will. */
class DoesNotFit extends Error {}

export function renderBlockKit(reply: CardModel): SlackReply {
  if (reply.kind === 'handoff') return renderHandoffBlocks(reply);
  if (isStatusCard(reply)) return renderStatusBlocks(reply);
  // Beside blocks, Slack shows `text` only in notifications and to screen readers: the answer's gist is enough
  // (the whole answer as text doubled the message and its serialization; the blocks hold all of it).
  const text = clip(escapeMrkdwn(renderSummaryText(reply)), SLACK_LIMITS.messageText);
  // "Show all findings" gives the rest when even the modal must shorten the details (its note names the button).
  const detailsCut = detailsOverflowModal(reply);
  const message = renderWithin(
    reply,
    (shaped) => {
      try {
        return { text, blocks: blocksOf(shaped, detailsCut) };
      } catch (err) {
        if (err instanceof DoesNotFit) return undefined;
        throw err;
      }
    },
    (out) => out !== undefined && fitsSlackMessage(out),
  );
  return message ?? minimalMessage(reply, text);
}

// ------------------------------------------------------------------------------------------------------------

const section = (markdown: string): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: markdown },
});
const bold = (label: string) => `*${escapeMrkdwn(label)}*`;

function moreNote<T>(list: Cut<T>, lang: Lang): string[] {
  return list.omitted > 0 ? [`_${escapeMrkdwn(t(lang, 'more', { n: list.omitted }))}_`] : [];
}

/**
 * A heading followed by entries, packed into as few sections as the 3000-character limit allows. An entry that
 * alone exceeds the limit makes this level fail.
 */
function packed(heading: string, entries: string[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  let current = heading;
  for (const entry of entries) {
    if (entry.length + 1 > SLACK_LIMITS.sectionText - heading.length) throw new DoesNotFit();
    if (current.length + 1 + entry.length > SLACK_LIMITS.sectionText) {
      blocks.push(section(current));
      current = entry;
    } else {
      current = current === '' ? entry : `${current}\n${entry}`;
    }
  }
  if (current !== '') blocks.push(section(current));
  return blocks;
}

function stepEntries(fix: Cut<Step>, lang: Lang, first = 1): string[] {
  const entries = fix.items.map((step, i) => {
    const line = `${i + first}. ${escapeMrkdwn(step.text)}`;
    return step.command === undefined ? line : `${line}\n${mrkdwnCodeBlock(step.command)}`;
  });
  return [...entries, ...moreNote(fix, lang)];
}

/** The first screen's "Next step": one step with its command, or the first evidence to paste. */
function leadBlocks(lead: Lead, lang: Lang): SectionBlock[] {
  if (lead.step) {
    const { step, total } = lead.step;
    const label = total > 1 ? t(lang, 'nextStepOf', { n: total }) : t(lang, 'nextStep');
    const entry =
      escapeMrkdwn(step.text) + (step.command === undefined ? '' : `\n${mrkdwnCodeBlock(step.command)}`);
    return packed(bold(label), [entry]);
  }
  if (lead.question) {
    const q = lead.question;
    return packed(bold(t(lang, 'nextStep')), [`${mrkdwnCodeBlock(q.command)}\n${escapeMrkdwn(q.why)}`]);
  }
  return [];
}

/**
 * Whether an answer's details wait behind "Details". Only answers that carry a diagnosis fold: the details are
 * made again from the thread when clicked, which would not give back an escalation's list or status lines.
 */
function foldsBehindDetails(s: ShapedReply): boolean {
  return s.kind !== 'escalation' || s.cause !== undefined || s.fix.items.length + s.fix.omitted > 0;
}

function blocksOf(s: ShapedReply, detailsCut = false): Block[] {
  const { lang } = s;
  const blocks: Block[] = [];
  if (s.title.trim() !== '') {
    blocks.push({
      type: 'header',
      text: { type: 'plain_text', text: clip(s.title, SLACK_LIMITS.headerText) },
    });
  }
  if (s.summary.trim() !== '') blocks.push(section(escapeMrkdwn(clip(s.summary, SLACK_LIMITS.sectionText))));
  if (s.cause !== undefined) blocks.push(...packed(bold(t(lang, 'cause')), [escapeMrkdwn(s.cause)]));
  const split = firstScreen(s);
  const folded = split !== undefined && (!split.hasDetails || foldsBehindDetails(s));
  if (split && folded) {
    blocks.push(...leadBlocks(split.lead, lang));
    blocks.push(...bulletBlocks(t(lang, 'changes'), s.changes, lang));
  } else {
    blocks.push(...sectionsOf(s, 1));
  }
  blocks.push(...warningBlocks(s));
  const details = folded && split.hasDetails;
  // The modal shows the details' own note when they were shortened.
  if (s.truncated && !details) blocks.push(truncatedNote(s));

  const buttons = buttonsOf(s.actions, lang, offersShowAll(s.kind, s.truncated || (details && detailsCut)));
  if (details) {
    const finding = s.actions.find((a) => a.payload.findingId)?.payload.findingId;
    const code = s.kind === 'explanation' ? s.codes.items[0]?.code : undefined;
    buttons.push(
      detailsButton(lang, { ...(finding ? { findingId: finding } : {}), ...(code ? { code } : {}) }),
    );
  }
  // The Activation Centers link is a next step when only Microsoft can help: it goes with the buttons, or beside
  // the first section when there is nothing else to click (a resolved handoff), so no button row is left over.
  if (s.escalation) {
    const beside = blocks.find((b): b is SectionBlock => b.type === 'section' && !b.accessory);
    if (buttons.length === 0 && beside) beside.accessory = linkButton(s.escalation);
    else buttons.unshift(linkButton(s.escalation));
  }
  if (buttons.length > 0) blocks.push({ type: 'divider' });
  const noteButtons = s.actions.filter((a) => NOTE_ACTIONS.has(a.payload.action));
  if (noteButtons.length > 0) blocks.push(noteInput(lang, noteButtons));
  if (buttons.length > 0)
    blocks.push({ type: 'actions', elements: buttons.slice(0, SLACK_LIMITS.actionsElements) });
  return blocks;
}

/** The "Details" button: the clicked card's language (for the modal opened at once) and the cause it showed. */
function detailsButton(
  lang: Lang,
  context: Pick<ReplyAction['payload'], 'findingId' | 'escalationId' | 'code'> = {},
): Button {
  const payload = { action: 'details' as const, lang, ...context };
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(t(lang, 'details'), SLACK_LIMITS.buttonText) },
    action_id: slackActionId('details'),
    value: encodeSlackValue(payload),
  };
}

/** The details of a folded answer, as the message once showed them under its buttons; undefined when none. */
function detailBlocksOf(s: ShapedReply): Block[] | undefined {
  const split = firstScreen(s);
  if (!split || !split.hasDetails) return undefined;
  const blocks = sectionsOf(split.details, 2);
  if (s.truncated) blocks.push(truncatedNote(s));
  return blocks;
}

function linkButton(escalation: NonNullable<ShapedReply['escalation']>): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clip(escalation.label, SLACK_LIMITS.buttonText) },
    action_id: SLACK_OPEN_URL_ACTION_ID,
    url: escalation.url,
  };
}

function truncatedNote(s: ShapedReply): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(truncationNote(s)) }] };
}

function warningBlocks(s: ShapedReply): Block[] {
  if (s.warnings.items.length + s.warnings.omitted === 0) return [];
  const notes = [
    ...s.warnings.items.map((w) => `:warning: ${escapeMrkdwn(w)}`),
    ...moreNote(s.warnings, s.lang),
  ];
  // A context block holds 10 elements; fold the rest into the last one.
  const elements = notes.slice(0, SLACK_LIMITS.contextElements - 1);
  if (notes.length >= SLACK_LIMITS.contextElements) elements.push(notes.slice(elements.length).join('\n'));
  for (const e of elements) if (e.length > SLACK_LIMITS.contextText) throw new DoesNotFit();
  return [{ type: 'context', elements: elements.map((text) => ({ type: 'mrkdwn', text })) }];
}

function bulletBlocks(label: string, list: Cut<string>, lang: Lang): SectionBlock[] {
  if (list.items.length + list.omitted === 0) return [];
  const lines = list.items.map((x) => `• ${escapeMrkdwn(x)}`);
  return packed(bold(label), [...lines, ...moreNote(list, lang)]);
}

/** Everything but the title, summary, cause and warnings; `firstStep` numbers the first fix step shown. */
function sectionsOf(s: ShapedReply, firstStep: number): Block[] {
  const { lang } = s;
  const blocks: Block[] = [];
  if (s.fix.items.length + s.fix.omitted > 0)
    blocks.push(
      ...packed(bold(t(lang, firstStep > 1 ? 'laterSteps' : 'fix')), stepEntries(s.fix, lang, firstStep)),
    );
  if (s.codes.items.length + s.codes.omitted > 0) {
    const lines = s.codes.items.map((c) => `\`${c.code}\` ${escapeMrkdwn(c.title)}`);
    blocks.push(...packed(bold(t(lang, 'codes')), [...lines, ...moreNote(s.codes, lang)]));
  }
  blocks.push(...bulletBlocks(t(lang, 'evidence'), s.evidence, lang));
  blocks.push(...bulletBlocks(t(lang, 'changes'), s.changes, lang));

  if (s.questions.items.length + s.questions.omitted > 0) {
    const lines = s.questions.items.map((q) => `${mrkdwnCodeBlock(q.command)}\n${escapeMrkdwn(q.why)}`);
    blocks.push(...packed(bold(t(lang, 'questions')), [...lines, ...moreNote(s.questions, lang)]));
  }

  if (s.findings.items.length + s.findings.omitted > 0) {
    const conf = (c: 'high' | 'medium' | 'low') =>
      `${t(lang, 'confidence')}${colon(lang)}${confidenceLabel(lang, c)}`;
    if (s.findingsInFull) {
      blocks.push({ type: 'divider' });
      s.findings.items.forEach((f, i) => {
        const head = `*${i + 1}. ${escapeMrkdwn(f.title)}* _(${escapeMrkdwn(conf(f.confidence))})_`;
        const note = f.note
          ? [`_${escapeMrkdwn(t(lang, 'note'))}${colon(lang)}${escapeMrkdwn(f.note)}_`]
          : [];
        blocks.push(...packed(head, [escapeMrkdwn(f.cause), ...note, ...stepEntries(f.fix, lang)]));
      });
      const rest = moreNote(s.findings, lang);
      if (rest.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: rest[0]! }] });
    } else {
      const lines = s.findings.items.map(
        (f) => `• ${escapeMrkdwn(f.title)} _(${escapeMrkdwn(conf(f.confidence))})_`,
      );
      blocks.push(...packed(bold(t(lang, 'otherFindings')), [...lines, ...moreNote(s.findings, lang)]));
    }
  }

  if (s.escalation && s.escalation.bring.items.length + s.escalation.bring.omitted > 0) {
    const bring =
      s.escalation.bring.items.length > 0
        ? [`${bold(t(lang, 'bring'))}`, ...s.escalation.bring.items.map((b) => `• ${escapeMrkdwn(b)}`)]
        : [];
    blocks.push(...packed(bold(t(lang, 'escalation')), [...bring, ...moreNote(s.escalation.bring, lang)]));
  }
  return blocks;
}

/** Buttons that read the card's text box (question, case number, resolution), as on the Teams card. */
const NOTE_ACTIONS: ReadonlySet<ReplyAction['payload']['action']> = new Set([
  'need_info',
  'escalated_ms',
  'handoff_resolved',
]);

/**
 * The handoff card's text box. Slack sends its value with any button click of the message (`state.values`),
 * under these ids; the adapter puts it in `ActionPayload.text`.
 */
export const SLACK_NOTE_BLOCK_ID = 'ad_note';
export const SLACK_NOTE_ACTION_ID = 'ad_note_text';

/**
 * Slack does not check a box in a message before sending a click, so it is not marked optional and its hint
 * names the buttons that need it (the engine refuses them while it is empty).
 */
function noteInput(lang: Lang, needing: readonly ReplyAction[]): Block {
  const buttons = needing.map((a) => `“${a.label}”`);
  const list =
    buttons.length > 1
      ? `${buttons.slice(0, -1).join(', ')} ${t(lang, 'or')} ${buttons.at(-1)!}`
      : buttons[0]!;
  return {
    type: 'input',
    block_id: SLACK_NOTE_BLOCK_ID,
    optional: false,
    dispatch_action: false,
    label: { type: 'plain_text', text: t(lang, 'noteInput') },
    hint: { type: 'plain_text', text: t(lang, 'noteInputHint', { buttons: list }) },
    element: { type: 'plain_text_input', action_id: SLACK_NOTE_ACTION_ID, multiline: true, max_length: 2000 },
  };
}

function buttonsOf(actions: readonly ReplyAction[], lang: Lang, addShowAll: boolean): Button[] {
  const list = [...actions];
  if (addShowAll && !list.some((a) => a.id === 'show_all')) {
    list.push({
      id: 'show_all',
      label: actionLabel(lang, 'show_all'),
      payload: { action: 'show_all' },
      style: 'default',
    });
  }
  const seen = new Set<string>();
  const buttons: Button[] = [];
  for (const a of list) {
    const actionId = slackActionId(a.payload.action);
    if (seen.has(actionId)) continue; // action_id must be unique within the block
    seen.add(actionId);
    buttons.push({
      type: 'button',
      text: { type: 'plain_text', text: clip(a.label, SLACK_LIMITS.buttonText) },
      action_id: actionId,
      value: buttonValue(a),
      ...(a.style === 'default' ? {} : { style: a.style }),
    });
  }
  return buttons.slice(0, SLACK_LIMITS.actionsElements);
}

/** The payload as JSON, with its free text shortened if the whole would pass Slack's 2000-character cap. */
function buttonValue(a: ReplyAction): string {
  let payload = a.payload;
  let value = encodeSlackValue(payload);
  while (value.length > SLACK_LIMITS.buttonValue && payload.text !== undefined) {
    const over = value.length - SLACK_LIMITS.buttonValue;
    payload = { ...payload, text: clip(payload.text, Math.max(1, payload.text.length - over - 8)) };
    value = encodeSlackValue(payload);
  }
  return value;
}

/** The last resort: a title, the note, and the buttons. Always within every limit. */
function minimalMessage(reply: ReplyModel, text: string): SlackReply {
  const lang = reply.lang;
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clip(reply.title.trim() || '…', SLACK_LIMITS.headerText) },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(truncationNote(reply)) }] },
  ];
  const buttons = buttonsOf(reply.actions, lang, offersShowAll(reply.kind, true));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: text || '…', blocks };
}

// --- the handoff card ------------------------------------------------------------------------------------------

/**
 * The handoff card: title, who asked where, status and who holds it, a pending question, the box and the buttons,
 * "Details" among them; its details (checklist, timeline, where it was asked, what the thread knows) open in a
 * modal, each under its own heading.
 */
function renderHandoffBlocks(card: HandoffCardModel): SlackReply {
  return renderHandoffWithin(card, messageAt(notificationText(card), handoffBlocksOf), fitsWithBlocks);
}

/** An escalation card's notification text: the card as text, cut well below Slack's limit. */
function notificationText(card: HandoffCardModel | StatusCardModel): string {
  return clip(
    escapeMrkdwn(renderText(card, { maxChars: NOTIFICATION_TEXT_CHARS })),
    SLACK_LIMITS.messageText,
  );
}

/** The message at one shape level; blocks that cannot fit any message give none, so a smaller level is tried. */
function messageAt<S>(text: string, blocksOf: (shaped: S) => Block[]): (shaped: S) => SlackReply {
  return (shaped) => {
    try {
      return { text, blocks: blocksOf(shaped) };
    } catch (err) {
      if (err instanceof DoesNotFit) return { text, blocks: [] };
      throw err;
    }
  };
}

const fitsWithBlocks = (out: SlackReply): boolean => out.blocks.length > 0 && fitsSlackMessage(out);

function handoffBlocksOf(s: ShapedHandoff): Block[] {
  const { lang } = s;
  const field = (label: string, value: string) => `${bold(label)}${colon(lang)}${escapeMrkdwn(value)}`;
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(s.title, SLACK_LIMITS.headerText) } },
    section(escapeMrkdwn(clip(s.summary, SLACK_LIMITS.sectionText))),
    ...packed('', [
      field(t(lang, 'handoff.status'), s.statusText),
      field(t(lang, 'handoff.assignee'), s.assignee ?? t(lang, 'handoff.unassigned')),
      ...(s.msCaseNumber ? [field(t(lang, 'handoff.case'), s.msCaseNumber)] : []),
    ]),
  ];
  if (s.resolution) blocks.push(...packed(bold(t(lang, 'handoff.resolution')), [escapeMrkdwn(s.resolution)]));
  if (s.pendingQuestion) {
    const q = s.pendingQuestion;
    blocks.push(
      ...packed(bold(t(lang, 'handoff.question')), [
        escapeMrkdwn(q.text),
        `_${escapeMrkdwn(t(lang, 'handoff.askedBy', { who: q.askedBy }))}_`,
      ]),
    );
  }
  const buttons = buttonsOf(s.actions, lang, false);
  const link = linkButton({ ...s.microsoft, bring: { items: [], omitted: 0 } });
  // Once resolved only the link and "Details" are left to click.
  blocks.push({ type: 'divider' });
  const noteButtons = s.actions.filter((a) => NOTE_ACTIONS.has(a.payload.action));
  if (noteButtons.length > 0) blocks.push(noteInput(lang, noteButtons));
  const details = detailsButton(lang, { escalationId: s.escalationId });
  blocks.push({
    type: 'actions',
    elements: [link, ...buttons.slice(0, SLACK_LIMITS.actionsElements - 2), details],
  });
  return blocks;
}

/** The handoff card's details: checklist, timeline, where it was asked, codes, facts, other causes, tried. */
function handoffDetailBlocksOf(s: ShapedHandoff): Block[] {
  const { lang } = s;
  const details: Block[] = [];
  const list = (label: string, lines: string[]) => {
    if (lines.length > 0) details.push(...packed(bold(label), lines));
  };
  const bullets = (list: Cut<string>) => [
    ...list.items.map((x) => `• ${escapeMrkdwn(x)}`),
    ...moreNote(list, lang),
  ];
  list(
    t(lang, 'handoff.checklist'),
    s.checklist.map((i) => escapeMrkdwn(checkedLine(i))),
  );
  list(t(lang, 'handoff.timeline'), [
    ...(s.timeline.omitted > 0
      ? [`_${escapeMrkdwn(t(lang, 'handoff.earlier', { n: s.timeline.omitted }))}_`]
      : []),
    ...s.timeline.items.map((m) => `${escapeMrkdwn(m.when)} — ${escapeMrkdwn(m.text)}`),
  ]);
  list(t(lang, 'handoff.origin'), [
    // A link only when the address cannot break out of Slack's `<url|label>` syntax.
    s.origin.url && /^https:\/\/[^\s|<>]+$/.test(s.origin.url)
      ? `<${s.origin.url}|${escapeMrkdwn(s.origin.text)}>`
      : escapeMrkdwn(s.origin.url ? `${s.origin.text} (${s.origin.url})` : s.origin.text),
  ]);
  list(t(lang, 'codes'), [...s.codes.items.map((c) => `\`${c}\``), ...moreNote(s.codes, lang)]);
  list(t(lang, 'handoff.thread'), bullets(s.facts));
  list(t(lang, 'otherFindings'), bullets(s.otherFindings));
  list(t(lang, 'handoff.tried'), bullets(s.tried));
  return details;
}

// --- the origin status card and relayed answers ---------------------------------------------------------------

/** Shown whole (they are short, and the status card is the requester's to read): fields, then each group. */
function renderStatusBlocks(model: StatusCardModel): SlackReply {
  return renderStatusWithin(model, messageAt(notificationText(model), statusBlocksOf), fitsWithBlocks);
}

function statusBlocksOf(l: StatusLayout): Block[] {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(l.title, SLACK_LIMITS.headerText) } },
    section(escapeMrkdwn(clip(l.summary, SLACK_LIMITS.sectionText))),
    ...packed(
      '',
      l.fields.map((f) => `${bold(f.label)}${colon(l.lang)}${escapeMrkdwn(f.value)}`),
    ),
  ];
  for (const g of l.groups) {
    const asks = (g.asks ?? []).map((a) => `${mrkdwnCodeBlock(a.command)}\n${escapeMrkdwn(a.why)}`);
    blocks.push(...packed(bold(g.heading), [...asks, ...g.lines.map(escapeMrkdwn)]));
  }
  const buttons = buttonsOf(l.actions ?? [], l.lang, false);
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return blocks;
}

// --- the details, behind the "Details" button --------------------------------------------------------------------

/** Tries the card's shaping levels until its details fit `fits`; undefined when the card has none. */
function detailsWithin(
  card: CardModel,
  wrap: (title: string, details: Block[]) => Block[],
  fits: (blocks: Block[]) => boolean,
): Block[] | undefined {
  const attempt = (title: string, make: () => Block[] | undefined): Block[] | undefined | null => {
    try {
      const details = make();
      return details && details.length > 0 ? wrap(title, details) : undefined;
    } catch (err) {
      if (err instanceof DoesNotFit) return null;
      throw err;
    }
  };
  if (isStatusCard(card)) return undefined;
  if (card.kind === 'handoff') {
    return (
      renderHandoffWithin(
        card,
        (s) => attempt(s.title, () => handoffDetailBlocksOf(s)),
        (out) => out !== null && (out === undefined || fits(out)),
      ) ?? undefined
    );
  }
  const found = renderWithin(
    card,
    (s) => attempt(s.title, () => detailBlocksOf(s)),
    (out) => out === undefined || (out !== null && fits(out)),
  );
  return found ?? undefined;
}

/**
 * Whether a reply's details could be too long for a modal: an entry near a section's 3000 characters, or more
 * text than 100 sections hold. Answers are far below either; only those are measured by rendering them.
 */
function mayOverflowModal(r: ReplyModel): boolean {
  // Summed field by field: this runs on every answer, and gathering the fields into one array cost more than
  // the sum.
  let total = 0;
  const add = (text: string): boolean => {
    total += text.length + 16;
    return text.length > 2500;
  };
  for (const f of r.fix) if (add(f.text) || add(f.command ?? '')) return true;
  for (const e of r.evidence) if (add(e)) return true;
  for (const c of r.changes) if (add(c)) return true;
  for (const q of r.questions) if (add(q.command) || add(q.why)) return true;
  for (const c of r.codes) if (add(c.title)) return true;
  for (const f of r.findings) if (add(f.title)) return true;
  for (const b of r.escalation?.bring ?? []) if (add(b)) return true;
  return total > 200_000;
}

/** Whether a reply's details, whole, are too long for a modal (they will be shown shortened). */
function detailsOverflowModal(reply: ReplyModel): boolean {
  if (!mayOverflowModal(reply)) return false;
  const whole = renderWithin(
    reply,
    (s) => {
      try {
        return detailBlocksOf(s) ?? [];
      } catch (err) {
        if (err instanceof DoesNotFit) return undefined;
        throw err;
      }
    },
    () => true,
  );
  return whole === undefined || !fitsSlackView(modal(reply.lang, withTitle(reply.title, whole)));
}

/** The card's title above its details, so the modal says which card it opened from. */
function withTitle(title: string, details: Block[]): Block[] {
  return title.trim() === ''
    ? details
    : [
        { type: 'header', text: { type: 'plain_text', text: clip(title, SLACK_LIMITS.headerText) } },
        ...details,
      ];
}

function modal(lang: Lang, blocks: Block[]): SlackModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: clip(t(lang, 'details'), SLACK_LIMITS.viewTitle) },
    close: { type: 'plain_text', text: clip(t(lang, 'details.close'), SLACK_LIMITS.viewButton) },
    blocks,
  };
}

const noteBlock = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: escapeMrkdwn(text) }],
});

/** What the modal shows the moment it opens (`views.open` must beat the 3 s trigger), in the card's language. */
export function loadingView(lang: Lang): SlackModalView {
  return modal(lang, [noteBlock(t(lang, 'details.loading'))]);
}

/** The modal when the click found nothing to show (an escalation gone, a store outage). */
export function noDetailsView(lang: Lang): SlackModalView {
  return modal(lang, [noteBlock(t(lang, 'details.none'))]);
}

/** The modal of a card's details: its title, then the details, within 100 blocks; a short note when it has none. */
export function renderDetailsView(card: CardModel): SlackModalView {
  const lang = card.lang;
  const blocks = detailsWithin(card, withTitle, (b) => fitsSlackView(modal(lang, b)));
  return blocks ? modal(lang, blocks) : noDetailsView(lang);
}

/** The same details as a message only the clicker sees, for when the modal could not open. */
export function renderDetailsMessage(card: CardModel): SlackReply {
  const lang = card.lang;
  const text = t(lang, 'details.private');
  const wrap = (title: string, details: Block[]) => [noteBlock(text), ...withTitle(title, details)];
  const blocks = detailsWithin(card, wrap, (b) => fitsSlackMessage({ text, blocks: b }));
  return { text, blocks: blocks ?? [noteBlock(t(lang, 'details.none'))] };
}

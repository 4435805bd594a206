/**
 * Teams rendering: ReplyModel → Adaptive Card 1.5 (Teams renders nothing newer for bot cards).
 *
 * Choices that matter on real clients:
 * - Only elements every Teams client draws: TextBlock, RichTextBlock, Container, FactSet, Input.Text and
 *   card-level actions (no Table: blank on mobile; no ActionSet inside ColumnSet: blanks iOS cards).
 * - Commands go in a RichTextBlock TextRun in monospace inside an "emphasis" container. TextRuns are not read
 *   as markdown, so `_vlmcs._tcp` or `*` in a command stay as typed; Teams markdown escapes differ between
 *   desktop and mobile, so escaping is not an option.
 * - Buttons are `Action.Submit` whose data is the `ActionPayload` itself (plus the note input when the card has
 *   one); `parseActionPayload` reads it back.
 * - A long answer shows its cause, the one next step and the buttons first; the rest sits in a "Details"
 *   `Action.ShowCard` (first-screen.ts), which Teams draws inline under the buttons.
 * - The JSON stays within `TEAMS_CARD_BUDGET_BYTES`: a bigger reply is shortened level by level, with
 *   "… N more" notes and a "Show all findings" button, never refused.
 */
import type { ActionId, ActionPayload, ReplyAction, ReplyModel } from '../../conversations/types.js';
import type { CardModel, HandoffCardModel, StatusCardModel } from '../../conversations/escalations/types.js';
import { actionLabel, colon, confidenceLabel, t } from '../phrases.js';
import { firstScreen, type Lead } from './first-screen.js';
import { checkedLine, renderHandoffWithin, type ShapedHandoff } from './handoff-shape.js';
import { isStatusCard, renderStatusWithin } from './status-layout.js';
import { fitsJson, TEAMS_CARD_BUDGET_BYTES } from './limits.js';
import {
  clip,
  offersShowAll,
  renderWithin,
  truncationNote,
  shapeReply,
  SHAPE_LEVELS,
  type Cut,
  type ShapedReply,
  type Step,
} from './shape.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';
/** Teams shows at most this many card-level actions (Teams host config `actions.maxActions`). */
export const TEAMS_MAX_ACTIONS = 6;
/** Id of the free-text input; its value arrives as `ActionPayload.text`. */
export const NOTE_INPUT_ID = 'text';

type Color = 'Default' | 'Attention' | 'Warning' | 'Good' | 'Accent';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  weight?: 'Bolder';
  color?: Color;
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Medium';
}
export interface TextRun {
  type: 'TextRun';
  text: string;
  fontType?: 'Monospace';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  weight?: 'Bolder';
  color?: Color;
  isSubtle?: boolean;
}
export interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: TextRun[];
  spacing?: 'None' | 'Small' | 'Medium';
}
export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}
export interface InputText {
  type: 'Input.Text';
  id: string;
  label: string;
  isMultiline: boolean;
  maxLength: number;
  isRequired?: boolean;
  errorMessage?: string;
}
export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'emphasis' | 'default';
  separator?: boolean;
  spacing?: 'None' | 'Small' | 'Medium';
}
export type CardElement = TextBlock | RichTextBlock | FactSet | InputText | Container;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: ActionPayload;
  style?: 'positive' | 'destructive';
  /** 'none': the click sends no input values and is not blocked by an empty required box. */
  associatedInputs?: 'auto' | 'none';
}
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions?: SubmitAction[] };
}
export type CardAction = SubmitAction | OpenUrlAction | ShowCardAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  fallbackText: string;
  body: CardElement[];
  actions?: CardAction[];
  /** Teams-specific: use the whole chat width, which long commands need. */
  msteams: { width: 'Full' };
}

export interface AdaptiveCardOptions {
  /** Fields added to every button's payload unless the action sets them (e.g. the escalation id of a handoff card). */
  actionContext?: Partial<Omit<ActionPayload, 'action'>>;
  /** Size budget in UTF-8 bytes of the JSON; defaults to the Teams budget. */
  budgetBytes?: number;
}

/** Actions that need the note (the question, the case number, the resolution): the engine refuses them without. */
const NOTE_ACTIONS: ReadonlySet<ActionId> = new Set(['need_info', 'escalated_ms', 'handoff_resolved']);

export function renderAdaptiveCard(reply: CardModel, opts: AdaptiveCardOptions = {}): AdaptiveCard {
  if (reply.kind === 'handoff') return renderHandoffCard(reply, opts);
  if (isStatusCard(reply)) return renderStatusCard(reply, opts);
  const budget = opts.budgetBytes ?? TEAMS_CARD_BUDGET_BYTES;
  const fallbackText = gist(reply);
  const card = renderWithin(
    reply,
    (shaped) => cardOf(shaped, fallbackText, opts),
    (c) => fitsJson(c, budget),
  );
  return card ?? minimalCard(reply, opts);
}

/** For clients that cannot draw the card: what it is about, in a few lines. */
function gist(reply: ReplyModel): string {
  const parts = [reply.title, reply.summary, reply.cause].filter((x): x is string => !!x && x.trim() !== '');
  return clip(parts.join('\n\n'), 1000) || '…';
}

/** The Bot Framework attachment wrapping a card. */
export function adaptiveCardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card };
}

// ------------------------------------------------------------------------------------------------------------

const text = (value: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});
type RunStyle = Omit<TextRun, 'type' | 'text'>;
/**
 * Content (anything from the knowledge base or the user) as a TextRun: never read as markdown, so
 * `App_Pool_01`, `*` or a line starting with "2." show exactly as written.
 */
const prose = (value: string, style: RunStyle = {}, spacing?: RichTextBlock['spacing']): RichTextBlock => ({
  type: 'RichTextBlock',
  inlines: [{ type: 'TextRun', text: value, ...style }],
  ...(spacing ? { spacing } : {}),
});
const heading = (label: string): TextBlock => text(label, { weight: 'Bolder', spacing: 'Medium' });
const subtle = (value: string): RichTextBlock => prose(value, { isSubtle: true, size: 'Small' }, 'Small');
const command = (cmd: string): Container => ({
  type: 'Container',
  style: 'emphasis',
  spacing: 'Small',
  items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: cmd, fontType: 'Monospace' }] }],
});

function moreNote<T>(list: Cut<T>, lang: ShapedReply['lang']): RichTextBlock[] {
  return list.omitted > 0 ? [subtle(t(lang, 'more', { n: list.omitted }))] : [];
}

/** Fix steps numbered from `first` (the details continue the numbering of the step on the first screen). */
function stepsOf(fix: Cut<Step>, lang: ShapedReply['lang'], first = 1): CardElement[] {
  const items: CardElement[] = [];
  fix.items.forEach((step, i) => {
    items.push(prose(`${i + first}. ${step.text}`, {}, 'Small'));
    if (step.command !== undefined) items.push(command(step.command));
  });
  return [...items, ...moreNote(fix, lang)];
}

/** Characters Teams markdown acts on (emphasis, code, links, list markers at a line start). */
const MARKDOWN_ACTIVE = /[*_~`[\]]|^\s*(?:[-+]|\d+\.)\s/m;

/**
 * Facts as a FactSet, which Teams draws as an aligned table; but FactSet texts go through markdown, so when
 * one would be altered (`_vlmcs._tcp`, `App_Pool_01`) the facts are drawn as plain runs instead.
 */
function facts(list: { title: string; value: string }[]): CardElement[] {
  if (!list.some((f) => MARKDOWN_ACTIVE.test(f.title) || MARKDOWN_ACTIVE.test(f.value))) {
    return [{ type: 'FactSet', facts: list }];
  }
  return list.map((f) => ({
    type: 'RichTextBlock',
    spacing: 'Small',
    inlines: [
      { type: 'TextRun', text: `${f.title}: `, weight: 'Bolder' },
      { type: 'TextRun', text: f.value },
    ],
  }));
}

/** "srvRecords=none" or "Host: kms01" read best as a fact. */
function factOf(line: string): { title: string; value: string } | undefined {
  const m = /^([^=:]{1,40}?)\s*(?:=|:\s)\s*(.+)$/s.exec(line);
  return m ? { title: m[1]!, value: m[2]! } : undefined;
}

/** Fact-shaped lines as an aligned FactSet; the rest (checklist ticks, prose) as a bulleted list, never numbered. */
function evidenceOf(lines: string[]): CardElement[] {
  const kv: { title: string; value: string }[] = [];
  const other: string[] = [];
  for (const line of lines) {
    const f = /^[✓✗]/.test(line) ? undefined : factOf(line);
    if (f) kv.push(f);
    else other.push(line);
  }
  return [
    ...(kv.length > 0 ? facts(kv) : []),
    ...other.map((line): CardElement => ({
      type: 'RichTextBlock',
      spacing: 'Small',
      inlines: [{ type: 'TextRun', text: /^[✓✗•]/.test(line) ? line : `• ${line}` }],
    })),
  ];
}

/** A titled group of elements; nothing when it has no items. */
function group(label: string, items: CardElement[]): CardElement[] {
  return items.length > 0
    ? [{ type: 'Container', spacing: 'Medium', items: [heading(label), ...items] }]
    : [];
}

/** The first screen's "Next step": one step with its command, or the first evidence to paste. */
function leadOf(lead: Lead, lang: ShapedReply['lang']): CardElement[] {
  if (lead.step) {
    const { step, total } = lead.step;
    const label = total > 1 ? t(lang, 'nextStepOf', { n: total }) : t(lang, 'nextStep');
    return group(label, [prose(step.text, {}, 'Small'), ...(step.command ? [command(step.command)] : [])]);
  }
  if (lead.question)
    return group(t(lang, 'nextStep'), [command(lead.question.command), subtle(lead.question.why)]);
  return [];
}

/** Everything but the title, summary and warnings; `firstStep` is the number of the first fix step shown. */
function sectionsOf(s: ShapedReply, firstStep: number): CardElement[] {
  const { lang } = s;
  const body: CardElement[] = [];
  if (s.cause !== undefined) body.push(...group(t(lang, 'cause'), [prose(s.cause)]));
  body.push(...group(t(lang, firstStep > 1 ? 'laterSteps' : 'fix'), stepsOf(s.fix, lang, firstStep)));
  if (s.codes.items.length > 0) {
    body.push(
      ...group(t(lang, 'codes'), [
        ...facts(s.codes.items.map((c) => ({ title: c.code, value: c.title }))),
        ...moreNote(s.codes, lang),
      ]),
    );
  }
  if (s.evidence.items.length > 0) {
    body.push(
      ...group(t(lang, 'evidence'), [...evidenceOf(s.evidence.items), ...moreNote(s.evidence, lang)]),
    );
  }
  body.push(
    ...group(t(lang, 'changes'), [
      ...s.changes.items.map((c) => prose(`• ${c}`, {}, 'Small')),
      ...moreNote(s.changes, lang),
    ]),
  );
  body.push(
    ...group(t(lang, 'questions'), [
      ...s.questions.items.flatMap((q) => [command(q.command), subtle(q.why)]),
      ...moreNote(s.questions, lang),
    ]),
  );

  const conf = (f: { confidence: 'high' | 'medium' | 'low' }) =>
    `${t(lang, 'confidence')}${colon(lang)}${confidenceLabel(lang, f.confidence)}`;
  if (s.findingsInFull) {
    body.push(
      ...group(t(lang, 'findings'), [
        ...s.findings.items.map((f, i): Container => ({
          type: 'Container',
          separator: true,
          spacing: 'Medium',
          items: [
            prose(`${i + 1}. ${f.title}`, { weight: 'Bolder' }),
            subtle(conf(f)),
            prose(f.cause),
            ...(f.note ? [subtle(`${t(lang, 'note')}${colon(lang)}${f.note}`)] : []),
            ...stepsOf(f.fix, lang),
          ],
        })),
        ...moreNote(s.findings, lang),
      ]),
    );
  } else {
    body.push(
      ...group(t(lang, 'otherFindings'), [
        ...s.findings.items.map((f) => prose(`• ${f.title} (${conf(f)})`, {}, 'Small')),
        ...moreNote(s.findings, lang),
      ]),
    );
  }
  if (s.escalation) {
    const bring = s.escalation.bring.items.map((b) => prose(`• ${b}`, {}, 'Small'));
    body.push(
      ...group(t(lang, 'escalation'), [
        ...(bring.length > 0 ? [text(t(lang, 'bring'), { spacing: 'Small' }), ...bring] : []),
        ...moreNote(s.escalation.bring, lang),
      ]),
    );
  }
  return body;
}

function cardOf(s: ShapedReply, fallbackText: string, opts: AdaptiveCardOptions): AdaptiveCard {
  const { lang } = s;
  const body: CardElement[] = [prose(s.title, { size: 'Large', weight: 'Bolder' })];
  if (s.summary.trim() !== '') body.push(prose(s.summary));
  const split = firstScreen(s);
  let details: CardElement[] = [];
  if (split) {
    if (s.cause !== undefined) body.push(...group(t(lang, 'cause'), [prose(s.cause)]));
    body.push(...leadOf(split.lead, lang));
    if (split.hasDetails) details = sectionsOf(split.details, 2);
  } else {
    body.push(...sectionsOf(s, 1));
  }
  for (const w of s.warnings.items) body.push(prose(`⚠ ${w}`, { color: 'Attention' }, 'Small'));
  body.push(...moreNote(s.warnings, lang));
  if (s.truncated) (details.length > 0 ? details : body).push(subtle(truncationNote(s)));

  const actions = actionsOf(s.actions, lang, offersShowAll(s.kind, s.truncated), s.escalation, opts, details);
  addNoteInput(body, actions, lang);
  return card(fallbackText, body, actions);
}

/** The box the note buttons read (question, case number, resolution), when the card has such a button. */
function addNoteInput(body: CardElement[], actions: CardAction[], lang: ShapedReply['lang']): void {
  const noteButtons = actions.filter(
    (a): a is SubmitAction => a.type === 'Action.Submit' && NOTE_ACTIONS.has(a.data.action),
  );
  if (noteButtons.length === 0) return;
  // Buttons that need no note (Claim) must work with the box empty.
  for (const a of actions) {
    if (a.type === 'Action.Submit' && !NOTE_ACTIONS.has(a.data.action)) a.associatedInputs = 'none';
  }
  body.push({
    type: 'Input.Text',
    id: NOTE_INPUT_ID,
    label: t(lang, 'noteInput'),
    isMultiline: true,
    maxLength: 2000,
    // Teams marks the label as required and blocks those buttons with this message while the box is empty.
    isRequired: true,
    errorMessage: t(lang, 'noteInputError'),
  });
}

// --- the handoff card ------------------------------------------------------------------------------------------

/**
 * The handoff card: first the title, who asked where, the status, who holds it, a pending question, the box and
 * the buttons; behind "Details" the checklist, the timeline and what the thread knows, each under its own heading.
 */
function renderHandoffCard(card: HandoffCardModel, opts: AdaptiveCardOptions): AdaptiveCard {
  const budget = opts.budgetBytes ?? TEAMS_CARD_BUDGET_BYTES;
  const fallbackText = clip(`${card.title}\n\n${card.summary}`, 1000);
  return renderHandoffWithin(
    card,
    (s) => handoffCardOf(s, fallbackText, opts),
    (c) => fitsJson(c, budget),
  );
}

function handoffCardOf(s: ShapedHandoff, fallbackText: string, opts: AdaptiveCardOptions): AdaptiveCard {
  const { lang } = s;
  const body: CardElement[] = [prose(s.title, { size: 'Large', weight: 'Bolder' }), prose(s.summary)];
  body.push(
    ...facts([
      { title: t(lang, 'handoff.status'), value: s.statusText },
      { title: t(lang, 'handoff.assignee'), value: s.assignee ?? t(lang, 'handoff.unassigned') },
      ...(s.msCaseNumber ? [{ title: t(lang, 'handoff.case'), value: s.msCaseNumber }] : []),
    ]),
  );
  if (s.resolution) body.push(...group(t(lang, 'handoff.resolution'), [prose(s.resolution)]));
  if (s.pendingQuestion) {
    const q = s.pendingQuestion;
    body.push(
      ...group(t(lang, 'handoff.question'), [
        prose(q.text),
        subtle(t(lang, 'handoff.askedBy', { who: q.askedBy })),
      ]),
    );
  }
  const line = (value: string) => prose(value, {}, 'Small');
  const bullets = (list: Cut<string>) => [...list.items.map((x) => line(`• ${x}`)), ...moreNote(list, lang)];
  const details: CardElement[] = [
    ...group(
      t(lang, 'handoff.checklist'),
      s.checklist.map((i) => line(checkedLine(i))),
    ),
    ...group(t(lang, 'handoff.timeline'), [
      ...(s.timeline.omitted > 0 ? [subtle(t(lang, 'handoff.earlier', { n: s.timeline.omitted }))] : []),
      ...s.timeline.items.map((m) => line(`${m.when} — ${m.text}`)),
    ]),
    ...group(t(lang, 'handoff.origin'), [
      line(s.origin.url ? `${s.origin.text} (${s.origin.url})` : s.origin.text),
    ]),
    ...group(t(lang, 'codes'), bullets(s.codes)),
    ...group(t(lang, 'handoff.thread'), bullets(s.facts)),
    ...group(t(lang, 'otherFindings'), bullets(s.otherFindings)),
    ...group(t(lang, 'handoff.tried'), bullets(s.tried)),
  ];
  const actions = actionsOf(
    s.actions,
    lang,
    false,
    { ...s.microsoft, bring: { items: [], omitted: 0 } },
    opts,
    details,
  );
  addNoteInput(body, actions, lang);
  return card(fallbackText, body, actions);
}

// --- the origin status card and relayed answers ---------------------------------------------------------------

/** Shown whole (they are short): the title, the summary, the fields, then each group under its heading. */
function renderStatusCard(model: StatusCardModel, opts: AdaptiveCardOptions): AdaptiveCard {
  const budget = opts.budgetBytes ?? TEAMS_CARD_BUDGET_BYTES;
  const fallbackText = clip(`${model.title}\n\n${model.summary}`, 1000);
  return renderStatusWithin(
    model,
    (l) => {
      const body: CardElement[] = [
        prose(l.title, { size: 'Large', weight: 'Bolder' }),
        prose(l.summary),
        ...facts(l.fields.map((f) => ({ title: f.label, value: f.value }))),
      ];
      for (const g of l.groups)
        body.push(
          ...group(g.heading, [
            ...(g.asks ?? []).flatMap((a) => [command(a.command), subtle(a.why)]),
            ...g.lines.map((line) => prose(line, {}, 'Small')),
          ]),
        );
      return card(fallbackText, body, actionsOf(l.actions ?? [], l.lang, false, undefined, opts));
    },
    (c) => fitsJson(c, budget),
  );
}

function actionsOf(
  replyActions: readonly ReplyAction[],
  lang: ShapedReply['lang'],
  addShowAll: boolean,
  escalation: ShapedReply['escalation'],
  opts: AdaptiveCardOptions,
  details: CardElement[] = [],
): CardAction[] {
  const actions: CardAction[] = [];
  if (escalation) actions.push({ type: 'Action.OpenUrl', title: escalation.label, url: escalation.url });
  const list = [...replyActions];
  if (addShowAll && !list.some((a) => a.payload.action === 'show_all')) {
    list.push({
      id: 'show_all',
      label: actionLabel(lang, 'show_all'),
      payload: { action: 'show_all' },
      style: 'default',
    });
  }
  for (const a of list) {
    // Teams `Action.Submit` data is the payload object itself (read back through the schema when clicked).
    const data: ActionPayload = { ...opts.actionContext, ...a.payload };
    const style = a.style === 'primary' ? 'positive' : a.style === 'danger' ? 'destructive' : undefined;
    actions.push({ type: 'Action.Submit', title: a.label, data, ...(style ? { style } : {}) });
  }
  if (details.length > 0) {
    // "Show all findings" digs deeper still: it sits at the foot of the details, not on the first screen.
    const deeper = actions.filter(
      (a): a is SubmitAction => a.type === 'Action.Submit' && a.data.action === 'show_all',
    );
    const first = actions.filter((a) => !deeper.includes(a as SubmitAction));
    first.push({
      type: 'Action.ShowCard',
      title: t(lang, 'details'),
      card: { type: 'AdaptiveCard', body: details, ...(deeper.length > 0 ? { actions: deeper } : {}) },
    });
    return capped(first, false);
  }
  return capped(actions, addShowAll);
}

/** Too many for Teams: keep the first ones, but never lose the details or the rest of a shortened answer. */
function capped(actions: CardAction[], keepShowAll: boolean): CardAction[] {
  if (actions.length <= TEAMS_MAX_ACTIONS) return actions;
  const keep = (a: CardAction) =>
    a.type === 'Action.ShowCard' ||
    (keepShowAll && a.type === 'Action.Submit' && a.data.action === 'show_all');
  const must = actions.filter(keep);
  const rest = actions.filter((a) => !keep(a)).slice(0, TEAMS_MAX_ACTIONS - must.length);
  return actions.filter((a) => must.includes(a) || rest.includes(a));
}

/** The last resort: title, the note, the buttons. */
function minimalCard(reply: ReplyModel, opts: AdaptiveCardOptions): AdaptiveCard {
  const shaped = shapeReply(reply, SHAPE_LEVELS[SHAPE_LEVELS.length - 1]!);
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText: clip(reply.title, 150),
    body: [prose(clip(reply.title, 150), { size: 'Large', weight: 'Bolder' }), subtle(truncationNote(reply))],
    actions: actionsOf(reply.actions, reply.lang, offersShowAll(reply.kind, true), shaped.escalation, opts),
    msteams: { width: 'Full' },
  };
}

/** The card around a body and its actions: the one place that sets the schema, the version and the full width. */
function card(fallbackText: string, body: CardElement[], actions: CardAction[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

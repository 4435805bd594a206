/**
 * Size limits of the two chat surfaces, as zod schemas (Block Kit) and byte budgets (Adaptive Cards).
 * The tests validate the renderers' output against these schemas; at run time the Block Kit renderer checks it
 * with slack-fit.ts, plain code reading the same SLACK_LIMITS, which property tests hold to these schemas.
 *
 * Sources: Slack Block Kit reference (per-block limits), bolt-js #2509 (the undocumented aggregate
 * `msg_blocks_too_long` at about 13.2 k characters; 12 000 is the documented markdown-block budget, which we use
 * for all block text to keep a margin), Teams "format your bot messages" (100 KB per message, 28 KB for
 * message-extension results: we budget 25 KB so one card fits every place it may be shown).
 */
import { z } from 'zod';

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  inputLabel: 2000,
  /** Sum of every text in the blocks; above about 13.2 k Slack answers `msg_blocks_too_long`. */
  aggregateBlockText: 12_000,
  /** `text` beyond this is cut by Slack (and `msg_too_long` beyond that). */
  messageText: 40_000,
  /** A modal (`views.open`): its blocks, and its title and close button texts. */
  blocksPerView: 100,
  viewTitle: 24,
  viewButton: 24,
} as const;

/** Teams card budget in UTF-8 bytes of the card JSON (see header comment). */
export const TEAMS_CARD_BUDGET_BYTES = 25 * 1024;

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** Characters JSON.stringify writes as more than themselves: quotes, backslashes and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const ESCAPED = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

/**
 * An upper bound of `jsonBytes(value)` for plain data (objects, arrays, strings, numbers, booleans, null), found
 * without serializing: a string with nothing to escape takes at most 3 bytes per UTF-16 unit plus its quotes, any
 * other at most 6 (`\u001f`). Cards far under their budget (nearly all) are sized by this walk alone; `fitsJson`
 * serializes only when the bound says they might not fit.
 */
export function jsonBytesBound(value: unknown): number {
  if (typeof value === 'string') return 2 + value.length * (ESCAPED.test(value) ? 6 : 3);
  // The longest number JavaScript writes is 25 characters: a sign, "0.00000" and 17 significant digits.
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return 25;
  if (Array.isArray(value)) {
    let n = 2;
    for (const item of value) n += jsonBytesBound(item) + 1;
    return n;
  }
  let n = 2;
  for (const key in value as Record<string, unknown>)
    n += jsonBytesBound(key) + 2 + jsonBytesBound((value as Record<string, unknown>)[key]);
  return n;
}

/** Whether the JSON of `value` (plain data) takes at most `budget` UTF-8 bytes. */
export function fitsJson(value: unknown, budget: number): boolean {
  return jsonBytesBound(value) <= budget || jsonBytes(value) <= budget;
}

// ------------------------------------------------------------------------------------------------------------
// Block Kit schemas (only the block types we emit)
// ------------------------------------------------------------------------------------------------------------

const plainText = (max: number) =>
  z.object({
    type: z.literal('plain_text'),
    text: z.string().min(1).max(max),
    emoji: z.boolean().optional(),
  });
const mrkdwn = (max: number) =>
  z.object({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max), verbatim: z.boolean().optional() });
const textObject = (max: number) => z.union([plainText(max), mrkdwn(max)]);
const blockId = z.string().min(1).max(SLACK_LIMITS.blockId).optional();

export const ButtonSchema = z.object({
  type: z.literal('button'),
  text: plainText(SLACK_LIMITS.buttonText),
  action_id: z.string().min(1).max(SLACK_LIMITS.actionId),
  value: z.string().max(SLACK_LIMITS.buttonValue).optional(),
  url: z.string().url().max(SLACK_LIMITS.buttonUrl).optional(),
  style: z.enum(['primary', 'danger']).optional(),
});
export type Button = z.infer<typeof ButtonSchema>;

export const HeaderBlockSchema = z.object({
  type: z.literal('header'),
  text: plainText(SLACK_LIMITS.headerText),
  block_id: blockId,
});

export const SectionBlockSchema = z
  .object({
    type: z.literal('section'),
    text: textObject(SLACK_LIMITS.sectionText).optional(),
    fields: z
      .array(textObject(SLACK_LIMITS.sectionFieldText))
      .min(1)
      .max(SLACK_LIMITS.sectionFields)
      .optional(),
    accessory: ButtonSchema.optional(),
    block_id: blockId,
  })
  .refine((b) => b.text !== undefined || b.fields !== undefined, 'a section needs text or fields');

export const ContextBlockSchema = z.object({
  type: z.literal('context'),
  elements: z.array(textObject(SLACK_LIMITS.contextText)).min(1).max(SLACK_LIMITS.contextElements),
  block_id: blockId,
});

export const DividerBlockSchema = z.object({ type: z.literal('divider'), block_id: blockId });

export const ActionsBlockSchema = z
  .object({
    type: z.literal('actions'),
    elements: z.array(ButtonSchema).min(1).max(SLACK_LIMITS.actionsElements),
    block_id: blockId,
  })
  .refine(
    (b) => new Set(b.elements.map((e) => e.action_id)).size === b.elements.length,
    'action_id must be unique within an actions block',
  );

/** A free-text box in a message (handoff cards): its value comes back in `block_actions` `state.values`. */
export const InputBlockSchema = z.object({
  type: z.literal('input'),
  label: plainText(SLACK_LIMITS.inputLabel),
  element: z.object({
    type: z.literal('plain_text_input'),
    action_id: z.string().min(1).max(SLACK_LIMITS.actionId),
    multiline: z.boolean().optional(),
    max_length: z.number().int().positive().max(3000).optional(),
  }),
  hint: plainText(SLACK_LIMITS.inputLabel).optional(),
  optional: z.boolean().optional(),
  dispatch_action: z.boolean().optional(),
  block_id: blockId,
});

export const BlockSchema = z.union([
  HeaderBlockSchema,
  SectionBlockSchema,
  ContextBlockSchema,
  DividerBlockSchema,
  ActionsBlockSchema,
  InputBlockSchema,
]);
export type Block = z.infer<typeof BlockSchema>;
export type SectionBlock = z.infer<typeof SectionBlockSchema>;

/** Every human-visible text in the blocks (what Slack counts toward `msg_blocks_too_long`). */
export function blockTextLength(blocks: readonly Block[]): number {
  let total = 0;
  for (const block of blocks) {
    switch (block.type) {
      case 'header':
        total += block.text.text.length;
        break;
      case 'section':
        total += block.text?.text.length ?? 0;
        for (const f of block.fields ?? []) total += f.text.length;
        total += block.accessory?.text.text.length ?? 0;
        break;
      case 'context':
        for (const e of block.elements) total += e.text.length;
        break;
      case 'actions':
        for (const e of block.elements) total += e.text.text.length;
        break;
      case 'input':
        total += block.label.text.length + (block.hint?.text.length ?? 0);
        break;
      case 'divider':
        break;
    }
  }
  return total;
}

export const SlackMessageSchema = z
  .object({
    text: z.string().min(1).max(SLACK_LIMITS.messageText),
    blocks: z.array(BlockSchema).min(1).max(SLACK_LIMITS.blocksPerMessage),
  })
  .refine(
    (m) => blockTextLength(m.blocks) <= SLACK_LIMITS.aggregateBlockText,
    `block text must stay within ${SLACK_LIMITS.aggregateBlockText} characters (msg_blocks_too_long)`,
  );
export type SlackMessage = z.infer<typeof SlackMessageSchema>;

/** A modal as `views.open` / `views.update` take it (a card's details). No aggregate text cap applies to views. */
export const SlackModalViewSchema = z.object({
  type: z.literal('modal'),
  title: plainText(SLACK_LIMITS.viewTitle),
  close: plainText(SLACK_LIMITS.viewButton),
  blocks: z.array(BlockSchema).min(1).max(SLACK_LIMITS.blocksPerView),
});
export type SlackModalView = z.infer<typeof SlackModalViewSchema>;

/**
 * The run-time check the Block Kit renderer applies to its own output: the limits of `SlackMessageSchema`
 * (limits.ts) written as plain code, without zod's cost on every message. The schema stays the reference: property
 * tests (test/bot/slack-fit.test.ts) render many generated replies, hostile ones included, and prove that whenever
 * this check passes the schema passes too.
 */
import {
  blockTextLength,
  SLACK_LIMITS,
  type Block,
  type Button,
  type SlackMessage,
  type SlackModalView,
} from './limits.js';

const L = SLACK_LIMITS;

const isString = (v: unknown): v is string => typeof v === 'string';
const within = (v: unknown, min: number, max: number): v is string =>
  isString(v) && v.length >= min && v.length <= max;
const optionalWithin = (v: unknown, min: number, max: number): boolean =>
  v === undefined || within(v, min, max);
const optionalBoolean = (v: unknown): boolean => v === undefined || typeof v === 'boolean';

type TextObject = { type: string; text: string; emoji?: boolean; verbatim?: boolean };

function plainTextFits(t: TextObject | undefined, max: number): boolean {
  return (
    t !== null &&
    typeof t === 'object' &&
    t.type === 'plain_text' &&
    within(t.text, 1, max) &&
    optionalBoolean(t.emoji)
  );
}

function textObjectFits(t: TextObject | undefined, max: number): boolean {
  if (t === null || typeof t !== 'object') return false;
  if (t.type === 'mrkdwn') return within(t.text, 1, max) && optionalBoolean(t.verbatim);
  return plainTextFits(t, max);
}

/** A URL zod accepts and leaves as it is: parseable, with no edge spaces nor tabs or newlines for it to strip. */
function urlFits(url: unknown): boolean {
  if (url === undefined) return true;
  return within(url, 0, L.buttonUrl) && url.trim() === url && !/[\t\n\r]/.test(url) && URL.canParse(url);
}

function buttonFits(b: Button): boolean {
  return (
    b !== null &&
    typeof b === 'object' &&
    b.type === 'button' &&
    plainTextFits(b.text, L.buttonText) &&
    within(b.action_id, 1, L.actionId) &&
    optionalWithin(b.value, 0, L.buttonValue) &&
    urlFits(b.url) &&
    (b.style === undefined || b.style === 'primary' || b.style === 'danger')
  );
}

function blockFits(block: Block): boolean {
  if (block === null || typeof block !== 'object' || !optionalWithin(block.block_id, 1, L.blockId))
    return false;
  switch (block.type) {
    case 'header':
      return plainTextFits(block.text, L.headerText);
    case 'section': {
      const { text, fields, accessory } = block;
      if (text === undefined && fields === undefined) return false;
      if (text !== undefined && !textObjectFits(text, L.sectionText)) return false;
      if (fields !== undefined) {
        if (!Array.isArray(fields) || fields.length < 1 || fields.length > L.sectionFields) return false;
        for (const f of fields) if (!textObjectFits(f, L.sectionFieldText)) return false;
      }
      return accessory === undefined || buttonFits(accessory);
    }
    case 'context': {
      const { elements } = block;
      if (!Array.isArray(elements) || elements.length < 1 || elements.length > L.contextElements)
        return false;
      for (const e of elements) if (!textObjectFits(e, L.contextText)) return false;
      return true;
    }
    case 'divider':
      return true;
    case 'actions': {
      const { elements } = block;
      if (!Array.isArray(elements) || elements.length < 1 || elements.length > L.actionsElements)
        return false;
      const ids = new Set<string>();
      for (const e of elements) {
        if (!buttonFits(e) || ids.has(e.action_id)) return false;
        ids.add(e.action_id);
      }
      return true;
    }
    case 'input': {
      const { element } = block;
      return (
        plainTextFits(block.label, L.inputLabel) &&
        (block.hint === undefined || plainTextFits(block.hint, L.inputLabel)) &&
        optionalBoolean(block.optional) &&
        optionalBoolean(block.dispatch_action) &&
        element !== null &&
        typeof element === 'object' &&
        element.type === 'plain_text_input' &&
        within(element.action_id, 1, L.actionId) &&
        optionalBoolean(element.multiline) &&
        (element.max_length === undefined ||
          (Number.isInteger(element.max_length) && element.max_length > 0 && element.max_length <= 3000))
      );
    }
    default:
      return false;
  }
}

/** True only when `message` passes `SlackMessageSchema` (it may refuse a few exotic messages the schema takes). */
export function fitsSlackMessage(message: SlackMessage): boolean {
  const { text, blocks } = message;
  if (!within(text, 1, L.messageText)) return false;
  if (!Array.isArray(blocks) || blocks.length < 1 || blocks.length > L.blocksPerMessage) return false;
  for (const block of blocks) if (!blockFits(block)) return false;
  return blockTextLength(blocks) <= L.aggregateBlockText;
}

/** True only when `view` passes `SlackModalViewSchema`: 100 blocks, each within its limits, short title texts. */
export function fitsSlackView(view: SlackModalView): boolean {
  const { blocks } = view;
  if (
    view.type !== 'modal' ||
    !plainTextFits(view.title, L.viewTitle) ||
    !plainTextFits(view.close, L.viewButton)
  )
    return false;
  if (!Array.isArray(blocks) || blocks.length < 1 || blocks.length > L.blocksPerView) return false;
  for (const block of blocks) if (!blockFits(block)) return false;
  return true;
}

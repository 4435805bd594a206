/**
 * Button payloads on the way out and back. Slack returns a button's `value` as the string we wrote; Teams
 * returns `Action.Submit` data as an object (plus the values of the card's inputs). Both come back through
 * `ActionPayloadSchema`, so a forged or stale payload is dropped rather than trusted. On the way out they are not
 * parsed again: every payload comes from a reply the reply check (reply-check.ts) already held to the schema, and
 * a property test renders generated replies and reads every button back through the schema.
 */
import { ActionPayloadSchema, type ActionId, type ActionPayload } from '../conversations/types.js';

/** Slack `action_id` prefix: one app may own several, and ours should be recognisable in logs. */
export const SLACK_ACTION_PREFIX = 'ad_';
/** The Activation Centers link button; Slack still sends an interaction for it, which the adapter just acks. */
export const SLACK_OPEN_URL_ACTION_ID = 'ad_open_activation_centers';

export function slackActionId(action: ActionId): string {
  return SLACK_ACTION_PREFIX + action;
}

/** Slack button `value`: compact JSON of the payload (Slack caps it at 2000 characters; block-kit.ts keeps it below). */
export function encodeSlackValue(payload: ActionPayload): string {
  return JSON.stringify(payload);
}

/**
 * Reads a payload from either surface: a Slack `value` string (JSON) or a Teams `value` object. Teams input
 * values arrive as extra keys; empty inputs arrive as '' and are dropped. Returns undefined when invalid.
 */
export function parseActionPayload(raw: unknown): ActionPayload | undefined {
  let value = raw;
  if (typeof raw === 'string') {
    if (raw.length > 4000) return undefined;
    try {
      value = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = { ...(value as Record<string, unknown>) };
  if (typeof record.text === 'string') {
    const text = record.text.trim();
    if (text === '') delete record.text;
    else record.text = text;
  }
  const parsed = ActionPayloadSchema.safeParse(record);
  return parsed.success ? parsed.data : undefined;
}

/** Slack `block_actions`: the action id says which button, the value carries the payload. */
export function parseSlackAction(action: {
  action_id?: unknown;
  value?: unknown;
}): ActionPayload | undefined {
  if (typeof action.action_id !== 'string' || !action.action_id.startsWith(SLACK_ACTION_PREFIX))
    return undefined;
  const payload = parseActionPayload(action.value);
  // The value must agree with the button it came from.
  return payload && slackActionId(payload.action) === action.action_id ? payload : undefined;
}

/**
 * Slack payloads → InboundMessage. Pure functions: no client, no store. The listeners decide what to do with
 * the result; these only decide what a payload means.
 */
import { SLACK_NOTE_ACTION_ID, SLACK_NOTE_BLOCK_ID } from '../../bot/render/block-kit.js';
import type { ActionPayload, Addressed, InboundMessage } from '../../conversations/types.js';

/** The fields of a Slack message-like event we read. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  client_msg_id?: string;
}

export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/** Subtypes that are still a person speaking; every other subtype (edits, deletes, joins, bot posts) is ignored. */
const USER_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** Bot posts (ours and others'), edits and system messages never reach the engine: no loops, no double answers. */
export function shouldIgnore(event: SlackMessageEvent, bot: BotIdentity): boolean {
  if (event.bot_id) return true;
  if (event.subtype && !USER_SUBTYPES.has(event.subtype)) return true;
  if (!event.user) return true;
  if (bot.botUserId && event.user === bot.botUserId) return true;
  return false;
}

/**
 * A user mention, `<@U123>` or `<@U123|name>`. The label excludes `<` as well as `>`: with `[^>]*` a run of
 * `<@U1|` without a closing `>` made every start scan to the end of the text (quadratic; a 1 MiB message took
 * over a minute). Slack escapes `<` inside labels, so no real mention is lost.
 */
const USER_MENTION = /<@[UW][A-Z0-9]+(?:\|[^<>]*)?>/g;

/** `<@U123>` and `<@U123|name>` mentions removed; what is left is what the person asked. */
export function stripMentions(text: string): string {
  return text
    .replace(USER_MENTION, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

export function mentionsUser(text: string | undefined, userId: string | undefined): boolean {
  if (!text || !userId || !/^[UW][A-Z0-9]+$/.test(userId)) return false;
  for (const m of text.matchAll(USER_MENTION)) {
    const end = m[0].indexOf('|');
    if (m[0].slice(2, end === -1 ? -1 : end) === userId) return true;
  }
  return false;
}

/**
 * How a message event is addressed to the bot. A channel message that mentions the bot also arrives as
 * `app_mention`; that copy is the one we answer, so this one returns undefined (skip).
 */
export function addressingOf(event: SlackMessageEvent, bot: BotIdentity): Addressed | undefined {
  if (event.type === 'app_mention') return 'mention';
  if (event.channel_type === 'im') return 'dm';
  if (mentionsUser(event.text, bot.botUserId)) {
    // A group DM is answered from its message copy: whether Slack also sends app_mention there is not promised,
    // and when it does the engine's channel + ts dedup drops the second copy.
    return event.channel_type === 'mpim' ? 'mention' : undefined;
  }
  // A reply in a thread: answered only where the bot has posted (the engine reads that with the thread), and
  // chatter stays quiet.
  if (event.thread_ts && event.thread_ts !== event.ts) return 'thread';
  return undefined;
}

export function fromMessageEvent(
  event: SlackMessageEvent & { channel: string; user: string; ts: string },
  meta: { teamId: string; eventId?: string; addressed: Addressed; receivedAt: number },
): InboundMessage {
  return {
    platform: 'slack',
    tenant: meta.teamId,
    channel: event.channel,
    threadKey: event.thread_ts ?? event.ts,
    messageId: event.ts,
    eventId: meta.eventId,
    user: { id: event.user },
    text: stripMentions(event.text ?? ''),
    addressed: meta.addressed,
    receivedAt: meta.receivedAt,
  };
}

export interface SlashCommandFields {
  team_id: string;
  channel_id: string;
  user_id: string;
  user_name?: string;
  text?: string;
  trigger_id: string;
}

/** `/activation`, `/activation help` and `/activation ?` ask for the private help card. */
export function isHelpCommand(text: string | undefined): boolean {
  return /^\s*(help|aide|\?)?\s*$/i.test(text ?? '');
}

/**
 * `/activation <text>`. The answer starts a new thread in the channel: `threadTs` is the ts of the message the
 * listener posted for it, so buttons and follow-ups in that thread find the same state. Help has no thread.
 */
export function fromSlashCommand(
  command: SlashCommandFields,
  receivedAt: number,
  threadTs?: string,
): InboundMessage {
  return {
    platform: 'slack',
    tenant: command.team_id,
    channel: command.channel_id,
    threadKey: threadTs ?? `cmd-${command.trigger_id}`,
    messageId: `cmd-${command.trigger_id}`,
    user: { id: command.user_id, name: command.user_name },
    text: stripMentions(command.text ?? ''),
    addressed: 'command',
    receivedAt,
  };
}

export interface MessageShortcutPayload {
  team?: { id: string } | null;
  channel?: { id: string };
  user: { id: string; name?: string };
  message: { ts: string; thread_ts?: string; text?: string; user?: string; bot_id?: string };
  action_ts?: string;
  trigger_id: string;
}

/** "Diagnose this message" on any message: the answer goes in that message's thread. */
export function fromMessageShortcut(
  payload: MessageShortcutPayload,
  receivedAt: number,
): InboundMessage | undefined {
  const channel = payload.channel?.id;
  const team = payload.team?.id;
  if (!channel || !team) return undefined;
  return {
    platform: 'slack',
    tenant: team,
    channel,
    threadKey: payload.message.thread_ts ?? payload.message.ts,
    // Each use of the shortcut is its own request (running it twice should answer twice).
    messageId: `shortcut-${payload.action_ts ?? payload.trigger_id}`,
    user: { id: payload.user.id, name: payload.user.name },
    text: stripMentions(payload.message.text ?? ''),
    addressed: 'shortcut',
    receivedAt,
  };
}

export interface BlockActionsPayload {
  team?: { id: string; domain?: string } | null;
  user: { id: string; name?: string };
  channel?: { id: string };
  container?: { channel_id?: string; message_ts?: string; thread_ts?: string };
  message?: { ts: string; thread_ts?: string };
  actions: Array<{ action_id: string; value?: string; action_ts?: string }>;
  /** Values of the message's input blocks at the time of the click. */
  state?: { values?: Record<string, Record<string, { type?: string; value?: string | null }>> };
}

/** The text typed in the card's note box (`state.values`), trimmed; undefined when empty or absent. */
export function noteOf(body: Pick<BlockActionsPayload, 'state'>): string | undefined {
  const value = body.state?.values?.[SLACK_NOTE_BLOCK_ID]?.[SLACK_NOTE_ACTION_ID]?.value;
  const text = typeof value === 'string' ? value.trim().slice(0, 2000) : '';
  return text === '' ? undefined : text;
}

/** A click on one of our card buttons. The card's ts lets the engine ask for an in-place update. */
export function fromBlockAction(
  body: BlockActionsPayload,
  action: { action_id: string; action_ts?: string },
  payload: ActionPayload,
  receivedAt: number,
): InboundMessage | undefined {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const cardTs = body.message?.ts ?? body.container?.message_ts;
  const team = body.team?.id;
  if (!channel || !cardTs || !team) return undefined;
  const threadTs = body.message?.thread_ts ?? body.container?.thread_ts ?? cardTs;
  // A button that reads the card's box (Need info, Escalated to Microsoft, Resolved) gets what was typed there.
  const note = payload.text === undefined ? noteOf(body) : undefined;
  const withNote = note ? { ...payload, text: note } : payload;
  return {
    platform: 'slack',
    tenant: team,
    channel,
    threadKey: threadTs,
    messageId: `action-${cardTs}-${action.action_id}-${action.action_ts ?? receivedAt}`,
    user: { id: body.user.id, name: body.user.name },
    text: withNote.text ?? '',
    addressed: 'button',
    action: withNote,
    actionMessageId: cardTs,
    receivedAt,
  };
}

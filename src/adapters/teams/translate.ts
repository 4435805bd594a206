/**
 * Teams activities → InboundMessage. Pure functions over the activity JSON: no TurnContext, no connector. The bot
 * (bot.ts) decides what to do with the result; these only decide what an activity means.
 */
import type { Activity, ChannelAccount } from 'botbuilder';
import { parseActionPayload } from '../../bot/actions.js';
import type { Addressed, InboundMessage } from '../../conversations/types.js';

/** Tenant used when neither channelData nor the conversation carries one (local tools in anonymous mode). */
export const NO_TENANT = 'no-tenant';

const MESSAGE_ID_MARK = ';messageid=';
const MAX_LOCALE = 35;

/** The subset of a Bot Framework activity this module reads (tests build plain objects of this shape). */
export type TeamsActivity = Pick<
  Partial<Activity>,
  | 'id'
  | 'text'
  | 'value'
  | 'replyToId'
  | 'locale'
  | 'entities'
  | 'attachments'
  | 'channelData'
  | 'conversation'
> & { from?: Partial<ChannelAccount> & { aadObjectId?: string }; recipient?: Partial<ChannelAccount> };

interface TeamsChannelData {
  channel?: { id?: string };
  tenant?: { id?: string };
}

function channelDataOf(activity: TeamsActivity): TeamsChannelData {
  const data: unknown = activity.channelData;
  return data !== null && typeof data === 'object' ? (data as TeamsChannelData) : {};
}

/** `19:abc@thread.tacv2;messageid=171` → `19:abc@thread.tacv2`. */
export function withoutMessageId(conversationId: string): string {
  const at = conversationId.indexOf(MESSAGE_ID_MARK);
  return at === -1 ? conversationId : conversationId.slice(0, at);
}

export function tenantOf(activity: TeamsActivity): string {
  const conversation = activity.conversation as { tenantId?: string } | undefined;
  return channelDataOf(activity).tenant?.id || conversation?.tenantId || NO_TENANT;
}

/** The Teams channel (or chat) the activity belongs to, without the thread part. */
export function channelOf(activity: TeamsActivity): string | undefined {
  const id = activity.conversation?.id;
  return channelDataOf(activity).channel?.id || (id ? withoutMessageId(id) : undefined);
}

export type ConversationType = 'personal' | 'groupChat' | 'channel';

export function conversationTypeOf(activity: TeamsActivity): ConversationType {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  // Emulators and the Agents Playground may omit it for one-to-one chats.
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

interface MentionEntity {
  type?: string;
  text?: string;
  mentioned?: { id?: string };
}

function mentionsOf(activity: TeamsActivity): MentionEntity[] {
  return (activity.entities ?? []).filter((e) => e.type === 'mention') as MentionEntity[];
}

export function mentionsBot(activity: TeamsActivity): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId && mentionsOf(activity).some((m) => m.mentioned?.id === botId));
}

/** Distinct texts of the bot's mention removed from a message (an activity normally carries one). */
const MAX_BOT_MENTION_TEXTS = 8;

/**
 * The text the person typed, without the bot's `<at>Name</at>` (every occurrence, like
 * `TurnContext.removeRecipientMention` but without mutating the activity). Other people's mentions keep their
 * name as plain text.
 */
export function textWithoutBotMention(activity: TeamsActivity): string {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  // Each distinct mention text once, and only a few: an activity listing thousands of entities would otherwise
  // cost one pass over the text per entity.
  const botMentions = new Set<string>();
  for (const mention of mentionsOf(activity)) {
    if (botId && mention.mentioned?.id === botId && mention.text) botMentions.add(mention.text);
    if (botMentions.size >= MAX_BOT_MENTION_TEXTS) break;
  }
  for (const mentionText of botMentions) text = text.split(mentionText).join(' ');
  return text
    .replace(/<at>([^<]*)<\/at>/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * A message with rich formatting (a code block pasted into the compose box) also carries a `text/html`
 * attachment. When `text` is empty (an image-only or HTML-only post), that HTML is the only copy of the paste.
 */
export function htmlAttachmentText(activity: TeamsActivity): string {
  const html = (activity.attachments ?? []).find((a) => a.contentType === 'text/html')?.content;
  if (typeof html !== 'string') return '';
  return decodeEntities(
    html
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|pre|tr|h[1-6])>/gi, '\n')
      // `[^<>]`, not `[^>]`: over a run of `<` with no `>`, every `<` would scan to the end (quadratic).
      .replace(/<[^<>]*>/g, ''),
  ).trim();
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,10});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[body.toLowerCase()] ?? whole;
  });
}

/** A bot, or the bot itself, speaking: never answered (no loops between bots). */
export function isFromBot(activity: TeamsActivity): boolean {
  return (
    activity.from?.role === 'bot' || (!!activity.from?.id && activity.from.id === activity.recipient?.id)
  );
}

export type Translation =
  | { kind: 'message'; msg: InboundMessage }
  /** Why the activity was dropped, for logs and metrics. */
  | { kind: 'skip'; reason: 'bot-message' | 'no-conversation' | 'invalid-action' | 'empty' };

/**
 * A Teams `message` activity as the engine sees it. A message carrying `value` is an `Action.Submit` click:
 * its payload is validated (forged or stale data is dropped) and `replyToId` names the card to update.
 */
export function fromMessageActivity(
  activity: TeamsActivity,
  receivedAt: number,
  fallbackId: () => string,
): Translation {
  if (isFromBot(activity)) return { kind: 'skip', reason: 'bot-message' };
  const threadKey = activity.conversation?.id;
  const channel = channelOf(activity);
  if (!threadKey || !channel) return { kind: 'skip', reason: 'no-conversation' };

  const base = {
    platform: 'teams' as const,
    tenant: tenantOf(activity),
    channel,
    threadKey,
    messageId: activity.id || fallbackId(),
    user: {
      id: activity.from?.aadObjectId || activity.from?.id || 'unknown',
      ...(activity.from?.name ? { name: activity.from.name.slice(0, 200) } : {}),
    },
    ...(activity.locale && activity.locale.length <= MAX_LOCALE ? { localeHint: activity.locale } : {}),
    receivedAt,
  };

  if (activity.value !== undefined && activity.value !== null) {
    const action = parseActionPayload(activity.value);
    if (!action) return { kind: 'skip', reason: 'invalid-action' };
    return {
      kind: 'message',
      msg: {
        ...base,
        text: action.text ?? '',
        addressed: 'button',
        action,
        ...(activity.replyToId ? { actionMessageId: activity.replyToId } : {}),
      },
    };
  }

  const text = textWithoutBotMention(activity) || htmlAttachmentText(activity);
  if (text === '') return { kind: 'skip', reason: 'empty' };
  return { kind: 'message', msg: { ...base, text, addressed: addressingOf(activity) } };
}

/**
 * Teams delivers channel and group-chat messages only when they @mention the bot, unless the app holds
 * resource-specific consent; such unaddressed messages reach the engine as 'none' (answered only when they carry
 * evidence, or follow up in a thread the bot answered).
 */
export function addressingOf(activity: TeamsActivity): Addressed {
  if (conversationTypeOf(activity) === 'personal') return 'dm';
  return mentionsBot(activity) ? 'mention' : 'none';
}

/**
 * The escalation handoff on Teams. Every effect is sent through `continueConversationAsync` on the target's
 * ConversationReference (or through the current turn when the target is the conversation of that turn):
 *
 * - a post in a thread is a message in that thread's conversation (`19:…;messageid=…`);
 * - a post without a thread in a Teams channel starts a new thread: `conversations.createConversation` with the
 *   channel id, through the connector client of a proactive turn on the channel. `TeamsInfo.sendMessageToTeamsChannel`
 *   does the same, but needs an app id (it fails in anonymous, Agents Playground mode) and, under CloudAdapter,
 *   returns the conversation id where the activity id is expected; calling the connector gives both ids;
 * - an update replaces the activity in its conversation;
 * - a private note: Teams has no ephemeral message in channels, and a 1:1 chat needs the user's personal
 *   conversation, which the bot may never have had. So the note is a short reply to the clicked card, in the
 *   same conversation, that @mentions the user — visible to the channel, but addressed, and brief.
 */
import {
  MessageFactory,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { adaptiveCardAttachment, renderAdaptiveCard } from '../../bot/render/adaptive-card.js';
import type { CardModel, Target } from '../../conversations/escalations/types.js';
import type { EffectExecutor, EphemeralEffect } from '../effects.js';
import type { ConversationRefs, StoredReference } from './conversation-refs.js';
import { derivedChannelReference, type TeamsEscalationChannel } from './escalation-channel.js';
import { withRetry, type RetryOptions } from './retry.js';

const MESSAGE_ID_MARK = ';messageid=';

export interface TeamsEffectsOptions {
  adapter: CloudAdapter;
  /** The bot's app id ('' in anonymous mode). */
  appId: string;
  refs: ConversationRefs;
  escalationChannel?: TeamsEscalationChannel;
  retry?: RetryOptions;
}

function cardActivity(reply: CardModel) {
  return MessageFactory.attachment(adaptiveCardAttachment(renderAdaptiveCard(reply)));
}

/** A Teams channel id, as opposed to a chat (`a:…`, `19:…@unq.gbl.spaces`) or a channel thread. */
function isChannelId(id: string): boolean {
  return /@thread\.(tacv2|skype)$/.test(id);
}

/** The activity id in `19:…@thread.tacv2;messageid=1700000000000`. */
function activityIdOf(conversationId: string): string | undefined {
  const at = conversationId.indexOf(MESSAGE_ID_MARK);
  return at === -1 ? undefined : conversationId.slice(at + MESSAGE_ID_MARK.length);
}

/**
 * Effects sent from a turn (`turn`: the click or message that produced them) or from the reminder timer (no
 * turn). The turn also lends its service URL and tenant to an escalation channel the bot has not seen yet.
 */
export function teamsExecutor(options: TeamsEffectsOptions, turn?: TurnContext): EffectExecutor {
  const { adapter, appId, refs } = options;
  const retry = options.retry ?? {};
  const turnRef = turn
    ? (turnReference(turn) as StoredReference & { conversation: { id: string } })
    : undefined;

  /** The address of a target: its own reference, a stored one, the captured channel, or one derived from the turn. */
  async function addressOf(target: Target): Promise<StoredReference> {
    if (target.conversationRef) return target.conversationRef as StoredReference;
    const id = target.threadKey ?? target.channel;
    const stored = await refs.get(target.tenant, id);
    if (stored) return stored;
    const channel = options.escalationChannel;
    if (channel && target.channel === channel.channelId && !target.threadKey) {
      const captured = await channel.load();
      if (captured) return captured;
    }
    if (turnRef) {
      if (turnRef.conversation.id === id) return turnRef;
      if (!target.threadKey) return derivedChannelReference(turnRef, target.channel);
    }
    throw new Error(`no Teams conversation reference for ${id}`);
  }

  /** Runs `logic` in the target's conversation: the current turn when it is that one, else a proactive turn. */
  async function inConversation<T>(
    ref: StoredReference,
    logic: (ctx: TurnContext) => Promise<T>,
  ): Promise<T> {
    if (turn && turnRef && ref.conversation?.id === turnRef.conversation.id) return logic(turn);
    let out: T | undefined;
    await adapter.continueConversationAsync(appId, ref as Partial<ConversationReference>, async (ctx) => {
      out = await logic(ctx);
    });
    return out as T;
  }

  async function send(ref: StoredReference, activity: ReturnType<typeof cardActivity>): Promise<string> {
    return inConversation(ref, async (ctx) => {
      const sent = await withRetry(() => ctx.sendActivity(activity), retry);
      if (!sent?.id) throw new Error('Teams returned no activity id');
      return sent.id;
    });
  }

  return {
    platform: 'teams',
    async post(effect) {
      const ref = await addressOf(effect.target);
      const conversationId = ref.conversation?.id ?? '';
      if (effect.target.threadKey || !isChannelId(conversationId)) {
        // A thread, or a chat (which has no threads): the message goes in that conversation.
        const messageId = await send(ref, cardActivity(effect.reply));
        return { messageId, threadKey: effect.target.threadKey ?? conversationId, conversationRef: ref };
      }
      const created = await inConversation(ref, async (ctx) => {
        const client = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
        const tenantId = (ref.conversation as { tenantId?: string }).tenantId;
        return withRetry(
          () =>
            client.conversations.createConversation({
              isGroup: true,
              bot: ref.bot as ConversationReference['bot'],
              ...(tenantId ? { tenantId } : {}),
              channelData: {
                channel: { id: conversationId },
                ...(tenantId ? { tenant: { id: tenantId } } : {}),
              },
              activity: cardActivity(effect.reply) as Activity,
              members: [],
            }),
          retry,
        );
      });
      const messageId = created.activityId ?? activityIdOf(created.id ?? '');
      if (!created.id || !messageId) throw new Error('Teams created no thread');
      const threadRef: StoredReference = { ...ref, conversation: { ...ref.conversation!, id: created.id } };
      return { messageId, threadKey: created.id, conversationRef: threadRef };
    },
    async update(effect) {
      const ref = await addressOf(effect.target);
      await inConversation(ref, async (ctx) => {
        const activity = { ...cardActivity(effect.reply), id: effect.messageId };
        await withRetry(() => ctx.updateActivity(activity), retry);
      });
    },
    async ephemeral(effect) {
      const ref = await addressOf(effect.target);
      await send(ref, privateNote(effect, turn));
    },
  };
}

/** Only the parts of the turn's reference a proactive send needs (as conversation-refs stores them). */
function turnReference(turn: TurnContext): StoredReference {
  const a = turn.activity;
  return {
    ...(a.recipient ? { bot: { id: a.recipient.id, name: a.recipient.name } } : {}),
    ...(a.conversation ? { conversation: a.conversation } : {}),
    ...(a.channelId ? { channelId: a.channelId } : {}),
    ...(a.serviceUrl ? { serviceUrl: a.serviceUrl } : {}),
    ...(a.locale ? { locale: a.locale } : {}),
  };
}

/** A short text that @mentions the user it is for (see the header for why it is not truly private). */
function privateNote(effect: EphemeralEffect, turn: TurnContext | undefined) {
  const from = turn?.activity.from as { id?: string; name?: string; aadObjectId?: string } | undefined;
  const isClicker = from && (from.aadObjectId === effect.userId || from.id === effect.userId);
  const text = `${effect.reply.title}: ${effect.reply.summary}`;
  if (!isClicker || !from?.id) return MessageFactory.text(text);
  const name = from.name?.trim() || 'you';
  const mention = `<at>${name}</at>`;
  const activity = MessageFactory.text(`${mention} ${text}`);
  activity.entities = [{ type: 'mention', text: mention, mentioned: { id: from.id, name } }];
  return activity;
}

/**
 * The Teams bot: a thin TeamsActivityHandler that translates activities (translate.ts) and runs the shared turn
 * (../run-turn.ts) through a Teams surface: Adaptive Cards sent and updated through the turn context, the
 * escalation effects, the escalation team's membership and the conversation reference (written with the turn's
 * state). Channel replies go to the thread the message came from: the turn's conversation id carries its
 * `;messageid=`.
 */
import {
  ActivityTypes,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { adaptiveCardAttachment, renderAdaptiveCard } from '../../bot/render/adaptive-card.js';
import type { ConversationEngine } from '../../conversations/engine.js';
import { langOfLocale } from '../../conversations/turn.js';
import { phrases } from '../../conversations/phrases.js';
import { helpReply } from '../../conversations/reply.js';
import type { ReplyModel } from '../../conversations/types.js';
import type { AppMetrics } from '../../observability/app-metrics.js';
import type { Logger } from '../../observability/logger.js';
import { runTurn, type TurnSurface } from '../run-turn.js';
import { storedReferenceOf, type RememberOnce } from './conversation-refs.js';
import { teamsExecutor, type TeamsEffectsOptions } from './effects.js';
import { withRetry, type RetryOptions } from './retry.js';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER, searchResponse } from './search.js';
import { teamsFileReading, translateWithFiles, type TeamsFilesDeps } from './attachments.js';
import { NO_TENANT, tenantOf, type TeamsActivity } from './translate.js';

export interface TeamsBotDeps {
  engine: Pick<ConversationEngine, 'prepare' | 'rememberPosted' | 'hasSpokenIn'>;
  metrics: AppMetrics;
  logger: Logger;
  /** Conversation references for proactive messages (escalation). */
  refs: RememberOnce;
  /** How escalation effects are sent (adapter, app id, stored references, the escalation channel). */
  effects?: TeamsEffectsOptions;
  retry?: RetryOptions;
  /** Reads inline images and attached files (absent: attachments are ignored). */
  files?: TeamsFilesDeps;
  now?: () => number;
}

export class ActivationDoctorTeamsBot extends TeamsActivityHandler {
  private readonly now: () => number;
  private readonly log: Logger;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.now = deps.now ?? Date.now;
    this.log = deps.logger;

    this.onTurn(async (context, next) => {
      await this.rememberConversation(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  /** Compose-box search: one card per matching catalogue code. */
  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const lang = langOfLocale(context.activity.locale) ?? 'en';
    if (query.commandId !== SEARCH_COMMAND_ID) {
      this.log.warn('teams search: unknown command', { commandId: query.commandId });
      return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } };
    }
    const param = query.parameters?.find((p) => p.name === SEARCH_PARAMETER);
    const text = typeof param?.value === 'string' ? param.value : '';
    const response = searchResponse(text, lang);
    this.log.debug('teams search', { results: response.composeExtension?.attachments?.length ?? 0 });
    return response;
  }

  private async answer(context: TurnContext): Promise<void> {
    const receivedAt = this.now();
    // A pasted screenshot with nothing typed is a message too: its files give it its text.
    const translated = translateWithFiles(
      context.activity as TeamsActivity,
      receivedAt,
      () => `gen-${randomUUID()}`,
    );
    if (translated.kind === 'skip') {
      this.deps.metrics.recordOutcome('teams', 'ignored');
      this.log.debug('teams activity skipped', { reason: translated.reason });
      return;
    }
    const msg = translated.msg;
    // The escalation keeps where to post later in this conversation (status changes, the team's questions); the
    // turn's own write carries it when this process has not stored it yet.
    const ref = storedReferenceOf(TurnContext.getConversationReference(context.activity));
    const tenant = tenantOf(context.activity as TeamsActivity);
    const alongside = this.deps.refs.pending(tenant, ref);
    const surface: TurnSurface = {
      platform: 'teams',
      post: (reply) => this.postCard(context, reply),
      update: (cardId, reply) => this.updateCard(context, reply, cardId),
      conversationRef: ref,
      ...(alongside ? { alongside } : {}),
      ...(this.deps.effects ? { effects: teamsExecutor(this.deps.effects, context) } : {}),
      isMember: (userId) => this.isEscalationMember(context, userId),
    };
    const readFiles = teamsFileReading(context, msg, this.deps.files);
    if (readFiles) surface.readFiles = readFiles;
    const outcome = await runTurn(
      { engine: this.deps.engine, metrics: this.deps.metrics, logger: this.log, now: this.now },
      msg,
      surface,
    );
    // Not carried, or the turn wrote nothing: stored on its own (a no-op once this process has stored it).
    if (alongside && outcome.saved === 'saved') this.deps.refs.saved(tenant, ref);
    else await this.rememberReference(tenant, ref);
  }

  /** Membership of the escalation channel's team; undefined when not checkable (ESCALATION_MEMBERS decides). */
  private async isEscalationMember(context: TurnContext, userId: string): Promise<boolean | undefined> {
    const channel = this.deps.effects?.escalationChannel;
    if (!channel) return undefined;
    const from = context.activity.from as { id?: string; aadObjectId?: string } | undefined;
    const ids = [userId, from?.id, from?.aadObjectId].filter((x): x is string => Boolean(x));
    try {
      return await channel.isMember(context, ids);
    } catch (error) {
      this.log.warn('escalation team members not read; ESCALATION_MEMBERS decides', { err: error });
      return undefined;
    }
  }

  /** Sends the card in the turn's conversation (the channel thread, or the chat); returns the new activity id. */
  private async postCard(context: TurnContext, reply: ReplyModel): Promise<string | undefined> {
    const activity = MessageFactory.attachment(adaptiveCardAttachment(renderAdaptiveCard(reply)));
    const sent = await withRetry(() => context.sendActivity(activity), this.retryOptions('send'));
    return sent?.id;
  }

  /** Replaces the card a button was clicked on. */
  private async updateCard(context: TurnContext, reply: ReplyModel, cardId: string): Promise<void> {
    const activity = {
      ...MessageFactory.attachment(adaptiveCardAttachment(renderAdaptiveCard(reply))),
      id: cardId,
    };
    await withRetry(() => context.updateActivity(activity), this.retryOptions('update'));
  }

  /** The bot was added to a chat or team: a short help card, once, in the language of the client. */
  private async welcome(context: TurnContext): Promise<void> {
    const lang = langOfLocale(context.activity.locale) ?? 'en';
    const p = phrases(lang);
    try {
      await this.postCard(context, helpReply({ lang, warnings: [] }, p.helpSummary, p.starterAsks));
      this.log.info('teams welcome sent', {
        conversationType: context.activity.conversation?.conversationType,
      });
    } catch (error) {
      this.log.warn('teams welcome failed', { err: error });
    }
  }

  /**
   * A message turn stores its conversation's reference itself (with its state), so for a message the reference is
   * built here only in the escalation channel; any other activity stores it here.
   */
  private async rememberConversation(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (!activity.conversation?.id || !activity.serviceUrl) return;
    const channel = this.deps.effects?.escalationChannel;
    const inEscalationChannel = channel?.isIn(activity as TeamsActivity) ?? false;
    const isMessage = activity.type === ActivityTypes.Message;
    if (isMessage && !inEscalationChannel) return;
    try {
      const ref = storedReferenceOf(TurnContext.getConversationReference(activity));
      const tenant = tenantOf(activity as TeamsActivity);
      if (!isMessage) await this.deps.refs.remember(tenant, ref);
      if (channel && inEscalationChannel) {
        // The escalation channel's address, for handoff threads and reminders posted there later.
        await channel.capture(ref, tenant === NO_TENANT ? undefined : tenant);
      }
    } catch (error) {
      // Losing a reference only costs a later proactive message; the turn goes on.
      this.log.warn('teams conversation reference not saved', { err: error });
    }
  }

  private async rememberReference(tenant: string, ref: ReturnType<typeof storedReferenceOf>): Promise<void> {
    try {
      await this.deps.refs.remember(tenant, ref);
    } catch (error) {
      // Losing a reference only costs a later proactive message.
      this.log.warn('teams conversation reference not saved', { err: error });
    }
  }

  private retryOptions(call: 'send' | 'update'): RetryOptions {
    return {
      ...this.deps.retry,
      onRetry: (info) => this.log.warn('teams connector call retried', { call, ...info }),
    };
  }
}

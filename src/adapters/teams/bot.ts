/**
 * The Teams bot: a thin TeamsActivityHandler that translates activities (translate.ts), asks the engine, renders
 * Adaptive Cards and sends them back through the turn context. Channel replies go to the thread the message came
 * from, because the turn's conversation id carries its `;messageid=`.
 */
import {
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
import { isHandoffAction } from '../../conversations/escalations/service.js';
import { phrases } from '../../conversations/phrases.js';
import { helpReply } from '../../conversations/reply.js';
import type { EngineResult, InboundMessage, ReplyModel } from '../../conversations/types.js';
import type { AppMetrics } from '../../observability/app-metrics.js';
import type { Logger } from '../../observability/logger.js';
import { executeEffects } from '../effects.js';
import { storedReferenceOf, type RememberOnce } from './conversation-refs.js';
import { teamsExecutor, type TeamsEffectsOptions } from './effects.js';
import { withRetry, type RetryOptions } from './retry.js';
import { SEARCH_COMMAND_ID, SEARCH_PARAMETER, searchResponse } from './search.js';
import { teamsFileTurn, translateWithFiles, type TeamsFilesDeps } from './attachments.js';
import { NO_TENANT, tenantOf, type TeamsActivity } from './translate.js';

export interface TeamsBotDeps {
  engine: Pick<ConversationEngine, 'handle' | 'rememberCard' | 'cardsOf' | 'rememberPosted'>;
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
    let msg = translated.msg;
    if (msg.addressed === 'none') {
      // Only with resource-specific consent do unaddressed channel messages arrive: follow-ups count in a thread
      // where the bot already posted a card.
      const cards = await this.deps.engine.cardsOf(msg);
      msg = { ...msg, botInThread: cards.length > 0 };
    }
    // The escalation keeps where to post later in this conversation (status changes, the team's questions).
    msg.conversationRef = storedReferenceOf(TurnContext.getConversationReference(context.activity));
    if (msg.action && isHandoffAction(msg.action.action)) {
      const member = await this.isEscalationMember(context, msg.user.id);
      if (member !== undefined) msg.isMember = member;
    }

    // Files: read into the text; with a screenshot, "Reading your screenshot…" is sent now and updated below.
    const files = await teamsFileTurn(context, msg, this.deps.files);
    let result: EngineResult;
    try {
      result = files.decorate(await this.deps.engine.handle(files.msg));
    } catch (error) {
      this.deps.metrics.recordOutcome('teams', 'error');
      this.log.error('engine failed on a teams message', { err: error, addressed: msg.addressed });
      return;
    }
    if (!result.reply || result.mode === 'none') {
      this.finish(msg, result);
      await this.runEffects(context, result);
      return;
    }

    try {
      if (result.mode === 'update' && msg.actionMessageId) {
        await this.updateCard(context, result.reply, msg.actionMessageId);
      } else if (files.ackId) {
        await this.updateCard(context, result.reply, files.ackId);
        await this.deps.engine.rememberCard(msg, files.ackId);
      } else {
        const id = await this.postCard(context, result.reply);
        if (id) await this.deps.engine.rememberCard(msg, id);
      }
    } catch (error) {
      this.deps.metrics.recordOutcome('teams', 'error');
      this.log.error('teams reply failed', { err: error, addressed: msg.addressed });
      return;
    }
    this.finish(msg, result);
    await this.runEffects(context, result);
  }

  /** The escalation handoff's posts, updates and private notes, after the reply. */
  private async runEffects(context: TurnContext, result: EngineResult): Promise<void> {
    if (!result.effects?.length) return;
    if (!this.deps.effects) {
      this.log.warn('teams escalation effects dropped: no executor configured');
      return;
    }
    await executeEffects(result.effects, teamsExecutor(this.deps.effects, context), {
      engine: this.deps.engine,
      logger: this.log,
    });
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

  private async rememberConversation(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (!activity.conversation?.id || !activity.serviceUrl) return;
    try {
      const ref = storedReferenceOf(TurnContext.getConversationReference(activity));
      await this.deps.refs.remember(tenantOf(activity as TeamsActivity), ref);
      const channel = this.deps.effects?.escalationChannel;
      if (channel?.isIn(activity as TeamsActivity)) {
        // The escalation channel's address, for handoff threads and reminders posted there later.
        const tenant = tenantOf(activity as TeamsActivity);
        await channel.capture(ref, tenant === NO_TENANT ? undefined : tenant);
      }
    } catch (error) {
      // Losing a reference only costs a later proactive message; the turn goes on.
      this.log.warn('teams conversation reference not saved', { err: error });
    }
  }

  private retryOptions(call: 'send' | 'update'): RetryOptions {
    return {
      ...this.deps.retry,
      onRetry: (info) => this.log.warn('teams connector call retried', { call, ...info }),
    };
  }

  private finish(msg: InboundMessage, result: EngineResult): void {
    const outcome = this.deps.metrics.recordTurn('teams', result, msg.receivedAt ?? this.now(), this.now());
    this.log.info('teams turn', {
      outcome,
      addressed: msg.addressed,
      kind: result.reply?.kind,
      reason: result.reason,
      codes: result.codes,
      ms: this.now() - (msg.receivedAt ?? this.now()),
    });
  }
}

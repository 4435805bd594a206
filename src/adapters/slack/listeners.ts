/**
 * What the bot does with each Slack surface. Each listener translates the payload (translate.ts) and runs the
 * shared turn (../run-turn.ts) through a Slack surface: Block Kit posts in the thread, updates of a clicked card,
 * the private fallback of a shortcut, and the facts only Slack knows (membership, permalink). Interactive payloads
 * are acknowledged first thing: Slack shows an error to the user after 3 s, whatever the work left to do.
 */
import type { App, Context } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { ConversationEngine } from '../../conversations/engine.js';
import type { ThreadStore } from '../../conversations/store.js';
import type { InboundMessage, ReplyModel } from '../../conversations/types.js';
import { parseSlackAction, SLACK_ACTION_PREFIX } from '../../bot/actions.js';
import { renderBlockKit, type SlackReply } from '../../bot/render/block-kit.js';
import type { AppMetrics } from '../../observability/app-metrics.js';
import type { Logger } from '../../observability/logger.js';
import { runTurn, type TurnSurface } from '../run-turn.js';
import { slackFileReading, type SlackFilesDeps } from './files.js';
import { openDetailsModal } from './details.js';
import { permalinkOf, slackExecutor, type SlackChannelMembers } from './effects.js';
import { homeView } from './home.js';
import type { SlackInstallationStore } from './installations.js';
import type { PostMessage } from './post-message.js';
import { answerPrivately, CANNOT_POST_HERE, type PrivateAnswer } from './private-answer.js';
import { DIAGNOSE_SHORTCUT_ID, SLASH_COMMAND_NAME } from './names.js';
import {
  addressingOf,
  fromBlockAction,
  fromMessageEvent,
  fromMessageShortcut,
  fromSlashCommand,
  isHelpCommand,
  shouldIgnore,
  type BlockActionsPayload,
  type BotIdentity,
  type MessageShortcutPayload,
  type SlackMessageEvent,
  type SlashCommandFields,
} from './translate.js';

type WebClient = webApi.WebClient;

/** The root of a slash command's thread, shown for the moment it takes to diagnose. */
const PLACEHOLDER_TEXT = ':hourglass_flowing_sand:';

export interface SlackListenerDeps {
  engine: Pick<ConversationEngine, 'prepare' | 'rememberPosted' | 'hasSpokenIn'>;
  store: Pick<ThreadStore, 'purgeTenant'>;
  metrics: AppMetrics;
  logger: Logger;
  bot: BotIdentity;
  /** Members of the escalation channel, for handoff-card clicks (absent: ESCALATION_MEMBERS decides). */
  escalationMembers?: SlackChannelMembers;
  /** Many workspaces: the installations, one deleted when its workspace uninstalls the app. */
  installations?: Pick<SlackInstallationStore, 'deleteInstallation'>;
  /** The answers' chat.postMessage (post-message.ts); every other call goes through the listener's client. */
  postMessage: PostMessage;
  /** Reads files shared in the message (absent: files are ignored). */
  files?: SlackFilesDeps;
  now?: () => number;
}

/** How to reach the asker privately when the bot cannot post in the conversation (message shortcut). */
type PrivateFallback = Pick<PrivateAnswer, 'respond' | 'userId'>;

/** The Events API events the bot listens to (the app manifest subscribes to these). */
const EVENT_TYPES = /^(?:app_mention|message|app_home_opened|app_uninstalled|tokens_revoked)$/;

/** The request's signature, handed over by our receiver so the engine claims it with the delivery. */
const requestIdOf = (context: Context): string | undefined =>
  typeof context.slackRequestId === 'string' ? context.slackRequestId : undefined;

export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  const now = deps.now ?? Date.now;
  const log = deps.logger;

  /** The bot as this event's workspace knows it: from the authorization (each workspace has its own bot user). */
  const botOf = (context: Context): BotIdentity =>
    context.botUserId ? { botId: context.botId, botUserId: context.botUserId } : deps.bot;

  const onMessageEvent = async (
    event: SlackMessageEvent,
    body: { team_id?: string; event_id?: string },
    client: WebClient,
    context: Context,
  ) => {
    const bot = botOf(context);
    if (shouldIgnore(event, bot)) {
      deps.metrics.recordOutcome('slack', 'ignored');
      return;
    }
    const addressed = addressingOf(event, bot);
    if (!addressed || !event.channel || !event.user || !event.ts || !body.team_id) return;
    // A Slack retry (same event_id) or the same message delivered as app_mention and message is dropped by the
    // engine's delivery dedup, shared by every instance; it is counted there as a duplicate.
    const msg = fromMessageEvent(event as SlackMessageEvent & { channel: string; user: string; ts: string }, {
      teamId: body.team_id,
      eventId: body.event_id,
      addressed,
      receivedAt: now(),
    });
    // Files shared with the message are read into its text by the runner (a screenshot is acknowledged first).
    const readFiles = slackFileReading(event, client, deps.files);
    await run(withRequestId(msg, context), {
      ...surfaceFor(client, context, msg),
      ...(readFiles ? { readFiles } : {}),
    });
  };

  app.command(SLASH_COMMAND_NAME, async ({ command, ack, respond, client, context }) => {
    await ack();
    const fields = command as SlashCommandFields;
    if (isHelpCommand(fields.text)) {
      // Help is for the person who asked; the channel does not need it.
      const msg = fromSlashCommand(fields, now());
      await run(msg, {
        ...surfaceFor(client, context, msg),
        post: async (reply) => {
          const rendered = renderBlockKit(reply);
          await respond({ response_type: 'ephemeral', text: rendered.text, blocks: rendered.blocks });
          return undefined;
        },
      });
      return;
    }
    // The answer opens a thread. Its root is posted first so the thread's state is keyed on the ts that buttons
    // and follow-ups will carry, then it is replaced by the card.
    let rootTs: string | undefined;
    try {
      rootTs = (await client.chat.postMessage({ channel: fields.channel_id, text: PLACEHOLDER_TEXT })).ts;
    } catch (error) {
      const code = slackErrorCode(error);
      if (code !== 'not_in_channel' && code !== 'channel_not_found') throw error;
    }
    const msg = fromSlashCommand(fields, now(), rootTs);
    const root = rootTs;
    const outcome = await run(msg, {
      ...surfaceFor(client, context, msg),
      post: root
        ? async (reply) => {
            // The root becomes the card: it is remembered like a posted one.
            const rendered = renderBlockKit(reply);
            await client.chat.update({
              channel: fields.channel_id,
              ts: root,
              text: rendered.text,
              blocks: preEncodedBlocks(rendered.blocks),
            });
            return root;
          }
        : async (reply) => {
            // The bot is not in this channel: the command's response URL still reaches it, without a thread.
            const rendered = renderBlockKit(reply);
            await respond({ response_type: 'in_channel', text: rendered.text, blocks: rendered.blocks });
            return undefined;
          },
    });
    if (root && (outcome.sent === 'none' || !outcome.result))
      await client.chat.delete({ channel: fields.channel_id, ts: root });
  });

  app.shortcut(DIAGNOSE_SHORTCUT_ID, async ({ shortcut, ack, client, respond, context }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    const msg = fromMessageShortcut(shortcut as unknown as MessageShortcutPayload, now());
    if (!msg) return;
    // The shortcut works on any message, including where the bot is not a member: then the asker gets the
    // answer privately instead of nothing.
    const privately: PrivateFallback = { userId: msg.user.id, ...(shortcut.response_url ? { respond } : {}) };
    await run(msg, surfaceFor(client, context, msg, { privately }));
  });

  app.action(new RegExp(`^${SLACK_ACTION_PREFIX}`), async ({ ack, body, action, client, context }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const payload = parseSlackAction(action);
    // Link buttons also send an interaction; forged or stale values are dropped.
    if (!payload) return;
    const msg = fromBlockAction(
      body as unknown as BlockActionsPayload,
      action as { action_id: string; action_ts?: string },
      payload,
      now(),
    );
    if (!msg) return;
    const team = (body as unknown as BlockActionsPayload).team;
    const surface = surfaceFor(client, context, msg, team?.domain ? { teamDomain: team.domain } : {});
    if (payload.action === 'details') {
      // The modal opens before the turn (the trigger lasts 3 s); the turn's details then fill it.
      const place = { channel: msg.channel, threadTs: msg.threadKey, userId: msg.user.id };
      const modal = await openDetailsModal(client, body.trigger_id, payload.lang ?? 'en', place, log);
      await run(withRequestId(msg, context), { ...surface, details: (card) => modal.show(card) });
      await modal.finish();
      return;
    }
    await run(withRequestId(msg, context), surface);
  });

  /** The workspace is gone for the bot: its installation (tokens) first, then its threads' state. */
  const purge = async (
    body: { team_id?: string; enterprise_id?: string; is_enterprise_install?: boolean },
    why: string,
  ) => {
    const teamId = body.team_id;
    if (!teamId) return;
    if (deps.installations) {
      const orgWide = body.is_enterprise_install === true && Boolean(body.enterprise_id);
      await deps.installations.deleteInstallation({
        teamId,
        enterpriseId: body.enterprise_id,
        isEnterpriseInstall: orgWide,
      });
    }
    const removed = await deps.store.purgeTenant('slack', teamId);
    log.info('slack workspace state purged', {
      teamId,
      why,
      keys: removed,
      ...(deps.installations ? { installationDeleted: true } : {}),
    });
  };

  // Every Events API event, in one listener that dispatches on its type: Bolt runs each listener's filters on
  // every request, so each listener more is paid by every message.
  app.event(EVENT_TYPES, async ({ event, body, client, context }) => {
    switch (event.type) {
      case 'app_mention':
      case 'message':
        return onMessageEvent(event as unknown as SlackMessageEvent, body, client, context);
      case 'app_home_opened':
        if (event.tab !== 'home') return;
        await client.views.publish({ user_id: event.user, view: homeView() });
        return;
      case 'app_uninstalled':
        return purge(body, 'app_uninstalled');
      case 'tokens_revoked':
        // Only a revoked bot token ends our access to the workspace; a user token going away does not.
        if (event.tokens.bot && event.tokens.bot.length > 0) await purge(body, 'tokens_revoked');
        return;
    }
  });

  app.error(async (error) => {
    if (error.code === 'slack_bolt_authorization_error') {
      // Many workspaces: an event from a workspace without an installation (never installed, uninstalled, or
      // its record unreadable). Nothing can answer it without a token.
      deps.metrics.recordOutcome('slack', 'rejected');
      log.warn('slack event from a workspace without a usable installation; not answered', {
        reason: error.message,
      });
      return;
    }
    log.error('slack listener failed', { err: error });
  });

  function run(msg: InboundMessage, surface: TurnSurface) {
    return runTurn({ engine: deps.engine, metrics: deps.metrics, logger: log, now }, msg, surface);
  }

  /**
   * Slack for one turn: Block Kit in the message's thread, in-place updates, the escalation effects, and what
   * only Slack can say (channel membership, the thread's permalink). A shortcut on a conversation the bot is not
   * in answers the asker privately instead.
   */
  function surfaceFor(
    client: WebClient,
    context: Context,
    msg: InboundMessage,
    extra: { privately?: PrivateFallback; teamDomain?: string } = {},
  ): TurnSurface {
    return {
      platform: 'slack',
      post: async (reply: ReplyModel) => {
        const rendered = renderBlockKit(reply);
        try {
          const posted = await deps.postMessage(
            { client, teamId: context.teamId },
            { channel: msg.channel, thread_ts: msg.threadKey, text: rendered.text, blocks: rendered.blocks },
          );
          return posted.ts;
        } catch (error) {
          const code = slackErrorCode(error);
          if (!extra.privately || !code || !CANNOT_POST_HERE.has(code)) throw error;
          const route = await answerPrivately({ ...extra.privately, rendered, lang: reply.lang, client });
          log.info('slack answer sent privately: the bot is not in the conversation', { code, route });
          return undefined;
        }
      },
      update: async (ts: string, reply: ReplyModel) => {
        const rendered = renderBlockKit(reply);
        await client.chat.update({
          channel: msg.channel,
          ts,
          text: rendered.text,
          blocks: preEncodedBlocks(rendered.blocks),
        });
      },
      effects: slackExecutor(client),
      ...(deps.escalationMembers
        ? { isMember: (userId: string) => deps.escalationMembers!.isMember(userId) }
        : {}),
      // Shown on the handoff card; built from the team's domain, so this costs no API call in practice.
      permalink: () =>
        permalinkOf(client, {
          channel: msg.channel,
          threadTs: msg.threadKey,
          ...(extra.teamDomain ? { teamDomain: extra.teamDomain } : {}),
        }),
    };
  }
}

function withRequestId(msg: InboundMessage, context: Context): InboundMessage {
  const requestId = requestIdOf(context);
  return requestId ? { ...msg, requestId } : msg;
}

/**
 * The blocks as the JSON string the Web API form body carries anyway. The client sends a string argument as is
 * (same bytes on the wire), instead of walking every block to build a debug line it then discards and serializing
 * them a second time. Only for WebClient calls: `respond()` posts JSON and needs the array.
 */
function preEncodedBlocks(blocks: SlackReply['blocks']): SlackReply['blocks'] {
  return JSON.stringify(blocks) as unknown as SlackReply['blocks'];
}

function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/**
 * What the bot does with each Slack surface. Each listener translates the payload (translate.ts), asks the
 * engine, renders with Block Kit and posts or updates. Interactive payloads are acknowledged first thing: Slack
 * shows an error to the user after 3 s, whatever the work left to do.
 */
import type { App, Context, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { webApi } from '@slack/bolt';
import type { ConversationEngine } from '../../conversations/engine.js';
import { isHandoffAction } from '../../conversations/escalations/service.js';
import type { ThreadStore } from '../../conversations/store.js';
import type { EngineResult, InboundMessage } from '../../conversations/types.js';
import { parseSlackAction, SLACK_ACTION_PREFIX } from '../../bot/actions.js';
import { renderBlockKit, type SlackReply } from '../../bot/render/block-kit.js';
import type { AppMetrics } from '../../observability/app-metrics.js';
import type { Logger } from '../../observability/logger.js';
import { executeEffects } from '../effects.js';
import { permalinkOf, slackExecutor, type SlackChannelMembers } from './effects.js';
import { homeView } from './home.js';
import type { SlackInstallationStore } from './installations.js';
import { answerPrivately, CANNOT_POST_HERE, type PrivateAnswer } from './private-answer.js';
import { slackFileTurn, type SlackFilesDeps } from './files.js';
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
  engine: Pick<ConversationEngine, 'handle' | 'rememberCard' | 'cardsOf' | 'rememberPosted'>;
  store: Pick<ThreadStore, 'purgeTenant'>;
  metrics: AppMetrics;
  logger: Logger;
  bot: BotIdentity;
  /** Members of the escalation channel, for handoff-card clicks (absent: ESCALATION_MEMBERS decides). */
  escalationMembers?: SlackChannelMembers;
  /** Many workspaces: the installations, one deleted when its workspace uninstalls the app. */
  installations?: Pick<SlackInstallationStore, 'deleteInstallation'>;
  /** Reads files shared in the message (absent: files are ignored). */
  files?: SlackFilesDeps;
  now?: () => number;
}

/** Where an answer goes. */
type Destination =
  | { kind: 'thread'; channel: string; threadTs: string }
  /** `becomesCard`: the message updated is ours but not yet a card ("Reading your screenshot…"). */
  | { kind: 'update'; channel: string; ts: string; becomesCard?: boolean };

/** How to reach the asker privately when the bot cannot post in the conversation (message shortcut). */
type PrivateFallback = Pick<PrivateAnswer, 'respond' | 'userId'>;

export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  const now = deps.now ?? Date.now;
  const log = deps.logger;

  /** The bot as this event's workspace knows it: from the authorization (each workspace has its own bot user). */
  const botOf = (context: Context): BotIdentity =>
    context.botUserId ? { botId: context.botId, botUserId: context.botUserId } : deps.bot;

  const onMessageEvent = async (
    args: SlackEventMiddlewareArgs<'message'> | SlackEventMiddlewareArgs<'app_mention'>,
    client: WebClient,
    context: Context,
  ) => {
    const event = args.event as unknown as SlackMessageEvent;
    const body = args.body as { team_id?: string; event_id?: string };
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
    if (addressed === 'none') {
      // A channel thread reply: only threads where the bot has posted a card are its business.
      if ((await deps.engine.cardsOf(msg)).length === 0) return;
      msg.botInThread = true;
    }
    // Files: read into the text; with a screenshot, "Reading your screenshot…" is posted now and updated below.
    const files = await slackFileTurn(event, msg, client, deps.files);
    const where: Destination = files.ackTs
      ? { kind: 'update', channel: msg.channel, ts: files.ackTs, becomesCard: true }
      : { kind: 'thread', channel: msg.channel, threadTs: msg.threadKey };
    await answer(files.msg, client, where, undefined, files.decorate);
  };

  app.event('app_mention', async (args) => onMessageEvent(args, args.client, args.context));
  app.event('message', async (args) => onMessageEvent(args, args.client, args.context));

  app.command(SLASH_COMMAND_NAME, async ({ command, ack, respond, client }) => {
    await ack();
    const fields = command as SlashCommandFields;
    if (isHelpCommand(fields.text)) {
      // Help is for the person who asked; the channel does not need it.
      const msg = fromSlashCommand(fields, now());
      const result = await ask(msg);
      if (!result?.reply) return;
      const rendered = renderBlockKit(result.reply);
      await respond({ response_type: 'ephemeral', text: rendered.text, blocks: rendered.blocks });
      finish(msg, result);
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
    const result = await ask(msg);
    if (!rootTs) {
      // The bot is not in this channel: the command's response URL still reaches it, without a thread.
      if (result?.reply) {
        const rendered = renderBlockKit(result.reply);
        await respond({ response_type: 'in_channel', text: rendered.text, blocks: rendered.blocks });
        finish(msg, result);
      }
      if (result) await runEffects(result, client);
      return;
    }
    if (!result?.reply || result.mode === 'none') {
      await client.chat.delete({ channel: fields.channel_id, ts: rootTs });
      if (result) {
        finish(msg, result);
        await runEffects(result, client);
      }
      return;
    }
    await deliver(msg, result, client, { kind: 'update', channel: fields.channel_id, ts: rootTs });
    await runEffects(result, client);
  });

  app.shortcut(DIAGNOSE_SHORTCUT_ID, async ({ shortcut, ack, client, respond }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    const msg = fromMessageShortcut(shortcut as unknown as MessageShortcutPayload, now());
    if (!msg) return;
    // The shortcut works on any message, including where the bot is not a member: then the asker gets the
    // answer privately instead of nothing.
    const privately: PrivateFallback = { userId: msg.user.id, ...(shortcut.response_url ? { respond } : {}) };
    await answer(msg, client, { kind: 'thread', channel: msg.channel, threadTs: msg.threadKey }, privately);
  });

  app.action(new RegExp(`^${SLACK_ACTION_PREFIX}`), async ({ ack, body, action, client }) => {
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
    if (isHandoffAction(payload.action)) {
      const member = await deps.escalationMembers?.isMember(msg.user.id);
      if (member !== undefined) msg.isMember = member;
    } else if (payload.action === 'escalate') {
      // Shown on the handoff card; built from the team's domain, so this costs no API call in practice.
      const team = (body as unknown as BlockActionsPayload).team;
      const url = await permalinkOf(client, {
        channel: msg.channel,
        threadTs: msg.threadKey,
        ...(team?.domain ? { teamDomain: team.domain } : {}),
      });
      if (url) msg.threadUrl = url;
    }
    await answer(msg, client, { kind: 'thread', channel: msg.channel, threadTs: msg.threadKey });
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView() });
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
  app.event('app_uninstalled', async ({ body }) => purge(body, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ body, event }) => {
    // Only a revoked bot token ends our access to the workspace; a user token going away does not.
    if (event.tokens.bot && event.tokens.bot.length > 0) await purge(body, 'tokens_revoked');
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

  /** Engine turn with its failure recorded; undefined when the engine threw. */
  async function ask(msg: InboundMessage): Promise<EngineResult | undefined> {
    try {
      return await deps.engine.handle(msg);
    } catch (error) {
      deps.metrics.recordOutcome('slack', 'error');
      log.error('engine failed on a slack message', {
        err: error,
        channel: msg.channel,
        addressed: msg.addressed,
      });
      return undefined;
    }
  }

  function finish(msg: InboundMessage, result: EngineResult): void {
    const outcome = deps.metrics.recordTurn('slack', result, msg.receivedAt ?? now(), now());
    log.info('slack turn', {
      outcome,
      addressed: msg.addressed,
      kind: result.reply?.kind,
      reason: result.reason,
      codes: result.codes,
      ms: now() - (msg.receivedAt ?? now()),
    });
  }

  async function remember(msg: InboundMessage, ts: string): Promise<void> {
    try {
      await deps.engine.rememberCard(msg, ts);
    } catch (error) {
      // The reply is out; losing the card link only means a later click posts instead of updating.
      log.warn('could not remember the posted card', { err: error });
    }
  }

  /** Engine → Block Kit → chat.postMessage in the thread, or chat.update of the clicked card. */
  async function answer(
    msg: InboundMessage,
    client: WebClient,
    where: Destination,
    privately?: PrivateFallback,
    decorate: (result: EngineResult) => EngineResult = (r) => r,
  ): Promise<void> {
    const asked = await ask(msg);
    if (!asked) return;
    const result = decorate(asked);
    if (!result.reply || result.mode === 'none') {
      finish(msg, result);
    } else {
      const target: Destination =
        result.mode === 'update' && msg.actionMessageId
          ? { kind: 'update', channel: msg.channel, ts: msg.actionMessageId }
          : where;
      await deliver(msg, result, client, target, privately);
    }
    await runEffects(result, client);
  }

  /** The escalation handoff's posts, updates and private notes, after the reply. */
  async function runEffects(result: EngineResult, client: WebClient): Promise<void> {
    if (!result.effects?.length) return;
    await executeEffects(result.effects, slackExecutor(client), { engine: deps.engine, logger: log });
  }

  async function deliver(
    msg: InboundMessage,
    result: EngineResult,
    client: WebClient,
    target: Destination,
    privately?: PrivateFallback,
  ) {
    const rendered = renderBlockKit(result.reply!);
    const blocks = preEncodedBlocks(rendered.blocks);
    try {
      if (target.kind === 'update') {
        await client.chat.update({ channel: target.channel, ts: target.ts, text: rendered.text, blocks });
        // A command's root becomes a card here; a clicked card is already known.
        if (msg.addressed === 'command' || target.becomesCard) await remember(msg, target.ts);
      } else {
        const posted = await client.chat.postMessage({
          channel: target.channel,
          thread_ts: target.threadTs,
          text: rendered.text,
          blocks,
        });
        if (posted.ts) await remember(msg, posted.ts);
      }
    } catch (error) {
      let failure = error;
      const code = slackErrorCode(error);
      if (privately && code && CANNOT_POST_HERE.has(code)) {
        try {
          const route = await answerPrivately({ ...privately, rendered, lang: result.reply!.lang, client });
          log.info('slack answer sent privately: the bot is not in the conversation', { code, route });
          finish(msg, result);
          return;
        } catch (privateError) {
          failure = privateError;
        }
      }
      deps.metrics.recordOutcome('slack', 'error');
      log.error('slack reply failed', { err: failure, code: slackErrorCode(failure), channel: msg.channel });
      return;
    }
    finish(msg, result);
  }
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

/**
 * The escalation handoff as the playground plays it. The page's side panel is a simulated escalation channel
 * ("#activation-escalations"): an Escalate click in the chat thread opens an escalation there, and the panel's
 * user — a member of the escalation team — can Claim, ask for information, record a Microsoft case and resolve.
 *
 * This is the web adapter's glue around the real `EscalationService`: it opens the escalation once the engine
 * has answered an Escalate click (the thread state the dossier is built from is then saved), feeds handoff-card
 * clicks and origin-thread messages to the service, and tells it which page ids its posted cards got. Effects
 * come back as platform-neutral `Outbound`s, which the route renders like any reply.
 */
import { diagnoseFacts, extract, mergeFacts } from '../../knowledge/index.js';
import type { Facts, HexCode } from '../../knowledge/types.js';
import type { ConversationEngine } from '../../conversations/engine.js';
import { threadCodes, threadFacts } from '../../conversations/evidence.js';
import {
  EscalationRepository,
  EscalationService,
  isHandoffAction,
  MemoryKv,
  RedisKv,
  type EscalationConfig,
  type EscalationKv,
  type EscalateInput,
  type Outbound,
} from '../../conversations/escalations/index.js';
import { threadKeyOf } from '../../conversations/keys.js';
import { emptyState } from '../../conversations/state.js';
import type { ThreadStore } from '../../conversations/store.js';
import type { RedisClient } from '../../conversations/redis-client.js';
import type { ActionPayload, EngineResult, InboundMessage } from '../../conversations/types.js';
import { WEB_CHANNEL, WEB_ESCALATION_CHANNEL, WEB_ESCALATION_MEMBER, WEB_TENANT } from './request.js';

/** What the message route needs from the escalation side. */
export interface EscalationBridge {
  /** Handles a message the escalation service owns (a handoff button); undefined: the engine's turn. */
  handleAction(msg: InboundMessage): Promise<Outbound[] | undefined>;
  /**
   * Before the engine's turn: a message in a thread with an open escalation goes to it (an answer to the team's
   * question is relayed, evidence ticks the dossier). `answered`: the message was only that answer, so the
   * engine has nothing to add.
   */
  beforeTurn(msg: InboundMessage): Promise<{ effects: Outbound[]; answered: boolean } | undefined>;
  /** After the engine's turn: opens the escalation when the user pressed Escalate. */
  afterTurn(msg: InboundMessage, result: EngineResult): Promise<Outbound[] | undefined>;
  /** The page id a posted effect got, for the effects the service wants to update later. */
  posted(effect: Outbound, messageId: string): Promise<void>;
  /** Whether a panel card id is the handoff card of the escalation a click names. */
  knowsCard(cardId: string, action: ActionPayload): Promise<boolean>;
}

const SCOPE = { platform: 'web' as const, tenant: WEB_TENANT };

/** The service with the playground's escalation channel: web escalations go to the simulated panel. */
class PlaygroundEscalationService extends EscalationService {
  override handoffFor(input: Parameters<EscalationService['handoffFor']>[0]) {
    if (input.msg.platform === 'web') return { channel: WEB_ESCALATION_CHANNEL, dedicated: true };
    return super.handoffFor(input);
  }
}

export interface BridgeOptions {
  engine: ConversationEngine;
  /** The configured thread store: escalations are kept beside the threads (Redis when it is Redis). */
  store: ThreadStore;
  config: Omit<EscalationConfig, 'teamsChannelRef'>;
  clock?: () => number;
}

export function escalationKvFor(store: ThreadStore): EscalationKv {
  const client = (store as { client?: RedisClient }).client;
  return store.kind === 'redis' && client ? new RedisKv(client) : new MemoryKv();
}

export function createEscalationBridge(options: BridgeOptions): EscalationBridge {
  const { engine } = options;
  const service = new PlaygroundEscalationService({
    repo: new EscalationRepository(escalationKvFor(options.store)),
    config: options.config,
    ...(options.clock ? { clock: options.clock } : {}),
  });

  return {
    async handleAction(msg) {
      if (!msg.action || !isHandoffAction(msg.action.action)) return undefined;
      // The panel's user is on the escalation team; someone clicking a handoff button from the chat is not.
      const inPanel = msg.channel === WEB_ESCALATION_CHANNEL;
      const actor = { id: msg.user.id, ...(msg.user.name ? { name: msg.user.name } : {}) };
      const where = {
        platform: msg.platform,
        tenant: msg.tenant,
        channel: msg.channel,
        threadKey: msg.threadKey,
      };
      const result = await service.onAction(
        SCOPE,
        msg.action,
        actor,
        inPanel && msg.user.id === WEB_ESCALATION_MEMBER.id,
        {
          deliveryId: msg.messageId,
          where,
        },
      );
      return result.effects;
    },

    async beforeTurn(msg) {
      if (msg.channel !== WEB_CHANNEL || msg.action) return undefined;
      const ref = {
        platform: msg.platform,
        tenant: msg.tenant,
        channel: msg.channel,
        threadKey: msg.threadKey,
      };
      const id = await service.repo.linkedId(ref);
      if (!id) return undefined;
      const pending = Boolean((await service.repo.get(ref, id))?.pendingQuestion);
      const ex = extract(msg.text);
      const outcome = await service.onOriginMessage(ref, {
        messageId: msg.messageId,
        user: { id: msg.user.id, ...(msg.user.name ? { name: msg.user.name } : {}) },
        text: ex.text,
        facts: mergeFacts(ex.observations),
        sources: ex.observations.map((o) => o.source),
      });
      if (!outcome) return undefined;
      const evidence = ex.codes.length > 0 || ex.observations.some((o) => o.source !== 'prose');
      return { effects: outcome.effects, answered: pending && outcome.changed && !evidence };
    },

    async afterTurn(msg, result) {
      if (
        msg.channel !== WEB_CHANNEL ||
        msg.action?.action !== 'escalate' ||
        result.reply?.kind !== 'escalation'
      ) {
        return undefined;
      }
      const input = await escalateInput(engine, msg, result);
      return (await service.escalate(input)).effects;
    },

    async posted(effect, messageId) {
      if (effect.kind !== 'post' || !effect.rememberAs) return;
      // A top-level post in the panel starts its own thread, named after the card (as a Slack ts would).
      await service.rememberPosted(SCOPE, effect.escalationId, effect.rememberAs, {
        messageId,
        ...(effect.target.channel === WEB_ESCALATION_CHANNEL
          ? { threadKey: effect.target.threadKey ?? messageId }
          : {}),
      });
    },

    async knowsCard(cardId, action) {
      if (!action.escalationId) return false;
      const record = await service.repo.get(SCOPE, action.escalationId);
      return record?.handoff.cardMessageId === cardId;
    },
  };
}

/** What the dossier is built from: the thread's saved state, its facts, its findings and what was ruled out. */
async function escalateInput(
  engine: ConversationEngine,
  msg: InboundMessage,
  result: EngineResult,
): Promise<EscalateInput> {
  const { state: saved } = await engine.store.load(threadKeyOf(msg));
  const lang = result.reply!.lang;
  const state = saved ?? emptyState(msg.receivedAt ?? Date.now(), { lang });
  const facts: Facts = threadFacts(state.observations);
  const codes: HexCode[] = threadCodes(state);
  const all = diagnoseFacts({ facts, codes }, { lang });
  const rejected = new Set(state.rejected);
  return {
    state,
    msg,
    facts,
    findings: all.findings
      .filter((f) => !rejected.has(f.id))
      .slice(0, 20)
      .map((f) => ({ id: f.id, title: f.title, confidence: f.confidence })),
    tried: all.findings.filter((f) => rejected.has(f.id)).map((f) => f.title),
    lang,
  };
}

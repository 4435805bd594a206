/**
 * The engine's side of the escalation handoff: building the service (on the thread store's Redis when there is
 * one), and turning a thread state or an inbound message into what the service takes. The service itself lives
 * in ./escalations; the engine decides when to call it.
 */
import { mergeFacts, type extract } from '../knowledge/index.js';
import type { Diagnosis, Lang } from '../knowledge/types.js';
import { threadFacts } from './evidence.js';
import {
  EscalationRepository,
  EscalationService,
  MemoryKv,
  RedisKv,
  type EscalateInput,
  type EscalationConfig,
  type EscalationServiceOptions,
  type OriginMessage,
} from './escalations/index.js';
import { MemoryStore } from './memory-store.js';
import { RedisStore } from './redis-store.js';
import type { ThreadState } from './state.js';
import type { ThreadStore } from './store.js';
import type { InboundMessage } from './types.js';

export interface CreateEscalationsOptions {
  /** The thread store: escalations live beside the threads, on the same Redis client when it is a RedisStore. */
  store: ThreadStore;
  /** Built once from `config.escalation`; never changed afterwards. */
  config: EscalationConfig;
  /** The escalation channel's address an adapter captured at run time (Teams). */
  channelAddress?: EscalationServiceOptions['channelAddress'];
  /** Lifetime of escalation records (the server passes STATE_TTL_DAYS; default 90 days). */
  ttlSec?: number;
  clock?: () => number;
}

/** The escalation service for a deployment: RedisKv over the store's client, else an in-process MemoryKv. */
export function createEscalations(options: CreateEscalationsOptions): EscalationService {
  const { store } = options;
  const kv =
    store instanceof RedisStore
      ? new RedisKv(store.client)
      : store instanceof MemoryStore
        ? store.escalationKv // beside the threads, purged with them
        : new MemoryKv(options.clock);
  return new EscalationService({
    repo: new EscalationRepository(kv, options.ttlSec ? { ttlSec: options.ttlSec } : {}),
    config: options.config,
    ...(options.channelAddress ? { channelAddress: options.channelAddress } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

/** A thread whose escalation is still open: its messages go to the escalation before the normal turn. */
export function hasOpenEscalation(state: ThreadState | null): boolean {
  return Boolean(state?.escalationId) && state?.status === 'escalated';
}

/**
 * What the dossier is built from: the thread's facts, the turn's diagnosis (titles in `lang`, rejected findings
 * already left out) and the titles of what was ruled out. The Escalate turn's own diagnosis: none is made here.
 */
export function escalateInputOf(
  state: ThreadState,
  msg: InboundMessage,
  lang: Lang,
  view: { diagnosis: Diagnosis; tried: string[] },
): EscalateInput {
  return {
    state,
    msg,
    facts: threadFacts(state.observations),
    findings: view.diagnosis.findings.map((f) => ({ id: f.id, title: f.title, confidence: f.confidence })),
    tried: view.tried,
    lang,
    ...(msg.conversationRef ? { originConversationRef: msg.conversationRef } : {}),
    ...(msg.threadUrl ? { originUrl: msg.threadUrl } : {}),
  };
}

/** A message of the origin thread as the escalation reads it (text already redacted by the extraction). */
export function originMessageOf(msg: InboundMessage, ex: ReturnType<typeof extract>): OriginMessage {
  return {
    messageId: msg.messageId,
    ...(msg.eventId ? { eventId: msg.eventId } : {}),
    user: { id: msg.user.id, ...(msg.user.name ? { name: msg.user.name } : {}) },
    text: ex.text,
    facts: mergeFacts(ex.observations),
    sources: ex.observations.map((o) => o.source),
  };
}

/** Codes or command output: the message is more than an answer, and gets a diagnosis too. */
export function carriesEvidence(ex: ReturnType<typeof extract>): boolean {
  return ex.codes.length > 0 || ex.observations.some((o) => o.source !== 'prose');
}

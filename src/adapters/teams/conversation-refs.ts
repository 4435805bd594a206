/**
 * Where the bot can speak later without being spoken to (escalation reminders, hand-offs): the Bot Framework
 * ConversationReference of every conversation the bot has seen, keyed by tenant and conversation id.
 *
 * Redis keys share the thread's hash tag (`ad:{teams:<tenant>:<channel>:<conversation>}:convref`), so they sit in
 * the thread's Cluster slot and go away with the tenant's other keys when the app is uninstalled.
 */
import type { ConversationReference } from 'botbuilder';
import { KEY_PREFIX, threadIdOf } from '../../conversations/keys.js';
import type { RedisClient } from '../../conversations/redis-client.js';
import type { SideRecord, ThreadStore } from '../../conversations/store.js';
import { withoutMessageId } from './translate.js';

/** The parts of a reference `continueConversationAsync` needs; nothing about the message that produced it. */
export type StoredReference = Pick<
  Partial<ConversationReference>,
  'bot' | 'conversation' | 'channelId' | 'serviceUrl' | 'locale'
>;

export interface ConversationRefs {
  save(tenant: string, ref: StoredReference): Promise<void>;
  get(tenant: string, conversationId: string): Promise<StoredReference | undefined>;
  /** The reference as a record the thread store can write with a turn (undefined: not stored that way). */
  sideRecord?(tenant: string, ref: StoredReference): SideRecord | undefined;
}

export function conversationRefKey(tenant: string, conversationId: string): string {
  const threadId = threadIdOf({
    platform: 'teams',
    tenant,
    channel: withoutMessageId(conversationId),
    threadKey: conversationId,
  });
  return `${KEY_PREFIX}:{${threadId}}:convref`;
}

/** Keeps only what identifies the conversation: no `activityId`, no user (they belong to one message). */
export function storedReferenceOf(ref: Partial<ConversationReference>): StoredReference {
  return {
    ...(ref.bot ? { bot: { id: ref.bot.id, name: ref.bot.name } } : {}),
    ...(ref.conversation ? { conversation: ref.conversation } : {}),
    ...(ref.channelId ? { channelId: ref.channelId } : {}),
    ...(ref.serviceUrl ? { serviceUrl: ref.serviceUrl } : {}),
    ...(ref.locale ? { locale: ref.locale } : {}),
  };
}

/** One process's memory (single instance, tests); the oldest entries go first past `max`. */
export class MemoryConversationRefs implements ConversationRefs {
  private readonly refs = new Map<string, string>();
  constructor(private readonly max = 10_000) {}

  async save(tenant: string, ref: StoredReference): Promise<void> {
    const id = ref.conversation?.id;
    if (!id) return;
    const key = conversationRefKey(tenant, id);
    this.refs.delete(key);
    this.refs.set(key, JSON.stringify(ref));
    if (this.refs.size > this.max) this.refs.delete(this.refs.keys().next().value as string);
  }

  async get(tenant: string, conversationId: string): Promise<StoredReference | undefined> {
    const raw = this.refs.get(conversationRefKey(tenant, conversationId));
    return raw === undefined ? undefined : (JSON.parse(raw) as StoredReference);
  }
}

/** Shared by every instance; each write refreshes the TTL (the conversation is alive while people use it). */
export class RedisConversationRefs implements ConversationRefs {
  constructor(
    private readonly client: RedisClient,
    private readonly ttlSec: number,
  ) {}

  async save(tenant: string, ref: StoredReference): Promise<void> {
    const side = this.sideRecord(tenant, ref);
    if (side) await this.client.set(side.key, side.value, 'EX', side.ttlSec);
  }

  /** Same key, value and lifetime as `save`, so the turn's own write can carry it (no round trip of its own). */
  sideRecord(tenant: string, ref: StoredReference): SideRecord | undefined {
    const id = ref.conversation?.id;
    if (!id) return undefined;
    return { key: conversationRefKey(tenant, id), value: JSON.stringify(ref), ttlSec: this.ttlSec };
  }

  async get(tenant: string, conversationId: string): Promise<StoredReference | undefined> {
    const raw = await this.client.get(conversationRefKey(tenant, conversationId));
    return raw === null ? undefined : (JSON.parse(raw) as StoredReference);
  }
}

/** Redis when the thread store is Redis-backed (same client, same key space), memory otherwise. */
export function conversationRefsFor(store: ThreadStore, ttlSec: number): ConversationRefs {
  const client = (store as { client?: RedisClient }).client;
  return store.kind === 'redis' && client
    ? new RedisConversationRefs(client, ttlSec)
    : new MemoryConversationRefs();
}

/**
 * Writes a reference once per process per conversation and serviceUrl: a busy thread must not cost a Redis write
 * per message. A restart writes again, which refreshes the TTL.
 */
export class RememberOnce {
  private readonly seen = new Map<string, string>();
  constructor(
    private readonly refs: ConversationRefs,
    private readonly max = 5000,
  ) {}

  async remember(tenant: string, ref: StoredReference): Promise<boolean> {
    if (!this.due(tenant, ref)) return false;
    await this.refs.save(tenant, ref);
    this.saved(tenant, ref);
    return true;
  }

  /**
   * For a message turn: the reference as a record the turn's write carries, when this process has not written it
   * yet and the references live in the thread store. Report the write with `saved`, or fall back on `remember`.
   */
  pending(tenant: string, ref: StoredReference): SideRecord | undefined {
    return this.due(tenant, ref) ? this.refs.sideRecord?.(tenant, ref) : undefined;
  }

  saved(tenant: string, ref: StoredReference): void {
    const id = ref.conversation?.id;
    if (!id) return;
    this.seen.set(`${tenant}\n${id}`, ref.serviceUrl ?? '');
    if (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value as string);
  }

  private due(tenant: string, ref: StoredReference): boolean {
    const id = ref.conversation?.id;
    return Boolean(id) && this.seen.get(`${tenant}\n${id}`) !== (ref.serviceUrl ?? '');
  }
}

/**
 * The Teams escalation channel (ESCALATION_TEAMS_CHANNEL): its proactive address and the members of its team.
 *
 * A channel id alone is not an address: a proactive post also needs the service URL and the tenant. Both are
 * captured when the bot sees any activity in that channel (it is added to the team, or someone @mentions it
 * there), kept under one well-known key (Redis when the store is Redis, so every instance and a restart find
 * it), and otherwise taken from the conversation that asked for help (same tenant, same service URL).
 */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { encodeKeyPart, KEY_PREFIX } from '../../conversations/keys.js';
import type { RedisClient } from '../../conversations/redis-client.js';
import type { ThreadStore } from '../../conversations/store.js';
import type { StoredReference } from './conversation-refs.js';
import { channelOf, withoutMessageId, type TeamsActivity } from './translate.js';

export function escalationChannelKey(channelId: string): string {
  return `${KEY_PREFIX}:escalation:teams-channel:${encodeKeyPart(channelId)}`;
}

/** The channel's reference: a message in one of its threads names the thread; the channel is the part before. */
export function channelReferenceOf(
  ref: StoredReference,
  channelId: string,
  tenantId?: string,
): StoredReference {
  return {
    ...ref,
    conversation: {
      id: channelId,
      conversationType: 'channel',
      isGroup: true,
      name: '',
      ...(tenantId ? { tenantId } : {}),
    },
  };
}

/** The escalation channel's reference when the bot has only seen the origin conversation (same tenant). */
export function derivedChannelReference(from: StoredReference, channelId: string): StoredReference {
  const tenantId = (from.conversation as { tenantId?: string } | undefined)?.tenantId;
  return channelReferenceOf(from, channelId, tenantId);
}

export interface EscalationChannelOptions {
  channelId: string;
  /** The thread store's Redis client, when it has one. */
  client?: RedisClient;
  /** Called with the reference when it is first captured (the server keeps the escalation config current). */
  onCaptured?: (ref: StoredReference) => void;
  now?: () => number;
}

const MEMBERS_TTL_MS = 60_000;
const MEMBERS_PAGE = 500;
const MEMBERS_MAX_PAGES = 10;

export class TeamsEscalationChannel {
  readonly channelId: string;
  private memory?: StoredReference;
  private seenServiceUrl?: string;
  private readonly members = new Map<string, { at: number; ids: Set<string> | undefined }>();
  private readonly now: () => number;

  constructor(private readonly options: EscalationChannelOptions) {
    this.channelId = withoutMessageId(options.channelId);
    this.now = options.now ?? Date.now;
  }

  /** Whether an activity happened in the escalation channel (in any of its threads). */
  isIn(activity: TeamsActivity): boolean {
    return channelOf(activity) === this.channelId;
  }

  /** The reference this process holds (captured here, or loaded at start-up); undefined when none yet. */
  captured(): StoredReference | undefined {
    return this.memory;
  }

  /** The captured reference (this process, then the shared store). undefined when never captured. */
  async load(): Promise<StoredReference | undefined> {
    if (this.memory) return this.memory;
    const raw = await this.options.client?.get(escalationChannelKey(this.channelId));
    if (!raw) return undefined;
    this.memory = JSON.parse(raw) as StoredReference;
    return this.memory;
  }

  /** Keeps the channel's address from an activity seen in it; one write per process and service URL. */
  async capture(ref: StoredReference, tenantId: string | undefined): Promise<void> {
    if (this.seenServiceUrl === (ref.serviceUrl ?? '')) return;
    const channelRef = channelReferenceOf(ref, this.channelId, tenantId);
    this.memory = channelRef;
    // No TTL: the channel outlives any thread, and one small key per deployment costs nothing.
    await this.options.client?.set(escalationChannelKey(this.channelId), JSON.stringify(channelRef));
    this.seenServiceUrl = ref.serviceUrl ?? '';
    this.options.onCaptured?.(channelRef);
  }

  /**
   * Whether the user who clicked in the escalation channel belongs to its team (Teams `pagedmembers`, cached a
   * minute). undefined when it cannot tell: the click was elsewhere, the team is unknown or the call failed.
   */
  async isMember(context: TurnContext, userIds: string[]): Promise<boolean | undefined> {
    const activity = context.activity as TeamsActivity;
    if (!this.isIn(activity)) return undefined;
    const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    if (!teamId) return undefined;
    const ids = await this.teamMembers(context, teamId);
    return ids ? userIds.some((id) => ids.has(id)) : undefined;
  }

  private async teamMembers(context: TurnContext, teamId: string): Promise<Set<string> | undefined> {
    const cached = this.members.get(teamId);
    if (cached && this.now() - cached.at < MEMBERS_TTL_MS) return cached.ids;
    const ids = new Set<string>();
    let token: string | undefined;
    let complete = false;
    for (let page = 0; page < MEMBERS_MAX_PAGES; page++) {
      const result = await TeamsInfo.getPagedTeamMembers(context, teamId, MEMBERS_PAGE, token);
      for (const m of result.members ?? []) {
        if (m.id) ids.add(m.id);
        if (m.aadObjectId) ids.add(m.aadObjectId);
      }
      token = result.continuationToken || undefined;
      if (!token) {
        complete = true;
        break;
      }
    }
    const known = complete ? ids : undefined;
    this.members.set(teamId, { at: this.now(), ids: known });
    return known;
  }
}

/** The escalation channel when one is configured; Redis-backed when the thread store is. */
export function escalationChannelFor(
  store: ThreadStore,
  channelId: string | undefined,
  onCaptured?: (ref: StoredReference) => void,
): TeamsEscalationChannel | undefined {
  if (!channelId) return undefined;
  const client = (store as { client?: RedisClient }).client;
  return new TeamsEscalationChannel({
    channelId,
    ...(store.kind === 'redis' && client ? { client } : {}),
    ...(onCaptured ? { onCaptured } : {}),
  });
}

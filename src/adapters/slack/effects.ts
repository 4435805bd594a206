/**
 * The escalation handoff on Slack: effects sent with the Web API (a post is `chat.postMessage`, a top-level one
 * starting a thread named after its ts; an update is `chat.update`; a private note is `chat.postEphemeral`),
 * membership of the escalation channel (`conversations.members`, cached briefly) and thread permalinks.
 */
import type { webApi } from '@slack/bolt';
import { renderBlockKit } from '../../bot/render/block-kit.js';
import type { EffectExecutor } from '../effects.js';

type WebClient = webApi.WebClient;

export function slackExecutor(client: WebClient): EffectExecutor {
  return {
    platform: 'slack',
    async post(effect) {
      const rendered = renderBlockKit(effect.reply);
      const threadTs = effect.target.threadKey;
      const posted = await client.chat.postMessage({
        channel: effect.target.channel,
        ...(threadTs ? { thread_ts: threadTs } : {}),
        text: rendered.text,
        blocks: rendered.blocks,
      });
      if (!posted.ts) return undefined;
      // A top-level post starts a thread whose thread_ts is the post's own ts.
      return { messageId: posted.ts, threadKey: threadTs ?? posted.ts };
    },
    async update(effect) {
      const rendered = renderBlockKit(effect.reply);
      await client.chat.update({
        channel: effect.target.channel,
        ts: effect.messageId,
        text: rendered.text,
        blocks: rendered.blocks,
      });
    },
    async ephemeral(effect) {
      const rendered = renderBlockKit(effect.reply);
      await client.chat.postEphemeral({
        channel: effect.target.channel,
        user: effect.userId,
        ...(effect.target.threadKey ? { thread_ts: effect.target.threadKey } : {}),
        text: rendered.text,
        blocks: rendered.blocks,
      });
    },
  };
}

/** How long a member list is trusted: someone removed from the channel loses the buttons within a minute. */
export const MEMBERS_TTL_MS = 60_000;
const MEMBERS_PAGE = 200;
/** A channel bigger than this is not paged through on a click; ESCALATION_MEMBERS decides instead. */
const MEMBERS_MAX_PAGES = 10;

/**
 * Whether a user belongs to the escalation channel. undefined when it cannot tell (no channel configured, the
 * API failed, a huge channel), so ESCALATION_MEMBERS decides.
 */
export class SlackChannelMembers {
  private cached?: { at: number; members: Set<string> | undefined };
  private loading?: Promise<Set<string> | undefined>;

  constructor(
    private readonly client: WebClient,
    private readonly channel: string | undefined,
    private readonly now: () => number = Date.now,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async isMember(userId: string): Promise<boolean | undefined> {
    if (!this.channel) return undefined;
    const members = await this.members();
    return members ? members.has(userId) : undefined;
  }

  private async members(): Promise<Set<string> | undefined> {
    if (this.cached && this.now() - this.cached.at < MEMBERS_TTL_MS) return this.cached.members;
    // Concurrent clicks share one fetch.
    this.loading ??= this.fetch().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async fetch(): Promise<Set<string> | undefined> {
    const members = new Set<string>();
    let cursor: string | undefined;
    try {
      for (let page = 0; page < MEMBERS_MAX_PAGES; page++) {
        const res = await this.client.conversations.members({
          channel: this.channel!,
          limit: MEMBERS_PAGE,
          ...(cursor ? { cursor } : {}),
        });
        for (const id of res.members ?? []) members.add(id);
        cursor = res.response_metadata?.next_cursor || undefined;
        if (!cursor) {
          this.cached = { at: this.now(), members };
          return members;
        }
      }
      this.cached = { at: this.now(), members: undefined };
      return undefined;
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }
}

/** `https://acme.slack.com/archives/C123/p1700000000000100`: a thread's permalink, built without an API call. */
export function threadPermalink(teamDomain: string, channel: string, threadTs: string): string | undefined {
  if (!/^[a-z0-9-]+$/i.test(teamDomain) || !/^\d+\.\d+$/.test(threadTs)) return undefined;
  return `https://${teamDomain}.slack.com/archives/${encodeURIComponent(channel)}/p${threadTs.replace('.', '')}`;
}

/** The permalink from the team's domain when the payload had it, else one `chat.getPermalink` call. */
export async function permalinkOf(
  client: WebClient,
  where: { channel: string; threadTs: string; teamDomain?: string },
): Promise<string | undefined> {
  const built = where.teamDomain
    ? threadPermalink(where.teamDomain, where.channel, where.threadTs)
    : undefined;
  if (built) return built;
  try {
    const res = await client.chat.getPermalink({ channel: where.channel, message_ts: where.threadTs });
    return typeof res.permalink === 'string' && /^https:\/\//.test(res.permalink) ? res.permalink : undefined;
  } catch {
    return undefined;
  }
}

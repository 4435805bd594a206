/**
 * The answer to a message shortcut used where the bot cannot post (`not_in_channel`, `channel_not_found`: a
 * channel it was never added to, a DM between two people). The person who asked still gets the card: privately
 * through the shortcut's `response_url` (an ephemeral message in that conversation), or, when that URL is gone
 * or refused, as a DM from the bot. Either way the card opens with how to add the bot to the channel.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import { ADAPTER_PHRASES } from '../phrases.js';
import { SLACK_LIMITS } from '../../bot/render/limits.js';
import type { SlackReply } from '../../bot/render/block-kit.js';
import type { Lang } from '../../knowledge/types.js';

/** Web API errors that mean "this bot is not in that conversation", not "Slack is failing". */
export const CANNOT_POST_HERE = new Set(['not_in_channel', 'channel_not_found']);

export type PrivateRoute = 'ephemeral' | 'dm';

export interface PrivateAnswer {
  rendered: SlackReply;
  lang: Lang;
  userId: string;
  /** The shortcut's response_url, wrapped by Bolt; absent when the payload had none. */
  respond?: RespondFn;
  client: webApi.WebClient;
}

/** Sends the card privately; returns the route it took. Throws only when both routes failed. */
export async function answerPrivately(answer: PrivateAnswer): Promise<PrivateRoute> {
  const blocks = withInviteHint(answer.rendered.blocks, answer.lang);
  if (answer.respond) {
    try {
      await answer.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: answer.rendered.text,
        blocks,
      });
      return 'ephemeral';
    } catch {
      // An expired or refused response_url: the DM below still reaches the person.
    }
  }
  // A user id as `channel` opens (or reuses) the bot's DM with that person (im:write).
  await answer.client.chat.postMessage({ channel: answer.userId, text: answer.rendered.text, blocks });
  return 'dm';
}

/** The card's blocks behind a one-line note on how to invite the bot, within the per-message block limit. */
export function withInviteHint(blocks: SlackReply['blocks'], lang: Lang): SlackReply['blocks'] {
  const hint = {
    type: 'context' as const,
    elements: [{ type: 'mrkdwn' as const, text: ADAPTER_PHRASES[lang].slackNotInChannel }],
  };
  return [hint, ...blocks].slice(0, SLACK_LIMITS.blocksPerMessage);
}

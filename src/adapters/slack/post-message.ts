/**
 * `chat.postMessage` for the answers, sent as JSON over our keep-alive fetch (http-fetch.ts) instead of through
 * the WebClient. Every answer makes this call, and the client's generic path (request queue, retry wrapper,
 * form-encoding the blocks, debug strings built whether or not debug is on) cost more than the post itself.
 * Every other call stays on the WebClient.
 *
 * It behaves as the WebClient configured in mount.ts does:
 * - the same API URL and token as the client Bolt hands the listener (the event's workspace), and its team id;
 * - the same retries, in http-fetch.ts: a short Retry-After is waited out, a 5xx or a dropped connection sends
 *   the post again only when its thread shows it did not arrive (found by the unique mark in its metadata);
 * - the same errors: `WebAPIRateLimitedError` on a 429 still refused, `WebAPIHTTPError` on any other status than
 *   200, `WebAPIRequestError` when the network failed, `WebAPIPlatformError` (with `data.error`) on `ok: false`.
 */
import { randomUUID } from 'node:crypto';
import { webApi } from '@slack/bolt';
import type { SlackReply } from '../../bot/render/block-kit.js';
import type { Logger } from '../../observability/logger.js';
import { postMark, type FetchResponse, type SlackFetch } from './http-fetch.js';

export interface PostMessageArgs {
  channel: string;
  thread_ts?: string;
  text: SlackReply['text'];
  blocks: SlackReply['blocks'];
}

/** Who posts: the listener's client (its token and API URL) and the team Bolt authorized the event for. */
export interface Poster {
  client: Pick<webApi.WebClient, 'token' | 'slackApiUrl'>;
  teamId?: string;
}

export type PostMessage = (as: Poster, args: PostMessageArgs) => Promise<webApi.ChatPostMessageResponse>;

export function createPostMessage(fetch: SlackFetch, logger: Logger): PostMessage {
  return async ({ client, teamId }, args) => {
    const mark = randomUUID();
    // The fields in the order the WebClient sends them: team first, then the call's arguments.
    const body = JSON.stringify({ team_id: teamId, ...args, metadata: postMark(mark) });
    const url = new URL('chat.postMessage', client.slackApiUrl);
    const place = () => ({ channel: args.channel, threadTs: args.thread_ts });
    let response: FetchResponse;
    try {
      response = await fetch.sendPost(
        url,
        {
          method: 'POST',
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json; charset=utf-8',
            ...(client.token ? { Authorization: `Bearer ${client.token}` } : {}),
          },
          body,
          redirect: 'error',
        },
        { mark, place },
      );
    } catch (error) {
      throw new webApi.WebAPIRequestError(error instanceof Error ? error : new Error(String(error)));
    }
    const result = await resultOf(response);
    for (const warning of result.response_metadata?.warnings ?? []) {
      logger.warn('slack chat.postMessage warning', { warning });
    }
    if (result.ok !== true) {
      throw new webApi.WebAPIPlatformError({ ...result, error: String(result.error ?? 'unknown_error') });
    }
    return result;
  };
}

/** The answer's body, or the WebClient's error for a status it does not read (429, anything but 200). */
async function resultOf(response: FetchResponse): Promise<webApi.ChatPostMessageResponse> {
  if (response.status === 429) {
    const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
    if (!Number.isNaN(seconds)) throw new webApi.WebAPIRateLimitedError(seconds);
  }
  const text = await response.text();
  if (response.status !== 200) {
    throw new webApi.WebAPIHTTPError(
      response.status,
      response.statusText,
      Object.fromEntries(response.headers.entries()),
      text,
    );
  }
  try {
    return JSON.parse(text) as webApi.ChatPostMessageResponse;
  } catch {
    // As the WebClient does: an unreadable answer is a failed call whose error is the text Slack sent.
    return { ok: false, error: text };
  }
}

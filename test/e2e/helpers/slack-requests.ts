/**
 * Signed Slack deliveries, built the way Slack sends them: JSON for the Events API, form-encoded for slash
 * commands and `payload=`-wrapped JSON for interactivity.
 */
import { signSlackRequest } from '../../../src/adapters/slack/signature.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, FAKE_TEAM_ID } from './fake-slack.js';

export const TEST_SIGNING_SECRET = 'test-signing-secret-8f2c';
export const TEST_BOT_TOKEN = 'xoxb-1111-2222-testbottoken';

/** The environment of a server answering Slack (one workspace) through the fake Web API at `apiUrl`. */
export function slackServerEnv(apiUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_API_URL: apiUrl,
    SLACK_BOT_ID: FAKE_BOT_ID,
    SLACK_BOT_USER_ID: FAKE_BOT_USER_ID,
    ...extra,
  };
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature (tampering tests); null sends none. */
  signature?: string | null;
  headers?: Record<string, string>;
}

export async function postSigned(
  url: string,
  rawBody: string,
  contentType: string,
  options: SendOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature === undefined
      ? signSlackRequest(options.secret ?? TEST_SIGNING_SECRET, timestamp, rawBody)
      : options.signature;
  return fetch(`${url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      ...(signature === null ? {} : { 'x-slack-signature': signature }),
      ...options.headers,
    },
    body: rawBody,
  });
}

export function postEvent(url: string, envelope: object, options?: SendOptions): Promise<Response> {
  return postSigned(url, JSON.stringify(envelope), 'application/json', options);
}

export function postForm(
  url: string,
  fields: Record<string, string>,
  options?: SendOptions,
): Promise<Response> {
  return postSigned(
    url,
    new URLSearchParams(fields).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

export function postInteraction(url: string, payload: object, options?: SendOptions): Promise<Response> {
  return postForm(url, { payload: JSON.stringify(payload) }, options);
}

let counter = 0;
/** A fresh Slack-looking ts (`seconds.micro`), unique within the run. */
export function nextTs(): string {
  counter++;
  return `${1_700_000_000 + (Math.floor(Date.now() / 1000) % 100_000)}.${String(100_000 + counter).slice(-6)}`;
}

export function eventEnvelope(
  event: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  counter++;
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    api_app_id: 'A0FAKEAPP',
    type: 'event_callback',
    event_id: `Ev0${Date.now().toString(36).toUpperCase()}${counter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true }],
    event,
    ...overrides,
  };
}

export function mentionEvent(text: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = nextTs();
  return {
    type: 'app_mention',
    user: 'U0HUMAN01',
    text: `<@${FAKE_BOT_USER_ID}> ${text}`,
    ts,
    channel: 'C0CHANNEL1',
    event_ts: ts,
    ...fields,
  };
}

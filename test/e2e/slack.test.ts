/**
 * Slack end to end: signed HTTP deliveries into the real server (Bolt + our receiver + engine + Redis), with the
 * real Slack Web API client talking to a fake Slack on loopback.
 */
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  startFakeSlack,
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_ID,
  type FakeSlack,
  type RecordedCall,
} from './helpers/fake-slack.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import {
  eventEnvelope,
  mentionEvent,
  nextTs,
  postEvent,
  postForm,
  postInteraction,
  TEST_SIGNING_SECRET,
} from './helpers/slack-requests.js';

const DLV_PASTE = readFileSync(
  new URL('../fixtures/en/slmgr-dlv-kms-client-no-kms-in-dns.txt', import.meta.url),
  'utf8',
);
const BOT_TOKEN = 'xoxb-1111-2222-testbottoken';

let redis: TestRedis;
let fake: FakeSlack;
let server: TestServer;
let redisClient: Redis;

function slackEnv(extra: Record<string, string> = {}) {
  return {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    SLACK_BOT_ID: FAKE_BOT_ID,
    SLACK_BOT_USER_ID: FAKE_BOT_USER_ID,
    REDIS_URL: redis.url,
    ...extra,
  };
}

function blocksOf(call: RecordedCall): Array<Record<string, unknown>> {
  const blocks = call.args.blocks;
  expect(Array.isArray(blocks)).toBe(true);
  return blocks as Array<Record<string, unknown>>;
}

function buttonsOf(call: RecordedCall): Array<{ action_id: string; value?: string }> {
  return blocksOf(call)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Array<{ type: string; action_id: string; value?: string }>)
    .filter((e) => e.type === 'button');
}

/** Slack's block_actions payload for a click on `button` of the card the bot posted in the thread of `event`. */
function clickOn(
  event: Record<string, unknown>,
  card: RecordedCall,
  button: { action_id: string; value?: string },
  { triggerId, responseUrl }: { triggerId: string; responseUrl: string },
) {
  const cardTs = String(card.response!.ts);
  return {
    type: 'block_actions',
    team: { id: FAKE_TEAM_ID, domain: 'fake' },
    user: { id: 'U0HUMAN01', name: 'sam' },
    api_app_id: 'A0FAKEAPP',
    trigger_id: triggerId,
    container: {
      type: 'message',
      message_ts: cardTs,
      channel_id: event.channel,
      is_ephemeral: false,
      thread_ts: event.ts,
    },
    channel: { id: event.channel, name: 'helpdesk' },
    message: {
      type: 'message',
      ts: cardTs,
      thread_ts: event.ts,
      bot_id: FAKE_BOT_ID,
      text: card.args.text,
      blocks: card.args.blocks,
    },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: button.action_id,
        block_id: 'actions',
        value: button.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

beforeAll(async () => {
  [redis, fake] = await Promise.all([startTestRedis(), startFakeSlack()]);
  redisClient = new Redis(redis.url);
  server = await startTestServer(slackEnv());
});

afterAll(async () => {
  await server?.close();
  redisClient?.disconnect();
  await Promise.all([fake?.close(), redis?.stop()]);
});

beforeEach(async () => {
  await server.bot.idle();
  fake.reset();
});

describe('Slack mentions, DMs and threads', () => {
  it('answers a mention with a pasted slmgr /dlv output once, in the thread, with blocks', async () => {
    const event = mentionEvent(`can you check this?\n\`\`\`${DLV_PASTE}\`\`\``);
    const res = await postEvent(server.url, eventEnvelope(event));
    expect(res.status).toBe(200);

    const [reply] = await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
    expect(reply!.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(reply!.args).toMatchObject({ channel: 'C0CHANNEL1', thread_ts: event.ts });
    expect(String(reply!.args.text).length).toBeGreaterThan(0);
    expect(blocksOf(reply!).length).toBeGreaterThan(0);
    // The diagnosis is about KMS discovery, which the paste shows failing.
    expect(JSON.stringify(reply!.args.blocks)).toMatch(/KMS/);
  });

  it('answers a direct message in its thread', async () => {
    const ts = nextTs();
    await postEvent(
      server.url,
      eventEnvelope({
        type: 'message',
        channel_type: 'im',
        channel: 'D0DIRECT1',
        user: 'U0HUMAN01',
        text: 'what is 0xC004F074?',
        ts,
      }),
    );
    const [reply] = await fake.waitForCalls('chat.postMessage');
    expect(reply!.args).toMatchObject({ channel: 'D0DIRECT1', thread_ts: ts });
  });

  it('answers a message that arrives both as app_mention and as message only once', async () => {
    const mention = mentionEvent('0xC004F074 on a new server');
    const asMessage = { ...mention, type: 'message', channel_type: 'channel' };
    // Slack does not promise an order: the plain message copy comes first here.
    await postEvent(server.url, eventEnvelope(asMessage));
    await postEvent(server.url, eventEnvelope(mention));
    await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
  });

  it('strips the mention before reading the text', async () => {
    const event = mentionEvent('help');
    await postEvent(server.url, eventEnvelope(event));
    const [reply] = await fake.waitForCalls('chat.postMessage');
    expect(JSON.stringify(reply!.args)).not.toContain(`<@${FAKE_BOT_USER_ID}>`);
  });

  it('ignores bot posts, its own messages, edits and deletions', async () => {
    const base = { type: 'message', channel_type: 'im', channel: 'D0DIRECT1', text: '0xC004F074' };
    await postEvent(
      server.url,
      eventEnvelope({ ...base, user: 'U0OTHER01', bot_id: 'B0OTHERBOT', ts: nextTs() }),
    );
    await postEvent(
      server.url,
      eventEnvelope({ ...base, subtype: 'bot_message', bot_id: 'B0OTHERBOT', ts: nextTs() }),
    );
    await postEvent(server.url, eventEnvelope({ ...base, user: FAKE_BOT_USER_ID, ts: nextTs() }));
    await postEvent(
      server.url,
      eventEnvelope({
        ...base,
        subtype: 'message_changed',
        ts: nextTs(),
        message: { user: 'U0HUMAN01', text: '0xC004F074' },
      }),
    );
    await postEvent(server.url, eventEnvelope({ ...base, subtype: 'message_deleted', ts: nextTs() }));
    await server.bot.idle();
    expect(fake.calls()).toEqual([]);
  });

  it('follows up in a thread where it has answered', async () => {
    const root = mentionEvent('0xC004F074');
    await postEvent(server.url, eventEnvelope(root));
    await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    fake.reset();

    await postEvent(
      server.url,
      eventEnvelope({
        type: 'message',
        channel_type: 'channel',
        channel: root.channel,
        user: 'U0HUMAN01',
        text: DLV_PASTE,
        ts: nextTs(),
        thread_ts: root.ts,
      }),
    );
    const [followUp] = await fake.waitForCalls('chat.postMessage');
    expect(followUp!.args.thread_ts).toBe(root.ts);
  });

  describe('in a group DM', () => {
    const groupMessage = (text: string, fields: Record<string, unknown> = {}) => ({
      type: 'message',
      channel_type: 'mpim',
      channel: 'G0GROUPDM1',
      user: 'U0HUMAN01',
      text,
      ts: nextTs(),
      ...fields,
    });

    it('answers a mention in the thread of that message, once even when Slack also sends app_mention', async () => {
      const message = groupMessage(`<@${FAKE_BOT_USER_ID}> our RDS host says 0xC004F074`);
      await postEvent(server.url, eventEnvelope(message));
      const [reply] = await fake.waitForCalls('chat.postMessage');
      await postEvent(server.url, eventEnvelope({ ...message, type: 'app_mention' }));
      await server.bot.idle();
      expect(fake.calls('chat.postMessage')).toHaveLength(1);
      expect(reply!.args).toMatchObject({ channel: 'G0GROUPDM1', thread_ts: message.ts });
      // The code is in the answer (its codes sit behind Details; the message text holds the whole answer).
      expect(String(reply!.args.text)).toContain('0xC004F074');
    });

    it('follows up in its thread and stays quiet when not asked', async () => {
      const root = groupMessage(`<@${FAKE_BOT_USER_ID}> 0xC004F074`);
      await postEvent(server.url, eventEnvelope(root));
      await fake.waitForCalls('chat.postMessage');
      await server.bot.idle();
      fake.reset();

      // Chatter between the people of the group DM is not for the bot.
      await postEvent(server.url, eventEnvelope(groupMessage('lunch at noon?')));
      await server.bot.idle();
      expect(fake.calls('chat.postMessage')).toEqual([]);

      await postEvent(server.url, eventEnvelope(groupMessage(DLV_PASTE, { thread_ts: root.ts })));
      const [followUp] = await fake.waitForCalls('chat.postMessage');
      expect(followUp!.args).toMatchObject({ channel: 'G0GROUPDM1', thread_ts: root.ts });
    });
  });

  it('stays out of threads it has not joined', async () => {
    const ts = nextTs();
    await postEvent(
      server.url,
      eventEnvelope({
        type: 'message',
        channel_type: 'channel',
        channel: 'C0CHANNEL1',
        user: 'U0HUMAN01',
        text: 'our KMS says 0xC004F074 again',
        ts,
        thread_ts: nextTs(),
      }),
    );
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toEqual([]);
  });
});

describe('Slack delivery guarantees', () => {
  it('answers a retried event once', async () => {
    const envelope = eventEnvelope(mentionEvent('0xC004C003 after converting an evaluation server'));
    await postEvent(server.url, envelope);
    await fake.waitForCalls('chat.postMessage');
    const retry = await postEvent(server.url, envelope, {
      headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
  });

  it('answers a retry delivered to another instance once (dedup lives in Redis)', async () => {
    const second = await startTestServer(slackEnv());
    try {
      const envelope = eventEnvelope(mentionEvent('0xC004F038 with only three clients'));
      await postEvent(server.url, envelope);
      await fake.waitForCalls('chat.postMessage');
      await server.bot.idle();
      await postEvent(second.url, envelope, {
        headers: { 'X-Slack-Retry-Num': '2', 'X-Slack-Retry-Reason': 'http_error' },
      });
      await second.bot.idle();
      expect(fake.calls('chat.postMessage')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('retries a rate-limited reply after Retry-After and delivers it', async () => {
    fake.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const event = mentionEvent('0x8007232B');
    await postEvent(server.url, eventEnvelope(event));
    const calls = await fake.waitForCalls('chat.postMessage', 2, 8000);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(900);
    expect(calls[1]!.args.thread_ts).toBe(event.ts);
  });

  it.each([
    ['unsigned', { signature: null }],
    ['signed with another secret', { secret: 'not-the-secret' }],
    ['signed more than five minutes ago', { timestamp: Math.floor(Date.now() / 1000) - 301 }],
    ['signed in the future', { timestamp: Math.floor(Date.now() / 1000) + 600 }],
    ['with a malformed signature', { signature: 'v0=abc' }],
  ])('rejects a request %s with 401 and does nothing', async (_name, options) => {
    const res = await postEvent(server.url, eventEnvelope(mentionEvent('0xC004F074')), options);
    expect(res.status).toBe(401);
    await server.bot.idle();
    expect(fake.calls()).toEqual([]);
  });

  it('rejects a body altered after signing', async () => {
    const body = JSON.stringify(eventEnvelope(mentionEvent('0xC004F074')));
    const timestamp = Math.floor(Date.now() / 1000);
    const { signSlackRequest } = await import('../../src/adapters/slack/signature.js');
    const res = await fetch(`${server.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signSlackRequest(TEST_SIGNING_SECRET, timestamp, body),
      },
      body: body.replace('0xC004F074', '0xC004F075'),
    });
    expect(res.status).toBe(401);
  });

  it('echoes the url_verification challenge', async () => {
    const res = await postEvent(server.url, {
      token: 't',
      challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      type: 'url_verification',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      challenge: 'challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
    });
  });

  it('answers the ssl_check probe with an empty 200 and processes nothing', async () => {
    const res = await postForm(server.url, { ssl_check: '1', token: 'legacy-verification-token' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await server.bot.idle();
    expect(fake.calls()).toEqual([]);
  });
});

describe('Slack commands, shortcuts and buttons', () => {
  const commandFields = (text: string) => ({
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: 'fake',
    channel_id: 'C0CHANNEL2',
    channel_name: 'it-ops',
    user_id: 'U0HUMAN02',
    user_name: 'alex',
    command: '/activation',
    text,
    api_app_id: 'A0FAKEAPP',
    response_url: fake.responseUrl(`cmd-${Date.now()}`),
    trigger_id: `${Date.now()}.1234.${Math.random().toString(16).slice(2)}`,
  });

  it('acknowledges /activation <code> at once and answers in the channel as a new thread', async () => {
    const res = await postForm(server.url, commandFields('0xC004F074'));
    expect(res.status).toBe(200);
    const [root] = await fake.waitForCalls('chat.postMessage');
    expect(root!.args.channel).toBe('C0CHANNEL2');
    expect(root!.args.thread_ts).toBeUndefined();
    // The thread's root becomes the card, so its buttons and replies share the thread's memory.
    const [card] = await fake.waitForCalls('chat.update');
    expect(card!.args).toMatchObject({ channel: 'C0CHANNEL2', ts: root!.response!.ts });
    expect(JSON.stringify(card!.args.blocks)).toContain('0xC004F074');
  });

  it('answers /activation help privately', async () => {
    await postForm(server.url, commandFields('help'));
    const [reply] = await fake.waitForCalls('response_url');
    expect(reply!.args.response_type).toBe('ephemeral');
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toEqual([]);
  });

  it('diagnoses a message through the "diagnose_message" shortcut, in that message\'s thread', async () => {
    const messageTs = nextTs();
    const res = await postInteraction(server.url, {
      type: 'message_action',
      callback_id: 'diagnose_message',
      trigger_id: `${Date.now()}.42.shortcut`,
      action_ts: `${Date.now() / 1000}`,
      team: { id: FAKE_TEAM_ID, domain: 'fake' },
      channel: { id: 'C0CHANNEL1', name: 'helpdesk' },
      user: { id: 'U0HUMAN02', name: 'alex' },
      message: { type: 'message', user: 'U0HUMAN03', ts: messageTs, text: DLV_PASTE },
      response_url: fake.responseUrl('shortcut'),
    });
    expect(res.status).toBe(200);
    const [reply] = await fake.waitForCalls('chat.postMessage');
    expect(reply!.args).toMatchObject({ channel: 'C0CHANNEL1', thread_ts: messageTs });
  });

  describe('on a message in a conversation the bot is not in', () => {
    const shortcutOn = (responseId: string) => ({
      type: 'message_action',
      callback_id: 'diagnose_message',
      trigger_id: `${Date.now()}.43.shortcut`,
      action_ts: `${Date.now() / 1000}`,
      team: { id: FAKE_TEAM_ID, domain: 'fake' },
      channel: { id: 'C0NOTMEMBER', name: 'servers' },
      user: { id: 'U0HUMAN02', name: 'alex' },
      message: { type: 'message', user: 'U0HUMAN03', ts: nextTs(), text: 'slmgr /ato gave 0xC004F074' },
      response_url: fake.responseUrl(responseId),
    });

    it('answers the person privately through response_url and says how to invite the bot', async () => {
      fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
      const res = await postInteraction(server.url, shortcutOn('shortcut-private'));
      expect(res.status).toBe(200);
      const [reply] = await fake.waitForCalls('response_url');
      await server.bot.idle();
      expect(reply!.args).toMatchObject({ id: 'shortcut-private', response_type: 'ephemeral' });
      const blocks = JSON.stringify(reply!.args.blocks);
      expect(blocks).toContain('/invite @activation-doctor');
      expect(JSON.stringify(reply!.args)).toContain('0xC004F074');
      // The one attempt to post in the channel, and nothing else in public.
      expect(fake.calls('chat.postMessage')).toHaveLength(1);
    });

    it('sends the answer as a DM when the response_url has expired', async () => {
      fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
      await postInteraction(server.url, shortcutOn('expired-shortcut'));
      const [, dm] = await fake.waitForCalls('chat.postMessage', 2);
      expect(dm!.args.channel).toBe('U0HUMAN02');
      expect(dm!.args.thread_ts).toBeUndefined();
      expect(JSON.stringify(dm!.args.blocks)).toContain('/invite @activation-doctor');
      expect(fake.calls('response_url')[0]!.status).toBe(404);
    });

    it('answers in French when the message is in French', async () => {
      fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
      const payload = shortcutOn('shortcut-fr');
      payload.message.text = 'pourquoi 0xC004F074 sur ce serveur ?';
      await postInteraction(server.url, payload);
      const [reply] = await fake.waitForCalls('response_url');
      expect(JSON.stringify(reply!.args.blocks)).toContain('ajoutez-moi');
    });
  });

  it('updates the clicked card in place when a button asks for it', async () => {
    const event = mentionEvent(DLV_PASTE);
    await postEvent(server.url, eventEnvelope(event));
    const [card] = await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    const cardTs = String(card!.response!.ts);
    const button = buttonsOf(card!).find((b) => b.action_id === 'ad_resolved');
    expect(
      button,
      `buttons: ${buttonsOf(card!)
        .map((b) => b.action_id)
        .join(', ')}`,
    ).toBeDefined();
    fake.reset();

    const res = await postInteraction(
      server.url,
      clickOn(event, card!, button!, {
        triggerId: `${Date.now()}.7.button`,
        responseUrl: fake.responseUrl('button'),
      }),
    );
    expect(res.status).toBe(200);
    const [update] = await fake.waitForCalls('chat.update');
    expect(update!.args).toMatchObject({ channel: event.channel, ts: cardTs });
    expect(blocksOf(update!).length).toBeGreaterThan(0);
  });

  describe('Details', () => {
    /** Posts a diagnosis card, then clicks its "Details" button with the given trigger id. */
    async function clickDetails(triggerId: string) {
      const event = mentionEvent(DLV_PASTE);
      await postEvent(server.url, eventEnvelope(event));
      const [card] = await fake.waitForCalls('chat.postMessage');
      await server.bot.idle();
      const button = buttonsOf(card!).find((b) => b.action_id === 'ad_details');
      expect(button, 'the card has a Details button').toBeDefined();
      fake.reset();
      const res = await postInteraction(
        server.url,
        clickOn(event, card!, button!, { triggerId, responseUrl: fake.responseUrl('details') }),
      );
      expect(res.status).toBe(200);
      return { event, card: card! };
    }

    it('opens a modal at once, then fills it with the details the card leaves out; the card is not touched', async () => {
      const { card } = await clickDetails(`${Date.now()}.8.details`);
      const [opened] = await fake.waitForCalls('views.open');
      const [filled] = await fake.waitForCalls('views.update');
      await server.bot.idle();
      const waiting = opened!.args.view as { type: string; title: { text: string }; blocks: unknown[] };
      expect(waiting).toMatchObject({ type: 'modal', title: { text: 'Details' } });
      expect(JSON.stringify(waiting.blocks)).toContain('Getting the details');
      expect(filled!.args.view_id).toBe((opened!.response!.view as { id: string }).id);
      const view = filled!.args.view as { type: string; blocks: Array<Record<string, unknown>> };
      expect(view.type).toBe('modal');
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const details = JSON.stringify(view.blocks);
      // The details: what the thread showed as evidence and what to paste next, none of it on the card.
      expect(details).toContain('*Next evidence to collect*');
      expect(JSON.stringify(card.args.blocks)).not.toContain('*Next evidence to collect*');
      // Only the modal: no new message, no update of the card, no private note.
      expect(fake.calls('chat.postMessage')).toEqual([]);
      expect(fake.calls('chat.update')).toEqual([]);
      expect(fake.calls('chat.postEphemeral')).toEqual([]);
    });

    it('on a card whose thread kept nothing, the modal says so, in the card’s language', async () => {
      const cardTs = nextTs();
      const res = await postInteraction(server.url, {
        type: 'block_actions',
        team: { id: FAKE_TEAM_ID, domain: 'fake' },
        user: { id: 'U0HUMAN01', name: 'sam' },
        trigger_id: `${Date.now()}.9.details`,
        container: { type: 'message', message_ts: cardTs, channel_id: 'C0CHANNEL9' },
        channel: { id: 'C0CHANNEL9' },
        message: { type: 'message', ts: cardTs, bot_id: FAKE_BOT_ID },
        actions: [
          {
            type: 'button',
            action_id: 'ad_details',
            value: JSON.stringify({ action: 'details', lang: 'fr' }),
            action_ts: `${Date.now() / 1000}`,
          },
        ],
      });
      expect(res.status).toBe(200);
      const [opened] = await fake.waitForCalls('views.open');
      const [filled] = await fake.waitForCalls('views.update');
      await server.bot.idle();
      expect(opened!.args.view).toMatchObject({ title: { text: 'Détails' }, close: { text: 'Fermer' } });
      expect(JSON.stringify(filled!.args.view)).toContain('Cette carte n’a pas d’autres détails.');
      expect(fake.calls('chat.postMessage')).toEqual([]);
    });

    it('with an expired trigger, sends the same details privately in the thread', async () => {
      const { event } = await clickDetails('expired.8.details');
      const [note] = await fake.waitForCalls('chat.postEphemeral');
      await server.bot.idle();
      expect(fake.calls('views.open')[0]!.response).toMatchObject({ ok: false, error: 'expired_trigger_id' });
      expect(note!.args).toMatchObject({ channel: event.channel, user: 'U0HUMAN01', thread_ts: event.ts });
      const blocks = JSON.stringify(note!.args.blocks);
      expect(blocks).toContain('Details (only you can see this)');
      expect(blocks).toContain('*Next evidence to collect*');
      expect(fake.calls('views.update')).toEqual([]);
    });
  });

  it('ignores a button whose value was tampered with', async () => {
    const res = await postInteraction(server.url, {
      type: 'block_actions',
      team: { id: FAKE_TEAM_ID },
      user: { id: 'U0HUMAN01' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0CHANNEL1' },
      channel: { id: 'C0CHANNEL1' },
      message: { type: 'message', ts: '1700000000.000100' },
      actions: [{ type: 'button', action_id: 'ad_resolved', value: '{"action":"claim"}', action_ts: '1' }],
    });
    expect(res.status).toBe(200);
    await server.bot.idle();
    expect(fake.calls()).toEqual([]);
  });

  it('publishes the Home tab with the common codes', async () => {
    await postEvent(
      server.url,
      eventEnvelope({
        type: 'app_home_opened',
        user: 'U0HUMAN01',
        channel: 'D0HOME',
        tab: 'home',
        event_ts: nextTs(),
      }),
    );
    const [publish] = await fake.waitForCalls('views.publish');
    expect(publish!.args.user_id).toBe('U0HUMAN01');
    const view = JSON.stringify(publish!.args.view);
    expect(view).toContain('0xC004F074');
    expect(view).toContain('/activation');
  });
});

describe('Slack workspace lifecycle', () => {
  it.each([
    ['the app is uninstalled', { type: 'app_uninstalled' }],
    ['the bot token is revoked', { type: 'tokens_revoked', tokens: { oauth: [], bot: [FAKE_BOT_USER_ID] } }],
  ])('forgets a workspace when %s', async (_why, lifecycleEvent) => {
    const team = `T0LEAVE${lifecycleEvent.type.length}`;
    const event = mentionEvent('0xC004F074');
    await postEvent(
      server.url,
      eventEnvelope(event, {
        team_id: team,
        authorizations: [{ team_id: team, user_id: FAKE_BOT_USER_ID, is_bot: true }],
      }),
    );
    await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    const keysOf = async () => (await redisClient.keys('*')).filter((k) => k.includes(`slack:${team}:`));
    expect((await keysOf()).length).toBeGreaterThan(0);

    const res = await postEvent(
      server.url,
      eventEnvelope({ ...lifecycleEvent, event_ts: nextTs() }, { team_id: team }),
    );
    expect(res.status).toBe(200);
    await server.bot.idle();
    expect(await keysOf()).toEqual([]);
  });

  it('keeps a workspace when only a user token is revoked', async () => {
    const team = 'T0STAYING1';
    await postEvent(
      server.url,
      eventEnvelope(mentionEvent('0xC004F074'), {
        team_id: team,
        authorizations: [{ team_id: team, user_id: FAKE_BOT_USER_ID, is_bot: true }],
      }),
    );
    await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    await postEvent(
      server.url,
      eventEnvelope(
        { type: 'tokens_revoked', tokens: { oauth: ['U0HUMAN01'] }, event_ts: nextTs() },
        { team_id: team },
      ),
    );
    await server.bot.idle();
    expect((await redisClient.keys('*')).some((k) => k.includes(`slack:${team}:`))).toBe(true);
  });
});

describe('Slack observability', () => {
  it('counts replies, codes and duplicate deliveries on /metrics', async () => {
    const envelope = eventEnvelope(mentionEvent('0xC004F074'));
    await postEvent(server.url, envelope);
    await fake.waitForCalls('chat.postMessage');
    await postEvent(server.url, envelope, {
      headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' },
    });
    await postEvent(server.url, envelope, { signature: null });
    await server.bot.idle();

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/activation_doctor_messages_total\{platform="slack",outcome="replied"\} [1-9]/);
    expect(metrics).toMatch(/activation_doctor_messages_total\{platform="slack",outcome="rejected"\} [1-9]/);
    expect(metrics).toMatch(/activation_doctor_diagnoses_total\{code="0xC004F074"\} [1-9]/);
    expect(metrics).toMatch(/activation_doctor_dedup_hits_total\{platform="slack"\} [1-9]/);
    expect(metrics).toMatch(
      /activation_doctor_turn_duration_seconds_bucket\{le="\+Inf",platform="slack"\} [1-9]/,
    );
  });

  it('never writes the signing secret, the bot token or a full product key to the logs', async () => {
    await postEvent(
      server.url,
      eventEnvelope(
        mentionEvent(
          'slmgr /ipk W269N-WFGWX-YVC9B-4J6C9-T83GX gave 0xC004F050 with NPPR9-FWDCX-D2C8J-H872K-2YT43',
        ),
      ),
    );
    await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    const logs = JSON.stringify(server.logs);
    expect(server.logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(TEST_SIGNING_SECRET);
    expect(logs).not.toContain(BOT_TOKEN);
    expect(logs).not.toContain('NPPR9-FWDCX-D2C8J-H872K');
  });
});

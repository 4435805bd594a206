/**
 * Teams end to end, as the Agents Playground runs it (no app id: anonymous): activities POSTed to the real
 * server's /api/messages, botbuilder's CloudAdapter and connector client replying to a fake Bot Framework
 * connector on loopback, thread state in a private Redis.
 */
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conversationRefKey } from '../../src/adapters/teams/conversation-refs.js';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from './helpers/fake-connector.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import {
  BOT_ID,
  botAddedToTeam,
  CHANNEL_ID,
  channelMention,
  personalMessage,
  postActivity,
  searchQuery,
  submitClick,
  TENANT_ID,
  userAddedToTeam,
} from './helpers/teams-activities.js';

const DLV_PASTE = readFileSync(
  new URL('../fixtures/en/slmgr-dlv-kms-client-no-kms-in-dns.txt', import.meta.url),
  'utf8',
);

interface Card {
  type: string;
  version: string;
  body: unknown[];
  actions?: Array<{ type: string; title: string; data?: Record<string, unknown> }>;
}

let redis: TestRedis;
let connector: FakeConnector;
let server: TestServer;
let redisClient: Redis;

function cardOf(call: ConnectorCall): Card {
  const attachments = call.body.attachments as Array<{ contentType: string; content: Card }>;
  expect(attachments).toHaveLength(1);
  expect(attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return attachments[0]!.content;
}

// The whole card: the first screen and what sits behind Details (an Action.ShowCard).
const cardText = (card: Card) => JSON.stringify(card);

beforeAll(async () => {
  [redis, connector] = await Promise.all([startTestRedis(), startFakeConnector()]);
  redisClient = new Redis(redis.url);
  server = await startTestServer({ PLAYGROUND: 'on', REDIS_URL: redis.url });
});

afterAll(async () => {
  await server?.close();
  redisClient?.disconnect();
  await Promise.all([connector?.close(), redis?.stop()]);
});

beforeEach(async () => {
  await server.bot.idle();
  connector.reset();
});

describe('Teams messages (anonymous, Agents Playground mode)', () => {
  it('warns loudly at start-up that Teams requests are not authenticated', () => {
    const warning = server.logs.find(
      (l) => l.level === 'warn' && String(l.msg).includes('AUTHENTICATION IS DISABLED'),
    );
    expect(warning).toBeDefined();
  });

  it('answers an error code in a personal chat with an Adaptive Card 1.5 in that chat', async () => {
    const activity = personalMessage(connector.serviceUrl, 'we get 0xC004F074 on every client');
    const res = await postActivity(server.url, activity);
    expect(res.status).toBe(200);

    const [call] = await connector.waitFor((d) => d.length === 1);
    expect(call!.conversationId).toBe((activity.conversation as { id: string }).id);
    expect(call!.body.type).toBe('message');
    const card = cardOf(call!);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    expect(cardText(card)).toContain('0xC004F074');
  });

  it('answers a channel @mention with a /dlv paste in the thread of that message', async () => {
    const activity = channelMention(connector.serviceUrl, `can someone look at this?\n${DLV_PASTE}`);
    expect((await postActivity(server.url, activity)).status).toBe(200);

    const [call] = await connector.waitFor((d) => d.length === 1);
    expect(call!.conversationId).toBe(`${CHANNEL_ID};messageid=${String(activity.id)}`);
    const card = cardOf(call!);
    // A diagnosis of the paste (KMS client that cannot find a host), not the help card.
    expect(card.actions?.some((a) => a.type === 'Action.Submit')).toBe(true);
    expect(cardText(card)).not.toContain('<at>');
  });

  it('updates the card in place when one of its buttons is clicked', async () => {
    const question = channelMention(connector.serviceUrl, DLV_PASTE);
    await postActivity(server.url, question);
    const [posted] = await connector.waitFor((d) => d.length === 1);
    const cardId = posted!.responseId!;
    const button = cardOf(posted!).actions!.find(
      (a) => a.type === 'Action.Submit' && a.data?.action === 'resolved',
    );
    expect(button).toBeDefined();

    connector.reset();
    const click = submitClick(question, button!.data, cardId);
    expect((await postActivity(server.url, click)).status).toBe(200);

    const [update] = await connector.waitFor((d) => d.length === 1);
    expect(update!.method).toBe('PUT');
    expect(update!.activityId).toBe(cardId);
    expect(update!.conversationId).toBe((question.conversation as { id: string }).id);
    expect(cardOf(update!).version).toBe('1.5');
  });

  it('ignores a click whose data is not one of our button payloads', async () => {
    const question = personalMessage(connector.serviceUrl, '0xC004F074');
    await postActivity(server.url, question);
    await connector.waitFor((d) => d.length === 1);
    connector.reset();

    const forged = submitClick(question, { action: 'drop_all_tables', findingId: 'x' }, 'fake-activity-1');
    expect((await postActivity(server.url, forged)).status).toBe(200);
    await server.bot.idle();
    expect(connector.calls).toHaveLength(0);
  });

  it('does not answer messages sent by a bot', async () => {
    const activity = personalMessage(connector.serviceUrl, '0xC004F074', {
      from: { id: '28:another-bot', name: 'Other bot', role: 'bot' },
    });
    expect((await postActivity(server.url, activity)).status).toBe(200);
    await server.bot.idle();
    expect(connector.calls).toHaveLength(0);
  });

  it('welcomes the team with a short help card when the bot is added, in French for a French client', async () => {
    expect((await postActivity(server.url, botAddedToTeam(connector.serviceUrl, 'fr-FR'))).status).toBe(200);
    const [call] = await connector.waitFor((d) => d.length === 1);
    expect(call!.conversationId).toBe(CHANNEL_ID);
    const card = cardOf(call!);
    expect(cardText(card)).toContain('Activation Doctor');
    expect(cardText(card)).toMatch(/Collez|collez|erreur/);
  });

  it('says nothing when someone else joins the team', async () => {
    expect((await postActivity(server.url, userAddedToTeam(connector.serviceUrl))).status).toBe(200);
    await server.bot.idle();
    expect(connector.calls).toHaveLength(0);
  });

  it('keeps a conversation reference in Redis for later proactive messages', async () => {
    const activity = channelMention(connector.serviceUrl, '0xC004F074');
    await postActivity(server.url, activity);
    await connector.waitFor((d) => d.length === 1);
    const conversationId = (activity.conversation as { id: string }).id;
    const raw = await redisClient.get(conversationRefKey(TENANT_ID, conversationId));
    expect(raw).not.toBeNull();
    const ref = JSON.parse(raw!) as Record<string, { id?: string } | string>;
    expect(ref.serviceUrl).toBe(connector.serviceUrl);
    expect((ref.conversation as { id: string }).id).toBe(conversationId);
    expect((ref.bot as { id: string }).id).toBe(BOT_ID);
    expect(ref.channelId).toBe('msteams');
    expect(await redisClient.ttl(conversationRefKey(TENANT_ID, conversationId))).toBeGreaterThan(0);
  });
});

describe('Teams connector trouble', () => {
  it('still delivers the reply once when the connector throttles the first attempt (429)', async () => {
    connector.failNext(429);
    await postActivity(server.url, personalMessage(connector.serviceUrl, '0xC004F074'));
    const delivered = await connector.waitFor((d) => d.length === 1);
    await server.bot.idle();
    expect(connector.calls.map((c) => c.status)).toEqual([429, 201]);
    expect(connector.delivered()).toHaveLength(1);
    expect(cardOf(delivered[0]!).version).toBe('1.5');
  });

  it('retries a card update refused with 412 and updates the card once', async () => {
    const question = personalMessage(connector.serviceUrl, DLV_PASTE);
    await postActivity(server.url, question);
    const [posted] = await connector.waitFor((d) => d.length === 1);
    const button = cardOf(posted!).actions!.find(
      (a) => a.type === 'Action.Submit' && a.data?.action === 'resolved',
    );
    connector.reset();

    connector.failNext(412);
    await postActivity(server.url, submitClick(question, button!.data, 'card-412'));
    await connector.waitFor((d) => d.length === 1);
    await server.bot.idle();
    expect(connector.calls.map((c) => [c.method, c.status])).toEqual([
      ['PUT', 412],
      ['PUT', 200],
    ]);
  });

  it('gives up after a few attempts when the connector keeps throttling, without failing the request', async () => {
    connector.failNext(429, 10);
    const res = await postActivity(server.url, personalMessage(connector.serviceUrl, '0xC004F074'));
    expect(res.status).toBe(200);
    await server.bot.idle();
    expect(connector.calls.length).toBeGreaterThan(1);
    expect(connector.calls.length).toBeLessThanOrEqual(3);
    expect(server.logs.some((l) => l.msg === 'teams reply failed')).toBe(true);
  });
  it('delivers the reply once after a 502, retried by the connector client itself', async () => {
    connector.failNext(502);
    await postActivity(server.url, personalMessage(connector.serviceUrl, '0xC004F074'));
    await connector.waitFor((d) => d.length === 1);
    await server.bot.idle();
    expect(connector.calls.map((c) => c.status)).toEqual([502, 201]);
  });

  it("honours Retry-After on a 429 without piling extra retries on top of the client's", async () => {
    connector.failNext(429, 10, { 'retry-after': '0' });
    const res = await postActivity(server.url, personalMessage(connector.serviceUrl, '0xC004F074'));
    expect(res.status).toBe(200);
    await server.bot.idle();
    // The connector client's pipeline: the first try and three retries, then the reply is given up.
    expect(connector.calls).toHaveLength(4);
    expect(connector.delivered()).toHaveLength(0);
  });
});

describe('Teams messaging extension search', () => {
  interface SearchBody {
    composeExtension: {
      type: string;
      attachmentLayout: string;
      attachments: Array<{ contentType: string; content: Card; preview: { content: { title: string } } }>;
    };
  }

  it('returns the card of the code typed in the search box, first', async () => {
    const res = await postActivity(server.url, searchQuery(connector.serviceUrl, 'C004F074'));
    expect(res.status).toBe(200);
    const body = res.body as SearchBody;
    expect(body.composeExtension.type).toBe('result');
    const [first] = body.composeExtension.attachments;
    expect(first!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(first!.preview.content.title).toBe('0xC004F074');
    expect(first!.content.version).toBe('1.5');
    // A card pasted into a conversation carries no buttons that would call back into a thread it is not in.
    expect(first!.content.actions?.some((a) => a.type === 'Action.Submit') ?? false).toBe(false);
    expect(connector.calls).toHaveLength(0);
  });

  it('matches a partial code by its last digits and words of the title, ten results at most', async () => {
    const bySuffix = (await postActivity(server.url, searchQuery(connector.serviceUrl, 'F074')))
      .body as SearchBody;
    expect(bySuffix.composeExtension.attachments.map((a) => a.preview.content.title)).toContain('0xC004F074');

    const byWords = (await postActivity(server.url, searchQuery(connector.serviceUrl, 'KMS')))
      .body as SearchBody;
    expect(byWords.composeExtension.attachments.length).toBeGreaterThan(0);
    expect(byWords.composeExtension.attachments.length).toBeLessThanOrEqual(10);
  });

  it('returns no result for a query nothing matches', async () => {
    const res = await postActivity(server.url, searchQuery(connector.serviceUrl, 'zzzz-nothing-like-this'));
    expect((res.body as SearchBody).composeExtension.attachments).toHaveLength(0);
  });
});

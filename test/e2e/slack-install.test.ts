/**
 * Slack in many workspaces, end to end: an MSP installs the app in two client workspaces through
 * GET /slack/install → Slack's authorize page (the fake) → GET /slack/oauth_redirect, the installations land in
 * a real Redis, each workspace's events are answered with that workspace's own token, and uninstalling forgets
 * the workspace. The real @slack/oauth installer and Web API client talk to the fake Slack on loopback.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack, type FakeWorkspace } from './helpers/fake-slack.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import { eventEnvelope, nextTs, postEvent, TEST_SIGNING_SECRET } from './helpers/slack-requests.js';

const CLIENT_ID = '1111111111.2222222222';
const CLIENT_SECRET = 'client-secret-5b1e07c4d9';
const STATE_SECRET = 'state-secret-for-tests-3f9a2c';

const CONTOSO: FakeWorkspace = {
  teamId: 'T0CONTOSO1',
  teamName: 'Contoso',
  botUserId: 'U0BOTCONTO',
  botId: 'B0BOTCONTO',
  botToken: 'xoxb-contoso-1001-installtoken',
  channels: ['C0CONTOSO1'],
};
const FABRIKAM: FakeWorkspace = {
  teamId: 'T0FABRIKA1',
  teamName: 'Fabrikam',
  botUserId: 'U0BOTFABRI',
  botId: 'B0BOTFABRI',
  botToken: 'xoxb-fabrikam-2002-installtoken',
  channels: ['C0FABRIKA1'],
};

let redis: TestRedis;
let fake: FakeSlack;
let server: TestServer;
let redisClient: Redis;

function oauthEnv(extra: Record<string, string> = {}) {
  return {
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_CLIENT_ID: CLIENT_ID,
    SLACK_CLIENT_SECRET: CLIENT_SECRET,
    SLACK_STATE_SECRET: STATE_SECRET,
    SLACK_API_URL: fake.apiUrl,
    REDIS_URL: redis.url,
    ...extra,
  };
}

/** The browser's side of an install: follow the redirects by hand, carrying the state cookie back. */
async function install(workspace: FakeWorkspace, target: TestServer = server) {
  fake.approveNextInstallFor(workspace);
  const start = await fetch(`${target.url}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorizeUrl = new URL(start.headers.get('location')!);
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  const consent = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const back = new URL(consent.headers.get('location')!);
  const done = await fetch(back, { redirect: 'manual', headers: { cookie } });
  return { start, authorizeUrl, cookie, back, done };
}

function mentionFrom(workspace: FakeWorkspace, text: string) {
  const ts = nextTs();
  const event = {
    type: 'app_mention',
    user: 'U0HELPDESK',
    text: `<@${workspace.botUserId}> ${text}`,
    ts,
    channel: workspace.channels![0],
    event_ts: ts,
  };
  return {
    event,
    envelope: eventEnvelope(event, {
      team_id: workspace.teamId,
      authorizations: [{ team_id: workspace.teamId, user_id: workspace.botUserId, is_bot: true }],
    }),
  };
}

const installationKey = (teamId: string) => `ad:slack-installation:team:${teamId}`;

beforeAll(async () => {
  [redis, fake] = await Promise.all([startTestRedis(), startFakeSlack()]);
  redisClient = new Redis(redis.url);
  server = await startTestServer(oauthEnv());
  // The redirect URL registered in the app's settings, which Slack uses when the authorize URL names none.
  fake.setOAuthApp({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUrl: `${server.url}/slack/oauth_redirect`,
  });
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

describe('Installing the Slack app in a workspace', () => {
  it('sends the installer to the authorize page on the configured Slack host, with a state and the scopes', async () => {
    const res = await fetch(`${server.url}/slack/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    // SLACK_API_URL moves the authorize page with it: nothing here ever points at slack.com.
    expect(location.origin).toBe(fake.origin);
    expect(location.pathname).toBe('/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID);
    const scopes = location.searchParams.get('scope')!.split(',');
    expect(scopes).toEqual(
      expect.arrayContaining(['app_mentions:read', 'chat:write', 'commands', 'mpim:history']),
    );
    const state = location.searchParams.get('state');
    expect(state).toBeTruthy();
    // The same state rides in an HttpOnly cookie, so only this browser can come back with it.
    expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^slack-app-oauth-state=${state};.*HttpOnly`));
  });

  it('exchanges the code at oauth.v2.access and stores the installation in Redis', async () => {
    const { done, back } = await install(CONTOSO);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(`team=${CONTOSO.teamId}`);

    const [exchange] = fake.calls('oauth.v2.access');
    expect(exchange!.args).toMatchObject({ code: back.searchParams.get('code'), client_id: CLIENT_ID });
    // The installer asks who the new token is (bot id) with that token.
    expect(fake.calls('auth.test').map((c) => c.authorization)).toContain(`Bearer ${CONTOSO.botToken}`);

    const stored: unknown = JSON.parse((await redisClient.get(installationKey(CONTOSO.teamId)))!);
    expect(stored).toMatchObject({
      team: { id: CONTOSO.teamId, name: 'Contoso' },
      bot: { token: CONTOSO.botToken, id: CONTOSO.botId, userId: CONTOSO.botUserId },
      isEnterpriseInstall: false,
    });
    // Installations last until the app is uninstalled, unlike thread state.
    expect(await redisClient.ttl(installationKey(CONTOSO.teamId))).toBe(-1);
  });

  it('refuses a redirect whose state does not match the browser that started the install', async () => {
    fake.approveNextInstallFor(FABRIKAM);
    const start = await fetch(`${server.url}/slack/install`, { redirect: 'manual' });
    const consent = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location')!);

    // No cookie (another browser, or a forged link): refused before any token exchange.
    const noCookie = await fetch(back, { redirect: 'manual' });
    expect(noCookie.status).toBe(400);
    // A cookie from another install attempt: refused too.
    const other = await fetch(`${server.url}/slack/install`, { redirect: 'manual' });
    const wrongCookie = await fetch(back, {
      redirect: 'manual',
      headers: { cookie: other.headers.get('set-cookie')!.split(';')[0]! },
    });
    expect(wrongCookie.status).toBe(400);
    // A state not signed with our secret, even with a matching cookie.
    back.searchParams.set('state', 'forged.state.value');
    const forged = await fetch(back, {
      redirect: 'manual',
      headers: { cookie: 'slack-app-oauth-state=forged.state.value' },
    });
    expect(forged.status).toBe(400);

    expect(fake.calls('oauth.v2.access')).toEqual([]);
    expect(await redisClient.get(installationKey(FABRIKAM.teamId))).toBeNull();
  });

  it('shows an error page when the person cancels on Slack', async () => {
    const res = await fetch(`${server.url}/slack/oauth_redirect?error=access_denied&state=x`);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('slack_oauth_installer_authorization_error');
    expect(fake.calls('oauth.v2.access')).toEqual([]);
  });
});

describe('Answering in several workspaces', () => {
  beforeAll(async () => {
    for (const workspace of [CONTOSO, FABRIKAM]) {
      if (!(await redisClient.get(installationKey(workspace.teamId)))) {
        expect((await install(workspace)).done.status).toBe(200);
      }
    }
  });

  it("answers each workspace with that workspace's own bot token", async () => {
    const contoso = mentionFrom(CONTOSO, '0xC004F074 on our new RDS host');
    const fabrikam = mentionFrom(FABRIKAM, 'slmgr /ato says 0xC004C003');
    await postEvent(server.url, contoso.envelope);
    await postEvent(server.url, fabrikam.envelope);
    const replies = await fake.waitForCalls('chat.postMessage', 2);
    await server.bot.idle();

    const byChannel = new Map(replies.map((r) => [r.args.channel, r]));
    expect(byChannel.get(CONTOSO.channels![0])).toMatchObject({
      authorization: `Bearer ${CONTOSO.botToken}`,
      team: CONTOSO.teamId,
      status: 200,
      args: { thread_ts: contoso.event.ts },
    });
    expect(byChannel.get(FABRIKAM.channels![0])).toMatchObject({
      authorization: `Bearer ${FABRIKAM.botToken}`,
      team: FABRIKAM.teamId,
      status: 200,
      args: { thread_ts: fabrikam.event.ts },
    });
    expect(String(byChannel.get(CONTOSO.channels![0])!.args.text)).toContain('0xC004F074');
    expect(replies.every((r) => r.response?.ok === true)).toBe(true);
  });

  it('knows its own bot user in each workspace: answers a group-DM mention of it, ignores its own DM echo', async () => {
    const ts = nextTs();
    const groupMention = {
      type: 'message',
      channel_type: 'mpim',
      channel: 'G0FABRIKA1',
      user: 'U0HELPDESK',
      text: `<@${FABRIKAM.botUserId}> 0xC004F074 again`,
      ts,
    };
    const authorizations = [{ team_id: FABRIKAM.teamId, user_id: FABRIKAM.botUserId, is_bot: true }];
    await postEvent(server.url, eventEnvelope(groupMention, { team_id: FABRIKAM.teamId, authorizations }));
    const [reply] = await fake.waitForCalls('chat.postMessage');
    expect(reply).toMatchObject({ team: FABRIKAM.teamId, args: { channel: 'G0FABRIKA1', thread_ts: ts } });
    await server.bot.idle();
    fake.reset();

    const echo = {
      ...groupMention,
      channel_type: 'im',
      channel: 'D0FABRIKA1',
      user: FABRIKAM.botUserId,
      ts: nextTs(),
    };
    await postEvent(server.url, eventEnvelope(echo, { team_id: FABRIKAM.teamId, authorizations }));
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toEqual([]);
  });

  it('does not answer a workspace that never installed the app', async () => {
    const stranger: FakeWorkspace = { ...CONTOSO, teamId: 'T0STRANGER', botUserId: 'U0BOTSTRAN' };
    const res = await postEvent(server.url, mentionFrom(stranger, '0xC004F074').envelope);
    expect(res.status).toBe(200);
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toEqual([]);
  });

  it('treats a damaged installation record as not installed, and says so without its content', async () => {
    const damaged: FakeWorkspace = { ...CONTOSO, teamId: 'T0DAMAGED1', botUserId: 'U0BOTDAMAG' };
    await redisClient.set(
      installationKey(damaged.teamId),
      JSON.stringify({ team: { id: damaged.teamId }, bot: { token: 'xoxb-damaged-secret' } }),
    );
    await postEvent(server.url, mentionFrom(damaged, '0xC004F074').envelope);
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toEqual([]);
    const warning = server.logs.find(
      (l) => l.msg === 'stored slack installation is invalid; treated as not installed',
    );
    expect(warning).toMatchObject({ id: damaged.teamId });
    expect(JSON.stringify(server.logs)).not.toContain('xoxb-damaged-secret');
  });

  it('a second instance answers with the installation the first one stored (shared Redis)', async () => {
    const second = await startTestServer(oauthEnv());
    try {
      const contoso = mentionFrom(CONTOSO, '0x8007232B');
      await postEvent(second.url, contoso.envelope);
      const [reply] = await fake.waitForCalls('chat.postMessage');
      expect(reply!.authorization).toBe(`Bearer ${CONTOSO.botToken}`);
    } finally {
      await second.close();
    }
  });

  it('forgets a workspace that uninstalls the app: its tokens and its threads, not the others', async () => {
    const contoso = mentionFrom(CONTOSO, '0xC004F074');
    await postEvent(server.url, contoso.envelope);
    await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    const threadKeys = async (teamId: string) =>
      (await redisClient.keys('*')).filter((k) => k.includes(`slack:${teamId}:`));
    expect((await threadKeys(CONTOSO.teamId)).length).toBeGreaterThan(0);

    const res = await postEvent(
      server.url,
      eventEnvelope({ type: 'app_uninstalled', event_ts: nextTs() }, { team_id: CONTOSO.teamId }),
    );
    expect(res.status).toBe(200);
    await server.bot.idle();
    expect(await redisClient.get(installationKey(CONTOSO.teamId))).toBeNull();
    expect(await threadKeys(CONTOSO.teamId)).toEqual([]);
    expect(await redisClient.get(installationKey(FABRIKAM.teamId))).not.toBeNull();
    fake.reset();

    // Events still in flight from the old install get no answer; the other workspace still does.
    await postEvent(server.url, mentionFrom(CONTOSO, '0xC004F074').envelope);
    await postEvent(server.url, mentionFrom(FABRIKAM, '0xC004F074').envelope);
    const [reply] = await fake.waitForCalls('chat.postMessage');
    await server.bot.idle();
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
    expect(reply!.team).toBe(FABRIKAM.teamId);
  });

  it('forgets a workspace whose bot token is revoked', async () => {
    await postEvent(
      server.url,
      eventEnvelope(
        { type: 'tokens_revoked', tokens: { oauth: [], bot: [FABRIKAM.botUserId] }, event_ts: nextTs() },
        { team_id: FABRIKAM.teamId },
      ),
    );
    await server.bot.idle();
    expect(await redisClient.get(installationKey(FABRIKAM.teamId))).toBeNull();
  });

  it('never writes an install token, the client secret, the state secret or a code to the logs', async () => {
    const logs = JSON.stringify(server.logs);
    expect(server.logs.some((l) => l.msg === 'slack app installed')).toBe(true);
    for (const secret of [CONTOSO.botToken, FABRIKAM.botToken, CLIENT_SECRET, STATE_SECRET, 'code-T0']) {
      expect(logs).not.toContain(secret);
    }
  });
});

describe('Installation settings', () => {
  it('without REDIS_URL keeps installations in process memory and answers with them', async () => {
    const embedded = await startTestServer(oauthEnv({ REDIS_URL: '' }));
    const redirectUrl = `${embedded.url}/slack/oauth_redirect`;
    fake.setOAuthApp({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUrl });
    try {
      const workspace: FakeWorkspace = {
        ...CONTOSO,
        teamId: 'T0EMBEDDED',
        botToken: 'xoxb-embedded-3003-installtoken',
        channels: ['C0EMBEDDED'],
      };
      expect((await install(workspace, embedded)).done.status).toBe(200);
      expect(await redisClient.get(installationKey(workspace.teamId))).toBeNull();
      await postEvent(embedded.url, mentionFrom(workspace, '0xC004F074').envelope);
      const [reply] = await fake.waitForCalls('chat.postMessage');
      expect(reply!.authorization).toBe(`Bearer ${workspace.botToken}`);
    } finally {
      await embedded.close();
      fake.setOAuthApp({
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUrl: `${server.url}/slack/oauth_redirect`,
      });
    }
  });

  it('passes SLACK_INSTALL_REDIRECT and SLACK_SCOPES to the authorize page', async () => {
    const custom = await startTestServer(
      oauthEnv({
        SLACK_INSTALL_REDIRECT: 'https://bot.example.invalid/slack/oauth_redirect',
        SLACK_SCOPES: 'app_mentions:read, chat:write',
      }),
    );
    try {
      const res = await fetch(`${custom.url}/slack/install`, { redirect: 'manual' });
      const location = new URL(res.headers.get('location')!);
      expect(location.searchParams.get('redirect_uri')).toBe(
        'https://bot.example.invalid/slack/oauth_redirect',
      );
      expect(location.searchParams.get('scope')).toBe('app_mentions:read,chat:write');
    } finally {
      await custom.close();
    }
  });
});

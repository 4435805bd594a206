/**
 * Teams authentication end to end: the real server with app credentials, `BotOpenIdMetadata` pointing at a
 * loopback OpenID server that publishes our own RSA key, and tokens signed with node:crypto. Replies need an
 * outbound token too: a loopback token endpoint stands in for Azure AD (through the server's Teams seam).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from './helpers/fake-connector.js';
import {
  channelTokenClaims,
  LoopbackCredentialsFactory,
  newSigningKey,
  signJwt,
  startFakeOpenId,
  type FakeOpenId,
} from './helpers/fake-openid.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import { personalMessage, postActivity, type Activity } from './helpers/teams-activities.js';

const APP_ID = '3f1e2d4c-5b6a-4798-8a1b-2c3d4e5f6a7b';
const APP_PASSWORD = 'loopback-only-app-password';

let redis: TestRedis;
let openid: FakeOpenId;
let connector: FakeConnector;
let server: TestServer;

beforeAll(async () => {
  [redis, openid, connector] = await Promise.all([startTestRedis(), startFakeOpenId(), startFakeConnector()]);
  server = await startTestServer(
    {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: APP_PASSWORD,
      BotOpenIdMetadata: openid.metadataUrl,
      REDIS_URL: redis.url,
    },
    { teams: { credentialsFactory: new LoopbackCredentialsFactory(APP_ID, APP_PASSWORD, openid.tokenUrl) } },
  );
});

afterAll(async () => {
  await server?.close();
  await Promise.all([connector?.close(), openid?.close(), redis?.stop()]);
});

beforeEach(async () => {
  await server.bot.idle();
  connector.reset();
});

const message = (extra: Activity = {}) =>
  personalMessage(connector.serviceUrl, 'what does 0xC004F074 mean?', extra);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('Teams requests with app credentials', () => {
  it('accepts a correctly signed channel token and replies with a bearer token of its own', async () => {
    const token = openid.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl });
    const res = await postActivity(server.url, message(), bearer(token));
    expect(res.status).toBe(200);

    const [reply] = await connector.waitFor((d) => d.length === 1);
    expect(reply!.headers.authorization).toBe(`Bearer ${openid.accessToken}`);
    expect(openid.tokenRequests.at(-1)).toEqual({
      clientId: APP_ID,
      clientSecret: APP_PASSWORD,
      scope: 'https://api.botframework.com/.default',
    });
  });

  it('does not warn that authentication is disabled', () => {
    expect(server.logs.some((l) => String(l.msg).includes('AUTHENTICATION IS DISABLED'))).toBe(false);
  });

  const otherKey = newSigningKey();
  const cases: Array<{ name: string; headers: () => Record<string, string>; activity?: () => Activity }> = [
    { name: 'no Authorization header', headers: () => ({}) },
    {
      name: 'a token in another scheme',
      headers: () => ({
        authorization: `Basic ${openid.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl })}`,
      }),
    },
    { name: 'a token that is not a JWT', headers: () => bearer('not.a.jwt') },
    {
      name: 'a token forged with another key under the published key id',
      headers: () =>
        bearer(
          signJwt(channelTokenClaims({ appId: APP_ID, serviceUrl: connector.serviceUrl }), {
            kid: openid.key.kid,
            privateKey: otherKey.privateKey,
          }),
        ),
    },
    {
      name: 'a token signed by a key the metadata does not publish',
      headers: () =>
        bearer(signJwt(channelTokenClaims({ appId: APP_ID, serviceUrl: connector.serviceUrl }), otherKey)),
    },
    {
      name: 'an expired token (beyond the 5 minute clock skew)',
      headers: () =>
        bearer(openid.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl, expiresIn: -600 })),
    },
    {
      name: 'a token not valid yet',
      headers: () =>
        bearer(openid.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl, notBefore: 900 })),
    },
    {
      name: 'a token for another bot (audience)',
      headers: () =>
        bearer(
          openid.channelToken({
            appId: APP_ID,
            audience: 'someone-elses-app',
            serviceUrl: connector.serviceUrl,
          }),
        ),
    },
    {
      name: 'a token from another issuer',
      headers: () =>
        bearer(
          openid.channelToken({
            appId: APP_ID,
            issuer: 'https://evil.example.com',
            serviceUrl: connector.serviceUrl,
          }),
        ),
    },
    {
      name: 'a token whose serviceUrl claim is not the activity serviceUrl',
      headers: () =>
        bearer(openid.channelToken({ appId: APP_ID, serviceUrl: 'https://smba.trafficmanager.net/emea/' })),
    },
    {
      name: 'a token from a key not endorsed for the activity channel',
      headers: () => bearer(openid.channelToken({ appId: APP_ID, serviceUrl: connector.serviceUrl })),
      activity: () => message({ channelId: 'webchat' }),
    },
  ];

  it.each(cases)('rejects $name, and nothing reaches the connector', async ({ headers, activity }) => {
    const res = await postActivity(server.url, activity ? activity() : message(), headers());
    expect([401, 403]).toContain(res.status);
    // Nothing about the failure is echoed back.
    expect(res.body ?? '').toEqual('');
    await server.bot.idle();
    expect(connector.calls).toHaveLength(0);
  });

  it('counts rejected requests in the metrics', async () => {
    await postActivity(server.url, message());
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(
      /activation_doctor_messages_total\{[^}]*platform="teams"[^}]*outcome="rejected"[^}]*\} [1-9]/,
    );
  });
});

describe('Teams without credentials outside the playground', () => {
  it('does not expose /api/messages at all', async () => {
    const bare = await startTestServer({ PLAYGROUND: 'off' });
    try {
      const res = await postActivity(bare.url, personalMessage(connector.serviceUrl, '0xC004F074'));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).not.toBe(200);
      await bare.bot.idle();
      expect(connector.calls).toHaveLength(0);
    } finally {
      await bare.close();
    }
  });
});

/**
 * The Slack installation store's contract, run the same against process memory (the embedded default) and a
 * private Redis, and the reminder executor that speaks in each workspace with that workspace's token (real
 * Web API client, fake Slack on loopback).
 */
import type { Installation } from '@slack/oauth';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  installationRedisKey,
  MemoryInstallationBackend,
  NotInstalledError,
  RedisInstallationBackend,
  SlackInstallationStore,
  type InstallationBackend,
} from '../../src/adapters/slack/installations.js';
import { WorkspaceClients, workspaceExecutor } from '../../src/adapters/slack/workspace-clients.js';
import { handoffEn } from '../bot/sample-replies.js';
import { startTestRedis, type TestRedis } from '../helpers/redis-server.js';
import { startFakeSlack, type FakeSlack } from './helpers/fake-slack.js';

let redis: TestRedis;
let client: Redis;
let fake: FakeSlack;

beforeAll(async () => {
  [redis, fake] = await Promise.all([startTestRedis(), startFakeSlack()]);
  client = new Redis(redis.url);
});

afterAll(async () => {
  client?.disconnect();
  await Promise.all([fake?.close(), redis?.stop()]);
});

function workspaceInstall(teamId: string, token: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token, scopes: ['chat:write'], id: `B${teamId}`, userId: `U${teamId}` },
    appId: 'A0FAKEAPP',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

const backends: Array<[string, () => InstallationBackend]> = [
  ['memory', () => new MemoryInstallationBackend()],
  ['redis', () => new RedisInstallationBackend(client)],
];

describe.each(backends)('Slack installation store on %s', (_name, makeBackend) => {
  const query = (teamId: string) => ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });

  it('stores, fetches and deletes one workspace without touching another', async () => {
    const store = new SlackInstallationStore(makeBackend());
    const team = `T0ST${_name.toUpperCase()}`;
    await store.storeInstallation(workspaceInstall(team, 'xoxb-store-a'));
    await store.storeInstallation(workspaceInstall(`${team}2`, 'xoxb-store-b'));
    expect((await store.fetchInstallation(query(team))).bot?.token).toBe('xoxb-store-a');

    // A reinstall replaces the token.
    await store.storeInstallation(workspaceInstall(team, 'xoxb-store-a2'));
    expect((await store.fetchInstallation(query(team))).bot?.token).toBe('xoxb-store-a2');

    await store.deleteInstallation(query(team));
    await expect(store.fetchInstallation(query(team))).rejects.toBeInstanceOf(NotInstalledError);
    expect((await store.fetchInstallation(query(`${team}2`))).bot?.token).toBe('xoxb-store-b');
  });

  it('files an org-wide install under the organization', async () => {
    const store = new SlackInstallationStore(makeBackend());
    const org: Installation<'v2', true> = {
      team: undefined,
      enterprise: { id: `E0ORG${_name.toUpperCase()}`, name: 'Northwind' },
      user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
      bot: { token: 'xoxb-org', scopes: ['chat:write'], id: 'B0ORG', userId: 'U0ORGBOT' },
      isEnterpriseInstall: true,
      authVersion: 'v2',
    };
    await store.storeInstallation(org);
    const fetched = await store.fetchInstallation({
      teamId: undefined,
      enterpriseId: org.enterprise.id,
      isEnterpriseInstall: true,
    });
    expect(fetched.bot?.token).toBe('xoxb-org');
  });

  it('refuses to store a record it could not read back, and reads a damaged one as not installed', async () => {
    const backend = makeBackend();
    const problems: string[] = [];
    const store = new SlackInstallationStore(backend, { onInvalid: (_key, issues) => problems.push(issues) });
    const broken = { ...workspaceInstall('T0BROKEN', 'xoxb-broken'), bot: { token: 'xoxb-broken' } };
    await expect(store.storeInstallation(broken as unknown as Installation)).rejects.toThrow();

    const team = `T0DMG${_name.toUpperCase()}`;
    await backend.set(installationRedisKey({ kind: 'team', id: team }), '{"team":{"id":"x"},"bot":');
    await expect(store.fetchInstallation(query(team))).rejects.toBeInstanceOf(NotInstalledError);
    expect(problems).toEqual(['not JSON']);
  });
});

describe('Escalation reminders with many workspaces', () => {
  it("posts each workspace's reminder with that workspace's token, and fails loudly for one without an install", async () => {
    const store = new SlackInstallationStore(new RedisInstallationBackend(client));
    await store.storeInstallation(workspaceInstall('T0REMIND1', 'xoxb-remind-one'));
    await store.storeInstallation(workspaceInstall('T0REMIND2', 'xoxb-remind-two'));
    const executor = workspaceExecutor(
      new WorkspaceClients(store, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }),
    );
    const effect = (tenant: string) => ({
      kind: 'post' as const,
      escalationId: `esc-${tenant}`,
      target: { platform: 'slack' as const, tenant, channel: 'C0ORIGIN', threadKey: '1700000000.000100' },
      reply: handoffEn,
    });

    await executor.post(effect('T0REMIND1'));
    await executor.post(effect('T0REMIND2'));
    await executor.post(effect('T0REMIND1'));
    const posts = fake.calls('chat.postMessage');
    expect(posts.map((p) => p.authorization)).toEqual([
      'Bearer xoxb-remind-one',
      'Bearer xoxb-remind-two',
      'Bearer xoxb-remind-one',
    ]);
    expect(posts[0]!.args).toMatchObject({ channel: 'C0ORIGIN', thread_ts: '1700000000.000100' });

    await expect(executor.post(effect('T0NOTHERE'))).rejects.toBeInstanceOf(NotInstalledError);
    expect(fake.calls('chat.postMessage')).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, runWithConfig } from '../src/config.js';

const slackEnv = { SLACK_SIGNING_SECRET: 'shh-signing-secret', SLACK_BOT_TOKEN: 'xoxb-1-2-secretbottoken' };
const oauthEnv = {
  SLACK_SIGNING_SECRET: 'shh-signing-secret',
  SLACK_CLIENT_ID: '1234567890.9876543210',
  SLACK_CLIENT_SECRET: 'oauth-client-secret-value',
  SLACK_STATE_SECRET: 'oauth-state-secret-value',
};

function errorOf(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration from the environment', () => {
  it('starts with sensible defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.logLevel).toBe('info');
    expect(config.stateTtlDays).toBe(30);
    expect(config.redis).toBeUndefined();
    expect(config.slack).toBeUndefined();
    expect(config.teams.appType).toBe('MultiTenant');
    expect(config.playground).toBe(true);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', REDIS_URL: '', SLACK_BOT_TOKEN: ' ' });
    expect(config.port).toBe(3978);
    expect(config.redis).toBeUndefined();
    expect(config.slack).toBeUndefined();
  });

  it('enables Slack over HTTP with a signing secret and a bot token', () => {
    const config = loadConfig({
      ...slackEnv,
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      SLACK_BOT_USER_ID: 'U0BOT',
    });
    expect(config.slack).toMatchObject({
      mode: 'http',
      apiUrl: 'http://127.0.0.1:9/api/',
      botUserId: 'U0BOT',
    });
    expect(config.playground).toBe(false);
  });

  it('enables Slack Socket Mode when an app-level token is set', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-abc' });
    expect(config.slack?.mode).toBe('socket');
  });

  it('keeps the playground off when asked even without credentials, and on when asked with them', () => {
    expect(loadConfig({ PLAYGROUND: 'off' }).playground).toBe(false);
    expect(loadConfig({ ...slackEnv, PLAYGROUND: 'ON' }).playground).toBe(true);
    expect(loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001' }).playground).toBe(false);
  });

  it('parses Redis Sentinel and Cluster seeds and escalation settings', () => {
    const config = loadConfig({
      REDIS_SENTINELS: 'sentinel-a:26379, sentinel-b:26380',
      REDIS_SENTINEL_NAME: 'mymaster',
      ESCALATION_MEMBERS: 'U1, U2,,U3',
      ESCALATION_REMINDER_MINUTES: '45',
      STATE_TTL_DAYS: '7',
    });
    expect(config.redis?.sentinels).toEqual([
      { host: 'sentinel-a', port: 26379 },
      { host: 'sentinel-b', port: 26380 },
    ]);
    expect(config.escalation).toMatchObject({ members: ['U1', 'U2', 'U3'], reminderMinutes: 45 });
    expect(config.stateTtlDays).toBe(7);
    expect(
      loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000,10.0.0.2:7001' }).redis?.clusterNodes,
    ).toHaveLength(2);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ STATE_TTL_DAYS: '0' }, 'STATE_TTL_DAYS'],
    [{ MicrosoftAppType: 'AnyTenant' }, 'MicrosoftAppType'],
    [{ PLAYGROUND: 'maybe' }, 'PLAYGROUND'],
    [{ SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    [{ REDIS_SENTINELS: 'sentinel-a', REDIS_SENTINEL_NAME: 'm' }, 'REDIS_SENTINELS'],
    [{ REDIS_SENTINELS: 'sentinel-a:26379' }, 'REDIS_SENTINEL_NAME'],
    [{ SLACK_SIGNING_SECRET: 'shh' }, 'SLACK_BOT_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET'],
    [{ ...slackEnv, SLACK_BOT_TOKEN: 'not-a-token' }, 'SLACK_BOT_TOKEN'],
    [{ MicrosoftAppId: 'app', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ ...oauthEnv, SLACK_CLIENT_ID: 'my-app' }, 'SLACK_CLIENT_ID'],
    [{ ...oauthEnv, SLACK_CLIENT_SECRET: '' }, 'SLACK_CLIENT_SECRET'],
    [{ ...oauthEnv, SLACK_STATE_SECRET: 'short' }, 'SLACK_STATE_SECRET'],
    [{ ...oauthEnv, SLACK_STATE_SECRET: undefined }, 'SLACK_STATE_SECRET'],
    [{ ...oauthEnv, SLACK_SIGNING_SECRET: undefined }, 'SLACK_SIGNING_SECRET'],
    [{ ...oauthEnv, SLACK_BOT_TOKEN: 'xoxb-1-2-3' }, 'SLACK_BOT_TOKEN'],
    [{ ...oauthEnv, SLACK_APP_TOKEN: 'xapp-1-2-3' }, 'SLACK_APP_TOKEN'],
    [{ ...oauthEnv, ESCALATION_SLACK_CHANNEL: 'C0ESC' }, 'ESCALATION_SLACK_CHANNEL'],
    [
      { ...oauthEnv, SLACK_INSTALL_REDIRECT: 'bot.example.com/slack/oauth_redirect' },
      'SLACK_INSTALL_REDIRECT',
    ],
    [{ ...oauthEnv, SLACK_SCOPES: 'chat:write, !!' }, 'SLACK_SCOPES'],
    [{ ...slackEnv, SLACK_SCOPES: 'chat:write' }, 'SLACK_SCOPES'],
  ])('names the bad variable (%o → %s)', (env, variable) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('serves many Slack workspaces with the OAuth credentials instead of a bot token', () => {
    const config = loadConfig({
      ...oauthEnv,
      SLACK_SCOPES: 'app_mentions:read, chat:write commands',
      SLACK_INSTALL_REDIRECT: 'https://bot.example.com/slack/oauth_redirect',
    });
    expect(config.slack).toMatchObject({
      mode: 'http',
      botToken: undefined,
      oauth: {
        clientId: '1234567890.9876543210',
        scopes: ['app_mentions:read', 'chat:write', 'commands'],
        redirectUri: 'https://bot.example.com/slack/oauth_redirect',
      },
    });
    const text = JSON.stringify(describeConfig(config));
    expect(text).not.toContain('oauth-client-secret-value');
    expect(text).not.toContain('oauth-state-secret-value');
    expect(text).toContain('many (OAuth)');
    expect(config.playground).toBe(false);
  });

  it('never echoes a rejected secret value in the error', () => {
    const error = errorOf({ SLACK_SIGNING_SECRET: 'shh', SLACK_BOT_TOKEN: 'sk-very-secret-value' });
    expect(error.message).not.toContain('sk-very-secret-value');
  });

  it('describes itself with secrets masked', () => {
    const config = loadConfig({
      ...slackEnv,
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'teams-password-value',
      REDIS_URL: 'redis://default:redis-password@cache:6379/0',
    });
    const text = JSON.stringify(describeConfig(config));
    for (const secret of [
      'shh-signing-secret',
      'xoxb-1-2-secretbottoken',
      'teams-password-value',
      'redis-password',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('cache:6379');
    expect(describeConfig(config)).toMatchObject({
      store: 'redis',
      slack: { mode: 'http', botToken: '***' },
    });
  });
});

describe('starting with a bad configuration', () => {
  it('prints one line naming the variable, no stack trace, and exits with code 1', async () => {
    const lines: string[] = [];
    let exitCode: number | undefined;
    let started = false;
    await runWithConfig(
      async () => {
        started = true;
      },
      {
        env: { PORT: 'abc', SLACK_BOT_TOKEN: 'xoxb-should-not-print' },
        stderr: (line) => lines.push(line),
        exit: (code) => {
          exitCode = code;
        },
      },
    );
    expect(started).toBe(false);
    expect(exitCode).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('PORT');
    expect(lines[0]).not.toMatch(/\n\s+at /);
    expect(lines[0]).not.toContain('xoxb-should-not-print');
  });
});

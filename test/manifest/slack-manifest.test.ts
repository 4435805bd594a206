import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ADAPTER_PHRASES } from '../../src/adapters/phrases.js';
import { homeView } from '../../src/adapters/slack/home.js';
import {
  DIAGNOSE_SHORTCUT_ID,
  DIAGNOSE_SHORTCUT_NAME,
  SLASH_COMMAND_NAME,
} from '../../src/adapters/slack/names.js';
import { MANIFEST_BOT_SCOPES, SLACK_OAUTH_REDIRECT_PATH } from '../../src/adapters/slack/oauth-routes.js';

interface SlackManifest {
  _metadata: { major_version: number };
  display_information: { name: string; description: string; long_description: string };
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; usage_hint: string; description: string }[];
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
  };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
  };
}

const file = join(import.meta.dirname, '..', '..', 'manifest', 'slack', 'manifest.yml');
const manifest = load(readFileSync(file, 'utf8')) as SlackManifest;
const ENDPOINT = 'https://YOUR-HOST/slack/events';

describe('Slack app manifest', () => {
  it('is a version 2 manifest whose texts fit Slack’s limits', () => {
    expect(manifest._metadata.major_version).toBe(2);
    const info = manifest.display_information;
    expect(info.name.length).toBeLessThanOrEqual(35);
    expect(info.description.length).toBeLessThanOrEqual(140);
    expect(info.long_description.length).toBeGreaterThanOrEqual(174);
    expect(info.long_description.length).toBeLessThanOrEqual(4000);
    expect(manifest.features.bot_user.display_name).toMatch(/^[a-z0-9._-]{1,80}$/);
  });

  it('has the /activation command with a usage hint and the "Diagnose with activation-doctor" message shortcut', () => {
    const [command] = manifest.features.slash_commands;
    expect(command).toMatchObject({ command: '/activation', url: ENDPOINT });
    expect(command!.usage_hint).toContain('0xC004F074');
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({
        name: 'Diagnose with activation-doctor',
        type: 'message',
        callback_id: 'diagnose_message',
      }),
    ]);
    expect(manifest.features.shortcuts[0]!.description.length).toBeLessThanOrEqual(150);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('the Home tab and the privacy page name the shortcut and the command the manifest installs', () => {
    const [shortcut] = manifest.features.shortcuts;
    expect(shortcut).toMatchObject({ name: DIAGNOSE_SHORTCUT_NAME, callback_id: DIAGNOSE_SHORTCUT_ID });
    expect(manifest.features.slash_commands[0]!.command).toBe(SLASH_COMMAND_NAME);
    const home = JSON.stringify(homeView());
    expect(home).toContain(`*${shortcut!.name}*`);
    expect(home).toContain(`${manifest.features.slash_commands[0]!.command} 0xC004F074`);
    const retention = { stateTtlDays: 30, dedupTtlHours: 24, redis: true };
    for (const lang of ['en', 'fr'] as const) {
      expect(JSON.stringify(ADAPTER_PHRASES[lang].privacy(retention))).toContain(shortcut!.name);
    }
  });

  it('asks only for the scopes the bot uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      [
        'app_mentions:read',
        'channels:history',
        'chat:write',
        'commands',
        'groups:history',
        'im:history',
        'im:read',
        'im:write',
        'mpim:history',
        'channels:read',
        'groups:read',
        'files:read',
      ].sort(),
    );
  });

  it('subscribes to mentions, messages (channels, private channels, DMs, group DMs), App Home and uninstall events on the Bolt endpoint', () => {
    const events = manifest.settings.event_subscriptions;
    expect(events.request_url).toBe(ENDPOINT);
    expect([...events.bot_events].sort()).toEqual(
      [
        'app_home_opened',
        'app_mention',
        'app_uninstalled',
        'message.channels',
        'message.groups',
        'message.im',
        'message.mpim',
        'tokens_revoked',
      ].sort(),
    );
    // Each message event has the history scope that delivers it.
    const scopes = manifest.oauth_config.scopes.bot;
    expect(scopes).toContain('channels:history');
    expect(scopes).toContain('groups:history');
    expect(scopes).toContain('im:history');
    expect(scopes).toContain('mpim:history');
  });

  it('lists the OAuth redirect route, and installs ask for exactly the manifest’s scopes', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([`https://YOUR-HOST${SLACK_OAUTH_REDIRECT_PATH}`]);
    expect([...MANIFEST_BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('sends button clicks and shortcuts to the same endpoint, over HTTP rather than Socket Mode', () => {
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: ENDPOINT });
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.org_deploy_enabled).toBe(false);
  });
});

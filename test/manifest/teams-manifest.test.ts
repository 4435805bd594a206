import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, fillManifest, PackageError, valuesFromEnv } from '../../scripts/package-teams.js';
import { colorIcon, outlineIcon } from '../../scripts/make-icons.js';
import { pngPixels, pngSize, readZip } from './zip-reader.js';

const dir = join(import.meta.dirname, '..', '..', 'manifest', 'teams');
const template = readFileSync(join(dir, 'manifest.json'), 'utf8');
const manifest = JSON.parse(template);
const BOT_ID = '5f0e6c0a-3b1d-4c47-9a7e-2a1f9d3c4b55';

describe('Teams app manifest', () => {
  it('targets the 1.22 schema (there is no 1.18) with matching manifestVersion', () => {
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json',
    );
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('uses the Toolkit placeholders: the app id for the app, the bot id for the bot and the search extension', () => {
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}');
    expect(manifest.bots[0].botId).toBe('${{BOT_ID}}');
    expect(manifest.composeExtensions[0].botId).toBe('${{BOT_ID}}');
  });

  it('the bot works in personal chats, teams and group chats and lists its commands', () => {
    const bot = manifest.bots[0];
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = bot.commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(titles).toEqual(['help', 'why', 'escalations', 'start over']);
    for (const c of bot.commandLists[0].commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('has an "activation code" search command taking a code', () => {
    const [command] = manifest.composeExtensions[0].commands;
    expect(command).toMatchObject({ id: 'searchCode', type: 'query', title: 'Activation code' });
    expect(command.parameters).toEqual([expect.objectContaining({ name: 'code', inputType: 'text' })]);
  });

  it('stays within the schema’s text limits', () => {
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.developer.name.length).toBeLessThanOrEqual(32);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    expect(manifest.validDomains).toEqual(['${{BOT_DOMAIN}}']);
  });

  it('the committed icons are a 192×192 colour PNG and a 32×32 white-on-transparent outline', () => {
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    const color = readFileSync(join(dir, 'color.png'));
    const outline = readFileSync(join(dir, 'outline.png'));
    expect(pngSize(color)).toMatchObject({ width: 192, height: 192 });
    expect(pngSize(outline)).toMatchObject({ width: 32, height: 32 });
    const px = pngPixels(outline);
    let opaque = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 0) continue;
      opaque++;
      expect([px[i], px[i + 1], px[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(50);
    expect(pngPixels(outline)[3]).toBe(0); // a transparent corner
    // The colour icon is full-bleed: its centre column is not transparent.
    expect(pngPixels(color)[(96 * 192 + 10) * 4 + 3]).toBe(255);
  });

  it('the committed icons are what scripts/make-icons.ts draws', () => {
    expect(colorIcon().equals(readFileSync(join(dir, 'color.png')))).toBe(true);
    expect(outlineIcon().equals(readFileSync(join(dir, 'outline.png')))).toBe(true);
  });
});

describe('Teams package', () => {
  it('zips manifest.json with the ids filled in and both icons, all at the root', async () => {
    const zip = await buildTeamsPackage(
      dir,
      valuesFromEnv({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'bot.contoso.com' }),
    );
    const entries = readZip(zip);
    expect([...entries.keys()].sort()).toEqual(['color.png', 'fr.json', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(packed.id).toBe(BOT_ID);
    expect(packed.bots[0].botId).toBe(BOT_ID);
    expect(packed.composeExtensions[0].botId).toBe(BOT_ID);
    expect(packed.validDomains).toEqual(['bot.contoso.com']);
    expect(packed.developer.websiteUrl).toBe('https://bot.contoso.com/');
    expect(JSON.stringify(packed)).not.toContain('${{');
    expect(entries.get('color.png')!.equals(readFileSync(join(dir, 'color.png')))).toBe(true);
    expect(pngSize(entries.get('outline.png')!)).toMatchObject({ width: 32, height: 32 });
  });

  it('the same inputs give the same bytes', async () => {
    const values = valuesFromEnv({ TEAMS_BOT_ID: BOT_ID });
    expect((await buildTeamsPackage(dir, values)).equals(await buildTeamsPackage(dir, values))).toBe(true);
  });

  it('reads the bot id from MicrosoftAppId or TEAMS_BOT_ID and the host from BOT_DOMAIN or PUBLIC_URL', () => {
    expect(valuesFromEnv({ TEAMS_BOT_ID: BOT_ID.toUpperCase() })).toEqual({
      TEAMS_APP_ID: BOT_ID,
      BOT_ID,
      BOT_DOMAIN: 'localhost',
    });
    expect(valuesFromEnv({ MicrosoftAppId: BOT_ID, PUBLIC_URL: 'https://bot.example.org:8443/api' })).toEqual(
      {
        TEAMS_APP_ID: BOT_ID,
        BOT_ID,
        BOT_DOMAIN: 'bot.example.org:8443',
      },
    );
  });

  it('says what to set when the bot id is missing or not a GUID, or the host is a URL', () => {
    expect(() => valuesFromEnv({})).toThrow(PackageError);
    expect(() => valuesFromEnv({})).toThrow(/set MicrosoftAppId \(or TEAMS_BOT_ID\)/);
    expect(() => valuesFromEnv({ MicrosoftAppId: 'my-bot' })).toThrow(/"my-bot" is not a GUID/);
    expect(() => valuesFromEnv({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'https://bot.contoso.com/' })).toThrow(
      /bare host name/,
    );
  });

  it('refuses a manifest placeholder it cannot fill', () => {
    expect(() =>
      fillManifest('{"x":"${{TENANT}}"}', { TEAMS_APP_ID: BOT_ID, BOT_ID, BOT_DOMAIN: 'h' }),
    ).toThrow(/\$\{\{TENANT\}\}/);
  });
});

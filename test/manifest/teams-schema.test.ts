/**
 * The Teams app package against Microsoft's own JSON schemas, offline: @microsoft/app-manifest (the Microsoft 365
 * Agents Toolkit's manifest library) ships every schema version, and its validator is the one the Toolkit runs.
 * The packed manifest (placeholders filled) must pass the v1.22 app schema, fr.json the localization schema, and
 * the French file must translate every user-facing string the English manifest has, no more.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, valuesFromEnv } from '../../scripts/package-teams.js';
import { readZip } from './zip-reader.js';

const dir = join(import.meta.dirname, '..', '..', 'manifest', 'teams');
const appManifestPackage = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
const schemas = join(dirname(appManifestPackage), 'build', 'json-schemas', 'teams', 'v1.22');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schemas are plain JSON handed to ajv
const schema = (name: string): any => JSON.parse(readFileSync(join(schemas, name), 'utf8'));
const BOT_ID = '5f0e6c0a-3b1d-4c47-9a7e-2a1f9d3c4b55';

/**
 * The localization schema, with one repair: a few of its key patterns (`activities…[…\b]`) end a bracket without
 * escaping it, which JavaScript refuses in the Unicode mode ajv compiles patterns in. Escaping that bracket
 * changes no key this app uses.
 */
function localizationSchema(): object {
  const text = readFileSync(join(schemas, 'MicrosoftTeams.Localization.schema.json'), 'utf8');
  // In the JSON text the pattern reads `\\b]`; it becomes `\\b\\]`.
  return JSON.parse(text.replaceAll('\\\\b]', '\\\\b\\\\]')) as object;
}

async function packed(): Promise<Map<string, Buffer>> {
  return readZip(
    await buildTeamsPackage(dir, valuesFromEnv({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'bot.contoso.com' })),
  );
}

/** Dotted paths of every string value that Teams may localize: names, descriptions, titles. */
function localizablePaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizablePaths(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => localizablePaths(v, path ? `${path}.${k}` : k));
  }
  return /^(name\.(short|full)|description\.(short|full)|bots\[0\]\.commandLists.*\.(title|description)|composeExtensions\[0\]\.commands.*\.(title|description))$/.test(
    path,
  )
    ? [path]
    : [];
}

describe('Teams app package against the Teams JSON schemas', () => {
  it('the packed manifest.json is valid against the v1.22 app manifest schema', async () => {
    const manifest = JSON.parse((await packed()).get('manifest.json')!.toString('utf8'));
    expect(manifest.$schema).toContain('/v1.22/');
    expect(
      await ManifestUtil.validateManifestAgainstSchema(manifest, schema('MicrosoftTeams.schema.json')),
    ).toEqual([]);
  });

  it('links the privacy and terms pages the bot serves, on BOT_DOMAIN', async () => {
    const manifest = JSON.parse((await packed()).get('manifest.json')!.toString('utf8'));
    expect(manifest.developer.privacyUrl).toBe('https://bot.contoso.com/privacy');
    expect(manifest.developer.termsOfUseUrl).toBe('https://bot.contoso.com/terms');
  });

  it('declares French, and the packed fr.json is valid against the localization schema', async () => {
    const entries = await packed();
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en',
      additionalLanguages: [{ languageTag: 'fr', file: 'fr.json' }],
    });
    const french = JSON.parse(entries.get('fr.json')!.toString('utf8'));
    expect(await ManifestUtil.validateManifestAgainstSchema(french, localizationSchema() as never)).toEqual(
      [],
    );
    const tooLong = { ...french, 'name.short': 'x'.repeat(31) };
    expect(
      await ManifestUtil.validateManifestAgainstSchema(tooLong, localizationSchema() as never),
    ).not.toEqual([]);
  });

  it('fr.json translates every name, description and command title of the manifest, and nothing else', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const french = JSON.parse(readFileSync(join(dir, 'fr.json'), 'utf8'));
    const keys = Object.keys(french).filter((k) => k !== '$schema');
    expect(keys.sort()).toEqual(localizablePaths(manifest).sort());
    for (const key of keys) expect(french[key]).not.toBe('');
  });

  it('the French command titles are words the bot understands in French', () => {
    const french = JSON.parse(readFileSync(join(dir, 'fr.json'), 'utf8'));
    const titles = [0, 1, 2, 3].map((i) => french[`bots[0].commandLists[0].commands[${i}].title`]);
    expect(titles).toEqual(['aide', 'pourquoi', 'escalades', 'recommencer']);
  });
});

/**
 * Builds the Teams app package: `manifest/teams/build/activation-doctor.zip` holding `manifest.json` (with the
 * bot id and host filled in: the privacy and terms links become https://BOT_DOMAIN/privacy and /terms), its French
 * translation `fr.json`, and the two icons, all at the zip root as Teams requires.
 *
 *   MicrosoftAppId=<guid> [BOT_DOMAIN=bot.contoso.com] npm run package:teams
 *
 * The bot id comes from `MicrosoftAppId` (what botbuilder reads) or `TEAMS_BOT_ID`; the app id from `TEAMS_APP_ID`
 * (the Agents Toolkit writes it), else the bot id. The host comes from
 * `BOT_DOMAIN`, or from `PUBLIC_URL`, else `localhost` (fine for sideloading through a tunnel you set later).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yazl from 'yazl';
import { loadEnvFile } from '../src/env-file.js';

/** The package: the manifest, its French translation (manifest localizationInfo) and the two icons. */
export const PACKAGE_FILE_NAMES = ['manifest.json', 'fr.json', 'color.png', 'outline.png'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/i;

export class PackageError extends Error {}

export interface ManifestValues {
  /** The Teams app's own id: TEAMS_APP_ID when the Agents Toolkit registered one, else the bot id. */
  TEAMS_APP_ID: string;
  BOT_ID: string;
  BOT_DOMAIN: string;
}

/** Reads and checks the values from the environment; throws a `PackageError` that says what to set. */
export function valuesFromEnv(env: NodeJS.ProcessEnv): ManifestValues {
  const id = (env.MicrosoftAppId ?? env.TEAMS_BOT_ID ?? '').trim();
  if (id === '') {
    throw new PackageError(
      'No bot id: set MicrosoftAppId (or TEAMS_BOT_ID) to the Microsoft App ID of the Azure Bot, a GUID.',
    );
  }
  if (!GUID.test(id)) {
    throw new PackageError(
      `The bot id "${id}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`,
    );
  }
  let domain = env.BOT_DOMAIN?.trim();
  if (!domain && env.PUBLIC_URL) {
    try {
      domain = new URL(env.PUBLIC_URL).host;
    } catch {
      throw new PackageError(`PUBLIC_URL "${env.PUBLIC_URL}" is not a URL.`);
    }
  }
  domain ||= 'localhost';
  if (!HOST.test(domain)) {
    throw new PackageError(
      `BOT_DOMAIN "${domain}" must be a bare host name such as bot.contoso.com (no scheme, no path).`,
    );
  }
  const appId = (env.TEAMS_APP_ID ?? '').trim() || id;
  if (!GUID.test(appId)) {
    throw new PackageError(`TEAMS_APP_ID "${appId}" is not a GUID (leave it unset to use the bot id).`);
  }
  return { TEAMS_APP_ID: appId.toLowerCase(), BOT_ID: id.toLowerCase(), BOT_DOMAIN: domain.toLowerCase() };
}

/** Replaces every `${{NAME}}`; a placeholder with no value is an error, not a silent blank. */
export function fillManifest(template: string, values: ManifestValues): string {
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => {
    if (!(name in values))
      throw new PackageError(`manifest.json uses ${whole}, which the packager does not know.`);
    return values[name as keyof ManifestValues];
  });
  JSON.parse(filled); // still valid JSON
  return filled;
}

/** The zip as bytes. Entries get a fixed date so the same inputs give the same package. */
export async function buildTeamsPackage(manifestDir: string, values: ManifestValues): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = new Date('2024-01-01T00:00:00Z');
  const manifest = fillManifest(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'), values);
  zip.addBuffer(Buffer.from(manifest, 'utf8'), 'manifest.json', { mtime });
  const french = fillManifest(readFileSync(join(manifestDir, 'fr.json'), 'utf8'), values);
  zip.addBuffer(Buffer.from(french, 'utf8'), 'fr.json', { mtime });
  for (const icon of ['color.png', 'outline.png']) {
    zip.addBuffer(readFileSync(join(manifestDir, icon)), icon, { mtime, compress: false });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function writeTeamsPackage(
  manifestDir: string,
  outFile: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const bytes = await buildTeamsPackage(manifestDir, valuesFromEnv(env));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, bytes);
  return outFile;
}

const isMain = process.argv[1] !== undefined && /package-teams\.(m?js|ts)$/.test(process.argv[1]);
if (isMain) {
  loadEnvFile(); // the same `.env` the server reads (BOT_DOMAIN, MicrosoftAppId)
  const dir = join(process.cwd(), 'manifest', 'teams');
  writeTeamsPackage(dir, join(dir, 'build', 'activation-doctor.zip'), process.env).then(
    (file) => console.log(`wrote ${file}`),
    (err: unknown) => {
      console.error(err instanceof PackageError ? `package:teams: ${err.message}` : err);
      process.exitCode = 1;
    },
  );
}

/**
 * `.env` support: at start-up the server reads `KEY=value` lines from a `.env` file in the working directory,
 * with Node's own parser (`util.parseEnv`, the one behind `node --env-file`). A variable already set in the real
 * environment wins over the file, so a container or a shell can always override what the file says. No file is
 * not an error: production usually sets the environment directly.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

export interface EnvFileResult {
  path: string;
  /** Names taken from the file (never their values: some are secrets). */
  applied: string[];
  /** Names the file sets but the real environment already had. */
  overridden: string[];
}

export class EnvFileError extends Error {}

/** Reads `path` into `env` without replacing what is already there; undefined when the file does not exist. */
export function loadEnvFile(
  path: string = '.env',
  env: NodeJS.ProcessEnv = process.env,
): EnvFileResult | undefined {
  const full = resolve(path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return undefined;
    throw new EnvFileError(
      `cannot read ${full}: ${code === 'EACCES' ? 'permission denied' : (code ?? 'error')}`,
    );
  }
  const result: EnvFileResult = { path: full, applied: [], overridden: [] };
  for (const [name, value] of Object.entries(parseEnv(text))) {
    if (env[name] !== undefined) {
      result.overridden.push(name);
      continue;
    }
    env[name] = value;
    result.applied.push(name);
  }
  return result;
}

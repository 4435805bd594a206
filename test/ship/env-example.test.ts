/**
 * Configuration lives in three places that must agree: the zod schema in src/config.ts, the README's
 * configuration table, and `.env.example`. Whoever adds a variable to one is told here to add it to the others.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EnvSchema } from '../../src/config.js';
import { loadEnvFile } from '../../src/env-file.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every `NAME` in the first column of the README's "Configuration" table. */
function readmeVariables(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')): string[] {
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  const names: string[] = [];
  for (const line of section.split('\n')) {
    const first = /^\|([^|]*)\|/.exec(line)?.[1];
    if (!first) continue;
    for (const m of first.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)) names.push(m[1]!);
  }
  return names;
}

/** Every variable `.env.example` sets or shows commented out (`# NAME=value`). */
function exampleVariables(): string[] {
  const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
  return [...text.matchAll(/^#? ?([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]!);
}

describe('the configuration variables are listed everywhere', () => {
  const readme = readmeVariables();

  it('the README table lists each variable once', () => {
    expect(readme.length).toBeGreaterThan(15);
    expect(new Set(readme).size).toBe(readme.length);
  });

  it('.env.example lists exactly the variables of the README table', () => {
    expect([...exampleVariables()].sort()).toEqual([...readme].sort());
  });

  it('every variable the server reads is in the README table', () => {
    const missing = Object.keys(EnvSchema.shape).filter((name) => !readme.includes(name));
    expect(missing).toEqual([]);
  });
});

describe('.env at start-up', () => {
  const dir = mkdtempSync(join(tmpdir(), 'env-file-'));
  const file = join(dir, '.env');
  writeFileSync(
    file,
    [
      '# the Redis of the compose file',
      'REDIS_URL=redis://redis.invalid:6379',
      'LOG_LEVEL=debug',
      'SLACK_SIGNING_SECRET="a secret with spaces"',
      '',
    ].join('\n'),
  );

  it('fills in what the environment leaves unset, and the real environment wins', () => {
    const env: NodeJS.ProcessEnv = { LOG_LEVEL: 'warn' };
    const result = loadEnvFile(file, env);
    expect(env).toEqual({
      LOG_LEVEL: 'warn',
      REDIS_URL: 'redis://redis.invalid:6379',
      SLACK_SIGNING_SECRET: 'a secret with spaces',
    });
    expect(result).toEqual({
      path: file,
      applied: ['REDIS_URL', 'SLACK_SIGNING_SECRET'],
      overridden: ['LOG_LEVEL'],
    });
  });

  it('no .env file is fine: nothing changes', () => {
    const env: NodeJS.ProcessEnv = { PORT: '1' };
    expect(loadEnvFile(join(dir, 'missing.env'), env)).toBeUndefined();
    expect(env).toEqual({ PORT: '1' });
  });

  it('an unreadable path says so without its content', () => {
    expect(() => loadEnvFile(dir, {})).toThrow(/cannot read .*env-file-/);
    rmSync(dir, { recursive: true, force: true });
  });
});

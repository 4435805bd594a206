#!/usr/bin/env node
/**
 * `npm start`'s prestart step: compile only when `dist/` is missing or older than the TypeScript sources, so a
 * built tree starts in about a second and a fresh clone still works straight after `npm ci`.
 *
 * Plain JavaScript on purpose: it runs before anything is compiled. In a production tree (`dist/` shipped, no
 * `src/**.ts`, no TypeScript installed) it finds nothing newer and does nothing.
 */
/* global process, console */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'src', 'server.js');

/** Newest modification time (ms) of the `.ts` files under `dir`, 0 when there are none. */
function newestTs(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestTs(path));
    else if (item.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Why a build is needed, or undefined when `dist/` is current. */
export function staleness() {
  if (!existsSync(entry)) return 'dist/ is missing';
  const built = statSync(entry).mtimeMs;
  const configs = ['tsconfig.json', 'tsconfig.build.json']
    .map((f) => join(root, f))
    .filter((f) => existsSync(f))
    .map((f) => statSync(f).mtimeMs);
  const sources = Math.max(newestTs(join(root, 'src')), ...configs);
  return sources > built ? 'sources changed since the last build' : undefined;
}

const reason = staleness();
if (reason) {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    console.error(
      `activation-doctor: ${reason} and TypeScript is not installed; run \`npm ci\` (with dev dependencies) then \`npm run build\`.`,
    );
    process.exit(1);
  }
  console.error(`activation-doctor: ${reason}; building (npm run build)…`);
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/**
 * The team's read-only source material (`shared/seeds`, `shared/reference`): beside the repository in the main
 * checkout (`/work/main` → `/work/shared`), two levels up in a helper's worktree (`/work/wt/NAME`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function sharedPath(file: string): string {
  for (const up of ['..', '../..']) {
    const candidate = path.resolve(repoRoot, up, 'shared', file);
    if (existsSync(candidate)) return candidate;
  }
  return path.resolve(repoRoot, '../shared', file);
}

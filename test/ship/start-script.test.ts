/**
 * `npm start` compiles only when it has to: the prestart step (scripts/ensure-built.mjs) is run here in throwaway
 * copies of a project tree, with file times set by hand.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'ensure-built.mjs');
const dirs: string[] = [];

/** A tree with the script, `src/server.ts` and optionally `dist/src/server.js`, at the given times (seconds). */
function tree(files: { src?: number; dist?: number }): string {
  const root = mkdtempSync(join(tmpdir(), 'ensure-built-'));
  dirs.push(root);
  mkdirSync(join(root, 'scripts'));
  copyFileSync(SCRIPT, join(root, 'scripts', 'ensure-built.mjs'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  if (files.src !== undefined) {
    mkdirSync(join(root, 'src', 'adapters'), { recursive: true });
    const ts = join(root, 'src', 'adapters', 'server.ts');
    writeFileSync(ts, 'export {};\n');
    utimesSync(ts, files.src, files.src);
  }
  if (files.dist !== undefined) {
    mkdirSync(join(root, 'dist', 'src'), { recursive: true });
    const js = join(root, 'dist', 'src', 'server.js');
    writeFileSync(js, 'export {};\n');
    utimesSync(js, files.dist, files.dist);
  }
  return root;
}

function prestart(root: string) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'ensure-built.mjs')], {
    cwd: root,
    encoding: 'utf8',
  });
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start on a built tree', () => {
  it('does nothing when dist is newer than every source', () => {
    const run = prestart(tree({ src: 1_700_000_000, dist: 1_700_000_100 }));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('does nothing in a production tree that ships dist without the TypeScript sources', () => {
    const run = prestart(tree({ dist: 1_700_000_000 }));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('wants a build when a source changed after the last build, and says how when TypeScript is absent', () => {
    // The throwaway tree has no node_modules, so there is no compiler to run.
    const run = prestart(tree({ src: 1_700_000_100, dist: 1_700_000_000 }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('sources changed since the last build');
    expect(run.stderr).toContain('npm run build');
  });

  it('wants a build on a fresh clone (no dist yet)', () => {
    const run = prestart(tree({ src: 1_700_000_000 }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('dist/ is missing');
  });
});

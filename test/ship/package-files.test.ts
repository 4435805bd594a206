/**
 * What `npm pack` ships: the compiled server and CLI, the playground's static files (read at run time from
 * src/adapters/web/static), the app manifests, the README, the LICENSE and `.env.example`; never the tests, the
 * TypeScript sources, benches or CI files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The paths `npm pack` would put in the tarball. */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
}

describe('the npm package', () => {
  const files = packedFiles();

  it('is MIT licensed, with the LICENSE file saying so', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(files).toContain('LICENSE');
  });

  it('ships what a user needs to run, configure and install the bot', () => {
    for (const f of [
      'package.json',
      'README.md',
      '.env.example',
      'scripts/ensure-built.mjs',
      'manifest/slack/manifest.yml',
      'manifest/teams/manifest.json',
      'manifest/teams/color.png',
      'manifest/teams/outline.png',
      'src/adapters/web/static/index.html',
      'src/adapters/web/static/app.js',
    ]) {
      expect(files).toContain(f);
    }
    if (existsSync(join(ROOT, 'dist', 'src', 'server.js'))) {
      expect(files).toContain('dist/src/server.js');
      expect(files).toContain('dist/src/adapters/cli/main.js');
      expect(files).toContain(pkg.types);
    }
  });

  it('ships nothing for development: no tests, TypeScript sources, benches, CI or build output', () => {
    const unwanted = files.filter(
      (f) =>
        /^(test|bench|\.ci|\.vscode|env|node_modules|coverage|dist\/(test|bench|scripts))\//.test(f) ||
        /^src\/.*\.ts$/.test(f) ||
        f.endsWith('.map') ||
        f.startsWith('manifest/teams/build/') ||
        f === '.env',
    );
    expect(unwanted).toEqual([]);
    expect(files.length).toBeLessThan(400);
  });
});

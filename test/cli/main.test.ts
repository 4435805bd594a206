import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, '..', '..', 'src', 'adapters', 'cli', 'main.ts');

describe('the CLI entry point', () => {
  const source = readFileSync(MAIN, 'utf8');

  it('is runnable as a node script', () => {
    expect(source.startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('only wires process I/O to run(): no diagnosis logic of its own', () => {
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['./run.js', 'node:fs/promises']);
    expect(source).toContain('process.exitCode = await run(process.argv.slice(2), io);');
    expect(source).not.toMatch(/diagnose\(|explain\(/);
  });
});

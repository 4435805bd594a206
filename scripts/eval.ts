/**
 * `npm run eval`: scores the labelled cases in test/fixtures/cases (and any directory given with --dir) and
 * prints a scoreboard by kind of case and language, then every miss with what was expected and what was
 * answered. `--record` writes the overall and per-language shares to test/fixtures/cases/score.json, which the
 * test suite will not let drop. `--cases <dir>` scores that directory instead of the main set (for example the
 * held-out cases in test/fixtures/cases-heldout): a report only, never recorded.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCases } from './eval/cases.js';
import { scoreboard, scoreCases, shares, type Scored } from './eval/score.js';

function repoRoot(): string {
  for (const up of ['../..', '..']) {
    const dir = fileURLToPath(new URL(`${up}/`, import.meta.url));
    if (existsSync(join(dir, 'test', 'fixtures'))) return dir;
  }
  throw new Error('test/fixtures not found above the eval script');
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);

function row(label: string, s: ReturnType<typeof shares>): string {
  return `  ${label.padEnd(12)} ${String(s.n).padStart(4)}  ${pct(s.top1)}  ${pct(s.top3)}  ${pct(s.escalate)}  ${pct(s.lang)}`;
}

function miss(s: Scored): string {
  const want = [s.case.expect.scenario, ...s.case.expect.also].join(' | ');
  const parts = [
    `${s.case.id} (${s.case.kind})`,
    `expected ${want}`,
    `answered ${s.answer.ids.slice(0, 3).join(', ')}`,
  ];
  if (!s.escalate) parts.push(`escalate expected ${s.case.expect.escalate}`);
  if (!s.lang) parts.push(`lang ${s.answer.lang} instead of ${s.case.lang}`);
  return `  - ${parts.join('; ')}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const root = repoRoot();
  const at = args.indexOf('--cases');
  const only = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && (!only || only.startsWith('--') || args.includes('--record')))
    throw new Error('--cases needs a directory, and its score is a report only (no --record)');
  const dirs = only ? [resolve(only)] : [join(root, 'test', 'fixtures', 'cases')];
  args.forEach((a, i) => {
    if (a === '--dir' && args[i + 1]) dirs.push(args[i + 1]!);
  });
  const { cases, invalid } = loadCases(dirs);
  for (const bad of invalid) console.log(`invalid case file ${bad.file}: ${bad.error}`);
  const scored = await scoreCases(cases);
  const board = scoreboard(scored);
  console.log(
    `Labelled cases: ${cases.length} (${invalid.length} invalid files skipped) from ${dirs.join(', ')}\n`,
  );
  console.log(`  ${'kind'.padEnd(12)} ${'n'.padStart(4)}   top1   top3  escal   lang`);
  for (const [kind, s] of Object.entries(board.byKind)) console.log(row(kind, s));
  console.log('');
  for (const [lang, s] of Object.entries(board.byLang)) console.log(row(lang, s));
  console.log(row('overall', board.overall));
  const misses = scored.filter((s) => !s.top1 || !s.escalate || !s.lang);
  if (misses.length > 0) {
    console.log(`\nMisses (${misses.length}):`);
    for (const s of misses) console.log(miss(s));
  }
  if (args.includes('--record')) {
    const file = join(root, 'test', 'fixtures', 'cases', 'score.json');
    writeFileSync(file, `${JSON.stringify({ overall: board.overall, byLang: board.byLang }, null, 2)}\n`);
    console.log(`\nrecorded ${file}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

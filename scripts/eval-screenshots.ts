/**
 * Screenshot accuracy: OCRs every fixture in test/fixtures/screenshots/ and scores it against its sidecar label
 * (error codes, partial keys, licence statuses and channels read right; diagnosis as for the pasted text).
 * Prints a table per language and in total, and every miss. Exit code 1 when the goal is not met
 * (every code, at least 95 % of the facts).
 * Run: `npm run eval:screenshots` (`OCR_POOL_SIZE=2` for two workers; an argument filters file names).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnoseScreenshot, OcrPool } from '../src/files/ocr/index.js';
import { diagnose } from '../src/knowledge/index.js';
import { loadLabels, score, SCREENSHOTS, totals, type Score, type Totals } from './screenshots/score-ocr.js';

const filter = process.argv[2];
const labels = loadLabels().filter((l) => !filter || l.image.includes(filter));
const pool = new OcrPool({
  size: Number(process.env.OCR_POOL_SIZE ?? 2),
  maxQueued: labels.length,
  jobTimeoutMs: 120_000,
  ...(process.env.OCR_PSM ? { pageSegMode: process.env.OCR_PSM } : {}),
  ...(process.env.OCR_THRESHOLDING ? { thresholdingMethod: process.env.OCR_THRESHOLDING } : {}),
});

const pct = ([right, total]: [number, number]) =>
  total === 0 ? '—' : `${right}/${total} (${((100 * right) / total).toFixed(1)} %)`;

function row(name: string, t: Totals): string {
  return `| ${name} | ${t.images} | ${pct(t.codes)} | ${pct(t.facts.partialProductKey)} | ${pct(t.facts.licenseStatus)} | ${pct(t.facts.channel)} | ${pct(t.allFacts)} | ${pct(t.diagnosis)} | ${pct(t.findings)} |`;
}

const started = performance.now();
const scores: (Score & { lang: string; ms: number })[] = [];
try {
  await Promise.all(
    labels.map(async (label) => {
      const bytes = readFileSync(join(SCREENSHOTS, label.image));
      try {
        const result = await diagnoseScreenshot(bytes, pool);
        scores.push({ ...score(label, result.diagnosis), lang: label.lang, ms: result.ocrMs });
        if (process.env.OCR_DEBUG) console.log(`--- ${label.image}\n${result.text}\n`);
      } catch (err) {
        // A refused or unreadable screenshot scores as nothing read.
        console.log(`${label.image}: ${err instanceof Error ? err.message : String(err)}`);
        scores.push({ ...score(label, diagnose('', { lang: label.lang })), lang: label.lang, ms: 0 });
      }
    }),
  );
} finally {
  await pool.close();
}
scores.sort((a, b) => a.image.localeCompare(b.image));
const wall = performance.now() - started;

console.log(
  `Screenshot accuracy: ${scores.length} screenshots, pool of ${pool.size}, ${(wall / 1000).toFixed(1)} s\n`,
);
console.log(
  '| set | images | codes | partial keys | licence statuses | channels | all facts | diagnosis (first finding) | all findings |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const lang of ['en', 'fr']) console.log(row(lang, totals(scores.filter((s) => s.lang === lang))));
const all = totals(scores);
console.log(row('all', all));

const misses = scores.filter(
  (s) =>
    s.codes.missed.length > 0 ||
    s.codes.extra.length > 0 ||
    Object.values(s.facts).some((f) => f.expected > f.right) ||
    !s.diagnosisMatch,
);
if (misses.length > 0) {
  console.log('\nMisses:');
  for (const s of misses) {
    const parts = [
      ...(s.codes.missed.length ? [`codes missed ${s.codes.missed.join(', ')}`] : []),
      ...(s.codes.extra.length ? [`extra codes ${s.codes.extra.join(', ')}`] : []),
      ...Object.entries(s.facts)
        .filter(([, f]) => f.expected > f.right)
        .map(([name, f]) => `${name} read as ${f.read}`),
      ...(!s.diagnosisMatch ? ['different first finding'] : []),
    ];
    console.log(`  ${s.image}: ${parts.join('; ')}`);
  }
}
const codesOk = all.codes[0] === all.codes[1];
const factsOk = all.allFacts[0] >= 0.95 * all.allFacts[1];
console.log(
  `\nGoal: every code ${codesOk ? 'met' : 'NOT met'}; ≥ 95 % of the facts ${factsOk ? 'met' : 'NOT met'}.`,
);
process.exitCode = codesOk && factsOk ? 0 : 1;

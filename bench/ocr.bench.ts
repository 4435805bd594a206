/**
 * OCR cost on this machine: time to start a worker (load the English and French models from npm), time per
 * screenshot over every fixture in test/fixtures/screenshots/ with one worker (median, p90, slowest, and by
 * scaling), and the throughput of the pool with 1 and 2 workers when every screenshot is submitted at once.
 * Run with `npm run bench:ocr`. Times include the post-correction and the diagnosis (both well under 1 % of it).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { diagnoseScreenshot, OcrPool } from '../src/files/ocr/index.js';
import { loadLabels, SCREENSHOTS } from '../scripts/screenshots/score-ocr.js';

const shots = loadLabels().map((l) => ({ ...l, bytes: readFileSync(join(SCREENSHOTS, l.image)) }));

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function summary(ms: readonly number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${(quantile(s, 0.5) / 1000).toFixed(2)} s, p90 ${(quantile(s, 0.9) / 1000).toFixed(2)} s, slowest ${(s[s.length - 1]! / 1000).toFixed(2)} s (n=${s.length})`;
}

console.log(
  `OCR bench: ${shots.length} screenshots, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'})\n`,
);

// --- one worker, one screenshot at a time ----------------------------------------------------------------
{
  const pool = new OcrPool({ size: 1, maxQueued: 1, jobTimeoutMs: 120_000 });
  try {
    const t0 = performance.now();
    await diagnoseScreenshot(shots[0]!.bytes, pool); // starts the worker
    console.log(`worker start + first screenshot: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    const wall: number[] = [];
    const byScale = new Map<string, number[]>();
    const byFrame = new Map<string, number[]>();
    for (const s of shots) {
      const t = performance.now();
      await diagnoseScreenshot(s.bytes, pool, { lang: s.lang });
      const ms = performance.now() - t;
      wall.push(ms);
      byScale.set(`${s.scale * 100} %`, [...(byScale.get(`${s.scale * 100} %`) ?? []), ms]);
      byFrame.set(s.frame, [...(byFrame.get(s.frame) ?? []), ms]);
    }
    console.log(`per screenshot, one worker: ${summary(wall)}`);
    for (const [k, v] of byScale) console.log(`  scaling ${k}: ${summary(v)}`);
    for (const [k, v] of byFrame) console.log(`  ${k}: ${summary(v)}`);
  } finally {
    await pool.close();
  }
}

// --- throughput: everything submitted at once -------------------------------------------------------------
console.log('');
for (const size of [1, 2]) {
  const pool = new OcrPool({ size, maxQueued: shots.length, jobTimeoutMs: 300_000 });
  try {
    // Start every worker first so the figure is steady-state throughput, not start-up.
    await Promise.all(shots.slice(0, size).map((s) => diagnoseScreenshot(s.bytes, pool)));
    const t = performance.now();
    await Promise.all(shots.map((s) => diagnoseScreenshot(s.bytes, pool, { lang: s.lang })));
    const seconds = (performance.now() - t) / 1000;
    console.log(
      `pool of ${size}: ${shots.length} screenshots in ${seconds.toFixed(1)} s = ${((shots.length / seconds) * 60).toFixed(1)} screenshots/min`,
    );
  } finally {
    await pool.close();
  }
}

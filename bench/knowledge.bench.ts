/**
 * Knowledge-core throughput: diagnoses per second over every fixture paste, and the cost per KiB of 16 KiB,
 * 256 KiB and 1 MiB inputs (random text, hostile shapes and a huge real-looking paste) to check that cost grows
 * linearly with size.
 * Run with `npm run bench` (compiled to dist/bench; fixtures are read from the repository root); add `--all`
 * after `node dist/bench/knowledge.bench.js` to list every fixture instead of the five slowest.
 * Target (issue 15): at least 10,000 typical pastes per second on one core.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  detectLang,
  diagnose,
  diagnoseFacts,
  extract,
  mergeFacts,
  parseAll,
} from '../src/knowledge/index.js';

const TARGET_PER_SECOND = 10_000;

/** dist/bench/knowledge.bench.js → repository root; also works when run from bench/ directly. */
function repoRoot(): string {
  for (const up of ['../..', '..']) {
    const dir = fileURLToPath(new URL(`${up}/`, import.meta.url));
    if (existsSync(join(dir, 'test', 'fixtures'))) return dir;
  }
  throw new Error('test/fixtures not found above the bench file');
}

function loadFixtures(root: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const lang of ['en', 'fr']) {
    const dir = join(root, 'test', 'fixtures', lang);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort())
      out.push({ name: `${lang}/${f}`, text: readFileSync(join(dir, f), 'utf8') });
  }
  return out;
}

/** Deterministic pseudo-random text (xorshift), so runs are comparable. */
function randomText(bytes: number, seed = 42): string {
  let x = seed;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     \n-:.,/=éà';
  const chars: string[] = [];
  for (let i = 0; i < bytes; i++) chars.push(alphabet[Math.floor(next() * alphabet.length)]!);
  return chars.join('');
}

/** Plausible codes back to back, each one distinct: every code is looked up and described. */
function denseCodes(bytes: number): string {
  const parts: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const code = `0xC004${(i % 0x10000).toString(16).toUpperCase().padStart(4, '0')} `;
    parts.push(code);
    size += code.length;
  }
  return parts.join('').slice(0, bytes);
}

/** One line with no break: label-like words, colons and key-like groups, so every per-line reader sees it whole. */
function oneLongLine(bytes: number): string {
  const unit = 'License Status: Licensed KMS machine name 12345-ABCDE : ';
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

/**
 * `Nom : ` then a 4,000-character word and five more words, line after line: the story reader's labelled-line
 * pattern once cut such a word into "words" in every possible way (minutes for one line).
 */
function labelLongWord(bytes: number): string {
  const line = `Nom : ${'é'.repeat(4000)} b c d e f\n`;
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
}

/** A huge paste: real fixture outputs repeated up to the size. */
function hugePaste(fixtures: { text: string }[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = fixtures[i % fixtures.length]!.text;
    parts.push(t);
    size += t.length + 1;
  }
  return parts.join('\n').slice(0, bytes);
}

/** CPU time of this process in ms: unlike wall time, it does not count time the OS gave to other processes. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `fn` for at least `minMs` of CPU time; returns the runs and the CPU milliseconds they took. */
function timeLoop(fn: () => void, minMs: number): { runs: number; ms: number } {
  let runs = 0;
  const start = cpuMs();
  let spent = 0;
  while (spent < minMs) {
    for (let i = 0; i < 10; i++) fn();
    runs += 10;
    spent = cpuMs() - start;
  }
  return { runs, ms: spent };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeOne(text: string, repeats: number): number {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = cpuMs();
    diagnose(text);
    samples.push(cpuMs() - t0);
  }
  return median(samples);
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function rate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en-US')} /s`.padStart(12);
}

function micros(perSecond: number): string {
  return `${(1e6 / perSecond).toFixed(1)} µs`.padStart(10);
}

/** One table row: label, rate, time per call. */
function row(label: string, perSecond: number, note = ''): string {
  return `  ${pad(label, 52)} ${rate(perSecond)} ${micros(perSecond)}${note ? `  ${note}` : ''}`;
}

function main(): void {
  const fixtures = loadFixtures(repoRoot());
  if (fixtures.length === 0) throw new Error('no fixtures to measure');
  const showAll = process.argv.includes('--all');

  // Warm up the JIT on every shape of input: optimized code settles after a second or two of CPU, not a few calls.
  timeLoop(() => {
    for (const f of fixtures) diagnose(f.text);
  }, 2000);

  const sizes = fixtures.map((f) => f.text.length);
  console.log(
    `Knowledge core benchmark (node ${process.version}, one core; rates use this process's CPU time)\n`,
  );
  console.log(
    `Typical pastes: ${fixtures.length} fixtures from test/fixtures/{en,fr}, one command output each ` +
      `(${Math.min(...sizes)}–${Math.max(...sizes)} characters)`,
  );
  console.log(`  ${pad('measure', 52)} ${'rate'.padStart(12)} ${'per call'.padStart(10)}`);
  const perFixture: { name: string; perSecond: number }[] = [];
  for (const f of fixtures) {
    const { runs, ms } = timeLoop(() => diagnose(f.text), 100);
    perFixture.push({ name: f.name, perSecond: (runs / ms) * 1000 });
  }
  // Twenty windows of 250 ms of CPU time, each going round the fixtures many times. The headline is the fastest
  // window, as Python's timeit advises for the same reason: on a shared host, other tenants only ever slow a
  // window down (cache and memory contention show up even in CPU time), so the fastest is the best estimate of
  // what the code does on a core of its own. The median and mean windows are printed beside it, so a noisy run
  // shows as one.
  let idx = 0;
  const windows: number[] = [];
  let allRuns = 0;
  let allMs = 0;
  for (let w = 0; w < 20; w++) {
    const r = timeLoop(() => diagnose(fixtures[idx++ % fixtures.length]!.text), 250);
    windows.push((r.runs / r.ms) * 1000);
    allRuns += r.runs;
    allMs += r.ms;
  }
  const overall = Math.max(...windows);
  const mean = (allRuns / allMs) * 1000;
  const spread =
    `median ${Math.round(median(windows)).toLocaleString('en-US')} /s, mean ${Math.round(mean).toLocaleString('en-US')} /s, ` +
    `slowest ${Math.round(Math.min(...windows)).toLocaleString('en-US')} /s`;
  // The same fixtures with each one diagnosed twenty times in a row (fastest of five passes). The work per call is
  // the same as in the round robin; the gap between the two rows is what switching to another paste costs (CPU
  // caches and V8's inline caches refilled for other code paths and object shapes), which a busy host makes worse.
  const inARow: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const start = cpuMs();
    for (const f of fixtures) for (let i = 0; i < 20; i++) diagnose(f.text);
    inARow.push((fixtures.length * 20 * 1000) / (cpuMs() - start));
  }
  const bySpeed = [...perFixture].sort((a, b) => a.perSecond - b.perSecond);
  console.log(row('diagnose, all fixtures round robin (fastest window)', overall, spread));
  console.log(row('diagnose, each fixture 20 times in a row', Math.max(...inARow)));
  console.log(row('diagnose, median fixture', bySpeed[Math.floor(bySpeed.length / 2)]!.perSecond));
  for (const s of showAll ? bySpeed : bySpeed.slice(0, 5))
    console.log(row(`${showAll ? '' : 'slowest: '}${s.name}`, s.perSecond));

  // Where the time goes, stage by stage (same round robin), to point at the part to speed up.
  const prepared = fixtures.map((f) => {
    const ex = extract(f.text);
    return { facts: mergeFacts(ex.observations), codes: ex.codes.map((c) => c.code), lang: ex.lang ?? 'en' };
  });
  const stages: [string, (text: string, i: number) => void][] = [
    ['stage: extract (unwrap, parse, codes, keys, lang)', (t) => extract(t)],
    ['stage:   parseAll', (t) => parseAll(t)],
    ['stage:   detectLang', (t) => detectLang(t)],
    [
      'stage: diagnoseFacts (rules, ask, texts)',
      (_t, i) => diagnoseFacts(prepared[i]!, { lang: prepared[i]!.lang }),
    ],
  ];
  for (const [label, fn] of stages) {
    let k = 0;
    const r = timeLoop(() => {
      const i = k++ % fixtures.length;
      fn(fixtures[i]!.text, i);
    }, 500);
    console.log(row(label, (r.runs / r.ms) * 1000));
  }
  const met = overall >= TARGET_PER_SECOND;
  console.log(
    `  → target ≥ ${TARGET_PER_SECOND.toLocaleString('en-US')} typical pastes/s on one core: ` +
      `${met ? 'MET' : 'NOT MET'} (${Math.round(overall).toLocaleString('en-US')} /s, ` +
      `${Math.round((overall / TARGET_PER_SECOND) * 100)}% of target)\n`,
  );

  // Linear time up to the 1 MiB cap: the cost per KiB at 16 KiB, 256 KiB and 1 MiB should stay about the same.
  // The ratio of the 1 MiB cost per KiB to the 16 KiB one is what to read (1.0 is linear; a quadratic pass would
  // show about 64); absolute times move with whatever else the machine runs.
  console.log('Large inputs (diagnose, median of several runs, cost per KiB of input)');
  const sizesKiB = [16, 256, 1024];
  console.log(
    `  ${pad('input', 26)} ${sizesKiB.map((k) => pad(k < 1024 ? `${k} KiB` : '1 MiB', 14)).join(' ')} per-KiB ratio 1 MiB / 16 KiB`,
  );
  let linear = true;
  for (const [label, make] of [
    ['random text', (n: number) => randomText(n)],
    ['hostile: run of 0x codes', (n: number) => denseCodes(n)],
    ['hostile: one long line', (n: number) => oneLongLine(n)],
    ['hostile: label, long word', (n: number) => labelLongWord(n)],
    ['huge paste (fixtures)', (n: number) => hugePaste(fixtures, n)],
  ] as const) {
    // Small inputs are timed more often: their median needs more samples to be steady.
    const perKiB = sizesKiB.map((k) => timeOne(make(k * 1024), k <= 16 ? 15 : 5) / k);
    const ratio = perKiB[perKiB.length - 1]! / perKiB[0]!;
    // Far above 1 means the cost per byte grows with size: superlinear work somewhere.
    if (ratio > 3) linear = false;
    const cells = perKiB.map((t) => pad(`${(t * 1000).toFixed(1)} µs/KiB`, 14)).join(' ');
    console.log(`  ${pad(label, 26)} ${cells} ×${ratio.toFixed(2)}`);
  }
  console.log(
    `  → time ${linear ? 'scales linearly' : 'DOES NOT scale linearly'} with input size (cost per KiB steady up to 1 MiB)`,
  );
}

main();

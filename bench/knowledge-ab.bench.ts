/**
 * A/B of two builds of the knowledge core in one process, for speed work that must not change a word of output.
 *
 *   node dist/bench/knowledge-ab.bench.js --base <other checkout>/dist/src/knowledge [--rounds 12] [--interleave]
 *
 * First the outputs: `diagnose` (in the detected language and in French) and `extract` of every fixture and
 * every eval case message, with upper-cased, CRLF, halved and paired variants, and each eval thread merged and
 * diagnosed as one, must be the same in both builds (objects compared with their keys sorted). Then the time:
 * both builds go round all fixtures in alternating 250 ms CPU slices (other tenants of a shared machine slow
 * both alike), and the ratio is printed. `--interleave` puts work between pastes that evicts the CPU caches and
 * V8's shared property-lookup cache, as a server's own work does between two messages.
 * Exits non-zero when an output differs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCases } from '../scripts/eval/cases.js';
import * as current from '../src/knowledge/index.js';

type Core = typeof current;

const root = fileURLToPath(new URL('../..', import.meta.url));

function fixtures(): string[] {
  const out: string[] = [];
  for (const lang of ['en', 'fr']) {
    const dir = join(root, 'test', 'fixtures', lang);
    for (const f of readdirSync(dir).sort()) out.push(readFileSync(join(dir, f), 'utf8'));
  }
  return out;
}

/** Every text both builds must read alike. */
function corpus(pastes: readonly string[], messages: readonly string[]): string[] {
  const texts: string[] = [];
  for (const t of [...pastes, ...messages]) {
    const half = t.length >> 1;
    texts.push(t, t.toUpperCase(), t.replace(/\n/g, '\r\n'), t.slice(0, half), t.slice(half));
  }
  for (let i = 0; i + 1 < pastes.length; i += 2) texts.push(`${pastes[i]}\n\n${pastes[i + 1]}`);
  for (let i = 0; i + 1 < messages.length; i += 3) texts.push(`${messages[i]}\n${messages[i + 1]}`);
  return texts;
}

/** JSON with object keys sorted and undefined members left out: the same facts built in another order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) if (o[k] !== undefined) sorted[k] = o[k];
    return sorted;
  });
}

function outputs(core: Core, text: string): string[] {
  return [core.diagnose(text), core.diagnose(text, { lang: 'fr' }), core.extract(text)].map(canonical);
}

function thread(core: Core, messages: readonly string[]): string {
  const extractions = messages.map((m) => core.extract(m));
  const facts = core.mergeFacts(extractions.flatMap((e) => e.observations));
  const codes = extractions.flatMap((e) => e.codes.map((c) => c.code));
  return canonical(core.diagnoseFacts({ facts, codes }, { lang: extractions[0]?.lang ?? 'en' }));
}

/** Number of texts and threads whose outputs differ between the builds (the first few are printed). */
function compare(a: Core, b: Core, texts: readonly string[], threads: readonly string[][]): number {
  let differ = 0;
  const report = (what: string): void => {
    if (++differ <= 5) console.log(`  differs: ${what}`);
  };
  for (const text of texts) {
    const [x, y] = [outputs(a, text), outputs(b, text)];
    if (x.some((o, i) => o !== y[i])) report(JSON.stringify(text.slice(0, 70)));
  }
  for (const messages of threads)
    if (thread(a, messages) !== thread(b, messages))
      report(`thread ${JSON.stringify(messages[0]?.slice(0, 60))}`);
  return differ;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Work a server does between two messages, in small: reads spread over 2 MiB (the caches) and one property read
 * over 3,000 objects of different shapes (V8's shared lookup cache).
 */
const SPREAD = new Float64Array(256 * 1024);
const SHAPES = Array.from({ length: 3000 }, (_, i) => {
  const o: Record<string, number> = {};
  for (let j = 0; j < 6; j++) o[`p${(i * 7 + j * 13) % 97}_${j}`] = j;
  o.x = i;
  return o;
});
let sink = 0;
function otherWork(): void {
  for (let i = 0; i < SPREAD.length; i += 16) sink += SPREAD[(i * 7919) % SPREAD.length]!;
  for (const o of SHAPES) sink += o.x!;
}

/** CPU µs per `diagnose` over `ms` of CPU, going round the pastes; other work, when asked, is not counted. */
function slice(core: Core, pastes: readonly string[], ms: number, interleave: boolean): number {
  let spent = 0;
  let runs = 0;
  const start = cpuMs();
  while (cpuMs() - start < ms) {
    for (const text of pastes) {
      if (interleave) {
        otherWork();
        const t0 = cpuMs();
        core.diagnose(text);
        spent += cpuMs() - t0;
      } else core.diagnose(text);
      runs++;
    }
    if (!interleave) spent = cpuMs() - start;
  }
  return (spent * 1000) / runs;
}

function median(values: readonly number[]): number {
  return [...values].sort((x, y) => x - y)[values.length >> 1]!;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const baseDir = option('--base');
  if (!baseDir)
    throw new Error('usage: knowledge-ab.bench.js --base <dir of another build of src/knowledge>');
  const base = (await import(pathToFileURL(join(resolve(baseDir), 'index.js')).href)) as Core;
  const rounds = Number(option('--rounds') ?? 12);
  const interleave = args.includes('--interleave');

  const pastes = fixtures();
  const cases = loadCases([join(root, 'test', 'fixtures', 'cases')]).cases;
  const texts = corpus(
    pastes,
    cases.flatMap((c) => c.messages),
  );
  const threads = cases.filter((c) => c.messages.length > 1).map((c) => c.messages);
  const differ = compare(base, current, texts, threads);
  console.log(`Outputs: ${texts.length} texts and ${threads.length} threads, ${differ} differ`);

  for (let i = 0; i < 4; i++) for (const core of [base, current]) slice(core, pastes, 100, interleave);
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate which build goes first, so a slow spell of the machine falls on both.
    if (r % 2 === 1) b.push(slice(current, pastes, 250, interleave));
    a.push(slice(base, pastes, 250, interleave));
    if (r % 2 === 0) b.push(slice(current, pastes, 250, interleave));
  }
  const ratios = a.map((x, i) => x / b[i]!);
  console.log(
    `diagnose, ${pastes.length} fixtures round robin${interleave ? ', other work between pastes' : ''}: ` +
      `base ${median(a).toFixed(1)} µs, this build ${median(b).toFixed(1)} µs a paste (medians of ${rounds} slices); ` +
      `this build ×${median(ratios).toFixed(3)} faster (slice ratios ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
  );
  if (sink < 0) console.log(sink);
  if (differ > 0) process.exitCode = 1;
}

await main();

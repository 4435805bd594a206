/**
 * Why the knowledge core costs more inside the server than in a loop (issue 14). The same `extract` and
 * `diagnoseFacts` calls over every fixture paste, timed in one process under four conditions that alternate in
 * slices (one pass over the fixtures each), so the machine's load falls on all of them alike:
 *   back-to-back   nothing between calls (what `npm run bench`'s knowledge bench measures);
 *   allocation     a message's worth of short-lived objects first (256 KiB, what the server allocates per Slack
 *                  message by a heap sampling profile of its capacity phase);
 *   other-code     unrelated library work first (zod on an inbound message, a Block Kit-sized JSON round trip,
 *                  an HMAC of the paste), as the rest of a message's handling runs between two pastes;
 *   cache-sweep    a write to every cache line of an 8 MiB buffer first (more than this machine's 2 MiB of L2
 *                  per core): nothing of the knowledge core's data is left in the CPU caches.
 * A call during which the process was preempted (an involuntary context switch, from `process.resourceUsage()`)
 * is left out, so wall time is CPU time; the table says how many were.
 *
 *   npm run build && taskset -c 0 node dist/bench/cold-cache.bench.js
 *   COLD_ROUNDS=14 (passes per condition; the first two warm up)  COLD_SWEEP_MIB=8
 *   COLD_CONDITIONS=back-to-back,cache-sweep (some conditions only, e.g. to compare two CPU profiles)
 */
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { InboundMessageSchema } from '../src/conversations/types.js';
import { diagnoseFacts, extract, mergeFacts } from '../src/knowledge/index.js';
import { benchTexts } from './http-traffic.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = Number(process.env.COLD_ROUNDS ?? 14);
const WARMUP_ROUNDS = 2;
const SWEEP = new Uint8Array(Number(process.env.COLD_SWEEP_MIB ?? 8) * 1024 * 1024);
const CACHE_LINE = 64;
const MESSAGE_ALLOCATION = 256 * 1024;

const texts = benchTexts(ROOT).map((t) => t.text);
const inbound = {
  platform: 'slack',
  tenant: 'T0BENCH',
  channel: 'C0BENCH',
  threadKey: '1700000000.000100',
  messageId: '1700000000.000100',
  user: { id: 'U0BENCH' },
  text: texts[0],
  addressed: 'mention',
};
const blockKitSized = {
  blocks: texts.slice(0, 24).map((text, i) => ({
    type: 'section',
    block_id: `b${i}`,
    text: { type: 'mrkdwn', text: text.slice(0, 120) },
  })),
};

/** Keeps the work between calls from being optimised away. */
let sink = 0;

const between: Record<string, (text: string) => void> = {
  'back-to-back': () => {},
  allocation: () => {
    const objects: Array<{ n: number; s: string }> = [];
    // About 40 bytes an object and its string.
    for (let i = 0; i < MESSAGE_ALLOCATION / 40; i++) objects.push({ n: i, s: `o${i}` });
    sink += objects.length;
  },
  'other-code': (text) => {
    sink += InboundMessageSchema.safeParse({ ...inbound, text }).success ? 1 : 0;
    sink += (JSON.parse(JSON.stringify(blockKitSized)) as typeof blockKitSized).blocks.length;
    sink += createHmac('sha256', 'bench').update(text).digest('hex').length;
  },
  'cache-sweep': () => {
    for (let i = 0; i < SWEEP.length; i += CACHE_LINE) SWEEP[i]! += 1;
    sink += SWEEP[0]!;
  },
};

interface Timings {
  extract: number[];
  diagnose: number[];
  preempted: number;
  calls: number;
}

function preemptions(): number {
  return process.resourceUsage().involuntaryContextSwitches;
}

function onePass(prepare: (text: string) => void, into: Timings | undefined): void {
  for (const text of texts) {
    prepare(text);
    const s0 = preemptions();
    const t0 = performance.now();
    const ex = extract(text);
    const t1 = performance.now();
    const s1 = preemptions();
    const facts = mergeFacts(ex.observations);
    const codes = ex.codes.map((c) => c.code);
    prepare(text);
    const s2 = preemptions();
    const t2 = performance.now();
    sink += diagnoseFacts({ facts, codes }, { lang: ex.lang ?? 'en' }).findings.length;
    const t3 = performance.now();
    const s3 = preemptions();
    if (!into) continue;
    into.calls += 2;
    if (s1 === s0) into.extract.push((t1 - t0) * 1000);
    else into.preempted++;
    if (s3 === s2) into.diagnose.push((t3 - t2) * 1000);
    else into.preempted++;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? NaN;
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function main(): void {
  const chosen = process.env.COLD_CONDITIONS?.split(',') ?? Object.keys(between);
  const results = new Map<string, Timings>(
    chosen.map((name) => [name, { extract: [], diagnose: [], preempted: 0, calls: 0 }]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of chosen) {
      const prepare = between[name];
      if (!prepare) throw new Error(`unknown condition ${name} (${Object.keys(between).join(', ')})`);
      onePass(prepare, round < WARMUP_ROUNDS ? undefined : results.get(name));
    }
  }
  const base = results.get('back-to-back') ?? [...results.values()][0]!;
  console.log(
    `knowledge core, one call at a time over ${texts.length} fixture pastes, ${ROUNDS - WARMUP_ROUNDS} passes ` +
      `per condition (node ${process.version}); µs per call, calls with a context switch left out`,
  );
  console.log('condition        extract median / mean   ×      diagnose median / mean   ×      preempted');
  for (const [name, r] of results) {
    const ex = median(r.extract);
    const dx = median(r.diagnose);
    console.log(
      `${name.padEnd(16)} ${ex.toFixed(0).padStart(7)} / ${mean(r.extract).toFixed(0).padStart(5)}` +
        `   ${(ex / median(base.extract)).toFixed(2)}   ${dx.toFixed(0).padStart(7)} / ` +
        `${mean(r.diagnose).toFixed(0).padStart(5)}   ${(dx / median(base.diagnose)).toFixed(2)}` +
        `   ${((r.preempted / r.calls) * 100).toFixed(1)}%`,
    );
  }
  if (sink === -1) console.log(sink);
}

main();

/**
 * Screenshots through the playground's upload route, on the production server composition (one OCR worker by
 * default): for every fixture in test/fixtures/screenshots/, the time until "Reading your screenshot…" reaches
 * the client, the time until the answer does, and whether the answer is the one the window's text gets when
 * pasted (same title and same finding ids). Uploads go one at a time, as a person would send them.
 *
 *   npm run build && node dist/bench/uploads.bench.js
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/observability/logger.js';
import { createBotServer } from '../src/bot-server.js';
import { loadLabels, SCREENSHOTS } from '../scripts/screenshots/score-ocr.js';

interface Reply {
  reply: { title: string; findings: { id: string }[] };
}

const shots = loadLabels();
const bot = await createBotServer(loadConfig({ PLAYGROUND: 'on', PORT: '0', LOG_LEVEL: 'error' }), {
  logger: createLogger({ level: 'error', write: () => undefined }),
});
const url = await bot.listen(0, '127.0.0.1');

const verdict = (r: Reply | undefined) =>
  JSON.stringify([r?.reply.title, r?.reply.findings.map((f) => f.id)]);

async function pasted(text: string, lang: string): Promise<Reply | undefined> {
  const res = await fetch(`${url}/playground/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ threadId: randomUUID(), text, lang }),
  });
  return ((await res.json()) as { replies: Reply[] }).replies[0];
}

/** Milliseconds to the acknowledgement and to the answer, and the answer. */
async function uploaded(image: string, lang: string) {
  const bytes = readFileSync(join(SCREENSHOTS, image));
  const t0 = performance.now();
  const res = await fetch(`${url}/playground/uploads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      threadId: randomUUID(),
      lang,
      files: [
        {
          name: image,
          type: image.endsWith('.png') ? 'image/png' : 'image/jpeg',
          data: bytes.toString('base64'),
        },
      ],
    }),
  });
  let ackMs = NaN;
  let answer: Reply | undefined;
  let buffered = '';
  const decoder = new TextDecoder();
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines.filter((l) => l.trim())) {
      const parsed = JSON.parse(line) as { ack?: unknown; result?: { replies: Reply[] } };
      if (parsed.ack) ackMs = performance.now() - t0;
      if (parsed.result) answer = parsed.result.replies[0];
    }
  }
  return { ackMs, totalMs: performance.now() - t0, answer };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
function summary(ms: readonly number[], unit: (n: number) => string = seconds): string {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${unit(quantile(s, 0.5))}, p90 ${unit(quantile(s, 0.9))}, slowest ${unit(s[s.length - 1]!)} (n=${s.length})`;
}

console.log(
  `Upload bench: ${shots.length} screenshots through POST /playground/uploads, ${cpus().length} cores\n`,
);
try {
  const first = await uploaded(shots[0]!.image, shots[0]!.lang); // starts the OCR worker
  console.log(`worker start + first screenshot: ${seconds(first.totalMs)}`);
  const acks: number[] = [];
  const totals: number[] = [];
  const differ: string[] = [];
  for (const shot of shots) {
    const expected = await pasted(shot.text, shot.lang);
    const got = await uploaded(shot.image, shot.lang);
    acks.push(got.ackMs);
    totals.push(got.totalMs);
    if (verdict(got.answer) !== verdict(expected))
      differ.push(`${shot.image}: ${verdict(got.answer)} vs pasted ${verdict(expected)}`);
  }
  console.log(`"Reading your screenshot…" at the client: ${summary(acks, (n) => `${n.toFixed(0)} ms`)}`);
  console.log(`answer at the client (OCR included):    ${summary(totals)}`);
  console.log(`same answer as the pasted window text:  ${shots.length - differ.length}/${shots.length}`);
  for (const d of differ) console.log(`  differs: ${d}`);
} finally {
  await bot.close();
}

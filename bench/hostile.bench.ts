/**
 * Hostile shapes at 64 KiB and 1 MiB through the conversation engine (extraction, diagnosis, intent) and through
 * each adapter's translation of a platform payload (Slack mention stripping, Teams mention and HTML stripping, the
 * playground's request parsing). A pass that is linear in its input takes about 16 times as long on 1 MiB as on
 * 64 KiB; a quadratic one about 256 times. Run with `npm run bench:hostile`; the ratio is what to read, since the
 * absolute times move with whatever else the machine is doing.
 */
import { ConversationEngine } from '../src/conversations/engine.js';
import { MemoryStore } from '../src/conversations/memory-store.js';
import type { InboundMessage } from '../src/conversations/types.js';
import { addressingOf, fromMessageEvent } from '../src/adapters/slack/translate.js';
import { fromMessageActivity, type TeamsActivity } from '../src/adapters/teams/translate.js';
import { parsePlaygroundRequest, toInboundMessage } from '../src/adapters/web/request.js';

const SMALL = 64 * 1024;
const LARGE = 1024 * 1024;
/** Worse than this and a pass is not linear (16× expected; timer noise and GC on a shared host add some). */
const LINEAR_LIMIT = 40;

/** A text of exactly `bytes` UTF-16 units, made by repeating what `unit(i)` gives. */
function repeatTo(bytes: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  return parts.join('').slice(0, bytes);
}

/** Distinct plausible codes: the classifier's old removal split the text once per distinct code. */
const denseCode = (i: number) => `0xC004${(i % 0x10000).toString(16).toUpperCase().padStart(4, '0')} `;

const SHAPES: Record<string, (bytes: number) => string> = {
  'dense codes': (b) => repeatTo(b, denseCode),
  'dense decimal codes': (b) => repeatTo(b, (i) => `-${1073418124 - (i % 60000)} `),
  'run of <': (b) => '<'.repeat(b),
  'run of <@U1|': (b) => repeatTo(b, () => '<@U1|'),
  'run of <at>': (b) => repeatTo(b, () => '<at>'),
  'run of 0x': (b) => repeatTo(b, () => '0x'),
  'run of 0 x': (b) => repeatTo(b, () => '0 x '),
  spaces: (b) => ' '.repeat(b - 1) + 'x',
  'Name: lines': (b) => repeatTo(b, () => 'Name: '),
  'Name: on lines': (b) => repeatTo(b, (i) => `Name: Windows(R), ServerStandard edition ${i}\n`),
  'run of &#x': (b) => repeatTo(b, () => '&#x'),
  'dashed groups': (b) => repeatTo(b, () => 'ABCDE\u2013'),
};

const now = () => Number(process.hrtime.bigint()) / 1e6;

function time(run: () => unknown): number {
  const start = now();
  run();
  return now() - start;
}

/** Collected before each timed run (node --expose-gc) so no run pays for the garbage of the one before. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  collect();
  const start = now();
  await run();
  return now() - start;
}

let seq = 0;
function inbound(text: string): InboundMessage {
  seq++;
  return {
    platform: 'web',
    tenant: 'bench',
    channel: 'bench',
    threadKey: `t${seq}`,
    messageId: `m${seq}`,
    user: { id: 'u1' },
    text,
    addressed: 'dm',
    receivedAt: Date.now(),
  };
}

const TARGETS: Record<string, (text: string) => unknown> = {
  'slack translation': (text) => {
    const event = { type: 'message', channel: 'C1', user: 'U2', ts: '1.1', text, channel_type: 'channel' };
    addressingOf(event, { botUserId: 'U1' });
    return fromMessageEvent(event, { teamId: 'T1', addressed: 'mention', receivedAt: 0 });
  },
  'teams translation': (text) => {
    const activity: TeamsActivity = {
      type: 'message',
      id: '1',
      text,
      from: { id: 'u' },
      recipient: { id: 'b', name: 'Bot' },
      conversation: { id: 'a:1', conversationType: 'personal' },
      entities: [{ type: 'mention', text: '<at>Bot</at>', mentioned: { id: 'b', name: 'Bot' } }],
      attachments: [{ contentType: 'text/html', content: text }],
    } as unknown as TeamsActivity;
    return fromMessageActivity(activity, 0, () => 'gen');
  },
  'playground request': (text) => {
    const parsed = parsePlaygroundRequest({ threadId: 'bench-thread', text });
    return parsed.ok ? toInboundMessage(parsed.request, parsed.action, { now: 0 }) : parsed;
  },
};

async function main(): Promise<void> {
  const engine = new ConversationEngine({ store: new MemoryStore() });
  // Warm up the code paths so the first shape does not pay for JIT compilation.
  for (let i = 0; i < 3; i++) {
    for (const make of Object.values(SHAPES)) {
      const text = make(8 * 1024);
      await engine.handle(inbound(text));
      for (const run of Object.values(TARGETS)) run(text);
    }
  }

  console.log(`hostile shapes: time at 64 KiB and 1 MiB (linear ≈ 16×; flagged above ${LINEAR_LIMIT}×)`);
  let worst = 0;
  const rows: string[][] = [['shape', 'through', '64 KiB ms', '1 MiB ms', 'ratio']];
  for (const [shape, make] of Object.entries(SHAPES)) {
    const small = make(SMALL);
    const large = make(LARGE);
    const measure = async (through: string, run: (text: string) => Promise<unknown> | unknown) => {
      // The small input is timed as the fastest of five runs, the large one as the fastest of three: the
      // fastest is the least disturbed by other tenants of the machine.
      let a = Infinity;
      for (let i = 0; i < 5; i++) a = Math.min(a, await timeAsync(async () => run(small)));
      let b = Infinity;
      for (let i = 0; i < 3; i++) b = Math.min(b, await timeAsync(async () => run(large)));
      const ratio = b / Math.max(a, 0.05);
      worst = Math.max(worst, ratio);
      rows.push([
        shape,
        through,
        a.toFixed(2),
        b.toFixed(1),
        `${ratio.toFixed(1)}×${ratio > LINEAR_LIMIT ? ' !' : ''}`,
      ]);
    };
    await measure('engine', (text) => engine.handle(inbound(text)));
    for (const [through, run] of Object.entries(TARGETS))
      await measure(through, (text) => time(() => run(text)));
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows)
    console.log(r.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  console.log(`worst ratio ${worst.toFixed(1)}× (${worst > LINEAR_LIMIT ? 'NOT linear' : 'linear'})`);
  if (worst > LINEAR_LIMIT) process.exitCode = 1;
}

await main();

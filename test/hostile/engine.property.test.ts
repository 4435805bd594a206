/**
 * Hostile input through the engine: 100,000 generated texts through the knowledge core's diagnosis and the
 * classifier (the pure half of a turn), and 3,000 (plus 100 long runs) through the whole conversation engine with its store and
 * logger. Nothing throws, every reply stays bounded, and no planted product key survives in a reply, a stored
 * value or a log line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConversationEngine } from '../../src/conversations/engine.js';
import { classify } from '../../src/conversations/intent.js';
import { MemoryStore } from '../../src/conversations/memory-store.js';
import type { InboundMessage } from '../../src/conversations/types.js';
import { diagnose, extract } from '../../src/knowledge/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { hostileRun, hostileText, leaksNoKey } from './arbitraries.js';

/** Largest reply model (JSON) a turn may produce; a card is 6–7 KB. */
const MAX_REPLY_BYTES = 256 * 1024;

describe('the knowledge core and the classifier under hostile text', () => {
  // Twenty blocks of 5,000, each its own test, yielding to the event loop every 500 runs so the worker keeps
  // talking to vitest on a busy machine.
  for (let block = 1; block <= 20; block++) {
    it(
      `texts ${(block - 1) * 5000 + 1}–${block * 5000}: no throw, bounded output, no planted key`,
      { timeout: 60_000 },
      async () => {
        let n = 0;
        await fc.assert(
          fc.asyncProperty(hostileText, async ({ text, keys }) => {
            if (++n % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
            const diagnosis = diagnose(text, { lang: n % 2 ? 'en' : 'fr' });
            const json = JSON.stringify(diagnosis);
            expect(json.length).toBeLessThan(MAX_REPLY_BYTES);
            expect(leaksNoKey(json, keys)).toBe(true);
            // One in ten also goes through the classifier, on the core's extraction.
            if (n % 10 === 0) {
              const ex = extract(text);
              expect(leaksNoKey(ex.text, keys)).toBe(true);
              classify(ex.text, ex);
            }
          }),
          { numRuns: 5_000, seed: 1000 + block },
        );
      },
    );
  }
});

describe('the conversation engine under hostile text', () => {
  it(
    '3,000 turns in 40 threads, plus long runs: every reply bounded, no key in replies, state or logs',
    { timeout: 120_000 },
    async () => {
      const logLines: string[] = [];
      const store = new MemoryStore({ sweepIntervalMs: 0 });
      const engine = new ConversationEngine({
        store,
        logger: createLogger({ level: 'debug', write: (line) => logLines.push(line) }),
      });
      let seq = 0;
      const turn = async ({ text, keys }: { text: string; keys: string[] }) => {
        seq++;
        const msg: InboundMessage = {
          platform: seq % 2 ? 'slack' : 'web',
          tenant: 'T1',
          channel: 'C1',
          threadKey: `t${seq % 40}`,
          messageId: `m${seq}`,
          user: { id: 'U1' },
          text,
          addressed: seq % 3 ? 'mention' : 'dm',
          receivedAt: 0,
        };
        const result = await engine.handle(msg);
        const json = JSON.stringify(result);
        expect(json.length).toBeLessThan(MAX_REPLY_BYTES);
        expect(leaksNoKey(json, keys)).toBe(true);
        return keys;
      };
      const planted: string[] = [];
      await fc.assert(
        fc.asyncProperty(hostileText, async (input) => {
          planted.push(...(await turn(input)));
        }),
        { numRuns: 3_000 },
      );
      await fc.assert(
        fc.asyncProperty(hostileRun, async (input) => {
          planted.push(...(await turn(input)));
        }),
        { numRuns: 100 },
      );
      const unique = [...new Set(planted)];
      expect(unique.length).toBeGreaterThan(0);
      expect(leaksNoKey(store.rawValues().join('\n'), unique)).toBe(true);
      expect(leaksNoKey(logLines.join('\n'), unique)).toBe(true);
    },
  );
});

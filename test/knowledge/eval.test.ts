/**
 * The labelled real cases must not answer worse than recorded: `npm run eval -- --record` writes
 * test/fixtures/cases/score.json after an improvement; a change that loses cases fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadCases } from '../../scripts/eval/cases.js';
import { scoreboard, scoreCases } from '../../scripts/eval/score.js';

const CASES = join(import.meta.dirname, '..', 'fixtures', 'cases');
/** Cases nobody tuned on: scored apart (`npm run eval -- --cases test/fixtures/cases-heldout`), never recorded. */
const HELDOUT = join(import.meta.dirname, '..', 'fixtures', 'cases-heldout');
/** A second set gathered blind after the first was used up: scored apart too, never recorded. */
const HELDOUT2 = join(import.meta.dirname, '..', 'fixtures', 'cases-heldout-2');
const Shares = z.object({
  n: z.number(),
  top1: z.number(),
  top3: z.number(),
  escalate: z.number(),
  lang: z.number(),
});
const Recorded = z.object({ overall: Shares, byLang: z.record(z.string(), Shares) });

describe('labelled real cases', () => {
  const { cases, invalid } = loadCases([CASES]);

  it('every case file is valid', () => {
    expect(invalid).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  it('every held-out case file is valid and shares no id or source with the main set', () => {
    const held = loadCases([HELDOUT]);
    expect(held.invalid).toEqual([]);
    expect(held.cases.length).toBeGreaterThan(0);
    const ids = new Set(cases.map((c) => c.id));
    const urls = new Set(cases.map((c) => c.source.url));
    expect(held.cases.filter((c) => ids.has(c.id) || urls.has(c.source.url)).map((c) => c.id)).toEqual([]);
  });

  it('every second held-out case file is valid and shares no id or source with the other sets', () => {
    const held = loadCases([HELDOUT2]);
    expect(held.invalid).toEqual([]);
    expect(held.cases.length).toBeGreaterThan(0);
    const others = [...cases, ...loadCases([HELDOUT]).cases];
    const ids = new Set(others.map((c) => c.id));
    const urls = new Set(others.map((c) => c.source.url));
    expect(held.cases.filter((c) => ids.has(c.id) || urls.has(c.source.url)).map((c) => c.id)).toEqual([]);
  });

  it('scores at least what score.json records, overall and per language', async () => {
    const board = scoreboard(await scoreCases(cases));
    const file = join(CASES, 'score.json');
    expect(existsSync(file), 'run npm run eval -- --record').toBe(true);
    const recorded = Recorded.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const key of ['top1', 'top3', 'escalate', 'lang'] as const) {
      expect(board.overall[key], `overall ${key}`).toBeGreaterThanOrEqual(recorded.overall[key]);
      for (const [lang, shares] of Object.entries(recorded.byLang)) {
        const now = board.byLang[lang];
        if (now) expect(now[key], `${lang} ${key}`).toBeGreaterThanOrEqual(shares[key]);
      }
    }
  }, 60_000);
});

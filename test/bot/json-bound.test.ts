import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../src/bot/render/adaptive-card.js';
import { fitsJson, jsonBytes, jsonBytesBound } from '../../src/bot/render/limits.js';
import { evalConversionFr, handoffEn, hostileEn, hugeReply, kmsDiagnosisEn } from './sample-replies.js';

/** Plain JSON data with every kind of character a card may hold: controls, quotes, accents, emoji, lone surrogates. */
const text = fc.string({ unit: 'binary', maxLength: 40 });
const data = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(text, tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('the cheap card size guard', () => {
  it('never says less than the exact UTF-8 size of the JSON', () => {
    fc.assert(
      fc.property(data, (v) => jsonBytesBound(v) >= jsonBytes(v)),
      { numRuns: 2000 },
    );
  });

  it('counts the longest numbers JavaScript writes (a small negative decimal is 25 characters)', () => {
    for (const n of [-0.0000013775211574871491, -1.2345678901234567e-100, -123456789012345680000])
      expect(jsonBytesBound(n)).toBeGreaterThanOrEqual(jsonBytes(n));
  });

  it('answers as the exact size does, for every budget around a card’s size', () => {
    for (const reply of [kmsDiagnosisEn, evalConversionFr, hostileEn, handoffEn, hugeReply()]) {
      const card = renderAdaptiveCard(reply);
      const exact = jsonBytes(card);
      for (const budget of [exact - 1, exact, exact + 1, jsonBytesBound(card)])
        expect([budget, fitsJson(card, budget)]).toEqual([budget, exact <= budget]);
    }
  });
});

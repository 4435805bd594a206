/**
 * Lines whose label and value show they can hold no phrase are never folded for the phrase look-ups
 * (`Line.mayHoldPhrase`). These tests hold that shortcut to its promise: whenever it says no, the full look-up on
 * the folded line finds nothing either — over every fixture line and over label lines built from every label
 * spelling with values made of phrase rows, event messages, accents and other scripts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVENT_MESSAGES,
  includesAny,
  LABELS,
  MESSAGES,
  PHRASES,
  prepared,
  startsWithAny,
  XPR_PHRASES,
} from '../../src/knowledge/parse/labels.js';
import { Line } from '../../src/knowledge/parse/lines.js';
import { unwrapChatFormatting } from '../../src/knowledge/parse/normalize.js';
import { allFixtures } from '../helpers/fixtures.js';

const PHRASE = prepared(PHRASES);
const XPR = prepared(XPR_PHRASES);
const EVENT = prepared(EVENT_MESSAGES);

/** What the phrase look-ups find on the folded line, skipping nothing. */
function phrasesIn(raw: string): string[] {
  const line = new Line(raw);
  return [
    startsWithAny(line.norm, PHRASE),
    startsWithAny(line.norm, XPR),
    includesAny(line.norm, EVENT),
  ].filter((k): k is NonNullable<typeof k> => k !== undefined);
}

function fixtureLines(): string[] {
  return allFixtures().flatMap(({ text }) => unwrapChatFormatting(text).split('\n'));
}

describe('skipping the phrase look-ups on plain label lines', () => {
  it('most slmgr label lines are skipped, and none that holds a phrase', () => {
    const lines = fixtureLines();
    const skipped = lines.filter((l) => !new Line(l).mayHoldPhrase);
    expect(skipped.length).toBeGreaterThan(lines.length / 3);
    for (const l of skipped) expect([l, phrasesIn(l)]).toEqual([l, []]);
  });

  it('a skipped line never holds a phrase, whatever label and value', () => {
    const rows = [...PHRASES, ...XPR_PHRASES, ...EVENT_MESSAGES, ...MESSAGES].map(([, , text]) => text);
    const labels = LABELS.map(([, , text]) => text);
    const pieces = [
      ...rows,
      ...rows.map((r) => r.toUpperCase()),
      'Licensed',
      '55c92734-d682-4d71-983e-d6ec3f16059f',
      '00454-40000-00001-AA123',
      'É',
      'ǅ',
      'K',
      'ſ',
      '한',
      'e\u0301',
      ' ',
      '\u00a0',
      '\u202f',
      '’',
      ':',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...labels),
        fc.constantFrom(' : ', ': ', ':', '\u00a0: '),
        fc.array(fc.constantFrom(...pieces), { maxLength: 4 }),
        (label, colon, value) => {
          const raw = `${label}${colon}${value.join('')}`;
          if (!new Line(raw).mayHoldPhrase) expect(phrasesIn(raw)).toEqual([]);
        },
      ),
      { numRuns: 4000 },
    );
  });
});

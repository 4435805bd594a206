/** `parseAll` never throws and only ever returns schema-valid facts, whatever is pasted. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAll } from '../../src/knowledge/parse/index.js';
import { detectLang } from '../../src/knowledge/lang.js';
import { allFixtures } from '../helpers/fixtures.js';
import { ObservationSchema, SourceKindSchema } from '../../src/knowledge/types.js';

const fixtureLines = allFixtures().flatMap(({ text }) => text.split('\n'));

const valid = (text: string): void => {
  const obs = parseAll(text);
  for (const o of obs) {
    const parsed = ObservationSchema.safeParse(o);
    expect(parsed.success, JSON.stringify(o)).toBe(true);
    SourceKindSchema.parse(o.source);
  }
  const lang = detectLang(text);
  expect(lang === undefined || lang === 'en' || lang === 'fr').toBe(true);
};

describe('parseAll on hostile input', () => {
  it('random text, markup and control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), valid), { numRuns: 100 });
  });

  it('real output lines shuffled, truncated and mixed with markup', () => {
    const line = fc.oneof(
      fc.constantFrom(...fixtureLines),
      fc.constantFrom(
        '```',
        '<br>',
        '<p>',
        '&lt;',
        '&amp;',
        'Windows Script Host',
        'C:\\>slmgr /dlv',
        '0x',
        'Error:',
        'Info:',
        ':',
      ),
      fc.string({ maxLength: 40 }),
    );
    const mutated = fc.tuple(
      fc.array(line, { maxLength: 60 }),
      fc.nat(200),
      fc.constantFrom('\n', '\r\n', '<br>'),
    );
    fc.assert(
      fc.property(mutated, ([lines, cut, eol]) => {
        const text = lines.map((l) => l.slice(0, Math.max(1, l.length - (cut % 7)))).join(eol);
        valid(text);
      }),
      { numRuns: 100 },
    );
  });

  it('a message beyond 1 MiB is read without throwing', () => {
    const big =
      'Name: Windows(R), ServerDatacenter edition\n' + '<p>&lt;'.repeat(200_000) + '\n' + 'a'.repeat(300_000);
    expect(() => parseAll(big)).not.toThrow();
    valid('<at>' + 'x'.repeat(50_000) + ' ' + '`'.repeat(10_000));
  });
});

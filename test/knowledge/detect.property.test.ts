import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DetectedCodeSchema } from '../../src/knowledge/types.js';
import { detectCodes, PLAUSIBLE_PREFIXES } from '../../src/knowledge/detect/codes.js';
import { findProductKeys, redactKeys } from '../../src/knowledge/redact.js';
import { allGvlks } from '../../src/knowledge/gvlk/index.js';

const MIB = 1 << 20;

/** Text of every kind: ASCII, full Unicode (lone surrogates included), and grapheme clusters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ maxLength: 300 }),
);

/** Characters that exercise every branch of the scanner: digits, hex letters, x, signs, separators, blanks. */
const trickyChar = fc.constantFrom(...'0123456789abcdefABCDEFxX -−.,:/_{}\u00a0\t\nGHKMPQRTVWY'.split(''));
const trickyText = fc.string({ unit: trickyChar, maxLength: 200 });

function checkWellFormed(text: string): void {
  const found = detectCodes(text);
  const seen = new Set<string>();
  let last = -1;
  for (const d of found) {
    DetectedCodeSchema.parse(d);
    expect(text.slice(d.index, d.index + d.raw.length)).toBe(d.raw);
    expect(d.index).toBeGreaterThan(last);
    expect(seen.has(d.code)).toBe(false);
    seen.add(d.code);
    last = d.index;
  }
}

describe('detection never breaks on odd input', () => {
  it('any string gives well-formed results, in order, without duplicates', () => {
    fc.assert(fc.property(anyText, (text) => checkWellFormed(text)));
  });

  it('strings built from code-like characters give well-formed results', () => {
    fc.assert(fc.property(trickyText, (text) => checkWellFormed(text)));
  });

  it('a 1 MiB paste of repeated random fragments is scanned and redacted without error', () => {
    fc.assert(
      fc.property(fc.string({ unit: trickyChar, minLength: 1, maxLength: 40 }), (fragment) => {
        const huge = fragment.repeat(Math.ceil(MIB / fragment.length)).slice(0, MIB);
        expect(Array.isArray(detectCodes(huge))).toBe(true);
        expect(redactKeys(huge)).toHaveLength(huge.length);
      }),
      { numRuns: 4 },
    );
  });

  it('a 1 MiB paste of adversarial patterns is scanned without error', () => {
    const patterns = ['0 x ', '0x ', '0', '-', '8007000', 'AAAAA-', 'C004F074-', '0x0x0x', '1073418124,'];
    for (const p of patterns) {
      const huge = p.repeat(Math.ceil(MIB / p.length));
      expect(() => detectCodes(huge)).not.toThrow();
      expect(() => redactKeys(huge)).not.toThrow();
    }
  });
});

const prefixes = [...PLAUSIBLE_PREFIXES];
/** A code whose facility is on the allowlist, so every spelling (bare and decimal included) must be found. */
const plausibleCode = fc
  .tuple(fc.constantFrom(...prefixes), fc.integer({ min: 0, max: 0xffff }))
  .map(([hi, lo]) => hi * 0x1_0000 + lo);

const hex8 = (v: number): string => v.toString(16).padStart(8, '0');

/** Every spelling the brief lists, for one value. Decimal forms only where they exist (signed needs bit 31). */
function spellings(value: number): string[] {
  const h = hex8(value);
  const out = [
    `0x${h.toUpperCase()}`,
    `0X${h.toUpperCase()}`,
    `0x${h}`,
    h.toUpperCase(),
    h,
    `0 x ${h}`,
    `0x ${h.toUpperCase()}`,
    `0 x${h.toUpperCase()}`,
    String(value),
  ];
  if (value >= 0x8000_0000) out.push(String(value - 0x1_0000_0000), `\u2212${0x1_0000_0000 - value}`);
  return out;
}

const code = (v: number): string => `0x${hex8(v).toUpperCase()}`;

describe('a code written any supported way is found in surrounding text', () => {
  it('every spelling, between random words', () => {
    fc.assert(
      fc.property(anyText, plausibleCode, fc.nat(), anyText, (before, value, pick, after) => {
        const forms = spellings(value);
        const written = forms[pick % forms.length]!;
        const text = `${before} ${written} ${after}`;
        expect(detectCodes(text).map((d) => d.code)).toContain(code(value));
      }),
    );
  });

  it('any failure HRESULT with an explicit 0x prefix, whatever its facility', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.integer({ min: 0x8000_0000, max: 0xffff_ffff }),
        anyText,
        (before, value, after) => {
          const text = `${before} 0x${hex8(value)} ${after}`;
          expect(detectCodes(text).map((d) => d.code)).toContain(code(value));
        },
      ),
    );
  });

  it('several codes in one message come back in the order written', () => {
    fc.assert(
      fc.property(fc.uniqueArray(plausibleCode, { minLength: 1, maxLength: 6 }), (values) => {
        const text = values.map((v) => `error ${code(v)} then`).join(' ');
        expect(detectCodes(text).map((d) => d.code)).toEqual(values.map(code));
      }),
    );
  });
});

const KEY_CHARS = 'BCDFGHJKMNPQRTVWXY2346789abcdefghjkmnpqrtvwxy'.split('');
const group = fc.string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 5, maxLength: 5 });
const separator = fc.constantFrom('-', '-', '-', '\u2013', '\u2014');
const randomKey = fc
  .tuple(fc.array(group, { minLength: 5, maxLength: 5 }), separator)
  .map(([groups, sep]) => groups.join(sep));
const gvlks = allGvlks().map((g) => g.key);
const publishedKey = fc
  .tuple(fc.constantFrom(...gvlks), fc.boolean())
  .map(([k, lower]) => (lower ? k.toLowerCase() : k));

describe('product keys never survive redaction', () => {
  it('random text with keys mixed in: no full non-GVLK key is left, GVLKs stay', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(anyText, randomKey, publishedKey), { maxLength: 8 }), (parts) => {
        const text = parts.join(' ');
        const out = redactKeys(text);
        for (const k of findProductKeys(out)) expect(k.masked || k.gvlk !== undefined).toBe(true);
        for (const part of parts) {
          if (gvlks.includes(part.toUpperCase())) expect(out).toContain(part);
        }
        expect(redactKeys(out)).toBe(out);
      }),
    );
  });

  it('a random key keeps only its last five characters, upper-cased', () => {
    fc.assert(
      fc.property(anyText, randomKey, anyText, (before, key, after) => {
        const out = redactKeys(`${before} ${key} ${after}`);
        expect(out).not.toContain(key);
        expect(out).toContain(`XXXXX-XXXXX-XXXXX-XXXXX-${key.slice(-5).toUpperCase()}`);
      }),
    );
  });

  it('redaction of any string is idempotent and leaves no unmasked key', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, trickyText), (text) => {
        const out = redactKeys(text);
        expect(redactKeys(out)).toBe(out);
        for (const k of findProductKeys(out)) expect(k.masked || k.gvlk !== undefined).toBe(true);
      }),
    );
  });
});

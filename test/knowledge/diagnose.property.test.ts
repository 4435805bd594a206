import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/index.js';
import { DiagnosisSchema } from '../../src/knowledge/types.js';

/** A full five-by-five key that is not a published GVLK (random groups almost never are). */
const FULL_KEY = /(?<![0-9A-Za-z])[0-9A-Za-z]{5}(?:[-\u2010-\u2014\u2212][0-9A-Za-z]{5}){4}(?![0-9A-Za-z])/g;
const isMasked = (k: string) => k.toUpperCase().startsWith('XXXXX-XXXXX-XXXXX-XXXXX-');
const GVLKS = new Set([
  'WX4NM-KYWYW-QJJR4-XV3QB-6VM33',
  'VDYBN-27WPP-V4HQT-9VMD4-VMK7H',
  'NPPR9-FWDCX-D2C8J-H872K-2YT43',
]);

function leakedKeys(d: unknown): string[] {
  return [...JSON.stringify(d).matchAll(FULL_KEY)]
    .map((m) => m[0])
    .filter((k) => !isMasked(k) && !GVLKS.has(k.toUpperCase()));
}

const group = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHJKMNPQRTVWXY2346789'),
  minLength: 5,
  maxLength: 5,
});
const productKey = fc.tuple(group, group, group, group, group).map((g) => g.join('-'));

const pieces = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  productKey,
  fc.constantFrom(
    '0xC004F074',
    '-1073418124',
    'C004C003',
    'Error: 0xC004F069',
    'License Status: Licensed',
    'Description: Windows(R) Operating System, VOLUME_KMSCLIENT channel',
    'Partial Product Key: 6VM33',
    'Current Edition : ServerStandardEvalCor',
    'TcpTestSucceeded : False',
    '*** Impossible de trouver _vlmcs._tcp : Non-existent domain',
    'Event ID: 12290',
    '```',
    '<@U123>',
    '\u0000',
    '\uD800',
    'vlmcsd',
    'État de la licence : avec licence',
  ),
);
const message = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('\n'));

describe('diagnose never fails and never leaks', () => {
  it('random and hostile text: no throw, valid schema, no full non-GVLK key in the output', () => {
    fc.assert(
      fc.property(message, fc.constantFrom(undefined, 'en' as const, 'fr' as const), (text, lang) => {
        const d = diagnose(text, lang ? { lang } : {});
        expect(DiagnosisSchema.safeParse(d).success).toBe(true);
        expect(leakedKeys(d)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a key pasted in any field-like position is redacted', () => {
    fc.assert(
      fc.property(
        productKey,
        fc.constantFrom(
          'Product key: {k}',
          'slmgr /ipk {k}',
          'DISM /online /Set-Edition:ServerDatacenter /ProductKey:{k} /AcceptEula',
          'Installed product key {k} successfully.',
        ),
        (key, shape) => {
          fc.pre(!GVLKS.has(key));
          const d = diagnose(shape.replace('{k}', key));
          expect(JSON.stringify(d)).not.toContain(key);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('huge inputs (1 MiB and beyond) are diagnosed without error', () => {
    const big = 'x'.repeat(1024 * 1024 + 10);
    expect(DiagnosisSchema.safeParse(diagnose(big)).success).toBe(true);
    const paste = 'License Status: Notification\nError: 0xC004F074\n'.repeat(26_000);
    const d = diagnose(paste);
    expect(d.codes.map((c) => c.code)).toEqual(['0xC004F074']);
    const keys = Array.from(
      { length: 40_000 },
      (_, i) => `ABCDE-FGHIJ-KLMNO-PQRST-${String(i).padStart(5, '0')}`,
    ).join(' ');
    expect(leakedKeys(diagnose(keys))).toEqual([]);
  });
});

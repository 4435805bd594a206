/**
 * Hostile inputs for the property suites: random Unicode mixed with the shapes that have hurt text passes
 * before (dense codes, runs of `<`, `<@U1|`, `0x`, blanks, `Name: ` lines) and with full product keys written
 * with every separator people use. Each generated text remembers the keys planted in it, so a check can look
 * for them in any output without relying on the finder under test.
 */
import fc from 'fast-check';

/** Made-up product keys (not real keys, not GVLKs), as five groups. */
const KEYS = [
  ['QX7R2', '8KMPT', 'YBV4C', '6HWJD', '9FG3N'],
  ['B8NVT', '2KPQW', '7HXRC', 'YM4D9', '6TJGF'],
  ['H3DPK', 'W7N9Q', 'CX6RT', '2MBJY', '8VFG4'],
];
const SEPARATORS = [
  '-',
  '\u2013',
  '\u2014',
  '\u2212',
  '\u2010',
  '\uff0d',
  ' - ',
  ' ',
  '  ',
  '\u00a0',
  '\u202f',
];

export interface Planted {
  text: string;
  /** The 25 characters of each planted key, upper case, separators removed. */
  keys: string[];
}

const plantedKey = fc
  .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...SEPARATORS), fc.boolean())
  .map(([groups, sep, lower]) => {
    const written = groups.join(sep);
    return { text: lower && sep.includes('-') ? written.toLowerCase() : written, key: groups.join('') };
  });

const fragment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    'Error: 0xC004F074',
    '0xc004f038 ',
    '-1073418124',
    '0 x 8007232B',
    '<',
    '<@U1|',
    '<@U0FAKEBOT>',
    '<at>Activation Doctor</at>',
    '<p>',
    '&lt;&#x41;&amp;',
    '0x',
    'Name: Windows(R), ServerDatacenter edition\n',
    'License Status: Notification\n',
    'Partial Product Key: 9FG3N\n',
    'slmgr /dlv\n',
    '```\n',
    'please escalate this',
    'in French please',
    '    ',
    '\n\n',
    'pourquoi 0xC004C003 ?',
  ),
  fc.integer({ min: 0, max: 0xffffffff }).map((n) => `0x${n.toString(16).toUpperCase().padStart(8, '0')} `),
);

export const hostileText: fc.Arbitrary<Planted> = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fragment.map((text) => ({ text, key: '' })) },
      { weight: 1, arbitrary: plantedKey },
    ),
    {
      maxLength: 24,
    },
  )
  .map((parts) => ({
    text: parts.map((p) => p.text).join(' '),
    keys: parts.map((p) => p.key).filter(Boolean),
  }));

/** Longer shapes, repeated a few thousand times (a few KiB each). */
export const hostileRun: fc.Arbitrary<Planted> = fc
  .tuple(
    fc.constantFrom('<', '<@U1|', '0x', '0 x ', ' ', 'Name: ', '0xC004F074 ', '&#x', '<at>'),
    fc.integer({ min: 100, max: 3000 }),
    plantedKey,
  )
  .map(([unit, times, key]) => ({
    text: `${unit.repeat(times)} ${key.text} ${unit.repeat(times)}`,
    keys: [key.key],
  }));

/** True when none of the planted keys appears in `output`, whatever separators or case it was rewritten with. */
export function leaksNoKey(output: string, keys: string[]): boolean {
  if (keys.length === 0) return true;
  const squeezed = output.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return keys.every((key) => !squeezed.includes(key));
}

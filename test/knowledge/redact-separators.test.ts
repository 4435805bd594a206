/**
 * One product-key finder for the whole bot: keys typed or pasted with something other than ASCII hyphens between
 * their groups are found and masked like any other, and groups joined by spaces count only when they read like a
 * key (capitals and digits), so ordinary five-letter words are left alone.
 */
import { describe, expect, it } from 'vitest';
import { findProductKeys, redactKeys } from '../../src/knowledge/redact.js';

const GROUPS = ['QX7R2', '8KMPT', 'YBV4C', '6HWJD', '9FG3N'];
const MASKED = 'XXXXX-XXXXX-XXXXX-XXXXX-9FG3N';

describe('product keys with any separator', () => {
  it.each([
    ['en dash', '\u2013'],
    ['em dash', '\u2014'],
    ['minus sign', '\u2212'],
    ['Unicode hyphen', '\u2010'],
    ['horizontal bar', '\u2015'],
    ['full-width hyphen', '\uff0d'],
    ['spaced hyphen', ' - '],
    ['spaced en dash', ' \u2013 '],
    ['one space', ' '],
    ['two spaces', '  '],
    ['no-break space', '\u00a0'],
    ['narrow no-break space', '\u202f'],
  ])('a key written with %s between its groups is masked', (_name, separator) => {
    const key = GROUPS.join(separator);
    expect(redactKeys(`slmgr /ipk ${key} then /ato`)).toBe(`slmgr /ipk ${MASKED} then /ato`);
    expect(findProductKeys(key).map((k) => k.key)).toEqual([GROUPS.join('-')]);
  });

  it('a published KMS client key stays visible whatever its separators', () => {
    const gvlk = 'W269N WFGWX YVC9B 4J6C9 T83GX';
    expect(redactKeys(`slmgr /ipk ${gvlk}`)).toBe(`slmgr /ipk ${gvlk}`);
  });

  it('five ordinary words, or capitals without a digit, are not a key', () => {
    for (const text of ['there where which would about', 'HELLO THERE WORLD AGAIN NEVER']) {
      expect(redactKeys(text)).toBe(text);
    }
  });

  it('a word before a dashed key is not taken for its first group', () => {
    expect(redactKeys(`these ${GROUPS.join('-')}`)).toBe(`these ${MASKED}`);
    expect(redactKeys(`these ${GROUPS.join(' ')}`)).toBe(`these ${MASKED}`);
  });
});

import { describe, expect, it } from 'vitest';
import { mayHoldKeyInside } from '../../src/conversations/key-scan.js';
import { PASTED_MAK } from './helpers.js';

describe('the product-key check before redacting our own outputs', () => {
  it('finds a key in any string, at the start of a line or after a tab as well as mid-sentence', () => {
    expect(mayHoldKeyInside({ summary: `the key ${PASTED_MAK} failed` })).toBe(true);
    expect(mayHoldKeyInside({ summary: `line one\n${PASTED_MAK}` })).toBe(true);
    expect(mayHoldKeyInside({ evidence: ['ok', `key:\t${PASTED_MAK}`] })).toBe(true);
    expect(mayHoldKeyInside([{ deep: [{ deeper: { text: `\r\n${PASTED_MAK}` } }] }])).toBe(true);
    expect(mayHoldKeyInside({ [`x ${PASTED_MAK}`]: 1 })).toBe(true);
  });

  it('counts a masked key or a published GVLK (the redaction copy leaves them as they are) as nothing to mask', () => {
    expect(mayHoldKeyInside({ partial: 'XXXXX-XXXXX-XXXXX-XXXXX-8FG6N' })).toBe(false);
    expect(mayHoldKeyInside({ fix: [{ command: 'slmgr /ipk NPPR9-FWDCX-D2C8J-H872K-2YT43' }] })).toBe(false);
    // A masked key written with other separators is rewritten by the copy: that counts.
    expect(mayHoldKeyInside({ partial: 'XXXXX XXXXX XXXXX XXXXX 8FG6N' })).toBe(true);
    expect(mayHoldKeyInside({ fix: [`slmgr /ipk NPPR9-FWDCX-D2C8J-H872K-2YT43 then ${PASTED_MAK}`] })).toBe(
      true,
    );
    expect(
      mayHoldKeyInside({
        title: 'The KMS host cannot be reached',
        codes: [{ code: '0xC004F074', known: true }],
        fix: ['slmgr /skms kms01.contoso.com:1688', 'Partial Product Key: 8FG6N'],
        at: 1_700_000_000_000,
        ok: true,
        none: null,
      }),
    ).toBe(false);
  });

  it('treats a cyclic value as holding a key, so the redaction copy (which handles cycles) runs', () => {
    const cyclic: Record<string, unknown> = { title: 'a' };
    cyclic.self = cyclic;
    expect(mayHoldKeyInside(cyclic)).toBe(true);
  });
});

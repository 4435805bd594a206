import { describe, expect, it } from 'vitest';
import { findProductKeys, maskProductKey, redactKeys, redactValue } from '../../src/knowledge/redact.js';

// Made-up MAK-shaped keys (not real keys) for the tests.
const MAK = 'QX7R2-8KMPT-YBV4C-6HWJD-9FG3N';
const MAK2 = 'B8NVT-2KPQW-7HXRC-YM4D9-6TJGF';

describe('a pasted product key is masked, keeping the last five', () => {
  it('slmgr /ipk success line', () => {
    expect(redactKeys(`Installed product key ${MAK} successfully.`)).toBe(
      'Installed product key XXXXX-XXXXX-XXXXX-XXXXX-9FG3N successfully.',
    );
  });

  it('a key in a sentence', () => {
    expect(redactKeys(`We bought ${MAK} last week but slmgr /ato fails.`)).toBe(
      'We bought XXXXX-XXXXX-XXXXX-XXXXX-9FG3N last week but slmgr /ato fails.',
    );
  });

  it('a lower-case key is masked and its last five upper-cased', () => {
    expect(redactKeys(`slmgr /ipk ${MAK.toLowerCase()}`)).toBe('slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-9FG3N');
  });

  it('several keys in one message are all masked', () => {
    const out = redactKeys(`old key ${MAK}, new key ${MAK2}\nthird: ${MAK.replace('9FG3N', '4RTY7')}`);
    expect(out).toBe(
      'old key XXXXX-XXXXX-XXXXX-XXXXX-9FG3N, new key XXXXX-XXXXX-XXXXX-XXXXX-6TJGF\nthird: XXXXX-XXXXX-XXXXX-XXXXX-4RTY7',
    );
  });

  it('a key pasted from Word with en or em dashes is masked too', () => {
    expect(redactKeys(MAK.replaceAll('-', '\u2013'))).toBe('XXXXX-XXXXX-XXXXX-XXXXX-9FG3N');
    expect(redactKeys(MAK.replaceAll('-', '\u2014'))).toBe('XXXXX-XXXXX-XXXXX-XXXXX-9FG3N');
  });

  it('a key inside DISM /Set-Edition is masked', () => {
    expect(redactKeys(`DISM /online /Set-Edition:ServerDatacenter /ProductKey:${MAK} /AcceptEula`)).toBe(
      'DISM /online /Set-Edition:ServerDatacenter /ProductKey:XXXXX-XXXXX-XXXXX-XXXXX-9FG3N /AcceptEula',
    );
  });

  it('a key in a Slack code block or between quotes is masked', () => {
    expect(redactKeys('```' + MAK + '```')).toBe('```XXXXX-XXXXX-XXXXX-XXXXX-9FG3N```');
    expect(redactKeys(`"${MAK}"`)).toBe('"XXXXX-XXXXX-XXXXX-XXXXX-9FG3N"');
  });

  it('redacting twice changes nothing more', () => {
    const once = redactKeys(`key ${MAK} and ${MAK2.toLowerCase()}`);
    expect(redactKeys(once)).toBe(once);
  });

  it('maskProductKey gives the masked form of one key', () => {
    expect(maskProductKey(MAK.toLowerCase())).toBe('XXXXX-XXXXX-XXXXX-XXXXX-9FG3N');
  });
});

describe('published KMS client setup keys are kept', () => {
  it('the Windows Server 2022 Datacenter GVLK stays as written', () => {
    const text = 'slmgr /ipk WX4NM-KYWYW-QJJR4-XV3QB-6VM33';
    expect(redactKeys(text)).toBe(text);
  });

  it('a lower-case GVLK stays, a MAK next to it is masked', () => {
    expect(redactKeys(`gvlk w269n-wfgwx-yvc9b-4j6c9-t83gx, mak ${MAK}`)).toBe(
      'gvlk w269n-wfgwx-yvc9b-4j6c9-t83gx, mak XXXXX-XXXXX-XXXXX-XXXXX-9FG3N',
    );
  });

  it('slmgr /ipk output with a GVLK is untouched', () => {
    const text = 'Installed product key VDYBN-27WPP-V4HQT-9VMD4-VMK7H successfully.';
    expect(redactKeys(text)).toBe(text);
  });
});

describe('text that is not a full key is left alone', () => {
  const untouched = [
    'Partial Product Key: 9FG3N',
    'Extended PID: 03612-03308-000-000000-00-2052-22000.0000-0362022',
    'Activation ID: 4de7cb65-cdf1-4de9-8ae8-e3cce27b9f2c',
    'Installation ID: 3221549-1723221-5491723-2215491-7232215-4917232-2154917-2322154-9172322',
    'four groups only: QX7R2-8KMPT-YBV4C-6HWJD',
    'groups of six: QX7R2A-8KMPTA-YBV4CA-6HWJDA-9FG3NA',
    'Trusted time: 2024-05-01T10:00:00',
    'Error: 0xC004F074',
  ];
  it.each(untouched)('%s', (text) => {
    expect(redactKeys(text)).toBe(text);
    expect(findProductKeys(text)).toEqual([]);
  });

  it('a sixth group after a key does not stop the key being masked', () => {
    expect(redactKeys(`${MAK}-ABCDE`)).toBe('XXXXX-XXXXX-XXXXX-XXXXX-9FG3N-ABCDE');
  });
});

describe('findProductKeys reports what it found', () => {
  it('lists keys in order with their partial, GVLK match and masked flag', () => {
    const text = `a ${MAK.toLowerCase()} b VDYBN-27WPP-V4HQT-9VMD4-VMK7H c XXXXX-XXXXX-XXXXX-XXXXX-ABCDE`;
    const found = findProductKeys(text);
    expect(found.map((k) => [k.key, k.partial, k.index, k.masked, k.gvlk?.product])).toEqual([
      [MAK, '9FG3N', 2, false, undefined],
      ['VDYBN-27WPP-V4HQT-9VMD4-VMK7H', 'VMK7H', 34, false, 'Windows Server 2022'],
      ['XXXXX-XXXXX-XXXXX-XXXXX-ABCDE', 'ABCDE', 66, true, undefined],
    ]);
    expect(found[0]!.raw).toBe(MAK.toLowerCase());
  });
});

describe('whole result objects are redacted before they leave the core', () => {
  it('walks nested objects and arrays, keys included, and leaves other values alone', () => {
    const when = new Date(0);
    const input = {
      text: `paste: ${MAK}`,
      count: 3,
      ok: true,
      none: null,
      missing: undefined,
      when,
      list: [MAK2, { deep: [`x ${MAK}`] }, 7],
      [MAK]: 'key as property name',
      gvlk: 'W269N-WFGWX-YVC9B-4J6C9-T83GX',
    };
    const out = redactValue(input);
    expect(out).toEqual({
      text: 'paste: XXXXX-XXXXX-XXXXX-XXXXX-9FG3N',
      count: 3,
      ok: true,
      none: null,
      missing: undefined,
      when,
      list: ['XXXXX-XXXXX-XXXXX-XXXXX-6TJGF', { deep: ['x XXXXX-XXXXX-XXXXX-XXXXX-9FG3N'] }, 7],
      'XXXXX-XXXXX-XXXXX-XXXXX-9FG3N': 'key as property name',
      gvlk: 'W269N-WFGWX-YVC9B-4J6C9-T83GX',
    });
    expect(out.when).toBe(when);
    expect(JSON.stringify(out)).not.toContain(MAK);
    // The input is not modified.
    expect(input.text).toBe(`paste: ${MAK}`);
  });

  it('a bare string is redacted', () => {
    expect(redactValue(MAK)).toBe('XXXXX-XXXXX-XXXXX-XXXXX-9FG3N');
  });

  it('cyclic structures do not loop forever', () => {
    const a: { self?: unknown; text: string } = { text: MAK };
    a.self = a;
    const out = redactValue(a);
    expect(out.text).toBe('XXXXX-XXXXX-XXXXX-XXXXX-9FG3N');
    expect(out.self).toBe(out);
  });

  it('a "__proto__" key stays plain data', () => {
    const input = JSON.parse(`{"__proto__": {"polluted": "${MAK}"}}`) as Record<string, unknown>;
    const out = redactValue(input);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":"XXXXX-XXXXX-XXXXX-XXXXX-9FG3N"}}');
  });
});

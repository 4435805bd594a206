import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../helpers/shared.js';
import { decodeHresult, normalizeCode, signedDecimal, toHexCode } from '../../src/knowledge/hresult.js';
import { DecodedHresultSchema } from '../../src/knowledge/types.js';

const facts = readFileSync(sharedPath('reference/activation-facts.md'), 'utf8');

/** Rows of the fact sheet's "Computed decimal forms" table (§8): hex, signed, unsigned, facility, low bits. */
function computedRows(): { hex: string; signed: string; unsigned: string; facility: number; low: number }[] {
  const section = facts.slice(facts.indexOf('Computed decimal forms'), facts.indexOf('## 9.'));
  const row = /^\| (0x[0-9A-F]{8}) \| (-?\d+) \| (\d+) \| 0x([0-9A-F]{3}) \| 0x[0-9A-F]{4} \((\d+)\) \|$/gm;
  return [...section.matchAll(row)].map((m) => ({
    hex: m[1]!,
    signed: m[2]!,
    unsigned: m[3]!,
    facility: Number.parseInt(m[4]!, 16),
    low: Number(m[5]),
  }));
}

describe('decodeHresult', () => {
  it('reads 0x8007232B as Win32 error 9003, the DNS "name does not exist" error behind KMS discovery failures', () => {
    const d = decodeHresult('0x8007232B');
    expect(d.win32).toEqual({ number: 9003, name: 'DNS_ERROR_RCODE_NAME_ERROR' });
    expect(d.facility).toBe(7);
    expect(d.facilityName).toBe('FACILITY_WIN32');
    expect(d.failure).toBe(true);
    expect(DecodedHresultSchema.parse(d)).toEqual(d);
  });

  it('reads 0xC004F074 as a Software Licensing (facility 4) error', () => {
    const d = decodeHresult('0xC004F074');
    expect(d).toMatchObject({
      severity: 'error',
      failure: true,
      facility: 4,
      facilityName: 'FACILITY_SL_ITF',
    });
    expect(d.codeValue).toBe(0xf074);
    expect(d.win32).toBeUndefined();
  });

  it('tells that 0x4004F065 is informational, not a failure', () => {
    const d = decodeHresult('0x4004F065');
    expect(d.severity).toBe('informational');
    expect(d.failure).toBe(false);
    expect(d.facility).toBe(4);
  });

  it('treats 0x8007xxxx as a failure although its two severity bits read "warning"', () => {
    const d = decodeHresult('0x80070005');
    expect(d.severity).toBe('warning');
    expect(d.failure).toBe(true);
    expect(d.win32).toEqual({ number: 5, name: 'ERROR_ACCESS_DENIED' });
  });

  it('names the Win32 errors users meet around activation, DNS, RPC and the network', () => {
    // The fact sheet's §8 row lists "0x8007XXXX → … = NUMBER NAME" pairs: each must decode to that name.
    const pairs = [...facts.matchAll(/(0x8007[0-9A-F]{4}) → (?:0x[0-9A-F]{4} = )?(\d+) ([A-Z][A-Z_]+)/g)];
    expect(pairs.length).toBeGreaterThanOrEqual(12);
    for (const [, hex, number, name] of pairs) {
      expect(decodeHresult(hex as `0x${string}`).win32, hex).toEqual({ number: Number(number), name });
    }
    expect(decodeHresult('0x80070057').win32?.name).toBe('ERROR_INVALID_PARAMETER');
    expect(decodeHresult('0x80070002').win32?.name).toBe('ERROR_FILE_NOT_FOUND');
  });

  it('still gives the Win32 number when the name is not in the table', () => {
    expect(decodeHresult('0x80071234').win32).toEqual({ number: 0x1234 });
  });

  it('does not read 0x80092328 as a DNS error: it is a security-facility code', () => {
    const d = decodeHresult('0x80092328');
    expect(d.facility).toBe(9);
    expect(d.facilityName).toBe('FACILITY_SECURITY');
    expect(d.win32).toBeUndefined();
  });

  it('names the RPC runtime for the NTSTATUS-style 0xC0020017 of event 8198', () => {
    expect(decodeHresult('0xC0020017').facilityName).toBe('FACILITY_RPC_RUNTIME');
    expect(decodeHresult('0x80020009').facilityName).toBe('FACILITY_DISPATCH');
  });

  it('leaves an unknown facility unnamed (0x87E10BC6, facility 0x7E1)', () => {
    const d = decodeHresult('0x87E10BC6');
    expect(d.facility).toBe(0x7e1);
    expect(d.facilityName).toBeUndefined();
  });

  it('sets the customer and N bits from bits 29 and 28', () => {
    expect(decodeHresult('0xA0000001').customer).toBe(true);
    expect(decodeHresult('0xD0000001').ntstatus).toBe(true);
    expect(decodeHresult('0xC004F074')).toMatchObject({ customer: false, ntstatus: false });
  });

  it('agrees with every row of the fact sheet’s computed table (facility and low 16 bits)', () => {
    const rows = computedRows();
    expect(rows.length).toBeGreaterThan(90);
    for (const row of rows) {
      const d = decodeHresult(row.hex as `0x${string}`);
      expect([d.facility, d.codeValue], row.hex).toEqual([row.facility, row.low]);
      expect(String(signedDecimal(row.hex as `0x${string}`))).toBe(row.signed);
    }
  });
});

describe('normalizeCode', () => {
  it.each([
    ['0xc004f074', '0xC004F074'],
    ['C004F074', '0xC004F074'],
    ['0xC004F074', '0xC004F074'],
    ['0X8007232b', '0x8007232B'],
    ['0 x 80070005', '0x80070005'],
    ['0x c004f074', '0xC004F074'],
    ['-1073418124', '0xC004F074'],
    ['3221549172', '0xC004F074'],
    ['  0xC004F074\n', '0xC004F074'],
    ['1074065509', '0x4004F065'],
    ['80070005', '0x80070005'],
    ['0x5', '0x00000005'],
  ])('understands %j as %s', (raw, expected) => {
    expect(normalizeCode(raw)).toBe(expected);
  });

  it.each([
    '',
    'hello',
    '0x',
    '0x123456789',
    '0xGG004F07',
    '4294967296',
    '-2147483649',
    '1234',
    'C004F07',
    '0x8007 232B',
  ])('refuses %j', (raw) => {
    expect(normalizeCode(raw)).toBeUndefined();
  });

  it('turns every signed and unsigned decimal of the fact sheet into its hex code', () => {
    for (const row of computedRows()) {
      expect(normalizeCode(row.signed), row.signed).toBe(row.hex);
      expect(normalizeCode(row.unsigned), row.unsigned).toBe(row.hex);
    }
    // Appendix A gives the signed decimal of all 369 slerror.h codes.
    const appendix = facts.slice(facts.indexOf('## Appendix A'));
    for (const [, hex, dec] of appendix.matchAll(/^\| (0x[0-9A-F]{8}) \| (-?\d+) \|/gm)) {
      expect(normalizeCode(dec!), dec).toBe(hex);
    }
  });

  it('round-trips any 32-bit code through its hex, signed and unsigned spellings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (value) => {
        const hex = toHexCode(value);
        expect(normalizeCode(hex)).toBe(hex);
        expect(normalizeCode(hex.slice(2).toLowerCase())).toBe(hex);
        // Decimals are accepted from nine digits on (every real HRESULT is that long in decimal).
        const signed = String(signedDecimal(hex));
        if (signed.replace('-', '').length >= 9) expect(normalizeCode(signed)).toBe(hex);
        if (value >= 1e8) expect(normalizeCode(String(value))).toBe(hex);
      }),
      { numRuns: 300 },
    );
  });
});

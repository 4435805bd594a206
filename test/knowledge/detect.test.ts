import { describe, expect, it } from 'vitest';
import { DetectedCodeSchema } from '../../src/knowledge/types.js';
import { detectCodes, PLAUSIBLE_PREFIXES } from '../../src/knowledge/detect/codes.js';

const codesIn = (text: string): string[] => detectCodes(text).map((d) => d.code);

describe('codes are found however the user wrote them', () => {
  const cases: Array<{ name: string; text: string; code: string; raw: string; form: string }> = [
    {
      name: 'prefixed hex',
      text: 'I get 0xC004F074 on every client',
      code: '0xC004F074',
      raw: '0xC004F074',
      form: 'hex',
    },
    {
      name: 'upper-case X',
      text: 'code 0XC004F074 again',
      code: '0xC004F074',
      raw: '0XC004F074',
      form: 'hex',
    },
    {
      name: 'lower-case hex',
      text: 'got 0xc004f074 today',
      code: '0xC004F074',
      raw: '0xc004f074',
      form: 'hex',
    },
    {
      name: 'bare hex',
      text: 'activation fails with C004F074 since Monday',
      code: '0xC004F074',
      raw: 'C004F074',
      form: 'bare-hex',
    },
    {
      name: 'bare lower-case hex',
      text: 'error c004c003 on the new server',
      code: '0xC004C003',
      raw: 'c004c003',
      form: 'bare-hex',
    },
    {
      name: 'bare Win32 hex',
      text: 'slmgr says 8007232B',
      code: '0x8007232B',
      raw: '8007232B',
      form: 'bare-hex',
    },
    {
      name: 'bare all-digit Win32 hex',
      text: 'access denied 80070005 when I run it',
      code: '0x80070005',
      raw: '80070005',
      form: 'bare-hex',
    },
    {
      name: 'bare informational',
      text: 'event shows 4004F065',
      code: '0x4004F065',
      raw: '4004F065',
      form: 'bare-hex',
    },
    {
      name: 'bare RPC NTSTATUS',
      text: 'event 8198 with C0020017',
      code: '0xC0020017',
      raw: 'C0020017',
      form: 'bare-hex',
    },
    {
      name: 'bare store facility',
      text: 'Settings shows 803F7001',
      code: '0x803F7001',
      raw: '803F7001',
      form: 'bare-hex',
    },
    {
      name: 'bare facility 7E1',
      text: 'I see 87E10BC6 in the app',
      code: '0x87E10BC6',
      raw: '87E10BC6',
      form: 'bare-hex',
    },
    {
      name: 'bare crypto facility',
      text: 'the page lists 80092328',
      code: '0x80092328',
      raw: '80092328',
      form: 'bare-hex',
    },
    {
      name: 'bare E_FAIL',
      text: 'unknown error 80004005 at the end',
      code: '0x80004005',
      raw: '80004005',
      form: 'bare-hex',
    },
    {
      name: 'spaces around x',
      text: 'it said 0 x 80070005 then quit',
      code: '0x80070005',
      raw: '0 x 80070005',
      form: 'hex',
    },
    {
      name: 'space after 0x',
      text: 'it said 0x c004f074 then quit',
      code: '0xC004F074',
      raw: '0x c004f074',
      form: 'hex',
    },
    {
      name: 'space before x',
      text: 'error 0 xC004F038 on clients',
      code: '0xC004F038',
      raw: '0 xC004F038',
      form: 'hex',
    },
    {
      name: 'slmgr error line',
      text: 'Error: 0xC004F074 The Software Licensing Service reported that the product could not be activated. No Key Management Service (KMS) could be contacted.',
      code: '0xC004F074',
      raw: '0xC004F074',
      form: 'hex',
    },
    {
      name: 'hr= in events',
      text: 'Acquisition of genuine ticket failed (hr=0xC004C4A2)',
      code: '0xC004C4A2',
      raw: '0xC004C4A2',
      form: 'hex',
    },
    {
      name: 'French label',
      text: "Code d'erreur : 0xC004F074",
      code: '0xC004F074',
      raw: '0xC004F074',
      form: 'hex',
    },
    {
      name: 'French no-break space',
      text: 'Erreur\u00a0: 0xC004F074',
      code: '0xC004F074',
      raw: '0xC004F074',
      form: 'hex',
    },
    {
      name: 'glued to a colon',
      text: 'Error:0xC004F06C',
      code: '0xC004F06C',
      raw: '0xC004F06C',
      form: 'hex',
    },
    {
      name: 'in parentheses',
      text: 'activation failed (C004F074).',
      code: '0xC004F074',
      raw: 'C004F074',
      form: 'bare-hex',
    },
    {
      name: 'end of sentence',
      text: 'The code is 0xC004F069.',
      code: '0xC004F069',
      raw: '0xC004F069',
      form: 'hex',
    },
    {
      name: 'in backticks',
      text: 'got `0xC004F050` after /ipk',
      code: '0xC004F050',
      raw: '0xC004F050',
      form: 'hex',
    },
    {
      name: 'signed decimal',
      text: '$LASTEXITCODE is -1073418124',
      code: '0xC004F074',
      raw: '-1073418124',
      form: 'signed-decimal',
    },
    {
      name: 'signed Win32 decimal',
      text: 'HResult -2147024891 from the script',
      code: '0x80070005',
      raw: '-2147024891',
      form: 'signed-decimal',
    },
    {
      name: 'unicode minus',
      text: 'returned \u22121073418184',
      code: '0xC004F038',
      raw: '\u22121073418184',
      form: 'signed-decimal',
    },
    {
      name: 'unsigned decimal',
      text: 'ReturnValue 3221549172',
      code: '0xC004F074',
      raw: '3221549172',
      form: 'unsigned-decimal',
    },
    {
      name: 'positive informational decimal',
      text: 'status 1074065509',
      code: '0x4004F065',
      raw: '1074065509',
      form: 'unsigned-decimal',
    },
    {
      name: 'non-activation HRESULT with 0x',
      text: 'Windows Update 0x80244022',
      code: '0x80244022',
      raw: '0x80244022',
      form: 'hex',
    },
  ];

  it.each(cases)('$name: "$text"', ({ text, code, raw, form }) => {
    const found = detectCodes(text);
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d).toEqual({ code, raw, form, index: text.indexOf(raw) });
    expect(DetectedCodeSchema.parse(d)).toEqual(d);
  });
});

describe('several codes in one message', () => {
  it('event text with the outer and inner code lists both, in order', () => {
    const event =
      'The client has sent an activation request to the key management service machine.\n' +
      'Info:\n0xC004F074, 0x5, kms.contoso.com:1688, 1a2b3c4d-1111-2222-3333-444455556666, 2024/05/01 10:00, 0, 2, 43200, ' +
      'ca87f5b6-cd46-40c0-b06d-8ecd57a4373f, 25\n0xC004F06C';
    expect(codesIn(event)).toEqual(['0xC004F074', '0xC004F06C']);
  });

  it('codes separated by commas without spaces are all found', () => {
    expect(codesIn('0xC004F074,0xC004F06C,C004F042')).toEqual(['0xC004F074', '0xC004F06C', '0xC004F042']);
  });

  it('keeps order of appearance across forms', () => {
    const text = 'first -2147024891, then C004F074, then 0x8007232B and finally 3221549164';
    expect(detectCodes(text).map((d) => [d.code, d.form])).toEqual([
      ['0x80070005', 'signed-decimal'],
      ['0xC004F074', 'bare-hex'],
      ['0x8007232B', 'hex'],
      ['0xC004F06C', 'unsigned-decimal'],
    ]);
  });

  it('one result per code, keeping the first spelling and position', () => {
    const text = 'C004F074 then 0xc004f074 then -1073418124 then 3221549172';
    expect(detectCodes(text)).toEqual([{ code: '0xC004F074', raw: 'C004F074', form: 'bare-hex', index: 0 }]);
  });

  it('slui.exe 0x2a 0x<code> yields only the code, not the 0x2a switch', () => {
    expect(codesIn('run slui.exe 0x2a 0xC004F074 to see the text')).toEqual(['0xC004F074']);
  });

  it('French slmgr failure with two codes', () => {
    const text =
      "Erreur : 0xC004F074 Le service de gestion des licences logicielles a signalé que le produit n'a pas pu être activé. " +
      'Journal : code interne 0xC004F06C.';
    expect(codesIn(text)).toEqual(['0xC004F074', '0xC004F06C']);
  });

  it('an activation line from slmgr /ato with the edition GUID around it', () => {
    const text =
      'Activating Windows(R), ServerDatacenter edition (00091344-1ea4-4f37-b789-01750ba6988c) ...\n' +
      'Error: 0x80070005 Access denied: the requested action requires elevated privileges';
    expect(codesIn(text)).toEqual(['0x80070005']);
  });
});

describe('things that look like codes are not codes', () => {
  const negatives: Array<{ name: string; text: string }> = [
    { name: 'a GVLK', text: 'I installed VDYBN-27WPP-V4HQT-9VMD4-VMK7H with /ipk' },
    { name: 'the Pro GVLK', text: 'slmgr /ipk W269N-WFGWX-YVC9B-4J6C9-T83GX' },
    { name: 'a MAK-shaped key', text: 'key 8C004-F0748-00700-C0040-C0020' },
    { name: 'a GUID', text: 'Activation ID: c04ed6d7-6b47-4cb0-9e2d-1f2d8c7e3b6a' },
    {
      name: 'a GUID whose first group looks like a code',
      text: 'ID c004f074-1a2b-3c4d-5e6f-0123456789ab here',
    },
    { name: 'a braced GUID', text: '{80070005-0000-0000-C000-000000000046}' },
    { name: 'an Extended PID', text: 'Extended PID: 03612-03308-000-000000-00-2052-22000.0000-0362022' },
    {
      name: 'an Installation ID (63 digits)',
      text: 'Installation ID: 322154917232215491723221549172322154917232215491723221549172322',
    },
    {
      name: 'an Installation ID (54 digits)',
      text: 'Installation ID: 107341812410734181241073418124107341812410734181241234',
    },
    {
      name: 'an Installation ID in groups of 7',
      text: '3221549-1723221-5491723-2215491-7232215-4917232-2154917-2322154-9172322',
    },
    { name: 'an ISO timestamp', text: 'Trusted time: 2024-05-01T10:00:00' },
    { name: 'a US date and time', text: 'Trusted time: 5/1/2024 10:00:00 AM' },
    { name: 'a Unix timestamp', text: 'logged at 1714557600 by the agent' },
    { name: 'an IP address and port', text: 'KMS machine IP address: 10.20.30.40, port 1688' },
    { name: 'an event record number', text: 'EventRecordID 1234567 Event ID 12288' },
    { name: 'a 40-digit commit hash', text: 'ms.openlocfilehash: c69c5d1d26b5b4baea8c8a2ee886ebc486418872' },
    { name: 'a code inside a longer hex string', text: 'blob 00c004f07400ff and deadbeefC004F074' },
    { name: 'a 64-bit hex value', text: 'pointer 0x00000000C004F074' },
    { name: 'a 0x value with extra digits', text: 'value 0xC004F074AB' },
    { name: 'a 0x value with fewer digits', text: 'slui 0x2a and status 0x5' },
    { name: 'a success value printed in hex', text: 'hr=0x00000000 flags 0x00000001' },
    { name: 'a decimal with a fraction', text: 'ratio 3221549172.5 or 1.3221549172' },
    { name: 'a thousands-grouped number', text: '3,221,549,172 bytes' },
    { name: 'a decimal in a dashed identifier', text: 'PID 03612-1073418124-000' },
    { name: 'a dotted version', text: 'version 80070005.1.2' },
    { name: 'a plain 8-digit number outside the facilities', text: 'order 12345678 and 20240501' },
    { name: 'a 10-digit number outside the facilities', text: 'phone 0612345678 ticket 1234567890' },
    { name: 'a KB number and build', text: 'install KB5034765 on build 20348.524' },
    { name: 'an identifier with underscores', text: 'SL_E_VL_BINDING_SERVICE_UNAVAILABLE _C004F074_' },
  ];

  it.each(negatives)('$name', ({ text }) => {
    expect(detectCodes(text)).toEqual([]);
  });

  it('empty and whitespace-only text', () => {
    expect(detectCodes('')).toEqual([]);
    expect(detectCodes(' \n\t ')).toEqual([]);
  });
});

describe('decimal forms stay within the activation facilities', () => {
  it('every accepted decimal maps to an allowlisted facility', () => {
    // 0x12345678 as unsigned decimal: a valid 10-digit number, but not an activation facility.
    expect(detectCodes('value 0305419896')).toEqual([]);
    // 0xC0000005 (access violation) as signed decimal: NTSTATUS facility 0, not on the list.
    expect(detectCodes('exit code -1073741819')).toEqual([]);
  });

  it('the allowlist covers every facility the fact sheet tables use', () => {
    for (const prefix of [0xc004, 0x8004, 0x4004, 0x8007, 0xc002, 0x803f, 0x87e1, 0x8009, 0x8000]) {
      expect(PLAUSIBLE_PREFIXES.has(prefix)).toBe(true);
    }
  });

  it('decimal codes from the fact sheet all decode', () => {
    const table: Array<[string, string]> = [
      ['-2147156447', '0x8004FE21'],
      ['-2147015893', '0x8007232B'],
      ['-2146884824', '0x80092328'],
      ['-1073434368', '0xC004B100'],
      ['-1073610729', '0xC0020017'],
      ['-2143326207', '0x803F7001'],
      ['-2015294522', '0x87E10BC6'],
      ['-2147467259', '0x80004005'],
      ['2279672774', '0x87E10BC6'],
      ['3221536771', '0xC004C003'],
    ];
    for (const [dec, hex] of table) expect(codesIn(`code ${dec} seen`)).toEqual([hex]);
  });
});

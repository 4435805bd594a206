import { describe, expect, it } from 'vitest';
import { allEntries, diagnose, explain, InvalidCodeError } from '../../src/knowledge/index.js';
import { ExplanationSchema, type Lang } from '../../src/knowledge/types.js';

const LANGS: Lang[] = ['en', 'fr'];

describe('explain', () => {
  it('every catalogue code is explained in English and in French', () => {
    for (const entry of allEntries()) {
      for (const lang of LANGS) {
        const x = explain(entry.code, lang);
        expect(ExplanationSchema.parse(x)).toEqual(x);
        expect(x).toMatchObject({
          code: entry.code,
          known: true,
          name: entry.name,
          title: entry.message[lang],
        });
        expect(x.causes.length).toBeGreaterThan(0);
        expect(x.fix.length).toBeGreaterThan(0);
      }
      expect(explain(entry.code, 'fr').title).not.toBe(explain(entry.code, 'en').title);
    }
  });

  it('any spelling of a code explains its entry; an alias keeps its spelling and names the entry', () => {
    expect(explain('-1073418124', 'en').code).toBe('0xC004F074');
    expect(explain('c004f074', 'en').code).toBe('0xC004F074');
    const alias = explain('0x80092328', 'en');
    expect(alias).toMatchObject({
      code: '0x80092328',
      canonical: '0x8007232B',
      name: 'DNS_ERROR_RCODE_NAME_ERROR',
    });
    expect(alias.causes).toEqual(explain('0x8007232B', 'en').causes);
  });

  it('a blocked key lists what to bring to Microsoft', () => {
    const x = explain('0xC004C003', 'fr');
    expect(x.escalate).toBe(true);
    expect(x.bring.length).toBeGreaterThan(0);
  });

  it('an unknown code is decoded and points at slui for Windows’ own text', () => {
    const x = explain('0x80071234', 'en');
    expect(x).toMatchObject({ known: false, escalate: false, decoded: { win32: { number: 4660 } } });
    expect(x.fix[0]?.command).toBe('slui.exe 0x2a 0x80071234');
    expect(explain('0x80071234', 'fr').causes[0]).toContain('Décodage');
  });

  it('an slerror.h code outside the catalogue is known by its symbolic name and meaning', () => {
    const x = explain('0xC004F01F', 'en');
    expect(x).toMatchObject({ known: true, name: 'SL_E_INVALID_LICENSE', types: [] });
    expect(x.causes[0]).toContain('SL_E_INVALID_LICENSE');
    expect(explain('0xC004F01F', 'fr').causes[0]).toContain('Windows nomme ce code SL_E_INVALID_LICENSE');
  });

  it('diagnose says of an slerror.h code what explain says, in both languages, instead of calling it undocumented', () => {
    const en = diagnose('Error: 0xC004C032 when I try to activate').findings[0];
    expect(en?.title).toBe(
      '0xC004C032 is SL_E_CHPA_TIMEBASED_ACTIVATION_NOT_AVAILABLE: Windows defines it, no activation guide covers it',
    );
    expect(en?.cause).toBe(explain('0xC004C032', 'en').causes[0]);
    const fr = diagnose('Erreur 0xC004C032 quand j’essaie d’activer la machine', {
      lang: 'fr',
    }).findings.find((f) => f.title.startsWith('0xC004C032'));
    expect(fr?.cause).toBe(explain('0xC004C032', 'fr').causes[0]);
    // A code nobody defines is still told as decoded bits.
    expect(diagnose('Error: 0x80071234').findings[0]?.title).toContain('not a documented activation failure');
  });

  it('a bare Win32 error number is explained as its HRESULT, as "Error: 1168" in a sentence is read', () => {
    const x = explain('1168', 'fr');
    expect(x).toMatchObject({
      code: '0x80070490',
      name: 'ERROR_NOT_FOUND',
      decoded: { win32: { number: 1168 } },
    });
    expect(x.causes).toEqual(explain('0x80070490', 'fr').causes);
    expect(diagnose('Error: 1168 when running slmgr /ato').codes[0]?.code).toBe(x.code);
    // A number no one documents as a Win32 error is still not a code.
    expect(() => explain('99999', 'en')).toThrow(InvalidCodeError);
  });

  it('text that is not a code is rejected with a clear error', () => {
    expect(() => explain('hello', 'en')).toThrow(InvalidCodeError);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../helpers/shared.js';
import {
  EXTENDED_ENTRIES,
  REPORTED_NOTE,
  UNVERIFIED_CONTEXT_CODES,
  UNVERIFIED_MEANING_CODES,
} from '../../src/knowledge/catalogue/extended.js';
import { allEntries, codeTitle, lookupCode, slError } from '../../src/knowledge/catalogue/index.js';
import { SLERROR } from '../../src/knowledge/catalogue/slerror.js';
import { VOLUME_ENTRIES } from '../../src/knowledge/catalogue/volume.js';
import { CatalogueEntrySchema, type CatalogueEntry } from '../../src/knowledge/types.js';

const shared = (file: string) => readFileSync(sharedPath(file), 'utf8');
const facts = shared('reference/activation-facts.md');
const seed000 = shared('seeds/000_1cf7aaaa6e2ad716.txt');
const seed003 = shared('seeds/003_24a0914429cd1f65.txt');

/** The part of `text` from the heading `start` up to the next `end` after it (or to the end). */
function between(text: string, start: string, end?: string): string {
  const from = text.indexOf(start);
  const to = end === undefined ? -1 : text.indexOf(end, from);
  return to === -1 ? text.slice(from) : text.slice(from, to);
}
/** First-column codes of a fact-sheet table. */
const rowCodes = (text: string) => new Set([...text.matchAll(/^\| (0x[0-9A-F]{8}) \|/gm)].map((m) => m[1]!));

/**
 * Every code a text names, with the fact sheet's grouped spellings expanded: "0xC004F081/82/83",
 * "0xC004FD00–FD04", "0xC004F214 / F215", "0xC004F031 / F04D / F07E".
 */
function codesIn(text: string): Set<string> {
  const found = new Set<string>();
  const group =
    /0x([0-9A-Fa-f]{8})((?:\s*\/\s*(?:0x)?[0-9A-Fa-f]{2,8}\b)*)(?:\s*[–-]\s*([0-9A-Fa-f]{4})\b)?/g;
  for (const m of text.matchAll(group)) {
    const first = m[1]!.toUpperCase();
    found.add(`0x${first}`);
    for (const tail of (m[2] ?? '').split('/').map((s) => s.trim().replace(/^0x/i, '').toUpperCase())) {
      if (tail !== '') found.add(`0x${first.slice(0, 8 - tail.length)}${tail}`);
    }
    if (m[3] !== undefined) {
      const from = Number.parseInt(first.slice(4), 16);
      const to = Number.parseInt(m[3], 16);
      for (let low = from + 1; low <= to; low++)
        found.add(`0x${first.slice(0, 4)}${low.toString(16).toUpperCase()}`);
    }
  }
  return found;
}

const section12to14 = codesIn(between(facts, '### 1.2', '## 2. KMS facts'));
// §1.1 mentions 0x80072EE2 inside a fix; only its rows belong to volume.ts.
const volumeCodes = rowCodes(between(facts, '### 1.1', '### 1.2'));
const seed003Codes = codesIn(seed003);
const appendixRows = [
  ...between(facts, '## Appendix A').matchAll(/^\| (0x[0-9A-F]{8}) \| -?\d+ \| ([A-Z_0-9]+) \|/gm),
];
const allTexts = (e: CatalogueEntry): { en: string; fr: string }[] => [
  e.message,
  ...e.causes,
  ...e.fix.map((s) => s.text),
  ...e.bring,
];

describe('the catalogue', () => {
  it('expands the fact sheet’s grouped codes one by one', () => {
    for (const code of [
      '0xC004F082',
      '0xC004F083',
      '0xC004FD02',
      '0xC004FD04',
      '0xC004F215',
      '0xC004F04D',
      '0xC004F07E',
    ]) {
      expect(section12to14.has(code), code).toBe(true);
    }
  });

  it('holds only entries that satisfy the schema', () => {
    for (const input of [...VOLUME_ENTRIES, ...EXTENDED_ENTRIES]) {
      expect(CatalogueEntrySchema.safeParse(input).success, input.code).toBe(true);
    }
    expect(allEntries()).toHaveLength(VOLUME_ENTRIES.length + EXTENDED_ENTRIES.length);
  });

  it('never explains the same code twice, aliases included', () => {
    const seen = allEntries().flatMap((e) => [e.code, ...e.aliases]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('leaves the volume table’s codes (§1.1, seed 003) to volume.ts', () => {
    const extended = new Set(EXTENDED_ENTRIES.map((e) => e.code));
    for (const code of [...volumeCodes, ...seed003Codes]) expect(extended.has(code), code).toBe(false);
  });

  it('answers for every code of sections 1.2–1.4 and of the French field guide', () => {
    const codes = [...section12to14, ...codesIn(seed000)];
    expect(codes.length).toBeGreaterThan(70);
    // Stricter than "known to slerror.h": each of these codes gets a full entry with causes and fixes.
    const missing = codes.filter((code) => lookupCode(code) === undefined);
    expect(missing).toEqual([]);
    // The guide is about 0xC004C003 after an Eval→Datacenter conversion: it must have a full entry.
    expect(lookupCode('0xC004C003')?.fix.length).toBeGreaterThan(0);
  });

  it('gives a full entry for every grouped code of §1.2 (one entry per code)', () => {
    for (const code of ['0xC004F081', '0xC004F082', '0xC004F083', '0xC004FD00', '0xC004FD01', '0xC004FD02']) {
      expect(lookupCode(code)?.code, code).toBe(code);
    }
    for (const code of [
      '0xC004FD03',
      '0xC004FD04',
      '0xC004F214',
      '0xC004F215',
      '0xC004F031',
      '0xC004F04D',
      '0xC004F07E',
    ]) {
      expect(lookupCode(code)?.code, code).toBe(code);
    }
  });

  it('finds a code however the user spelled it', () => {
    for (const spelling of ['0xc004f015', 'C004F015', '0 x C004F015', '-1073418219', '3221549077']) {
      expect(lookupCode(spelling)?.code, spelling).toBe('0xC004F015');
    }
    expect(lookupCode('not a code')).toBeUndefined();
  });

  it('resolves the spellings Microsoft’s page uses for other codes (aliases)', () => {
    expect(lookupCode('0x4004F065')?.code).toBe('0xC004F065');
    expect(lookupCode('0x80092328')?.code).toBe('0x8007232B');
  });

  it('marks the SL_I_* grace and product-use codes as informational, not errors', () => {
    for (const code of ['0x4004F00C', '0x4004F00D', '0x4004F040']) {
      const entry = lookupCode(code);
      expect(entry?.informational, code).toBe(true);
      expect(entry?.message.en, code).toMatch(/^Not an error/);
      expect(entry?.message.fr, code).toMatch(/^Ce n’est pas une erreur/);
    }
    expect(lookupCode('0xC004F074')?.informational).toBe(false);
  });

  it('speaks both languages: French text is its own, with accents, never a copy of the English', () => {
    for (const entry of EXTENDED_ENTRIES) {
      const parsed = CatalogueEntrySchema.parse(entry);
      for (const text of allTexts(parsed)) expect(text.fr, `${entry.code}: ${text.en}`).not.toBe(text.en);
    }
    const french = EXTENDED_ENTRIES.map((e) => e.message.fr).join(' ');
    expect(french).toMatch(/[éèàùâêîôûç]/);
  });

  it('gives commands verbatim with placeholders in angle brackets, never a real product key', () => {
    const fiveByFive = /\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){4}\b/;
    const commands = EXTENDED_ENTRIES.flatMap((e) =>
      CatalogueEntrySchema.parse(e).fix.flatMap((s) => s.command ?? []),
    );
    expect(commands).toContain('slmgr /ipk <KMS client setup key>');
    expect(commands).toContain('DISM /online /Set-Edition:ServerDatacenter /ProductKey:<key> /AcceptEula');
    expect(commands).toContain('Restart-Service sppsvc');
    expect(commands).toContain('slmgr /rilc');
    for (const command of commands) expect(command, command).not.toMatch(fiveByFive);
  });

  it('sends key refusals that only Microsoft can lift to Microsoft, with what to bring', () => {
    for (const code of ['0xC004C060', '0xC004C4A2', '0xC004C770', '0xC004C017']) {
      const entry = lookupCode(code);
      expect(entry?.escalate, code).toBe(true);
      expect(entry?.bring.length, code).toBeGreaterThan(0);
    }
    // A typo in a key is the user's to fix: no escalation.
    expect(lookupCode('0xC004C010')?.escalate).toBe(false);
  });

  it('points related codes at codes the bot can explain', () => {
    for (const entry of allEntries()) {
      for (const code of entry.related) {
        expect(lookupCode(code) ?? slError(code), `${entry.code} → ${code}`).toBeDefined();
      }
    }
  });

  // The fact sheet marks these facts UNVERIFIED (third-party reports, memory of a consumer page, or no source
  // at all). The brief forbids presenting them as Microsoft's word, so their text must carry the caveat in
  // both languages; this test fails if someone "cleans up" the wording.
  it('says a meaning is only reported when the fact sheet could not verify it', () => {
    for (const code of UNVERIFIED_MEANING_CODES) {
      const entry = lookupCode(code);
      expect(entry?.message.en, code).toContain(REPORTED_NOTE.en);
      expect(entry?.message.fr, code).toContain(REPORTED_NOTE.fr);
    }
    for (const code of UNVERIFIED_CONTEXT_CODES) {
      const texts = allTexts(lookupCode(code)!);
      expect(
        texts.some((t) => t.en.includes(REPORTED_NOTE.en) && t.fr.includes(REPORTED_NOTE.fr)),
        code,
      ).toBe(true);
    }
    // Every §1.2 row whose source column says UNVERIFIED or "gap" is in one of the two lists.
    const flagged = [
      ...between(facts, '### 1.2', '### 1.3').matchAll(/^\| (0x[0-9A-F]{8}) \|.*\| ([^|]*) \|$/gm),
    ]
      .filter((m) => /UNVERIFIED|gap/.test(m[2]!))
      .map((m) => m[1]!);
    expect(flagged.length).toBeGreaterThanOrEqual(9);
    for (const code of flagged)
      expect([...UNVERIFIED_MEANING_CODES, ...UNVERIFIED_CONTEXT_CODES], code).toContain(code);
  });
});

describe('the slerror.h table', () => {
  it('has one row per code of Appendix A, with the same symbolic name', () => {
    const declared = /(\d+) codes\./.exec(between(facts, '## Appendix A', '| Hex |'))?.[1];
    expect(appendixRows).toHaveLength(Number(declared));
    expect(SLERROR).toHaveLength(appendixRows.length);
    for (const [, code, name] of appendixRows) expect(slError(code!)?.name, code).toBe(name);
  });

  it('gives each code a short meaning of its own', () => {
    for (const row of SLERROR) {
      expect(row.meaning.length, row.code).toBeLessThanOrEqual(90);
      expect(row.meaning.length, row.code).toBeGreaterThan(8);
    }
  });
});

describe('codeTitle', () => {
  it('uses the catalogue message when the code is catalogued', () => {
    expect(codeTitle('0xC004F069', 'en')).toBe(lookupCode('0xC004F069')!.message.en);
    expect(codeTitle('c004f069', 'fr')).toBe(lookupCode('0xC004F069')!.message.fr);
  });

  it('falls back to the slerror.h meaning, saying in French that the SDK text is English', () => {
    expect(codeTitle('0xC004D30C', 'en')).toBe(
      'SL_REMAPPING_SP_PUB_TIMER_EXPIRED — Secure timer has expired.',
    );
    const fr = codeTitle('0xC004D30C', 'fr');
    expect(fr).toContain('SL_REMAPPING_SP_PUB_TIMER_EXPIRED');
    expect(fr).toContain('anglais');
    expect(fr).toContain('Secure timer has expired.');
  });

  it('describes an uncatalogued code from its bits', () => {
    expect(codeTitle('0x80070057', 'en')).toBe(
      'Outside the catalogue — Win32 error 87 (ERROR_INVALID_PARAMETER)',
    );
    expect(codeTitle('0x80070057', 'fr')).toBe('Hors catalogue — erreur Win32 87 (ERROR_INVALID_PARAMETER)');
    expect(codeTitle('0xC004F0FF', 'en')).toBe(
      'Outside the catalogue — failure, facility FACILITY_SL_ITF, code 0xF0FF',
    );
  });

  it('says when the text is not a code at all', () => {
    expect(codeTitle('banana', 'en')).toContain('not a recognisable code');
    expect(codeTitle('banana', 'fr')).toContain('n’est pas un code reconnaissable');
  });
});

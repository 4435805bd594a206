/**
 * An admin copies a code out of Microsoft's volume-activation table (seed 003) exactly as it is printed there —
 * `0 x 80070005`, `0x8007007b`, the misprinted `0 x 80092328` — and asks about it in English or in French. Every
 * path answers it: diagnose's code list, explain and the CLI all know it, under the spelling typed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, type CliIo } from '../../src/adapters/cli/run.js';
import { diagnose, explain, normalizeCode, type Lang } from '../../src/knowledge/index.js';
import { sharedPath } from '../helpers/shared.js';

/** The first cell of each table row, verbatim. */
const typedCodes = readFileSync(sharedPath('seeds/003_24a0914429cd1f65.txt'), 'utf8')
  .split('\n')
  .map((line) => /^\|\s*(0\s*x\s*[0-9a-f]{8})\s*\|/i.exec(line)?.[1])
  .filter((c): c is string => c !== undefined);

const QUESTION: Record<Lang, (code: string) => string> = {
  en: (code) => `why ${code}?`,
  fr: (code) => `pourquoi ${code} ?`,
};

function cliIo(): { io: CliIo; out: () => string } {
  let out = '';
  return {
    io: {
      readStdin: async () => new Uint8Array(),
      readFile: async () => new Uint8Array(),
      stdinIsTTY: true,
      stdout: (t) => {
        out += t;
      },
      stderr: () => {},
    },
    out: () => out,
  };
}

describe("the seed table's codes, asked as printed", () => {
  it('has its 29 codes', () => {
    expect(typedCodes).toHaveLength(29);
  });

  for (const typed of typedCodes) {
    for (const lang of ['en', 'fr'] as const) {
      it(`"${QUESTION[lang](typed)}" is answered in ${lang} under ${typed}`, async () => {
        const asTyped = normalizeCode(typed)!;
        const d = diagnose(QUESTION[lang](typed));
        expect(d.lang).toBe(lang);
        const first = d.codes[0]!;
        expect(first).toMatchObject({ code: asTyped, known: true });
        expect(d.findings.length).toBeGreaterThan(0);
        const x = explain(typed, lang);
        expect(x).toMatchObject({ code: asTyped, known: true, title: first.title });
        expect(x.fix.length).toBeGreaterThan(0);
        if (x.canonical !== undefined) {
          // Answered under its own spelling, saying which catalogue code it was read as.
          expect(first.canonical).toBe(x.canonical);
          expect(first.title).toContain(x.canonical);
        }
        const cli = cliIo();
        expect(await run(['explain', typed, '--lang', lang], cli.io)).toBe(0);
        expect(cli.out().startsWith(asTyped)).toBe(true);
        expect(cli.out()).toContain(x.title);
      });
    }
  }

  it('the misprinted 0x80092328 is read as 0x8007232B and says so in both languages', () => {
    expect(diagnose('0x80092328').codes[0]).toMatchObject({ code: '0x80092328', canonical: '0x8007232B' });
    expect(explain('0 x 80092328', 'en').title).toContain('0x80092328 is catalogued as 0x8007232B');
    expect(explain('0 x 80092328', 'fr').title).toContain('0x80092328 est répertorié sous 0x8007232B');
  });

  it('the informational 0x4004F065 and a signed decimal keep the spelling the admin typed', () => {
    expect(diagnose('0x4004F065 on every client').codes[0]).toMatchObject({
      code: '0x4004F065',
      canonical: '0xC004F065',
    });
    expect(diagnose('slmgr returned -1073418124').codes[0]).toMatchObject({
      code: '0xC004F074',
      seenAs: '-1073418124',
    });
  });

  it('a code only slerror.h names is known by every path, and no path says it is outside the catalogue', () => {
    const d = diagnose('Error: 0xC004B002');
    expect(d.codes[0]).toMatchObject({ known: true, name: 'SL_E_SRV_INVALID_PRODUCT_KEY_LICENSE' });
    expect(explain('0xC004B002', 'en')).toMatchObject({
      known: true,
      name: 'SL_E_SRV_INVALID_PRODUCT_KEY_LICENSE',
    });
    for (const lang of ['en', 'fr'] as const) {
      const text = JSON.stringify([diagnose('Error: 0xC004B002', { lang }), explain('0xC004B002', lang)]);
      expect(text).not.toMatch(/not in the catalogue|Outside the catalogue|Hors catalogue|ne figure pas/);
    }
  });
});

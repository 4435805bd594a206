/**
 * Files as Windows writes them: an admin runs `slmgr /dlv > out.txt` in cmd.exe on a French server (CP850), or in
 * PowerShell 5.1 (UTF-16LE with a BOM), or saves a paste from Notepad as "ANSI" (Windows-1252), and hands the
 * file over. Each must read as the same text and get the same diagnosis as the UTF-8 paste it came from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { WINDOWS_FIXTURES, windowsBytes, windowsText } from '../../scripts/make-windows-fixtures.js';
import { run, type CliIo } from '../../src/adapters/cli/run.js';
import { decodeText, NotTextError, plausibility } from '../../src/files/decode-text.js';
import { diagnose } from '../../src/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const paste = (source: string) => readFileSync(join(FIXTURES, source), 'utf8');
const file = (name: string) => readFileSync(join(FIXTURES, 'files', name));

/** The CLI on a real file, output captured. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    readStdin: async () => new Uint8Array(),
    readFile: async (path) => readFileSync(path),
    stdinIsTTY: true,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  };
  const code = await run(args, io);
  return { code, out, err };
}

describe('the Windows files in test/fixtures/files', () => {
  it.each(WINDOWS_FIXTURES.map((f) => [f.file, f] as const))('%s is what the script makes', (name, f) => {
    expect(file(name).equals(windowsBytes(paste(f.source), f))).toBe(true);
  });

  it.each(WINDOWS_FIXTURES.map((f) => [f.how, f] as const))('%s: read with the right encoding', (_how, f) => {
    const decoded = decodeText(file(f.file));
    expect(decoded).toEqual({ text: windowsText(paste(f.source), f), encoding: f.encoding, bom: f.bom });
  });

  it.each(WINDOWS_FIXTURES.map((f) => [f.how, f] as const))(
    '%s: the same diagnosis as the UTF-8 paste',
    (_how, f) => {
      const fromFile = diagnose(decodeText(file(f.file)).text);
      const fromPaste = diagnose(paste(f.source));
      expect(fromFile.lang).toBe(fromPaste.lang);
      expect(fromFile.codes).toEqual(fromPaste.codes);
      expect(fromFile.facts).toEqual(fromPaste.facts);
      expect(fromFile.findings.map((x) => [x.id, x.confidence])).toEqual(
        fromPaste.findings.map((x) => [x.id, x.confidence]),
      );
      expect(fromFile.ask).toEqual(fromPaste.ask);
    },
  );

  it.each(WINDOWS_FIXTURES.map((f) => [f.file, f] as const))(
    'activation-doctor diagnose --json %s prints what the UTF-8 paste gives',
    async (name, f) => {
      const fromFile = await cli(['diagnose', '--json', join(FIXTURES, 'files', name)]);
      const fromPaste = await cli(['diagnose', '--json', join(FIXTURES, f.source)]);
      expect(fromFile.err).toBe('');
      expect(fromFile.code).toBe(0);
      const a = JSON.parse(fromFile.out);
      const b = JSON.parse(fromPaste.out);
      expect({ lang: a.lang, codes: a.codes, facts: a.facts, ask: a.ask }).toEqual({
        lang: b.lang,
        codes: b.codes,
        facts: b.facts,
        ask: b.ask,
      });
    },
  );
});

describe('decodeText', () => {
  const french =
    'État de la licence : Période de grâce\r\nDurée restante : 29 jour(s)\r\nClé de produit partielle : 6VM33\r\n';

  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeText(Buffer.from(french))).toEqual({ text: french, encoding: 'utf-8', bom: false });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(french)]))).toEqual({
      text: french,
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('reads UTF-16 big-endian with a BOM', () => {
    expect(decodeText(iconv.encode(french, 'utf-16be', { addBOM: true }))).toMatchObject({
      text: french,
      encoding: 'utf-16be',
    });
  });

  it('tells CP850 from Windows-1252 by which one reads as French: "État" and "Durée"', () => {
    const oem = iconv.encode(french, 'cp850');
    const ansi = iconv.encode(french, 'windows-1252');
    expect(decodeText(oem)).toMatchObject({ text: french, encoding: 'cp850' });
    expect(decodeText(ansi)).toMatchObject({ text: french, encoding: 'windows-1252' });
    // The wrong code page gives "╔tat"/"DurÚe" or "�tat"/"Dur‚e", which score lower.
    expect(plausibility(iconv.decode(oem, 'windows-1252'))).toBeLessThan(plausibility(french));
    expect(plausibility(iconv.decode(ansi, 'cp850'))).toBeLessThan(plausibility(french));
  });

  it('reads CP437 French (an English console code page on a French paste) as the same text', () => {
    expect(decodeText(iconv.encode(french, 'cp437')).text).toBe(french);
  });

  it('plain ASCII is UTF-8, whatever code page wrote it', () => {
    expect(decodeText(iconv.encode('Error: 0xC004F074\r\n', 'cp437'))).toMatchObject({ encoding: 'utf-8' });
  });

  it('refuses binary: NULs that are not UTF-16, or control bytes', () => {
    expect(() => decodeText(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]))).toThrow(
      NotTextError,
    );
    expect(() => decodeText(Buffer.from([0x01, 0x02, 0x1b, 0x41, 0x03]))).toThrow(NotTextError);
  });

  it('keeps the tabs, carriage returns and form feeds a text file may hold', () => {
    expect(decodeText(Buffer.from('a\tb\r\n\fc')).text).toBe('a\tb\r\n\fc');
  });
});

/**
 * Bytes of a text file, as Windows writes them, to a string. Pure: no I/O, so the CLI, the bot's file uploads and
 * the tests share it.
 *
 * What admins hand us:
 * - UTF-8, with or without a byte order mark (editors, PowerShell 7, `Out-File -Encoding utf8`);
 * - UTF-16LE with a BOM (PowerShell 5.1 `>` and `Out-File`), rarely UTF-16BE with a BOM;
 * - UTF-16LE without a BOM (some tools' exports): recognised by its NUL high bytes;
 * - the console's OEM code page (`slmgr /dlv > out.txt` in cmd.exe: CP850 on French systems, CP437 on English
 *   ones) or the ANSI one (Notepad's "ANSI", Windows-1252).
 *
 * The single-byte code pages cannot be told apart by their bytes alone (every byte is valid in each), so each
 * candidate decoding is scored on how much it reads like French or English text: accented letters inside words
 * and in the right case score, box-drawing characters, control characters and stray symbols cost. "État" is 0x90
 * in CP850 and 0xC9 in Windows-1252; decoding either with the other code page gives `╔tat` or a replacement
 * character, which loses.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** iconv-lite loads with the first file that is not UTF-8: start-up should not wait for its code pages. */
let iconvLite: typeof import('iconv-lite') | undefined;
const iconv = () => (iconvLite ??= require('iconv-lite') as typeof import('iconv-lite'));

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'cp850' | 'cp437' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Whether the bytes began with a byte order mark (removed from `text`). */
  bom: boolean;
}

/** Why bytes are not text: the caller words the message for its surface. */
export class NotTextError extends Error {
  constructor(readonly reason: 'binary') {
    super('the bytes are not text (they hold NUL or control bytes)');
    this.name = 'NotTextError';
  }
}

/** Order matters on a tie: French OEM first (the commonest non-UTF-8 file we get), then ANSI, then US OEM. */
export const SINGLE_BYTE_CANDIDATES = ['cp850', 'windows-1252', 'cp437'] as const;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeText(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buf, UTF8_BOM)) return checked(buf.subarray(3).toString('utf8'), 'utf-8', true);
  if (startsWith(buf, [0xff, 0xfe]))
    return checked(iconv().decode(buf.subarray(2), 'utf-16le'), 'utf-16le', true);
  if (startsWith(buf, [0xfe, 0xff]))
    return checked(iconv().decode(buf.subarray(2), 'utf-16be'), 'utf-16be', true);

  const utf16 = utf16WithoutBom(buf);
  if (utf16) return checked(iconv().decode(buf, utf16), utf16, false);
  if (buf.includes(0)) throw new NotTextError('binary');

  const utf8 = strictUtf8(buf);
  if (utf8 !== undefined) return checked(utf8, 'utf-8', false);

  let best: DecodedText | undefined;
  let bestScore = -Infinity;
  for (const encoding of SINGLE_BYTE_CANDIDATES) {
    const text = iconv().decode(buf, encoding);
    const score = plausibility(text);
    if (score > bestScore) {
      best = { text, encoding, bom: false };
      bestScore = score;
    }
  }
  return checked(best!.text, best!.encoding, false);
}

function startsWith(buf: Buffer, prefix: number[]): boolean {
  return buf.length >= prefix.length && prefix.every((b, i) => buf[i] === b);
}

function strictUtf8(buf: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 without a BOM: text in Latin script has a NUL high byte in most code units, so NULs crowd one parity
 * (odd offsets for little-endian) and are absent from the other.
 */
function utf16WithoutBom(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (buf.length < 8 || buf.length % 2 !== 0) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  const units = buf.length / 2;
  if (oddNuls >= units * 0.3 && evenNuls <= units * 0.02) return 'utf-16le';
  if (evenNuls >= units * 0.3 && oddNuls <= units * 0.02) return 'utf-16be';
  return undefined;
}

/** Control characters other than tab, line feed, form feed and carriage return: binary, not text. */
function countControls(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) n++;
  }
  return n;
}

function checked(text: string, encoding: TextEncoding, bom: boolean): DecodedText {
  const controls = countControls(text);
  // A stray control character in a long log is tolerated; more than one in a hundred is not text.
  if (controls * 100 > text.length) throw new NotTextError('binary');
  return { text, encoding, bom };
}

/** Accented letters French and English admins' output actually contains. */
const COMMON_ACCENTED = new Set('éèêëàâäçîïôöùûüÿœæÉÈÊËÀÂÄÇÎÏÔÖÙÛÜŸŒÆ');
/** Punctuation Windows text uses beyond ASCII. */
const COMMON_PUNCTUATION = new Set('’‘“”«»°–—…·\u00a0€');

/** Higher is more like text a person or slmgr wrote. Only characters outside ASCII are weighed. */
export function plausibility(text: string): number {
  let score = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c.charCodeAt(0) < 0x80) continue;
    const prev = chars[i - 1] ?? ' ';
    const next = chars[i + 1] ?? ' ';
    if (/\p{L}/u.test(c)) {
      const inWord = /\p{L}/u.test(prev) || /\p{L}/u.test(next);
      // An uppercase letter between lowercase ones ("DurÚe") is a wrong code page, not a word.
      const upperInLower = c !== c.toLowerCase() && /\p{Ll}/u.test(prev) && /\p{Ll}/u.test(next);
      if (upperInLower) score -= 3;
      else score += (COMMON_ACCENTED.has(c) ? 2 : 0) + (inWord ? 1 : 0);
    } else if (COMMON_PUNCTUATION.has(c)) {
      score += 1;
    } else if (/[\u0080-\u009f\ufffd\u2500-\u259f]/.test(c)) {
      score -= 4; // C1 controls, replacement characters, box drawing
    } else {
      score -= 2; // other symbols: ‚ ƒ † ‡ ‰ ¤ ¦ ¬ …
    }
  }
  return score;
}

/**
 * Finds activation / HRESULT codes in free text, in every spelling people paste them:
 * `0xC004F074`, `0 x 80070005`, `C004F074`, `-1073418124`, `3221549172`.
 *
 * One left-to-right pass over the text (no backtracking regexes): the text is cut into maximal runs of ASCII
 * word characters, and each run is judged with a bounded look at its neighbours. Work per character is
 * constant, so a 1 MiB paste costs the same as reading it.
 */
import type { DetectedCode, HexCode } from '../types.js';
import { detectProseCodes } from './prose-codes.js';

/**
 * Upper 16 bits (severity + facility) that activation problems actually come with. Bare hex and decimal
 * numbers carry no marker saying "this is a code", so they are only accepted when they land here; every
 * other 8-hex-digit word or 10-digit number (hashes, timestamps, counters) is left alone.
 * - C004 / 8004 / 4004: FACILITY_SL_ITF, the Software Licensing codes (errors, 8004 errors such as 8004FE21,
 *   and SL_I_* informational codes such as 4004F065).
 * - 8007: FACILITY_WIN32 (DNS 9003 = 8007232B, access denied = 80070005, RPC 1722 = 800706BA …).
 * - C002: RPC runtime NTSTATUS (C0020017 in event 8198, KMS endpoint unreachable).
 * - 803F: _FACILITY_WINDOWS_STORE, digital licences (803F7001).
 * - 87E1: facility 0x7E1, seen as 87E10BC6 on consumer activation failures.
 * - 8009: security/crypto (Microsoft's page lists 80092328, a typo of 8007232B).
 * - 8000: FACILITY_NULL, for 80004005 "unspecified error" that the consumer page shows.
 * Windows Update (8024…) and other facilities are deliberately out: they are not activation failures, and
 * keeping the list short is what keeps false positives on plain numbers down.
 */
export const PLAUSIBLE_PREFIXES: ReadonlySet<number> = new Set([
  0xc004, 0x8004, 0x4004, 0x8007, 0xc002, 0x803f, 0x87e1, 0x8009, 0x8000,
]);

/** Spaces allowed inside `0 x 80070005` / `0x c004f074`, per gap. Bounded so the look-ahead stays constant. */
const MAX_GAP = 3;

const TWO_32 = 0x1_0000_0000;
const TWO_31 = 0x8000_0000;

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A word character (`\w`: ASCII letter, digit, underscore); `at` gives -1 outside the text, which is none. */
function isWordCode(c: number): boolean {
  return isDigitCode(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isHexCode(c: number): boolean {
  return isDigitCode(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Horizontal blanks only: a code is never split across lines. */
function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f;
}

function isMinusCode(c: number): boolean {
  return c === 45 /* - */ || c === 0x2212; /* − */
}

function allHex(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isHexCode(text.charCodeAt(i))) return false;
  return true;
}

function allDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

function toHexCode(value: number): HexCode {
  return `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;
}

function isPlausible(value: number): boolean {
  return PLAUSIBLE_PREFIXES.has(Math.floor(value / 0x1_0000));
}

/** Char code at i, or -1 outside the text. */
function at(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** Skips at most MAX_GAP blanks from i; returns the new position. */
function skipBlanks(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < MAX_GAP && isBlankCode(text.charCodeAt(j))) j++;
  return j;
}

/** End (exclusive) of the word run starting at i. */
function runEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isWordCode(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Like runEnd, but gives up after `limit` characters (returning a position past the limit): look-ahead from
 * `0x ` never needs more than ten characters, so a huge following word is not read twice.
 */
function shortRunEnd(text: string, i: number, limit: number): number {
  let j = i;
  while (j < text.length && j - i <= limit && isWordCode(text.charCodeAt(j))) j++;
  return j;
}

/**
 * A bare 8-hex-digit word glued by `-` or `.` to another word is a piece of something longer: the first
 * group of a GUID (`c004f074-1a2b-…`), a dotted version or file name. Those are not codes.
 */
function gluedOnLeft(text: string, start: number): boolean {
  const p = at(text, start - 1);
  return (p === 45 || p === 46) && isWordCode(at(text, start - 2));
}

function gluedOnRight(text: string, end: number): boolean {
  const n = at(text, end);
  return (n === 45 || n === 46) && isWordCode(at(text, end + 1));
}

/**
 * A 10-digit number that is part of a date, a time, a decimal fraction, a thousands-grouped figure or a
 * dashed identifier (Extended PID, Installation ID groups) is not a code.
 */
function numberGluedOnLeft(text: string, start: number): boolean {
  const p = at(text, start - 1);
  return (p === 46 || p === 44 || p === 58 || p === 47) && isDigitCode(at(text, start - 2));
}

function numberGluedOnRight(text: string, end: number): boolean {
  const n = at(text, end);
  return (n === 46 || n === 44 || n === 58 || n === 47 || isMinusCode(n)) && isDigitCode(at(text, end + 1));
}

interface Hit {
  value: number;
  form: DetectedCode['form'];
  start: number;
  end: number;
}

/**
 * `0x` forms: the run is `0x` + 8 hex, or `0x` / `0` / `0 x` split by a few blanks from the digits.
 * The explicit prefix says "hex", so any facility counts, but only failures (top bit set) or a plausible
 * facility: success values and flag words printed as `0x00000001` are not problems to diagnose.
 */
function readPrefixed(text: string, start: number, end: number): Hit | undefined {
  const len = end - start;
  const c0 = text.charCodeAt(start);
  if (c0 !== 48) return undefined;
  const c1 = at(text, start + 1);
  const xAt1 = c1 === 120 || c1 === 88;
  let digitsStart: number;
  let digitsEnd: number;
  if (xAt1 && len === 10) {
    digitsStart = start + 2;
    digitsEnd = end;
  } else if ((xAt1 && len === 2) || len === 1) {
    const j = skipBlanks(text, end);
    if (len === 1) {
      // `0 x 8007…` or `0 x8007…`: a lone x (or x glued to the digits) after the blank(s).
      if (j === end) return undefined;
      const x = at(text, j);
      if (x !== 120 && x !== 88) return undefined;
      const xRunEnd = shortRunEnd(text, j, 9);
      if (xRunEnd - j === 9) {
        digitsStart = j + 1;
        digitsEnd = xRunEnd;
      } else if (xRunEnd - j === 1) {
        const k = skipBlanks(text, j + 1);
        if (k === j + 1) return undefined;
        digitsStart = k;
        digitsEnd = shortRunEnd(text, k, 8);
      } else return undefined;
    } else {
      if (j === end) return undefined;
      digitsStart = j;
      digitsEnd = shortRunEnd(text, j, 8);
    }
  } else return undefined;
  if (digitsEnd - digitsStart !== 8 || !allHex(text, digitsStart, digitsEnd)) return undefined;
  const value = parseInt(text.slice(digitsStart, digitsEnd), 16);
  if (value < TWO_31 && !isPlausible(value)) return undefined;
  return { value, form: 'hex', start, end: digitsEnd };
}

function readBare(text: string, start: number, end: number): Hit | undefined {
  if (end - start !== 8 || !allHex(text, start, end)) return undefined;
  if (gluedOnLeft(text, start) || gluedOnRight(text, end)) return undefined;
  const value = parseInt(text.slice(start, end), 16);
  return isPlausible(value) ? { value, form: 'bare-hex', start, end } : undefined;
}

/**
 * Every plausible code is at least 0x40000000 in magnitude, so its decimal spelling has exactly ten digits;
 * shorter numbers (ports, counts, event IDs, record numbers) never qualify, longer ones (Installation IDs) neither.
 */
function readDecimal(text: string, start: number, end: number): Hit | undefined {
  if (end - start !== 10 || !allDigits(text, start, end)) return undefined;
  if (numberGluedOnRight(text, end)) return undefined;
  const magnitude = Number(text.slice(start, end));
  const p = at(text, start - 1);
  if (isMinusCode(p)) {
    // A minus glued to a word or another dash is a separator (`…-00-2052-…`), not a sign.
    const pp = at(text, start - 2);
    if (isWordCode(pp) || isMinusCode(pp) || pp === 46 || pp === 44) return undefined;
    if (magnitude > TWO_31) return undefined;
    const value = TWO_32 - magnitude;
    return isPlausible(value) ? { value, form: 'signed-decimal', start: start - 1, end } : undefined;
  }
  if (numberGluedOnLeft(text, start)) return undefined;
  if (magnitude >= TWO_32) return undefined;
  return isPlausible(magnitude) ? { value: magnitude, form: 'unsigned-decimal', start, end } : undefined;
}

/**
 * Every activation/HRESULT code in the text, in order of appearance, one per distinct code (first spelling
 * kept): the code spellings below, then the codes sentences give in words (a Win32 error number after "error",
 * the activation dialog's text) when the text does not already write that code.
 */
export function detectCodes(text: string): DetectedCode[] {
  const written = detectWrittenCodes(text);
  const seen = new Set(written.map((w) => w.code));
  const extra = detectProseCodes(text).filter((p) => !seen.has(p.code));
  if (extra.length === 0) return written;
  // The dialog stands for its code only when the message gives no code at all (it is printed with one).
  const said = written.length > 0 ? extra.filter((p) => p.form !== 'dialog') : extra;
  const all = [...written];
  for (const p of said)
    if (!seen.has(p.code)) {
      seen.add(p.code);
      all.push(p);
    }
  return all.sort((a, b) => a.index - b.index);
}

function detectWrittenCodes(text: string): DetectedCode[] {
  const found: DetectedCode[] = [];
  const seen = new Set<number>();
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = runEnd(text, i);
    const hit = readPrefixed(text, i, end) ?? readBare(text, i, end) ?? readDecimal(text, i, end);
    if (hit) {
      if (!seen.has(hit.value)) {
        seen.add(hit.value);
        found.push({
          code: toHexCode(hit.value),
          raw: text.slice(hit.start, hit.end),
          form: hit.form,
          index: hit.start,
        });
      }
      i = hit.end;
    } else {
      i = end;
    }
  }
  return found;
}

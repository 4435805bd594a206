/**
 * Codes a sentence gives without writing them as a code: a Win32 error number after "error"/"erreur"/"code"
 * (`Error: 1168`, `error 1231`, `code d'erreur 1460`) and the text of the Settings > Activation (slui) dialog
 * that Microsoft documents with one code. Both are looked for only in those words' company, so a year, a count,
 * a port or an event id elsewhere in the text is never taken for a code.
 */
import { codeKnowledge } from '../catalogue/index.js';
import { WIN32_ERROR_NAMES } from '../catalogue/win32.js';
import { WORD_CHARS } from '../letters.js';
import type { DetectedCode, HexCode } from '../types.js';

/**
 * `error 1168`, `Error: 1168`, `erreur 1231`, `error code 1460`, `code d'erreur : 87`, `err=5`. The number must
 * stand alone: not followed by a unit, a decimal part, a time or a date, and be at most five digits.
 */
const WIN32_IN_PROSE = new RegExp(
  String.raw`(?<![${WORD_CHARS}_])(?:error|erreur|err|code(?:\s+d['’]erreur)?)(?:\s+(?:code|number|num[ée]ro|n°|no\.?))?\s*[:=#]?\s*(\d{1,5})(?![${WORD_CHARS}_%]|[.,:/-]\d|\s*(?:%|ms\b|s\b|sec|min|minutes?\b|days?\b|jours?\b|heures?\b|hours?\b|h\b))`,
  'gi',
);

/** The HRESULT of a Win32 error number, when it is one anyone documents (catalogue, slerror.h or winerror.h). */
export function win32Code(n: number): HexCode | undefined {
  if (n <= 0 || n > 0xffff) return undefined;
  const code = `0x8007${n.toString(16).toUpperCase().padStart(4, '0')}` as HexCode;
  if (WIN32_ERROR_NAMES.has(n) || codeKnowledge(code)?.known) return code;
  return undefined;
}

/**
 * The activation dialog's sentences that Microsoft pairs with one code. English from Microsoft's articles
 * (the Azure KMS troubleshooting page quotes it with "as", other pages with "because"); the French line is the
 * same sentence as French Windows words it, matched loosely around its fixed words.
 */
const DIALOGS: readonly (readonly [RegExp, HexCode])[] = [
  [
    /can['’]?t activate Windows on this device (?:as|because) we can['’]?t connect to your organi[sz]ation['’]s activation server/i,
    '0xC004F074',
  ],
  [
    /pouvons pas activer Windows sur cet appareil[^.\n]{0,60}(?:connecter|joindre|contacter)[^.\n]{0,20}serveur d['’]activation de votre (?:organisation|entreprise)/i,
    '0xC004F074',
  ],
];

export function detectProseCodes(text: string): DetectedCode[] {
  const found: DetectedCode[] = [];
  for (const m of text.matchAll(WIN32_IN_PROSE)) {
    const code = win32Code(Number(m[1]));
    if (code !== undefined) found.push({ code, raw: m[0], form: 'win32-decimal', index: m.index });
  }
  for (const [pattern, code] of DIALOGS) {
    const m = pattern.exec(text);
    if (m) found.push({ code, raw: m[0], form: 'dialog', index: m.index });
  }
  return found;
}

/**
 * The error line slmgr prints for one-shot commands (`/ato`, `/ipk`): `Error: 0x…`, `Erreur : 0x…`,
 * `Error 0x… occurred in connecting to server …`, and the access-denied texts that mean "not elevated".
 */
import type { HexCode } from '../types.js';
import { MESSAGES, prepared } from './labels.js';
import type { Line } from './lines.js';

/** The message rows this reader acts on (the others say nothing of an error). */
const ERROR_MESSAGES = prepared(MESSAGES).filter(
  ([key]) => key === 'accessDenied' || key === 'productNotFound' || key === 'activationFailed',
);
const ERROR_LINE = /^\s*(?:error|erreur)\s*[:：]?\s*(0x[0-9a-f]{1,8}(?![0-9a-f])|-\d{6,10}\b)/i;
/** Codes slmgr explains with its own access-denied text. */
const ACCESS_DENIED_CODES = new Set(['0x80070005', '0xC004F025']);

export interface SlmgrError {
  code?: HexCode;
  accessDenied: boolean;
  productNotFound: boolean;
  failed: boolean;
}

function signedToHex(raw: string): HexCode | undefined {
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n >= 0 || n < -0x80000000) return undefined;
  return `0x${(n + 0x100000000).toString(16).toUpperCase().padStart(8, '0')}`;
}

export function readSlmgrErrorLines(lines: readonly Line[]): SlmgrError {
  const out: SlmgrError = { accessDenied: false, productNotFound: false, failed: false };
  for (const rec of lines) {
    // ERROR_LINE starts with `error`/`erreur`: a line whose first letter is not an e cannot match it.
    const m = (rec.trimmed.charCodeAt(0) | 0x20) === 101 ? ERROR_LINE.exec(rec.raw) : null;
    if (m?.[1] && !out.code) {
      const raw = m[1];
      out.code = raw.startsWith('-')
        ? signedToHex(raw)
        : (`0x${raw.slice(2).toUpperCase().padStart(8, '0')}` as HexCode);
      out.failed = true;
    }
    // A line holding no message row at all (`msg`, worked out once per line) holds none of these.
    if (rec.msg === undefined) continue;
    const norm = rec.norm;
    for (const [key, text] of ERROR_MESSAGES) {
      if (!norm.includes(text)) continue;
      if (key === 'accessDenied') out.accessDenied = true;
      else if (key === 'productNotFound') out.productNotFound = out.failed = true;
      else if (key === 'activationFailed') out.failed = true;
    }
  }
  if (out.code && ACCESS_DENIED_CODES.has(out.code)) out.accessDenied = true;
  return out;
}

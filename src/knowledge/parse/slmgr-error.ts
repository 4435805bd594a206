/**
 * The error line slmgr prints for one-shot commands (`/ato`, `/ipk`): `Error: 0x…`, `Erreur : 0x…`,
 * `Error 0x… occurred in connecting to server …`, and the access-denied texts that mean "not elevated".
 */
import type { HexCode } from '../types.js';
import { MESSAGES, prepared } from './labels.js';
import { toLines, type Line } from './lines.js';

const MSG = prepared(MESSAGES);
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

export function readSlmgrError(text: string): SlmgrError {
  return readSlmgrErrorLines(toLines(text));
}

export function readSlmgrErrorLines(lines: readonly Line[]): SlmgrError {
  const out: SlmgrError = { accessDenied: false, productNotFound: false, failed: false };
  for (const rec of lines) {
    const m = ERROR_LINE.exec(rec.raw);
    if (m?.[1] && !out.code) {
      const raw = m[1];
      out.code = raw.startsWith('-')
        ? signedToHex(raw)
        : (`0x${raw.slice(2).toUpperCase().padStart(8, '0')}` as HexCode);
      out.failed = true;
    }
    const norm = rec.norm;
    if (rec.msg === undefined) continue;
    for (const [key, text] of MSG) {
      if (!norm.includes(text)) continue;
      if (key === 'accessDenied') out.accessDenied = true;
      else if (key === 'productNotFound') out.productNotFound = out.failed = true;
      else if (key === 'activationFailed') out.failed = true;
    }
  }
  if (out.code && ACCESS_DENIED_CODES.has(out.code)) out.accessDenied = true;
  return out;
}

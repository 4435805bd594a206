/** `slmgr /ato`: `Activating Windows(R), X edition (<ActID>) ...` then success or `Error: 0x…`. */
import type { Facts, Observation } from '../types.js';
import { MESSAGES, prepared } from './labels.js';
import { toLines, type Line } from './lines.js';
import { readSlmgrErrorLines } from './slmgr-error.js';
import { compact, editionFacts, editionFromName, guid } from './values.js';

const MSG = prepared(MESSAGES);
const ACTIVATING = MSG.filter(([k]) => k === 'activating').map(([, t]) => t);
const ACTIVATED_OK = MSG.filter(([k]) => k === 'activatedOk').map(([, t]) => t);

export function readAtoFacts(text: string): Facts {
  return readAtoLines(toLines(text));
}

export function readAtoLines(lines: readonly Line[]): Facts {
  const f: Facts = {};
  let ok = false;
  for (const rec of lines) {
    // Both phrases below are message rows: a line holding no message row (`msg`) holds neither.
    if (rec.msg === undefined) continue;
    const line = rec.raw;
    const norm = rec.norm;
    if (ACTIVATING.some((t) => norm.startsWith(t))) {
      const edition = editionFromName(line);
      if (edition) {
        const name = /Windows\s*\(R\)[^()]*?(?:edition|[ée]dition)/i.exec(line)?.[0];
        if (name) f.productName = name.trim();
        Object.assign(f, editionFacts(edition));
      }
      f.activationId = guid(line) ?? f.activationId;
    }
    if (ACTIVATED_OK.some((t) => norm.includes(t))) ok = true;
  }
  const err = readSlmgrErrorLines(lines);
  if (err.failed) f.activationSucceeded = false;
  else if (ok) f.activationSucceeded = true;
  if (err.code) f.lastError = err.code;
  if (err.accessDenied) f.notElevated = true;
  if (err.productNotFound) f.productNotFound = true;
  return compact(f);
}

export function parseSlmgrAto(text: string): Observation[] {
  return [{ source: 'slmgr-ato', facts: readAtoFacts(text) }];
}

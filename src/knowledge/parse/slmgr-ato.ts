/** `slmgr /ato`: `Activating Windows(R), X edition (<ActID>) ...` then success or `Error: 0x…`. */
import type { Facts, Observation } from '../types.js';
import { MESSAGES, normalizeLabel, prepared } from './labels.js';
import { readSlmgrError } from './slmgr-error.js';
import { compact, editionFacts, editionFromName, guid } from './values.js';

const MSG = prepared(MESSAGES);

export function readAtoFacts(text: string): Facts {
  const f: Facts = {};
  let ok = false;
  for (const line of text.split('\n')) {
    const norm = normalizeLabel(line);
    if (MSG.some(([k, t]) => k === 'activating' && norm.startsWith(t))) {
      const edition = editionFromName(line);
      if (edition) {
        const name = /Windows\s*\(R\)[^()]*?(?:edition|[ée]dition)/i.exec(line)?.[0];
        if (name) f.productName = name.trim();
        Object.assign(f, editionFacts(edition));
      }
      f.activationId = guid(line) ?? f.activationId;
    }
    if (MSG.some(([k, t]) => k === 'activatedOk' && norm.includes(t))) ok = true;
  }
  const err = readSlmgrError(text);
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

/** `slmgr /ipk <key>`: `Installed product key <key> successfully.` or `Error: 0x…` (0xC004F069 on an eval). */
import type { Facts, Observation } from '../types.js';
import { MESSAGES, prepared } from './labels.js';
import { toLines, type Line } from './lines.js';
import { readSlmgrErrorLines } from './slmgr-error.js';
import { compact } from './values.js';

const KEY_INSTALLED = prepared(MESSAGES)
  .filter(([k]) => k === 'keyInstalled')
  .map(([, t]) => t);
/** Five groups of five; the groups may already be redacted to X. Only the last group is kept. */
const KEY = /\b(?:[0-9A-Z]{5}-){4}([0-9A-Z]{5})\b/i;

export function readIpkFacts(text: string): Facts {
  return readIpkLines(toLines(text));
}

export function readIpkLines(lines: readonly Line[]): Facts {
  const f: Facts = {};
  for (const rec of lines) {
    const line = rec.raw;
    const norm = rec.norm;
    if (!KEY_INSTALLED.some((t) => norm.includes(t))) continue;
    // "Installed product key … successfully." / "Clé de produit … installée avec succès."
    if (!/successfully|succ[eè]s|a [ée]t[ée] install[ée]e/i.test(line)) continue;
    f.keyInstallSucceeded = true;
    const last = KEY.exec(line)?.[1]?.toUpperCase();
    if (last && !/^X{5}$/.test(last)) f.partialProductKey = last;
  }
  const err = readSlmgrErrorLines(lines);
  if (err.failed) f.keyInstallSucceeded = false;
  if (err.code) f.lastError = err.code;
  if (err.accessDenied) f.notElevated = true;
  if (err.productNotFound) f.productNotFound = true;
  return compact(f);
}

export function parseSlmgrIpk(text: string): Observation[] {
  return [{ source: 'slmgr-ipk', facts: readIpkFacts(text) }];
}

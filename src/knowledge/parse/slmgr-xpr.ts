/** `slmgr /xpr`: `Windows(R), X edition:` then one status line, with a date when the state expires. */
import type { Facts, LicenseStatus, Observation } from '../types.js';
import { normalizeLabel, XPR_PHRASES, type XprKey } from './labels.js';
import { toLines, type Line } from './lines.js';
import { compact, editionFacts, editionFromName } from './values.js';

const XPR = XPR_PHRASES.map(([key, , text]) => [key, text, normalizeLabel(text)] as const);

const STATUS: Record<XprKey, LicenseStatus> = {
  permanent: 'licensed',
  volumeExpires: 'licensed',
  timebasedExpires: 'licensed',
  avmaExpires: 'licensed',
  initialGraceEnds: 'initial-grace',
  additionalGraceEnds: 'additional-grace',
  nonGenuineGraceEnds: 'non-genuine-grace',
  notificationMode: 'notification',
  extendedGraceEnds: 'extended-grace',
  unlicensed: 'unlicensed',
};

export function readXprFacts(text: string): Facts {
  return readXprLines(toLines(text));
}

export function readXprLines(lines: readonly Line[]): Facts {
  const f: Facts = {};
  for (const rec of lines) {
    const line = rec.trimmed;
    if (!line) continue;
    if (/:\s*$/.test(line)) {
      const edition = editionFromName(line);
      if (edition) {
        f.productName = line.replace(/\s*:\s*$/, '');
        Object.assign(f, editionFacts(edition));
        continue;
      }
    }
    const norm = rec.norm;
    const hit = XPR.find(([, , t]) => norm.startsWith(t));
    if (!hit) continue;
    const [key, original] = hit;
    f.licenseStatus = STATUS[key];
    f.permanentlyActivated = key === 'permanent';
    if (key === 'timebasedExpires') f.isEvaluation = true;
    // The date is whatever follows the phrase (same length once accents are folded: NFD adds marks, so cut on
    // the normalized text and map back by word count instead of by characters).
    const words = original.split(/\s+/).length;
    const rest = line
      .split(/\s+/)
      .slice(words)
      .join(' ')
      .replace(/^(?:le|on)\s+/i, '')
      .replace(/\.$/, '');
    if (key !== 'permanent' && key !== 'notificationMode' && key !== 'unlicensed' && rest)
      f.activationExpiry = rest;
  }
  return compact(f);
}

export function parseSlmgrXpr(text: string): Observation[] {
  return [{ source: 'slmgr-xpr', facts: readXprFacts(text) }];
}

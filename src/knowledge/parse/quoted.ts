/**
 * A command's `label: value` line quoted inside a sentence: "DISM says Current Edition : ServerDatacenterEval",
 * "slmgr /dlv shows License Status: Notification", "l'état de la licence : Notification". The label must be one
 * slmgr or DISM prints (any language and spelling of the label tables); the value runs to the end of the clause
 * and is read by the same reader as a pasted line, so a quoted value means exactly what a pasted one does.
 */
import { fold } from '../fold.js';
import { WORD_CHARS } from '../letters.js';
import type { Facts, Observation } from '../types.js';
import { readDismLines } from './dism.js';
import { LABELS, type LabelKey } from './labels.js';
import { toLines } from './lines.js';
import { readLicenseLines } from './slmgr-license.js';

/** Labels worth reading out of a sentence (`Name`, `Description` and the like are too common as words). */
const QUOTABLE: ReadonlySet<LabelKey> = new Set<LabelKey>([
  'licenseStatus',
  'partialProductKey',
  'productKeyChannel',
  'notificationReason',
  'evaluationEndDate',
  'volumeExpiration',
  'timebasedExpiration',
  'timeRemaining',
  'rearmCount',
  'kmsRegistered',
  'kmsFromDns',
  'dnsAutoDiscovery',
  'currentCount',
  'dismCurrentEdition',
]);

/** Accented and plain spellings of a letter, so a label typed without accents still matches. */
const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  a: '[aàâä]',
  c: '[cç]',
  e: '[eéèêë]',
  i: '[iîï]',
  o: '[oôö]',
  u: '[uùûü]',
};

function labelPattern(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/['’]/g, "['’]")
    .replace(/\s+/g, '\\s+')
    .replace(/[aceiou]/g, (ch) => LETTER_VARIANTS[ch] ?? ch);
}

const QUOTED_ROWS = LABELS.filter(([key]) => QUOTABLE.has(key));
/** The label's canonical text per key (the first row), to rebuild a pasted-style line. */
const LINE_LABEL = new Map<LabelKey, string>();
for (const [key, , text] of QUOTED_ROWS) if (!LINE_LABEL.has(key)) LINE_LABEL.set(key, text);
const KEY_OF_LABEL = new Map(QUOTED_ROWS.map(([key, , text]) => [labelPattern(text), key] as const));

/** Longest labels first, so `KMS machine name from DNS` is not cut to a shorter row. */
const QUOTED = new RegExp(
  `(?<![${WORD_CHARS}])(${[...KEY_OF_LABEL.keys()].sort((a, b) => b.length - a.length).join('|')})\\s*[:：]\\s*` +
    `([^\\s,;()"”»«][^,;()"”»«\\n]{0,120}?)` +
    `(?=\\s*(?:[,;()"”»«]|\\.(?:\\s|$)|$|\\s(?:and|et|but|mais|so|donc|while|alors|which|qui|since|depuis)\\s))`,
  'gi',
);

/** Each label's pattern on its own, anchored, to tell which label a match quoted. */
const WHOLE_LABELS = [...KEY_OF_LABEL].map(
  ([pattern, key]) => [new RegExp(`^${pattern}$`, 'iu'), key] as const,
);

function keyOf(label: string): LabelKey | undefined {
  const folded = fold(label);
  for (const [pattern, key] of WHOLE_LABELS) if (pattern.test(folded)) return key;
  return undefined;
}

export function readQuotedFacts(prose: string): Facts {
  // Every quoted label is followed by a colon: prose with none quotes nothing.
  if (!prose.includes(':') && !prose.includes('：')) return {};
  const licenseLines: string[] = [];
  const dismLines: string[] = [];
  for (const m of prose.matchAll(QUOTED)) {
    const key = keyOf(m[1] ?? '');
    if (key === undefined) continue;
    // An edition ID is one word; the rest of the clause is the sentence going on ("… ServerDatacenterEval even
    // after the reboot").
    const quoted = (m[2] ?? '').trim();
    const value = key === 'dismCurrentEdition' ? (quoted.split(/\s/)[0] ?? '') : quoted;
    if (value === '') continue;
    const line = `${LINE_LABEL.get(key)}: ${value}`;
    (key === 'dismCurrentEdition' ? dismLines : licenseLines).push(line);
  }
  const facts: Facts = {};
  if (licenseLines.length > 0) Object.assign(facts, readLicenseLines(toLines(licenseLines.join('\n'))));
  if (dismLines.length > 0) Object.assign(facts, readDismLines(toLines(dismLines.join('\n'))).facts);
  return facts;
}

export function parseQuoted(prose: string): Observation[] {
  const facts = readQuotedFacts(prose);
  return Object.keys(facts).length > 0 ? [{ source: 'prose', facts }] : [];
}

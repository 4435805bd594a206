/**
 * Evidence the knowledge core's parsers do not read but the Licensing Activation Centers ask for: a stated
 * agreement / proof-of-purchase number, and a pasted `setupact.log` excerpt. Both run on text already stripped of
 * full product keys, so a key can never be taken for an agreement number.
 */
import { redactKeys } from '../../knowledge/redact.js';

/** Words that introduce a purchase reference, English and French (accents optional). */
const PURCHASE_WORDS = [
  'agreement',
  'enrol+ment',
  'contract',
  'license authori[sz]ation',
  'licence authori[sz]ation',
  'authori[sz]ation',
  'open licen[sc]e',
  'select plus',
  'purchase order',
  'proof of purchase',
  'invoice',
  'contrat',
  'accord',
  "num[eé]ro d['’]inscription",
  'inscription',
  'autorisation de licence',
  "preuve d['’]achat",
  'bon de commande',
  'facture',
].join('|');

/**
 * "agreement 1234567", "Enrollment number: 54-321234", "contrat n° 8765432", "numéro de contrat : V1234567".
 * The reference is 5–25 letters, digits or hyphens holding at least five digits.
 */
const PURCHASE = new RegExp(
  `(?<![\\p{L}])(${PURCHASE_WORDS})(?:\\s+(?:number|no\\.?|nr\\.?|id|n[°º]|num[eé]ro|#))?(?:\\s+(?:de|du)\\s+(?:contrat|licence))?\\s*[:#]?\\s*(?:n[°º]\\s*)?([A-Z0-9][A-Z0-9-]{4,24})(?![\\p{L}\\p{N}])`,
  'giu',
);

const NUMBER_BEFORE = new RegExp(
  `(?:num[eé]ro|number|n[°º])\\s+(?:de\\s+|d['’]|of\\s+(?:the\\s+)?)?(${PURCHASE_WORDS})\\s*[:#]?\\s*([A-Z0-9][A-Z0-9-]{4,24})(?![\\p{L}\\p{N}])`,
  'giu',
);

function digits(s: string): number {
  return (s.match(/\d/g) ?? []).length;
}

/** The first purchase reference stated in the text, as `<word> <number>`; undefined when none. */
export function detectProofOfPurchase(text: string): string | undefined {
  const safe = redactKeys(text.slice(0, 200_000));
  for (const pattern of [NUMBER_BEFORE, PURCHASE]) {
    pattern.lastIndex = 0;
    for (const m of safe.matchAll(pattern)) {
      const word = (m[1] ?? '').toLowerCase();
      const ref = m[2] ?? '';
      if (digits(ref) < 5 || ref.toUpperCase().includes('XXXXX')) continue;
      return `${word} ${ref}`.slice(0, 200);
    }
  }
  return undefined;
}

/** `2025-03-14 09:30:11, Info                  [0x0606cc] …`: the line shape of Panther logs. */
const PANTHER_LINE = /^\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}, (?:Info|Warning|Error)\b/gm;

/** True when the text holds a `setupact.log` excerpt (two or more Panther log lines, or one and the file name). */
export function detectSetupactLog(text: string): boolean {
  const sample = text.slice(0, 200_000);
  const lines = sample.match(PANTHER_LINE)?.length ?? 0;
  return lines >= 2 || (lines >= 1 && /setupact\.log/i.test(sample));
}

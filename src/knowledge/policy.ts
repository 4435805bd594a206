/**
 * The bot helps with licensed activation only. A message that asks for a KMS emulator, a crack or an activation
 * script gets a short refusal and the legitimate routes instead of a diagnosis. Detection is by the tools' names
 * and by plain requests for a crack, in English and French; words that also have an honest meaning (HWID, MAS)
 * only count next to the trick they name.
 */
import { knowledgePhrases } from './phrases.js';
import type { Lang } from './types.js';

/** A Latin letter, accented ones included (\p{L} would need the u flag, which makes the scan ten times slower). */
const LETTER = '[A-Za-zÀ-ÖØ-öø-ÿ]';

/** Names and requests, any case; one combined pass over the text. */
export const ANY_CASE: readonly string[] = [
  String.raw`\bvlmcsd\b`,
  String.raw`\bpy-?kms\b`,
  String.raw`\bkms[-_ ]?pico\b`,
  String.raw`\bkms[-_ ]?vl[-_ ]?all\b`,
  String.raw`\bkms[-_ ]?auto\b`,
  String.raw`\bkms38\b`,
  String.raw`\bmassgrave\b`,
  String.raw`\bmicrosoft[-_ ]activation[-_ ]scripts?\b`,
  String.raw`\bhwid\b[^\n]{0,30}\b(?:activat(?:ion|e|or)|crack|trick|bypass|astuce|contourn)\w*`,
  String.raw`\b(?:activat(?:ion|e)|activer)\b[^\n]{0,30}\bhwid\b`,
  String.raw`\btsforge\b`,
  String.raw`\bohook\b`,
  String.raw`\bactivators?\b`,
  String.raw`\bcrack(?:ed|s|ing)?\b`,
  String.raw`\b(?:kms|activation)\s+emulators?\b`,
  String.raw`\bemulat\w*\s+(?:a\s+)?kms\b`,
  String.raw`\b(?:free|public|online)\s+kms\s+(?:servers?|hosts?)\b`,
  // "Without buying" alone or a licence; not "without buying Pro first" (a legitimate upgrade path).
  String.raw`\bwithout\s+(?:paying|buying(?:\s+(?:a|any|the)\s+(?:licen[cs]e|key|product\s+key)|\s*(?:[.!?,;)]|$)))`,
  String.raw`\bbypass\w*\s+(?:the\s+)?activation\b`,
  String.raw`\bactivateurs?\b`,
  String.raw`\bcrack(?:er|é|ée|és|ées)(?!${LETTER})`,
  String.raw`\bcraqu(?:er|é|ée|és|ées)(?!${LETTER})`,
  String.raw`(?<!${LETTER})[ée]mulat(?:eur|eurs|ion|er)\s+(?:de\s+|d['’])?(?:serveur\s+)?kms\b`,
  String.raw`\bserveurs?\s+kms\s+(?:gratuits?|publics?|en\s+ligne)\b`,
  String.raw`\bsans\s+(?:payer|acheter(?:\s+(?:de|une|la)\s+(?:licence|cl[ée])|\s*(?:[.!?,;)]|$)))`,
  String.raw`\bcontourn\w*\s+(?:l['’])?activation\b`,
];

/** `MAS` is also an ordinary word: only the upper-case name next to what it does counts. */
export const EXACT_CASE: readonly string[] = [
  String.raw`\bMAS\b(?=[^\n]{0,40}\b(?:script|activat|hwid|kms38|ohook|tsforge)\w*)`,
  String.raw`\b(?:MAS|mas)\s*(?:AIO|1\.\d)\b`,
];

/**
 * One alternation, with the leading `\b` most alternatives share hoisted in front of them: the same matches,
 * but the word-boundary test then runs once per position instead of once per alternative (a third faster).
 */
function combined(patterns: readonly string[], flags: string): RegExp {
  const bounded = patterns.filter((p) => p.startsWith(String.raw`\b`)).map((p) => p.slice(2));
  const others = patterns.filter((p) => !p.startsWith(String.raw`\b`));
  const parts = [...(bounded.length > 0 ? [String.raw`\b(?:${bounded.join('|')})`] : []), ...others];
  return new RegExp(parts.join('|'), flags);
}

const PATTERN_ANY_CASE = combined(ANY_CASE, 'i');
const PATTERN_EXACT_CASE = combined(EXACT_CASE, '');

/** Scanning the start of a huge paste is enough: a request for a crack is written by a person, not pasted. */
const SCAN_LIMIT = 64 * 1024;

/** True when the message asks for a crack, a KMS emulator or an activation script. */
export function asksForUnauthorizedActivation(text: string): boolean {
  const t = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  // Every EXACT_CASE pattern holds `MAS` or `mas`: a plain substring search spares most texts that scan.
  return PATTERN_ANY_CASE.test(t) || ((t.includes('MAS') || t.includes('mas')) && PATTERN_EXACT_CASE.test(t));
}

export function refusalText(lang: Lang): string {
  return knowledgePhrases(lang).refusal;
}

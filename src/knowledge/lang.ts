/**
 * French or English? Counts stop words, accented letters and localized slmgr labels; answers only when one side
 * clearly wins, so a bare code or a paste of untranslated output stays undefined and the caller keeps its default.
 * One pass over at most the first 64 KiB: the language of a message is settled long before that.
 */
import type { Lang } from './types.js';

const FR_WORDS = new Set(
  (
    'le la les des une est pas avec pour dans sur que qui je j nous vous il elle ce c cette ces mais ou et du au aux ' +
    'ne n en sont été avoir fait mon ma mes notre votre leur bonjour merci erreur clé licence serveur quand ' +
    'depuis après avant encore toujours aussi très comment pourquoi activer échoue impossible voici alors donc'
  ).split(' '),
);
const EN_WORDS = new Set(
  (
    'the is are and of to in it this that with for not my we you i have has was were be been can cannot ' +
    'get got when after before still also very how why what error key license server hello thanks please ' +
    'here fails failed activate running ran our any help'
  ).split(' '),
);
/** Labels a French Windows prints where an English one would not (fact sheet §4.3, unverified but telling). */
const FR_LABELS =
  /(?:[ée]tat de la licence|cl[ée] de produit partielle|canal de la cl[ée]|nom d['’]ordinateur kms|intervalle d['’]activation|[ée]dition actuelle|domaine inexistant|erreur\s*:)/giu;
/** U+212A (Kelvin) and U+017F (long s): the only characters the u flag folds to an ASCII letter. */
const FOLDS_ONLY_WITH_U = /[\u212a\u017f]/;
const EN_LABELS =
  /(?:license status|partial product key|product key channel|kms machine name|activation interval|current edition|non-existent domain)/gi;

/**
 * A word of every FR_LABELS / EN_LABELS alternative, none with a letter that case-folds from a non-ASCII one
 * (k ← U+212A, s ← U+017F): the lowered text holds one of them whenever the label pattern can match, so the
 * (slower, case-insensitive) label scan is skipped for pastes that cannot contain a label.
 */
const FR_LABEL_WORDS = /licence|partielle|canal|ordinateur|intervalle|actuelle|domaine|erreur/;
const EN_LABEL_WORDS = /license|partial|channel|machine|interval|edition|existent/;

/**
 * The label patterns, lower case and sticky: tried only where a word that opens one of them starts (see
 * LABEL_FIRST_WORDS), instead of scanning the whole text with each.
 */
const FR_LABELS_AT = new RegExp(FR_LABELS.source, 'y');
const EN_LABELS_AT = new RegExp(EN_LABELS.source, 'y');
/** The first word of every FR_LABELS / EN_LABELS alternative, in the lowered text's spelling. */
const LABEL_FIRST_WORDS = [
  'état',
  'etat',
  'clé',
  'cle',
  'canal',
  'nom',
  'intervalle',
  'édition',
  'edition',
  'domaine',
  'erreur',
  'license',
  'partial',
  'product',
  'kms',
  'activation',
  'current',
  'non',
];

const LIMIT = 64 * 1024;
/** No stop word is longer than this: longer words are never looked up. */
const MAX_WORD = Math.max(...[...FR_WORDS, ...EN_WORDS, ...LABEL_FIRST_WORDS].map((w) => w.length));
/** The French accented letters that lean a word towards French (lower case: the scan runs on lowered text). */
const FR_ACCENTS = 'éèêàçùœîôû';

/** Per code unit below U+0180: 1 when it is one of FR_ACCENTS (œ is U+0153). */
const FR_ACCENT_TABLE = new Uint8Array(0x180);
for (const ch of FR_ACCENTS) FR_ACCENT_TABLE[ch.charCodeAt(0)] = 1;

function hashUnits(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * Stop words by the hash of their code units, which the scan computes as it goes: a word is looked up by number
 * and compared in place, so no word is cut out of the text. An open-addressing table (linear probing) sized for
 * far more words than there are, so a word that is no stop word (most of them) usually costs one empty slot.
 * French is inserted first and wins, as before.
 */
const TABLE_SIZE = 2048;
const TABLE_MASK = TABLE_SIZE - 1;
const LANG_FR = 1;
const LANG_EN = 2;
const slotHash = new Int32Array(TABLE_SIZE);
/** Index + 1 into SLOT_WORDS; 0 for an empty slot. */
const slotWord = new Uint16Array(TABLE_SIZE);
const slotLang = new Uint8Array(TABLE_SIZE);
/** 1 when the word opens a label pattern (it may be a stop word too). */
const slotLabel = new Uint8Array(TABLE_SIZE);
const SLOT_WORDS: string[] = [];

function slotOf(word: string): number {
  const h = hashUnits(word);
  let i = h & TABLE_MASK;
  while (slotWord[i] !== 0) {
    if (SLOT_WORDS[slotWord[i]! - 1] === word) return i;
    i = (i + 1) & TABLE_MASK;
  }
  SLOT_WORDS.push(word);
  slotHash[i] = h;
  slotWord[i] = SLOT_WORDS.length;
  return i;
}

for (const [words, lang] of [
  [FR_WORDS, LANG_FR],
  [EN_WORDS, LANG_EN],
] as const) {
  for (const word of words) {
    const slot = slotOf(word);
    if (slotLang[slot] === 0) slotLang[slot] = lang;
  }
}
for (const word of LABEL_FIRST_WORDS) slotLabel[slotOf(word)] = 1;

/** The table slot of text[start, end), or -1 when the word is in no list. */
function wordSlot(text: string, start: number, end: number, hash: number): number {
  for (let i = hash & TABLE_MASK; slotWord[i] !== 0; i = (i + 1) & TABLE_MASK) {
    if (slotHash[i] !== hash) continue;
    const word = SLOT_WORDS[slotWord[i]! - 1]!;
    if (word.length === end - start && text.startsWith(word, start)) return i;
  }
  return -1;
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** End of the label `pattern` matches at `start`, or -1. */
function labelEndAt(pattern: RegExp, text: string, start: number): number {
  pattern.lastIndex = start;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

const LETTER = /\p{L}/u;
/** Per BMP code unit: 0 not yet known, 1 a letter, 2 not a letter (filled lazily from `\p{L}`). */
const LETTER_CACHE = new Uint8Array(0x10000);

function isLetterUnit(c: number): boolean {
  let v = LETTER_CACHE[c]!;
  if (v === 0) {
    v = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    LETTER_CACHE[c] = v;
  }
  return v === 1;
}

/**
 * Length in code units of the letter at i (2 for an astral letter), or 0 when there is none: the same letters
 * `\p{L}+` with the u flag would take, without a regex match object per word.
 */
function letterAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER.test(s.slice(i, i + 2)) ? 2 : 0;
  }
  return isLetterUnit(c) ? 1 : 0;
}

/**
 * One pass over the lowered text: each run of letters is a word, looked up only when it is short enough to be
 * a stop word; accented French letters add half a point per word (they cannot occur in ASCII text).
 */
export function detectLang(text: string): Lang | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const t = text.length > LIMIT ? text.slice(0, LIMIT) : text;
  let fr = 0;
  let en = 0;
  const lower = t.toLowerCase();
  const n = lower.length;
  // Labels are counted as a global scan of each pattern would count them (leftmost first, no overlaps), but
  // only where a word starts: label text glued after other letters is not a label.
  const exactFold = !FOLDS_ONLY_WITH_U.test(t);
  let frLabelEnd = 0;
  let enLabelEnd = 0;
  let i = 0;
  while (i < n) {
    let c = lower.charCodeAt(i);
    let step = c >= 97 && c <= 122 ? 1 : c < 0x80 ? 0 : letterAt(lower, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    let accent = false;
    let hash = 0;
    // Each code unit is read once: `c` is the unit at i, carried over from the test that ended the last step.
    while (step > 0) {
      if (c >= 0xe0 && c < 0x180 && FR_ACCENT_TABLE[c] === 1) accent = true;
      hash = (Math.imul(hash, 31) + c) | 0;
      if (step === 2) hash = (Math.imul(hash, 31) + lower.charCodeAt(i + 1)) | 0;
      i += step;
      if (i >= n) break;
      c = lower.charCodeAt(i);
      // Lowered ASCII letters are a-z: the common case skips the general letter test.
      step = c >= 97 && c <= 122 ? 1 : c < 0x80 ? 0 : letterAt(lower, i);
    }
    // Letters glued to digits are part of an ID (`55c92734`, `d6ec3f16059f`), not a word: hex digits would
    // otherwise read as the French stop word `c`, and a GUID alone would pass for French.
    if (isDigitAt(lower, start - 1) || isDigitAt(lower, i)) continue;
    if (i - start <= MAX_WORD) {
      const slot = wordSlot(lower, start, i, hash);
      if (slot >= 0) {
        const lang = slotLang[slot];
        if (lang === LANG_FR) fr += 1;
        else if (lang === LANG_EN) en += 1;
        if (slotLabel[slot] === 1 && exactFold) {
          if (start >= frLabelEnd) {
            const end = labelEndAt(FR_LABELS_AT, lower, start);
            if (end >= 0) {
              fr += 3;
              frLabelEnd = end;
            }
          }
          if (start >= enLabelEnd) {
            const end = labelEndAt(EN_LABELS_AT, lower, start);
            if (end >= 0) {
              en += 3;
              enLabelEnd = end;
            }
          }
        }
      }
    }
    if (accent) fr += 0.5;
  }
  // U+212A and U+017F fold to k and s under the u flag only: such texts take the case-insensitive scans.
  if (!exactFold) {
    if (FR_LABEL_WORDS.test(lower)) fr += 3 * (t.match(FR_LABELS)?.length ?? 0);
    if (EN_LABEL_WORDS.test(lower)) en += 3 * (t.match(EN_LABELS)?.length ?? 0);
  }
  if (fr >= 2 && fr >= en * 1.5) return 'fr';
  if (en >= 2 && en >= fr * 1.5) return 'en';
  return undefined;
}

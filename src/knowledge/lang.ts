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
const EN_LABELS =
  /(?:license status|partial product key|product key channel|kms machine name|activation interval|current edition|non-existent domain)/gi;

const LIMIT = 64 * 1024;
const WORD = /\p{L}+/gu;
const ASCII_WORD = /[a-z]+/g;
const NON_ASCII = /[\u0080-\uffff]/;
const FR_ACCENT = /[éèêàçùœîôû]/;

export function detectLang(text: string): Lang | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const t = text.length > LIMIT ? text.slice(0, LIMIT) : text;
  let fr = 0;
  let en = 0;
  const lower = t.toLowerCase();
  // ASCII text (most English pastes) has no accented letters, and its letters are [a-z]: a cheaper word scan.
  const ascii = !NON_ASCII.test(lower);
  for (const m of lower.matchAll(ascii ? ASCII_WORD : WORD)) {
    const w = m[0];
    if (FR_WORDS.has(w)) fr += 1;
    else if (EN_WORDS.has(w)) en += 1;
    if (!ascii && FR_ACCENT.test(w)) fr += 0.5;
  }
  fr += 3 * (t.match(FR_LABELS)?.length ?? 0);
  en += 3 * (t.match(EN_LABELS)?.length ?? 0);
  if (fr >= 2 && fr >= en * 1.5) return 'fr';
  if (en >= 2 && en >= fr * 1.5) return 'en';
  return undefined;
}

/**
 * French or English? Counts stop words, question words, accented letters and localized slmgr labels; answers
 * only when one side clearly wins, so a bare code or a paste of untranslated output stays undefined and the
 * caller keeps its default. Only the first 64 KiB are read: the language of a message is settled long before.
 */
import { WORD_CHARS } from './letters.js';
import type { Lang } from './types.js';

const words = (list: string): string[] => list.trim().split(/\s+/);

/**
 * Everyday words: one point each. The commonest function words come first ("de", "un", "à", "l'", "d'", "qu'"
 * for French; "an", "do", "from" for English): a short question such as "que veut dire 0xC004E002 à
 * l'activation ?" holds little else. Words both languages write ("a", "on") count for neither.
 */
const FR_WORDS = new Set(
  words(`le la les l de des d un une est pas avec pour dans sur que qu qui je j nous vous il elle ce c cette ces
    mais ou où et du au aux à ne n sont été avoir fait mon ma mes notre nos votre vos leur leurs son sa ses
    bonjour merci erreur clé licence serveur quand depuis après avant encore toujours aussi très sans chez
    rien tout tous plus puis activer échoue impossible voici alors donc salut svp veut dire ai indique renvoie
    affiche donne dit ça marche fois comme sous lorsque`),
);
const EN_WORDS = new Set(
  words(`the an is are and of to in it this that with for not my we you i have has was were be been can
    cannot do does did don doesn didn isn t from get got when after before still also very error key license
    server hello thanks please here fails failed activate running ran our any help your their they there
    which would should could just but says shows returns gives again works same`),
);
/**
 * Question words count double: "pourquoi 0xC004F038 ?" or "why 0xC004F038?" is a whole message, and its one
 * word has to settle the language on its own.
 */
const FR_QUESTION_WORDS = new Set(words('pourquoi quoi comment signifie quel quelle'));
const EN_QUESTION_WORDS = new Set(words('why what how mean means meaning'));

/**
 * Every listed word with its language and points, so each token is looked up once. Lists are entered from the
 * weakest to the strongest, so a word in two of them keeps the stronger (question words, then French).
 */
const WORD_POINTS = new Map<string, { lang: Lang; points: number }>();
for (const [list, lang, points] of [
  [EN_WORDS, 'en', 1],
  [FR_WORDS, 'fr', 1],
  [EN_QUESTION_WORDS, 'en', 2],
  [FR_QUESTION_WORDS, 'fr', 2],
] as const)
  for (const word of list) WORD_POINTS.set(word, { lang, points });

/**
 * Labels a French Windows prints where an English one would not (fact sheet §4.3), and PowerShell's warning prefix,
 * which it writes in the system's language even where the rest (Test-NetConnection's properties) stays English:
 * three points each.
 */
const FR_LABELS =
  /(?:[ée]tat de la licence|cl[ée] de produit partielle|canal de la cl[ée]|nom d['’]ordinateur kms|intervalle d['’]activation|[ée]dition actuelle|domaine inexistant|erreur\s*:|avertissement\s*:)/gi;
const EN_LABELS =
  /(?:license status|partial product key|product key channel|kms machine name|activation interval|current edition|non-existent domain|warning\s*:)/gi;

/** A run of letters and digits; one holding a digit is an ID (`55c92734`), not a word. */
const TOKEN = new RegExp(`[${WORD_CHARS}]+`, 'g');
const DIGIT = /\d/;
/** Accented letters that lean a word towards French. */
const FR_ACCENT = /[éèêàçùœîôû]/;

const LIMIT = 64 * 1024;

/** Any script's letter: tested on two characters per label found, so Unicode's full class costs nothing here. */
const LETTER_AT_END = /\p{L}$/u;

/**
 * How many times the text holds one of the labels, not glued to a letter before it. The letter is looked at after
 * each find (and the search goes on from the next character when there is one): a look-behind at the head of the
 * pattern would run at every position of the paste, twice the search's own cost.
 */
function countLabels(text: string, labels: RegExp, quoted: QuotedLabels): number {
  let count = 0;
  labels.lastIndex = 0;
  for (let m = labels.exec(text); m !== null; m = labels.exec(text)) {
    // Two code units before the find: a letter outside the BMP is a surrogate pair.
    if (LETTER_AT_END.test(text.slice(Math.max(0, m.index - 2), m.index))) labels.lastIndex = m.index + 1;
    else if (quoted === 'count' || startsLine(text, m.index)) count++;
  }
  return count;
}

/** Only blanks between the start of the line and `index`. */
function startsLine(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || text[i] === '\n' || text[i] === '\r';
}

/**
 * Whether a label inside a sentence counts: in a person's own lines, "DISM indique Current Edition : …" quotes
 * Windows, and the quote says nothing about the person's language; in output, a label is where Windows wrote it.
 */
type QuotedLabels = 'count' | 'ignore';

export interface LangScores {
  fr: number;
  en: number;
}

export function langScores(text: string, quoted: QuotedLabels = 'count'): LangScores {
  const t = text.length > LIMIT ? text.slice(0, LIMIT) : text;
  const scores: LangScores = { fr: 0, en: 0 };
  const lower = t.toLowerCase();
  const tokens = lower.match(TOKEN) ?? [];
  const accented = FR_ACCENT.test(lower);
  // The word lists hold no digits, so an ID never scores here.
  for (const token of tokens) {
    const listed = WORD_POINTS.get(token);
    if (listed) scores[listed.lang] += listed.points;
    if (accented && FR_ACCENT.test(token) && !DIGIT.test(token)) scores.fr += 0.5;
  }
  scores.fr += 3 * countLabels(t, FR_LABELS, quoted);
  scores.en += 3 * countLabels(t, EN_LABELS, quoted);
  return scores;
}

/** The clear winner of two scores, or undefined. */
export function decideLang({ fr, en }: LangScores): Lang | undefined {
  if (fr >= 2 && fr >= en * 1.5) return 'fr';
  if (en >= 2 && en >= fr * 1.5) return 'en';
  return undefined;
}

/** At most this many words (IDs and codes aside) make a short message, such as "erreur 0xC004C003". */
const SHORT_WORDS = 8;
const SHORT_CHARS = 200;
/** An activation code (hex or decimal) is what a short message is about: then one word of a language settles it. */
const ACTIVATION_CODE = /0x[0-9a-f]{8}|-?\b\d{7,10}\b/i;

/**
 * A short message has few words to count: one language alone with a little evidence decides ("VM Azure pas
 * activée", "erreur 0xC004C003", "0xC004F038 again on the new VMs"); a single function word without a code does
 * not ("slmgr /ato sur chacun :").
 */
function shortMessageLang(text: string, { fr, en }: LangScores): Lang | undefined {
  if (text.length > SHORT_CHARS) return undefined;
  const wordCount = (text.match(TOKEN) ?? []).filter((t) => !DIGIT.test(t)).length;
  if (wordCount > SHORT_WORDS) return undefined;
  const needed = ACTIVATION_CODE.test(text) ? 1 : 1.5;
  if (fr >= needed && en === 0) return 'fr';
  if (en >= needed && fr === 0) return 'en';
  return undefined;
}

function decide(text: string, quoted: QuotedLabels): Lang | undefined {
  if (typeof text !== 'string' || text.length === 0) return undefined;
  const scores = langScores(text, quoted);
  return decideLang(scores) ?? shortMessageLang(text, scores);
}

export function detectLang(text: string): Lang | undefined {
  return decide(text, 'count');
}

/**
 * The language of a message that may mix the person's sentences with pasted command output: the sentences
 * decide when they can (English `slmgr` output quoted by a French admin is still a French message), else the
 * whole text does.
 */
export function detectMessageLang(prose: string, whole: string): Lang | undefined {
  const own = withoutWindowsSentences(prose);
  const fromOwn = decide(own, 'ignore');
  if (fromOwn) return fromOwn;
  // A quoted Windows sentence is in the machine's language: when only such sentences would decide, nothing does,
  // and the thread's or the platform's language stands ("slmgr /ato sur chacun :" followed by an English dialog).
  if (own.length < prose.length) return undefined;
  return detectLang(whole);
}

/**
 * Lines Windows writes in a dialog or event (slmgr, the slui activation dialog, the Software Protection service),
 * which people quote without recognised labels around them.
 */
const WINDOWS_SENTENCE =
  /^\s*(?:the software (?:licensing|protection) service\b|le service (?:de )?(?:licences? logicielles?|protection logicielle)\b|error details\b|d[ée]tails de l['’]erreur\b|windows script host\b|on a computer running microsoft windows non-core edition|windows activation\s*$|activation de windows\s*$|a problem occurred when windows tried to activate\b|un probl[èe]me s['’]est produit lorsque windows a tent[ée]\b|for a possible resolution\b|pour (?:une|obtenir une) r[ée]solution possible\b|contact your system administrator\b|contactez votre administrateur)/i;

function withoutWindowsSentences(prose: string): string {
  return prose
    .split('\n')
    .filter((line) => !WINDOWS_SENTENCE.test(line))
    .join('\n');
}

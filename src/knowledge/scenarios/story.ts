/**
 * Reading a person's story: a full-text index (BM25) over every scenario's symptom phrases, English
 * phrases stemmed with the English Snowball stemmer and French ones with the French stemmer. A message is
 * searched in both (each word stemmed both ways), so "nos VM Azure ne s'activent plus" and "our Azure VMs
 * stopped activating" both find the Azure scenarios. Built once at module load.
 */
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemFr } from '@orama/stemmers/french';
import { LETTERS, WORD_CHARS } from '../letters.js';
import { SCENARIOS } from './index.js';

/** Words that say nothing about which scenario it is (both languages; short words are dropped anyway). */
const STOP_WORDS = new Set(
  (
    'the and for with from that this have has had was were are our your their its not but can cannot could ' +
    'would should will what when where which who why how all any some also just only still now then there ' +
    'been being does did done into onto over after before about again they them she him her his you we ' +
    'les des une pour avec dans sur par pas plus que qui quoi est sont ont été être avoir fait faire nous ' +
    'vous ils elles leur leurs mais donc car comme tout tous toutes cette ces son ses mes tes aux du de la ' +
    'le un et ou en il elle on ne se sa ce au ça cela déjà encore aussi très bien même alors après avant ' +
    'windows microsoft please merci bonjour hello thanks help aide error erreur code while says said say ' +
    'new need needs our nos notre depuis dit quand comment pourquoi get got getting une des ' +
    // The tool every activation message runs: naming it says nothing about which problem it is.
    'slmgr dlv vbs cscript'
  ).split(/\s+/),
);

/** Only this much of a message is read as a story: enough for any account a person types, bounded for 1 MiB pastes. */
const STORY_CHARS = 20_000;
/** At most this many distinct known stems are collected, and the rarest of them searched. */
const MAX_TERMS = 400;
const SEARCHED_TERMS = 16;

/**
 * A labelled line of command output, not a story: `Name: value`, `License Status: Licensed` (every word of the
 * label capitalised), or the French spacing `Nom : valeur` with a short value (French prose also puts a space
 * before a colon, but goes on with a sentence), and slmgr's `Error:` / `Erreur :` rows. "VAMT proxy activation
 * fails: …" is prose. Each value word is read whole (`\S+` then blanks or the end): with `\S+\s*` a long word
 * could be cut into up to four "words" in every way, and one 800-character line took minutes to refuse.
 */
const LABELLED_LINE =
  /^\s*(?:(?:Error|Erreur)\s?:|[^:\n]{1,45}\s:\s*(?:\S+(?:\s+|$)){0,4}$|[A-Z][\w()./-]*(?:\s+[A-Z(][\w()./-]*){0,4}:(?:\s|$))/;
/**
 * A command prompt line (`C:\>slmgr /dlv`, `PS C:\> …`), a line of pasted markup (`<Product ID="ProPlus2024Volume">`
 * in an Office configuration.xml, an unattend.xml element: the words of its tags and attributes are settings, not
 * symptoms), or a line with no word at all.
 */
const PROMPT_LINE = new RegExp(
  String.raw`^\s*(?:PS\s+)?[A-Za-z]:\\[^>\n]*>|^\s*<[^<>\n]*>[^<>\n]*(?:<[^<>\n]*>[ \t\r]*)?$|^[^${LETTERS}]*$`,
);

/** The lines of a message that tell its story: command output (labelled lines, prompts) left out. */
export function storyLines(text: string): string {
  const head = text.length > STORY_CHARS ? text.slice(0, STORY_CHARS) : text;
  return head
    .split('\n')
    .filter((line) => !LABELLED_LINE.test(line) && !PROMPT_LINE.test(line))
    .join('\n');
}

/**
 * Two-letter words that carry meaning in an admin's story ("our DC", "AD"), and any letter-digit pair: licence
 * and version names such as "E3", "E5", "R2" are what a sentence about them turns on.
 */
const SHORT_TERMS = new Set(['dc', 'ad']);
const LETTER_DIGIT = new RegExp(`^(?:[${LETTERS}][0-9]|[0-9][${LETTERS}])$`);
const NON_WORD = new RegExp(`[^${WORD_CHARS}]+`);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(NON_WORD)
    .filter((w) => (w.length > 2 || SHORT_TERMS.has(w) || LETTER_DIGIT.test(w)) && !STOP_WORDS.has(w));
}

/** A message's word, stemmed both ways (a message may mix languages). */
function stem(word: string): string[] {
  if (/\d/.test(word)) return [word];
  const en = stemEn(word);
  const fr = stemFr(word);
  return en === fr ? [en] : [en, fr];
}

/** Stems of words already seen (pastes repeat the same words); bounded, emptied when full. */
const STEM_CACHE = new Map<string, string[]>();
const STEM_CACHE_MAX = 20_000;

function stemBoth(word: string): string[] {
  let stems = STEM_CACHE.get(word);
  if (stems === undefined) {
    stems = stem(word);
    if (STEM_CACHE.size >= STEM_CACHE_MAX) STEM_CACHE.clear();
    STEM_CACHE.set(word, stems);
  }
  return stems;
}

/**
 * One document per symptom phrase (so that a message matching one phrase well beats scattered single words),
 * English phrases stemmed in English and French ones in French, scored with Okapi BM25 over a plain inverted
 * map built at load. MiniSearch did this job first: its query cost 50–250 µs here, a fifth of a message's whole
 * HTTP path and below the knowledge bench's floor, against a few µs for these loops (npm run bench).
 */
interface Postings {
  /** The phrases holding the stem. */
  docs: number[];
  /** BM25 weight of the stem in each of them: fixed once every phrase is indexed, so worked out at load. */
  weights: number[];
}
/** Each phrase's scenario, as its place in SCENARIOS. */
const DOC_SCENARIO: number[] = [];
const POSTINGS = new Map<string, Postings>();
const BM25_K1 = 1.2;
const BM25_B = 0.7;
{
  const docLength: number[] = [];
  const counts = new Map<string, { doc: number; tf: number }[]>();
  // Phrases share most of their words: each word is stemmed once per language (the stemmers were most of the
  // build's cost, and the build runs at every start).
  const stemmed = { en: new Map<string, string>(), fr: new Map<string, string>() };
  const stemIn = (w: string, lang: 'en' | 'fr'): string[] => {
    if (/\d/.test(w)) return [w];
    let st = stemmed[lang].get(w);
    if (st === undefined) {
      st = lang === 'en' ? stemEn(w) : stemFr(w);
      stemmed[lang].set(w, st);
    }
    return [st];
  };
  for (const [place, s] of SCENARIOS.entries()) {
    const phrases: [string, 'en' | 'fr'][] = [
      ...s.when.symptoms.en.map((p): [string, 'en'] => [p, 'en']),
      ...s.when.symptoms.fr.map((p): [string, 'fr'] => [p, 'fr']),
    ];
    for (const [phrase, lang] of phrases) {
      const doc = DOC_SCENARIO.length;
      const stems = words(phrase).flatMap((w) => stemIn(w, lang));
      DOC_SCENARIO.push(place);
      docLength.push(stems.length);
      const tf = new Map<string, number>();
      for (const st of stems) tf.set(st, (tf.get(st) ?? 0) + 1);
      for (const [st, n] of tf) {
        const list = counts.get(st) ?? [];
        list.push({ doc, tf: n });
        counts.set(st, list);
      }
    }
  }
  const n = DOC_SCENARIO.length;
  const avgLength = docLength.reduce((a, b) => a + b, 0) / Math.max(1, n);
  for (const [st, list] of counts) {
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    POSTINGS.set(st, {
      docs: list.map(({ doc }) => doc),
      weights: list.map(({ doc, tf }) => {
        const norm = tf + BM25_K1 * (1 - BM25_B + (BM25_B * docLength[doc]!) / avgLength);
        return (idf * tf * (BM25_K1 + 1)) / norm;
      }),
    });
  }
}

/** What the search found in one phrase. */
interface PhraseHit {
  doc: number;
  /** BM25 of the searched terms the phrase holds, times their number (more words matched, more telling). */
  score: number;
  /** How many searched terms it holds, and the first one (an index into the terms searched). */
  terms: number;
  firstTerm: number;
}

/** Every phrase holding at least one of the terms, in the order the search first reached it. */
function searchPhrases(terms: readonly string[]): PhraseHit[] {
  // One slot per phrase, filled as the search reaches it (any phrase may be hit by several terms).
  const slot: (PhraseHit | undefined)[] = new Array(DOC_SCENARIO.length);
  const hits: PhraseHit[] = [];
  terms.forEach((term, t) => {
    const { docs, weights } = POSTINGS.get(term)!;
    for (let k = 0; k < docs.length; k++) {
      const doc = docs[k]!;
      const weight = weights[k]!;
      const hit = slot[doc];
      if (hit) {
        hit.score += weight;
        hit.terms++;
      } else {
        const fresh = { doc, score: weight, terms: 1, firstTerm: t };
        slot[doc] = fresh;
        hits.push(fresh);
      }
    }
  });
  for (const hit of hits) hit.score *= hit.terms;
  return hits;
}

/** Puts `score` in its place in `best` (highest first, a fixed length), the lowest score dropping out. */
function keepBest(best: number[], score: number): void {
  let carried = score;
  for (let i = 0; i < best.length; i++) {
    if (carried <= best[i]!) continue;
    const lower = best[i]!;
    best[i] = carried;
    carried = lower;
  }
}

export interface StoryMatch {
  scenario: string;
  /** 0–1: how strongly the message's words describe the scenario. */
  score: number;
}

/** A best BM25 score of about this size is a clear description (two or three telling words); it saturates above. */
const CLEAR_SCORE = 30;
/** Matches weaker than this share of the best one are noise. */
const MIN_SHARE = 0.25;
const MAX_MATCHES = 5;
/** Weights of a scenario's best, second and third matching phrases. */
const PHRASE_WEIGHTS = [1, 0.6, 0.4];

/**
 * The scenarios a message's words describe, best first. A match needs two distinct words of the scenario's
 * phrases (one shared word, such as "KMS", says nothing about which scenario it is).
 */
export function matchStory(text: string): StoryMatch[] {
  const seen = new Set<string>();
  const known = new Set<string>();
  for (const w of words(storyLines(text))) {
    if (seen.has(w)) continue;
    seen.add(w);
    for (const st of stemBoth(w)) if (POSTINGS.has(st)) known.add(st);
    if (known.size >= MAX_TERMS) break;
  }
  if (known.size === 0) return [];
  const terms = [...known];
  // The rarest terms say which scenario it is; searching every common one only costs time.
  if (terms.length > SEARCHED_TERMS)
    terms.sort((a, b) => POSTINGS.get(a)!.docs.length - POSTINGS.get(b)!.docs.length).splice(SEARCHED_TERMS);
  // A scenario scores its best phrase, plus less and less for each further phrase that also matches; it needs
  // two distinct terms, in one phrase or across two.
  // One entry per scenario (by its place in SCENARIOS), in the order the search first reached it.
  const entries: ({ best: number[]; firstTerm: number; twoTerms: boolean } | undefined)[] = new Array(
    SCENARIOS.length,
  );
  const reached: number[] = [];
  for (const hit of searchPhrases(terms)) {
    const place = DOC_SCENARIO[hit.doc]!;
    let entry = entries[place];
    if (entry === undefined) {
      entry = { best: PHRASE_WEIGHTS.map(() => 0), firstTerm: hit.firstTerm, twoTerms: false };
      entries[place] = entry;
      reached.push(place);
    }
    if (hit.terms >= 2 || hit.firstTerm !== entry.firstTerm) entry.twoTerms = true;
    keepBest(entry.best, hit.score);
  }
  const scored: { scenario: string; raw: number }[] = [];
  for (const place of reached) {
    const { best, twoTerms } = entries[place]!;
    if (!twoTerms) continue;
    // Scores are above zero: a scenario with fewer phrases than weights adds zeros.
    let raw = 0;
    for (let i = 0; i < best.length; i++) raw += best[i]! * PHRASE_WEIGHTS[i]!;
    scored.push({ scenario: SCENARIOS[place]!.id, raw });
  }
  scored.sort((a, b) => b.raw - a.raw);
  const top = scored[0]?.raw ?? 0;
  const clarity = Math.min(1, top / CLEAR_SCORE);
  const out: StoryMatch[] = [];
  for (const { scenario, raw } of scored) {
    const share = raw / top;
    if (share < MIN_SHARE) break;
    out.push({ scenario, score: Math.round(clarity * share * 100) / 100 });
    if (out.length === MAX_MATCHES) break;
  }
  return out;
}

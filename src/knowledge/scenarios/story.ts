/**
 * Reading a person's story: a full-text index (MiniSearch, BM25) over every scenario's symptom phrases, English
 * phrases stemmed with the English Snowball stemmer and French ones with the French stemmer. A message is
 * searched in both (each word stemmed both ways), so "nos VM Azure ne s'activent plus" and "our Azure VMs
 * stopped activating" both find the Azure scenarios. Built once at module load.
 */
import MiniSearch from 'minisearch';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemFr } from '@orama/stemmers/french';
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
    'new need needs our nos notre depuis dit quand comment pourquoi get got getting une des'
  ).split(/\s+/),
);

/** Only this much of a message is read as a story: enough for any account a person types, bounded for 1 MiB pastes. */
const STORY_CHARS = 20_000;
/** At most this many distinct words are searched. */
const MAX_TERMS = 400;

/**
 * A labelled line of command output, not a story: `Name: value`, `License Status: Licensed` (every word of the
 * label capitalised), or the French spacing `Nom : valeur` with a short value (French prose also puts a space
 * before a colon, but goes on with a sentence), and slmgr's `Error:` / `Erreur :` rows. "VAMT proxy activation
 * fails: …" is prose.
 */
const LABELLED_LINE =
  /^\s*(?:(?:Error|Erreur)\s?:|[^:\n]{1,45}\s:\s*(?:\S+\s*){0,4}$|[A-Z][\w()./-]*(?:\s+[A-Z(][\w()./-]*){0,4}:(?:\s|$))/;
/** A command prompt line (`C:\>slmgr /dlv`, `PS C:\> …`) or a line with no word at all. */
const PROMPT_LINE = /^\s*(?:PS\s+)?[A-Za-z]:\\[^>\n]*>|^[^\p{L}]*$/u;

/** The lines of a message that tell its story: command output (labelled lines, prompts) left out. */
export function storyLines(text: string): string {
  const head = text.length > STORY_CHARS ? text.slice(0, STORY_CHARS) : text;
  return head
    .split('\n')
    .filter((line) => !LABELLED_LINE.test(line) && !PROMPT_LINE.test(line))
    .join('\n');
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w));
}

function stem(word: string, field?: string): string[] {
  if (/\d/.test(word)) return [word];
  if (field === 'en') return [stemEn(word)];
  if (field === 'fr') return [stemFr(word)];
  const en = stemEn(word);
  const fr = stemFr(word);
  return en === fr ? [en] : [en, fr];
}

/** One document per symptom phrase, so that a message matching one phrase well beats scattered single words. */
interface PhraseDoc {
  id: string;
  scenario: string;
  en: string;
  fr: string;
}

const INDEX = new MiniSearch<PhraseDoc>({
  fields: ['en', 'fr'],
  storeFields: ['scenario'],
  tokenize: words,
  processTerm: (term, field) => {
    const stems = stem(term, field);
    return stems.length === 1 ? stems[0] : stems;
  },
});
INDEX.addAll(
  SCENARIOS.flatMap((s) => [
    ...s.when.symptoms.en.map((en, i) => ({ id: `${s.id}#en${i}`, scenario: s.id, en, fr: '' })),
    ...s.when.symptoms.fr.map((fr, i) => ({ id: `${s.id}#fr${i}`, scenario: s.id, en: '', fr })),
  ]),
);

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
  const terms: string[] = [];
  for (const w of words(storyLines(text))) {
    if (seen.has(w)) continue;
    seen.add(w);
    terms.push(w);
    if (terms.length === MAX_TERMS) break;
  }
  if (terms.length === 0) return [];
  // A scenario scores its best phrase, plus less and less for each further phrase that also matches.
  const byScenario = new Map<string, number[]>();
  const termsOf = new Map<string, Set<string>>();
  for (const hit of INDEX.search(terms.join(' '))) {
    const scenario = hit['scenario'] as string;
    byScenario.set(scenario, [...(byScenario.get(scenario) ?? []), hit.score]);
    const seenTerms = termsOf.get(scenario) ?? new Set<string>();
    for (const t of hit.terms) seenTerms.add(t);
    termsOf.set(scenario, seenTerms);
  }
  const scored = [...byScenario.entries()]
    .filter(([scenario]) => (termsOf.get(scenario)?.size ?? 0) >= 2)
    .map(([scenario, scores]) => ({
      scenario,
      raw: scores
        .sort((a, b) => b - a)
        .slice(0, PHRASE_WEIGHTS.length)
        .reduce((sum, x, i) => sum + x * PHRASE_WEIGHTS[i]!, 0),
    }))
    .sort((a, b) => b.raw - a.raw);
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

/** For tests and tuning: the raw search. */
export function searchStory(text: string) {
  return INDEX.search(words(text).join(' '));
}

/**
 * Reading a person's story: a full-text index (MiniSearch, BM25) over every scenario's symptom phrases, English
 * phrases stemmed with the English Snowball stemmer and French ones with the French stemmer. A message is
 * searched in both (each word stemmed both ways), so "nos VM Azure ne s'activent plus" and "our Azure VMs
 * stopped activating" both find the Azure scenarios. Built once at module load.
 */
import MiniSearch from 'minisearch';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemFr } from '@orama/stemmers/french';
import type { Lang } from '../types.js';
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

const INDEX = new MiniSearch<{ id: string; en: string; fr: string }>({
  fields: ['en', 'fr'],
  tokenize: words,
  processTerm: (term, field) => {
    const stems = stem(term, field);
    return stems.length === 1 ? stems[0] : stems;
  },
});
INDEX.addAll(
  SCENARIOS.map((s) => ({
    id: s.id,
    en: s.when.symptoms.en.join(' . '),
    fr: s.when.symptoms.fr.join(' . '),
  })),
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

/**
 * The scenarios a message's words describe, best first. A match needs two distinct words of the scenario's
 * phrases (one shared word, such as "KMS", says nothing about which scenario it is).
 */
export function matchStory(text: string): StoryMatch[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const w of words(text.length > STORY_CHARS ? text.slice(0, STORY_CHARS) : text)) {
    if (seen.has(w)) continue;
    seen.add(w);
    terms.push(w);
    if (terms.length === MAX_TERMS) break;
  }
  if (terms.length === 0) return [];
  const out: StoryMatch[] = [];
  const hits = INDEX.search(terms.join(' ')).filter((h) => h.terms.length >= 2);
  const top = hits[0]?.score ?? 0;
  const clarity = Math.min(1, top / CLEAR_SCORE);
  for (const hit of hits) {
    const share = hit.score / top;
    if (share < MIN_SHARE) break;
    out.push({ scenario: hit.id as string, score: Math.round(clarity * share * 100) / 100 });
    if (out.length === MAX_MATCHES) break;
  }
  return out;
}

/** For tests and tuning: the raw search. */
export function searchStory(text: string, _lang?: Lang) {
  return INDEX.search(words(text).join(' '));
}

/**
 * What a chat message asks for, in English or French: the short conversational commands ("start over", "that
 * fixed it", "didn't help", "in French please"), a request to explain a code, or evidence to diagnose. Matching is
 * done on the text as `fold` gives it (lower case, no accents, one kind of apostrophe) so "Ça n’a pas marché" and
 * "ca n'a pas marche" read the same.
 */
import { fold } from '../knowledge/fold.js';
import type { DetectedCode, Lang, Observation } from '../knowledge/types.js';
import { isEscalateRequest } from './escalations/commands.js';

/** The parts of the knowledge core's extraction that classification looks at. */
export interface ExtractionView {
  codes: DetectedCode[];
  observations: Observation[];
}

export type IntentKind =
  | 'help'
  | 'reset'
  | 'resolved'
  | 'didnt_help'
  | 'show_all'
  | 'details'
  | 'escalate'
  | 'language'
  | 'explain'
  | 'evidence'
  | 'chatter';

export interface Intent {
  kind: IntentKind;
  /** The user asked for this language ("in French please", "en anglais"). */
  langRequest?: Lang;
  /** The language of the command words used ("pourquoi", "c'est réglé"), for messages too short to detect. */
  cueLang?: Lang;
}

/** Conversational commands are only recognised in short messages, so a paste that says "reset" is not one. */
const SHORT = 160;

const LANG_FR =
  /\b(?:(?:in|en) (?:french|francais)|(?:parle[sz]?|repond[sz]?|reponds?|speak|answer) (?:en )?(?:french|francais)|french please)\b/;
const LANG_EN =
  /\b(?:(?:in|en) (?:english|anglais)|(?:parle[sz]?|repond[sz]?|reponds?|speak|answer) (?:en )?(?:english|anglais)|english please)\b/;

const RESET =
  /^(?:ok[, ]+|please[, ]+|stp[, ]+)?(?:start over|start again|reset|restart|new (?:issue|problem|case)|recommencer|on recommence|recommencons|reinitialiser|reinitialise|repartir de zero|on repart de zero|nouveau (?:probleme|cas))\b/;

const HELP =
  /^(?:help|aide|\?|hi|hello|hey|bonjour|salut|coucou|yo|what can you do|que sais[- ]tu faire|que peux[- ]tu faire|comment (?:ca|tu) (?:marche|fonctionne)s?|how does (?:this|it) work|how do i use (?:this|you))\b/;

const DIDNT_HELP =
  /\b(?:(?:didn'?t|did not|doesn'?t|does not|won'?t|wouldn'?t) (?:help|work|fix)|still (?:fails|failing|broken|not working|the same|no luck)|not (?:fixed|solved|resolved)|pas (?:regle|resolu)|no luck|same error|n'?a pas (?:marche|aide|fonctionne|regle|resolu)|n'?ont pas (?:marche|aide|fonctionne)|ne (?:marche|fonctionne|regle) (?:toujours )?pas|(?:ca|cela) (?:marche|fonctionne) (?:toujours )?pas|toujours (?:pas|le meme|la meme erreur|en echec)|pas mieux|aucun changement|meme erreur)\b/;

const RESOLVED =
  /\b(?:(?:that|this|it) (?:fixed|solved|did) it|fixed it|it works|it worked|works now|working now|all good now|(?:issue |problem )?(?:fixed|solved|resolved)|thanks,? (?:it|that) worked|c'?est (?:regle|resolu|bon)|(?:ca|cela) (?:marche|fonctionne)|(?:ca|cela) a (?:marche|fonctionne)|(?:probleme )?resolu|regle)\b/;

const SHOW_ALL =
  /\b(?:(?:show|list|see) (?:me )?(?:all|every|the other)(?: the)? (?:findings|causes)|all (?:findings|causes)|(?:toutes|autres) (?:les )?causes|(?:voir|montre[rz]?|afficher) (?:toutes )?les (?:autres )?causes)\b/;

const EXPLAIN =
  /\b(?:why|what(?:'s| is| does| means?)?|explain|meaning|means|pourquoi|c'?est quoi|qu'?est[- ]ce que|que (?:veut dire|signifie)|signification|explique[rz]?)\b/;

/** Words that give a short message's language away when the detector has too little text to decide. */
const FR_CUES =
  /\b(?:pourquoi|c'?est (?:quoi|regle|resolu|bon)|qu'?est[- ]ce|que (?:veut dire|signifie)|signification|explique[rz]?|recommencer|on recommence|reinitialiser|repartir|(?:ca|cela) (?:a )?(?:ne )?(?:marche|fonctionne)|n'?a pas|toujours pas|pas mieux|bonjour|salut|merci|aide|causes|svp|stp)\b/;
const EN_CUES =
  /\b(?:why|what|explain|meaning|start over|fixed|solved|works?|worked|didn'?t|did not|doesn'?t|still|help|hello|thanks|please|show|findings)\b/;

function cueLangOf(folded: string): Lang | undefined {
  const fr = FR_CUES.test(folded);
  const en = EN_CUES.test(folded);
  return fr === en ? undefined : fr ? 'fr' : 'en';
}

/** true when nothing but the language request, filler words and punctuation is left (codes already out). */
function nothingElse(folded: string): boolean {
  const left = folded
    .replace(LANG_FR, ' ')
    .replace(LANG_EN, ' ')
    .replace(
      /\b(?:please|pls|thanks|thank you|merci|s'?il (?:te|vous) plait|stp|svp|now|maintenant|desormais|ok|okay|d'?accord)\b/g,
      ' ',
    );
  return !/[\p{L}\p{N}']/u.test(left);
}

/**
 * Classifies one message. `ex` is the knowledge core's extraction of the same text; `hasPaste` means it found
 * command output (not just prose or codes). `folded` is `fold(text)` when the caller already has it.
 */
export function classify(text: string, ex: ExtractionView, folded = fold(text)): Intent {
  const hasPaste = ex.observations.some((o) => o.source !== 'prose');
  const hasProseFacts = ex.observations.some((o) => o.source === 'prose' && Object.keys(o.facts).length > 0);
  const short = folded.length <= SHORT;

  let langRequest: Lang | undefined;
  if (short) {
    if (LANG_FR.test(folded)) langRequest = 'fr';
    else if (LANG_EN.test(folded)) langRequest = 'en';
  }
  const cueLang = short ? cueLangOf(folded) : undefined;
  const withLang = (kind: IntentKind): Intent => ({
    kind,
    ...(langRequest ? { langRequest } : {}),
    ...(cueLang ? { cueLang } : {}),
  });

  if (!hasPaste && short) {
    if (RESET.test(folded)) return withLang('reset');
    if (isEscalateRequest(folded)) return withLang('escalate');
    if (ex.codes.length === 0) {
      if (SHOW_ALL.test(folded)) return withLang('show_all');
      if (HELP.test(folded) && !DIDNT_HELP.test(folded)) return withLang('help');
      if (DIDNT_HELP.test(folded)) return withLang('didnt_help');
      if (RESOLVED.test(folded)) return withLang('resolved');
      if (langRequest && nothingElse(folded)) return withLang('language');
    }
  }
  if (ex.codes.length > 0 && !hasPaste) {
    const codesOnly = nothingElse(removeRaw(folded, ex.codes));
    if (codesOnly || (short && EXPLAIN.test(folded))) return withLang('explain');
  }
  if (ex.codes.length > 0 || hasPaste || hasProseFacts) return withLang('evidence');
  if (folded === '') return withLang('help');
  return withLang('chatter');
}

/**
 * Every spelling the code detector accepts, in folded text (lower case, blanks collapsed to one space): `0x…`,
 * `0 x …`, bare 8-digit hex, signed or unsigned 10-digit decimal. Bounded alternatives with no nested quantifier,
 * so one pass is linear in the text.
 */
const CODE_SPELLING = /(?<![0-9a-z_])(?:0 ?x ?[0-9a-f]{8}|-?[0-9]{10}|[0-9a-f]{8})(?![0-9a-z_])/g;

/**
 * The folded text with every occurrence of a detected code's spelling blanked out, in one pass: a candidate
 * spelling goes when its folded form is one of the detected raws. (Splitting the whole text once per distinct
 * code cost codes × length: 45,000 codes in a 480 KB paste took 20 s.)
 */
function removeRaw(folded: string, codes: DetectedCode[]): string {
  const raws = new Set<string>();
  // A code's spelling is ASCII and blanks: lower case and one space per gap is its folded form.
  for (const c of codes) raws.add(c.raw.toLowerCase().replace(/\s+/g, ' '));
  return folded.replace(CODE_SPELLING, (m) => (raws.has(m) ? ' ' : m));
}

/**
 * The pipeline behind `diagnose`: extract (cap, unwrap, detect, parse, recognise GVLKs, detect language,
 * redact), merge the observations into one set of facts, run the rules, choose the next evidence, localize.
 * Facts are redacted before use, so no full non-GVLK product key can leave this module.
 */
import { codeKnowledge, codeTitle } from './catalogue/index.js';
import { nextEvidence, localizeAsk } from './ask.js';
import { detectCodes } from './detect/codes.js';
import { officeOnlyCodes } from './detect/office-codes.js';
import { gvlkByPartial } from './gvlk/index.js';
import { decodeHresult } from './hresult.js';
import { detectMessageLang } from './lang.js';
import { parseMessage } from './parse/index.js';
import { quotedChannel, readStatedFacts } from './parse/prose.js';
import { keyTypeFromChannel } from './parse/values.js';
import type { Segment } from './parse/segment.js';
import { unwrapChatFormatting } from './parse/normalize.js';
import { asksForUnauthorizedActivation, refusalText } from './policy.js';
import {
  findProductKeys,
  mayHoldProductKey,
  redactKeys,
  redactValue,
  type ProductKeyMatch,
} from './redact.js';
import { canonicalCodes, evaluate, localizeFinding } from './rules/index.js';
import { separatingChecks } from './scenarios/checks.js';
import { tellsAboutOffice } from './scenarios/index.js';
import { rankScenarios } from './scenarios/rank.js';
import { matchStory } from './scenarios/story.js';
import type { DetectedCode, Diagnosis, Facts, HexCode, Lang, Observation } from './types.js';

/** Input beyond 1 MiB (in UTF-16 code units) is not read. */
export const MAX_INPUT_CHARS = 1024 * 1024;

export interface Extraction {
  /** Chat formatting unwrapped, product keys redacted. */
  text: string;
  /** Detected from the text when it is clear. */
  lang?: Lang;
  /** Every code found, in order, one per distinct code. */
  codes: DetectedCode[];
  /** One per recognized command output, plus 'prose' facts. */
  observations: Observation[];
  /** Asked for a crack or a KMS emulator. */
  refusal: boolean;
  /** Input beyond the 1 MiB cap was cut. */
  truncated: boolean;
}

function cap(text: string): { text: string; truncated: boolean } {
  if (text.length <= MAX_INPUT_CHARS) return { text, truncated: false };
  let end = MAX_INPUT_CHARS;
  // Never split a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true };
}

type GvlkFact = NonNullable<Facts['gvlk']>;

function gvlkFact(g: {
  partial: string;
  product: string;
  edition: string;
  osKind: 'server' | 'client';
}): GvlkFact {
  return { partial: g.partial, product: g.product, edition: g.edition, osKind: g.osKind };
}

/** A GVLK typed in full (e.g. in `slmgr /ipk …`) says the machine is meant to be a KMS client. */
function fullKeyGvlkObservation(keys: readonly ProductKeyMatch[]): Observation | undefined {
  const found = keys.find((k) => k.gvlk !== undefined);
  return found?.gvlk
    ? { source: 'prose', facts: { gvlk: gvlkFact(found.gvlk), keyType: 'GVLK' } }
    : undefined;
}

/** slmgr's Partial Product Key that matches exactly one published GVLK identifies the installed key. */
function withPartialGvlk(obs: Observation): Observation {
  const partial = obs.facts.partialProductKey;
  if (!partial || obs.facts.gvlk) return obs;
  const matches = gvlkByPartial(partial);
  if (matches.length !== 1 || !matches[0]) return obs;
  const facts: Facts = { ...obs.facts, gvlk: gvlkFact(matches[0]) };
  if (facts.keyType === undefined) facts.keyType = 'GVLK';
  return { ...obs, facts };
}

/**
 * Two slmgr outputs in one paste with the same CMID but otherwise different facts come from two machines that
 * share a Client Machine ID: clones. (One machine pasted twice shows identical facts.)
 */
function sharedCmidObservation(observations: readonly Observation[]): Observation | undefined {
  const withCmid = observations.filter(
    (o) => (o.source === 'slmgr-dli' || o.source === 'slmgr-dlv') && o.facts.cmid,
  );
  if (withCmid.length < 2) return undefined;
  const byCmid = new Map<string, string>();
  for (const { facts } of withCmid) {
    const shape = JSON.stringify({ ...facts, cmid: undefined });
    const seen = byCmid.get(facts.cmid!);
    if (seen !== undefined && seen !== shape) return { source: 'prose', facts: { clonedOrSnapshot: true } };
    byCmid.set(facts.cmid!, shape);
  }
  return undefined;
}

/**
 * Eight words or more, counted from the first word: an output's indent is no word, so slmgr's indented
 * `    Volume activation will expire …` reads like the same line pasted flush left (anchored, read once).
 */
const EIGHT_WORDS = /^\s*\S+(?:\s+\S+){7}/;

/**
 * What the person wrote, for the story: the prose around the outputs, plus long sentences the output reader kept
 * with an output because they quote a code (slmgr's own `Error:` rows are left out by the story reader).
 */
function toldText({ segments, prose }: { segments: readonly Segment[]; prose: string }): string {
  const sentences: string[] = [];
  for (const seg of segments)
    for (const line of seg.lines)
      if (EIGHT_WORDS.test(line.raw) && !line.raw.includes('Windows(R)')) sentences.push(line.raw);
  return sentences.length === 0 ? prose : `${prose}\n${sentences.join('\n')}`;
}

/**
 * slmgr's channel quoted in a sentence that the output reader kept with an output ("Le slmgr /dlv indique « Canal
 * de vente au détail »", a bare `Système d’exploitation Windows®, Canal RETAIL` under a sentence): read as the
 * prose reader reads it, when no output gave the channel.
 */
function channelInOutputs(
  segments: readonly Segment[],
  observations: readonly Observation[],
): Observation | undefined {
  if (segments.length === 0 || observations.some((o) => o.facts.channel !== undefined)) return undefined;
  for (const seg of segments) {
    // Office's own licence lines name Office's channel, not Windows'.
    if (seg.family === 'ospp') continue;
    for (const line of seg.lines) {
      const channel = quotedChannel(line.raw);
      if (channel === undefined) continue;
      const keyType = keyTypeFromChannel(channel);
      return { source: 'prose', facts: keyType ? { channel, keyType } : { channel } };
    }
  }
  return undefined;
}

/**
 * Facts a person states on a line the output reader kept with an output ("Error: 0xC004F074 on our new Azure VMs"
 * is slmgr's error row to the reader, and a story to the person): read as the prose reader reads sentences. The
 * sentence patterns name machines and places, which command output does not.
 */
function statedInOutputs(segments: readonly Segment[]): Observation | undefined {
  if (segments.length === 0) return undefined;
  const lines: string[] = [];
  for (const seg of segments) for (const line of seg.lines) lines.push(line.raw);
  const facts = readStatedFacts(lines.join('\n'));
  return Object.keys(facts).length > 0 ? { source: 'prose', facts } : undefined;
}

export function extract(text: string): Extraction {
  const input = typeof text === 'string' ? text : '';
  const { text: capped, truncated } = cap(input);
  const unwrapped = unwrapChatFormatting(capped);
  const keys = findProductKeys(unwrapped);
  const observations: Observation[] = [];
  const typed = fullKeyGvlkObservation(keys);
  if (typed) observations.push(typed);
  const parsed = parseMessage(unwrapped);
  for (const obs of parsed.observations) observations.push(withPartialGvlk(obs));
  const clones = sharedCmidObservation(observations);
  if (clones) observations.push(clones);
  const channel = channelInOutputs(parsed.segments, observations);
  if (channel) observations.push(channel);
  const officeCodes = officeOnlyCodes(parsed.segments, parsed.prose);
  if (officeCodes.length > 0) observations.push({ source: 'ospp-dstatus', facts: { officeCodes } });
  const stated = statedInOutputs(parsed.segments);
  if (stated) observations.unshift(stated);
  // The message's own words (not the command output it quotes), kept as a fact so that a thread remembers the
  // story told in its first message.
  const storyMatches = matchStory(toldText(parsed));
  if (storyMatches.length > 0) observations.push({ source: 'prose', facts: { storyMatches } });
  const extraction: Extraction = {
    // The key scan above already tells whether there is anything to mask: skip the second pass when not.
    text: keys.some((k) => !k.masked && !k.gvlk) ? redactKeys(unwrapped) : unwrapped,
    codes: detectCodes(unwrapped),
    observations,
    refusal: asksForUnauthorizedActivation(unwrapped),
    truncated,
  };
  const lang = detectMessageLang(parsed.prose, unwrapped);
  if (lang) extraction.lang = lang;
  return extraction;
}

const ARRAY_KEYS = new Set<keyof Facts>([
  'events',
  'srvHosts',
  'targetEditions',
  'storyMatches',
  'ranCommands',
  'officeCodes',
]);

function dedupe<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Later observation wins per key; arrays are concatenated and deduplicated. */
export function mergeFacts(observations: readonly Observation[]): Facts {
  // One observation (the usual paste) is its own merge; facts are never changed in place, so it can be shared.
  if (observations.length === 1) return observations[0]!.facts;
  const merged: Record<string, unknown> = {};
  // List facts: the arrays of every observation are joined and de-duplicated once at the end (not once per
  // observation: a thread of several pastes re-serialised every item at each step).
  const parts = new Map<string, unknown[][]>();
  for (const { facts } of observations) {
    const src = facts as Record<string, unknown>;
    for (const key in src) {
      const value = src[key];
      if (value === undefined) continue;
      const isList = ARRAY_KEYS.has(key as keyof Facts) && Array.isArray(value);
      const joined = parts.get(key);
      if (isList && joined && Array.isArray(merged[key])) joined.push(value);
      else if (isList) parts.set(key, [value]);
      else parts.delete(key);
      merged[key] = value;
    }
  }
  for (const [key, arrays] of parts) if (arrays.length > 1) merged[key] = dedupe(arrays.flat());
  return merged as Facts;
}

/**
 * The codes a diagnosis names: each one the user typed, under the spelling typed (0x80092328, with the catalogue
 * code it is read as), then the canonical codes the rules saw that no typed spelling stands for.
 */
function describeCodes(
  typed: readonly HexCode[],
  canonical: readonly HexCode[],
  lang: Lang,
): Diagnosis['codes'] {
  // Sets, not list scans: a paste can hold thousands of distinct codes.
  const list: HexCode[] = [];
  const listed = new Set<HexCode>();
  const typedSet = new Set(typed);
  const covered = new Set<HexCode>();
  for (const code of [...typed, ...canonical]) {
    const k = codeKnowledge(code);
    if (k === undefined || listed.has(k.code) || (!typedSet.has(k.code) && covered.has(k.canonical)))
      continue;
    list.push(k.code);
    listed.add(k.code);
    covered.add(k.canonical);
  }
  return list.map((code) => {
    const k = codeKnowledge(code)!;
    const head = {
      code,
      ...(k.canonical !== code ? { canonical: k.canonical } : {}),
      known: k.known,
      ...(k.name ? { name: k.name } : {}),
      title: codeTitle(code, lang),
    };
    return k.entry ? head : { ...head, decoded: decodeHresult(code) };
  });
}

/** Marks each code typed in no `0x` spelling (`-1073418124`, `Error: 1168`) with the text as typed. */
function withSpellings(codes: Diagnosis['codes'], detected: readonly DetectedCode[]): Diagnosis['codes'] {
  const typedAs = new Map<HexCode, string>();
  for (const d of detected) if (d.form !== 'hex' && !typedAs.has(d.code)) typedAs.set(d.code, d.raw);
  return codes.map((c) => {
    const raw = typedAs.get(c.code);
    return raw !== undefined ? { ...c, seenAs: raw } : c;
  });
}

/** True when some string inside `value` might hold a product key (plain loops: this runs on every diagnosis). */
function anyMayHoldKey(value: unknown): boolean {
  if (typeof value === 'string') return mayHoldProductKey(value);
  if (Array.isArray(value)) {
    for (const v of value) if (anyMayHoldKey(v)) return true;
    return false;
  }
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    // for-in over a plain object reads each value through V8's enum cache, whatever the object's shape.
    for (const k in obj) if (anyMayHoldKey(obj[k])) return true;
  }
  return false;
}

/** The deep redaction walk only runs when some fact could hold a key. */
function redactFacts(facts: Facts): Facts {
  return anyMayHoldKey(facts) ? redactValue(facts) : facts;
}

/**
 * Facts are the only user-derived strings a diagnosis carries (params, evidence and filled commands come from
 * them; every other text is ours and key-free, which a test checks). Redacting them on the way in therefore
 * keeps every output free of full non-GVLK keys, at a fraction of the cost of walking the whole result.
 */
export function diagnoseFacts(
  input: { facts: Facts; codes: readonly HexCode[] },
  opts: { lang: Lang; exclude?: readonly string[] },
): Diagnosis {
  const exclude = opts.exclude ?? [];
  const facts = redactFacts(input.facts);
  const codes = canonicalCodes(input.codes, facts);
  // Codes only Office printed point at the scenarios Office shares with Windows (KMS discovery, network, host)
  // and its own; one that none of those lists (0xC004F069: an edition's SKU) is not read by the rules or tests.
  const office = canonicalCodes(facts.officeCodes ?? [], {});
  const windows =
    office.length === 0 ? codes : codes.filter((c) => !office.includes(c) || tellsAboutOffice(c));
  const ruled = evaluate({ facts, codes: windows, canonical: true });
  const ranked = rankScenarios(ruled, facts, codes, exclude, office);
  const refs = ranked.map((r) => r.ref);
  const checks = separatingChecks(ranked, facts, opts.lang);
  const asks = nextEvidence(facts, windows, refs, exclude).map((a) => localizeAsk(a, opts.lang, facts));
  return {
    lang: opts.lang,
    codes: describeCodes(input.codes, codes, opts.lang),
    facts,
    findings: refs.map((r) => localizeFinding(r, opts.lang, facts)),
    ask: [...checks, ...asks.filter((a) => !checks.some((c) => c.command === a.command))].slice(0, 3),
  };
}

export function diagnose(text: string, opts: { lang?: Lang } = {}): Diagnosis {
  const ex = extract(text);
  const lang = opts.lang ?? ex.lang ?? 'en';
  const facts = mergeFacts(ex.observations);
  const codes = ex.codes.map((c) => c.code);
  if (ex.refusal) {
    // No help activating against an emulator: only what was recognised, and the legitimate routes.
    const safe = redactFacts(facts);
    return {
      lang,
      codes: withSpellings(describeCodes(codes, canonicalCodes(codes, safe), lang), ex.codes),
      facts: safe,
      findings: [],
      ask: [],
      refusal: refusalText(lang),
    };
  }
  const d = diagnoseFacts({ facts, codes }, { lang });
  return { ...d, codes: withSpellings(d.codes, ex.codes) };
}

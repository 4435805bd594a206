/**
 * Turns a language-neutral FindingRef into the Finding a user reads, in one language: a scenario's texts (the
 * finding's id is the scenario id), a catalogued code's texts, or the decoded-code text.
 */
import { describeDecoded, lookupCode, slError } from '../catalogue/index.js';
import { decodeHresult } from '../hresult.js';
import { knowledgePhrases } from '../phrases.js';
import { scenarioById } from '../scenarios/index.js';
import { alreadyRun, factParams } from '../scenarios/params.js';
import type { Facts, Finding, FindingRef, HexCode, Lang } from '../types.js';
import { CODE_FINDING_PREFIX, UNKNOWN_CODE_PREFIX } from './run-rules.js';
import { fill, NOTE_TEXTS, UNKNOWN_CODE_TEXT, type RuleText } from './texts.js';

function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…»”]$/.test(t) ? t : `${t}.`;
}

/** Texts of a catalogued code, shaped like a rule text. */
function catalogueText(code: string, lang: Lang): RuleText | undefined {
  const entry = lookupCode(code);
  if (!entry) return undefined;
  return {
    title: `${entry.code} — ${entry.message[lang]}`,
    cause: entry.causes.map((c) => sentence(c[lang])).join(' '),
    fix: entry.fix.map((s) =>
      s.command === undefined ? { text: s.text[lang] } : { text: s.text[lang], command: s.command },
    ),
  };
}

/**
 * A code no catalogue entry explains. When slerror.h names it, the finding says that name and meaning, as
 * `explain` does, instead of calling a code Windows defines "not documented"; otherwise what its bits say.
 */
function undocumentedCodeText(code: string, lang: Lang): RuleText {
  const generic = UNKNOWN_CODE_TEXT[lang];
  const sl = slError(code);
  if (!sl) return generic;
  const p = knowledgePhrases(lang);
  return { ...generic, title: p.slErrorTitle(sl.code, sl.name), cause: p.slErrorCause(sl.name, sl.meaning) };
}

function ruleText(id: string, lang: Lang): RuleText | undefined {
  if (id.startsWith(CODE_FINDING_PREFIX)) return catalogueText(id.slice(CODE_FINDING_PREFIX.length), lang);
  if (id.startsWith(UNKNOWN_CODE_PREFIX))
    return undocumentedCodeText(id.slice(UNKNOWN_CODE_PREFIX.length), lang);
  const scenario = scenarioById(id);
  if (!scenario) return undefined;
  return {
    title: scenario.title[lang],
    cause: scenario.cause[lang],
    fix: scenario.fix.map((s) =>
      s.command === undefined ? { text: s[lang] } : { text: s[lang], command: s.command },
    ),
  };
}

function paramsFor(ref: FindingRef, lang: Lang): Record<string, string> {
  if (!ref.id.startsWith(UNKNOWN_CODE_PREFIX)) return ref.params;
  const code = ref.id.slice(UNKNOWN_CODE_PREFIX.length) as HexCode;
  return { ...ref.params, code, decoded: describeDecoded(decodeHresult(code), lang) };
}

export function findingTitle(id: string, lang: Lang, params: Record<string, string> = {}): string {
  const text = ruleText(id, lang);
  return text ? fill(text.title, params, lang) : id;
}

function noteFor(ref: FindingRef, lang: Lang): string | undefined {
  if (ref.supersedes.length === 0) return undefined;
  const notes = NOTE_TEXTS[lang];
  return ref.supersedes
    .map((loser) =>
      fill(notes[`${ref.id}>${loser}`] ?? notes['default'] ?? '', { other: findingTitle(loser, lang) }, lang),
    )
    .join(' ');
}

/**
 * The finding in one language. With the thread's facts, placeholders the facts know are filled in and steps
 * whose command the thread shows already ran are left out (one step always remains).
 */
export function localizeFinding(ref: FindingRef, lang: Lang, facts?: Facts): Finding {
  const params = facts ? { ...factParams(facts), ...paramsFor(ref, lang) } : paramsFor(ref, lang);
  const text = ruleText(ref.id, lang);
  if (!text) throw new Error(`no text for finding ${ref.id}`);
  const steps = text.fix.map((s) =>
    s.command === undefined
      ? { text: fill(s.text, params, lang) }
      : { text: fill(s.text, params, lang), command: fill(s.command, params, lang) },
  );
  const fresh = facts ? steps.filter((s) => s.command === undefined || !alreadyRun(s.command, facts)) : steps;
  const finding: Finding = {
    id: ref.id,
    title: fill(text.title, params, lang),
    cause: fill(text.cause, params, lang),
    fix: fresh.length > 0 ? fresh : steps,
    escalate: ref.escalate,
    confidence: ref.confidence,
    evidence: [...ref.evidence],
  };
  const note = noteFor(ref, lang);
  if (note) finding.note = note;
  return finding;
}

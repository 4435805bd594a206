/**
 * One conversational turn as a pure function of the thread's previous state and the message: which language to
 * answer in, what the message asks for (a paste, "why 0x…", "didn't help", a button…), the next thread state and
 * the reply. Pure so that the store can re-run it on a newer state when another instance wrote the thread first.
 */
import { diagnoseFacts, explain, extract, refusalText } from '../knowledge/index.js';
import type { Ask, Diagnosis, Facts, HexCode, Lang } from '../knowledge/types.js';
import {
  addCodes,
  addObservations,
  annotateEvidence,
  factChanges,
  threadCodes,
  threadFacts,
} from './evidence.js';
import { hasOpenEscalation } from './handoff.js';
import { type IntentKind } from './intent.js';
import { phrases } from './phrases.js';
import {
  allFindingsReply,
  diagnosisReply,
  escalationReply,
  explanationReply,
  helpReply,
  microsoftEscalation,
  refusalReply,
  resetReply,
  resolvedReply,
  type Common,
} from './reply.js';
import { emptyState, type ThreadState } from './state.js';
import { type EngineResult, type InboundMessage, type ReplyModel, type ThreadStatus } from './types.js';
import { factLine } from '../knowledge/fact-labels.js';

/** Questions shown per reply. */
const MAX_QUESTIONS = 3;

export type Extraction = ReturnType<typeof extract>;

/** What this turn asks for: an intent from the text, or a button. */
export interface Request {
  kind: IntentKind;
  langRequest?: Lang;
  cueLang?: Lang;
  /** The finding a button referred to. */
  findingId?: string;
  /** The code an explanation card's "Details" button referred to. */
  code?: HexCode;
  viaButton: boolean;
}

/** The knowledge core's diagnosis; injectable so a test can count how often a turn diagnoses. */
export type Diagnose = typeof diagnoseFacts;

/** A diagnosis already made this turn, and of which thread evidence (Escalate: made for the dossier). */
export interface SeenDiagnosis {
  observations: ThreadState['observations'];
  codes: ThreadState['codes'];
  rejected: ThreadState['rejected'];
  lang: Lang;
  diagnosis: Diagnosis;
}

export interface TurnInput {
  msg: InboundMessage;
  ex: Extraction;
  req: Request;
  now: number;
  warnings: string[];
  /** The escalation this turn opened (Escalate with a service configured). */
  escalationId?: string;
  /** The message only answered the escalation team's question: remember its prose facts, say nothing. */
  answerOnly?: boolean;
  /** Default: the knowledge core's `diagnoseFacts`. */
  diagnose?: Diagnose;
  /** Reused when the turn diagnoses the same evidence in the same language. */
  seen?: SeenDiagnosis;
}

export interface Turn {
  next: ThreadState | null;
  /** null only for an answer-only message (the escalation relayed it and said so). */
  reply: ReplyModel | null;
  mode: EngineResult['mode'];
  /** A "Details" click: the card's details, shown to the clicker alone (the thread is not written). */
  details?: ReplyModel;
}

export function langOfLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return primary === 'fr' ? 'fr' : primary === 'en' ? 'en' : undefined;
}

/**
 * The answer language: an explicit request, then a language the thread pinned by asking, then the message's own
 * language (detected, or given away by its command words; a paste in a thread that already has a language keeps
 * it), then the platform locale, then what the thread last used. Buttons carry no text: they keep the
 * thread's language, since the card they sit on was written in it.
 */
export function resolveLang(prev: ThreadState | null, t: TurnInput): Lang {
  if (t.req.langRequest) return t.req.langRequest;
  if (prev?.langPinned && prev.lang) return prev.lang;
  if (t.req.viaButton) return prev?.lang ?? langOfLocale(t.msg.localeHint) ?? 'en';
  // Pasted command output is in the machine's language, not the person's: the thread keeps its own.
  if (
    prev?.lang &&
    prev.observations.length + prev.codes.length > 0 &&
    t.ex.observations.some((o) => o.source !== 'prose')
  )
    return prev.lang;
  return t.ex.lang ?? t.req.cueLang ?? langOfLocale(t.msg.localeHint) ?? prev?.lang ?? 'en';
}

// --------------------------------------------------------------------------------------------------------------
// The turn: pure, re-runnable on a newer state.
// --------------------------------------------------------------------------------------------------------------

interface Ctx {
  t: TurnInput;
  lang: Lang;
  /** Previous state with this turn's language, time and prose facts applied (never null). */
  base: ThreadState;
  prev: ThreadState | null;
  common: (status?: ThreadStatus) => Common;
  /** Every finding, rejected ones included: made at most once, only when a title is nowhere else. */
  everyFinding?: Diagnosis;
  /** The merged facts of an observation list, merged once per turn (the diagnosis and the change lines share them). */
  facts: (observations: ThreadState['observations']) => Facts;
}

/** Thread facts merged at most once per observation list within one turn. */
function factsOnce(): Ctx['facts'] {
  const merged = new Map<ThreadState['observations'], Facts>();
  return (observations) => {
    let facts = merged.get(observations);
    if (facts === undefined) {
      facts = threadFacts(observations);
      merged.set(observations, facts);
    }
    return facts;
  };
}

export function step(prev: ThreadState | null, t: TurnInput): Turn {
  const lang = resolveLang(prev, t);
  const p = phrases(lang);
  const warnings = t.warnings.map((w) => p[w as 'truncated' | 'memoryUnavailable' | 'memoryNotSaved']);
  const start = prev ?? emptyState(t.now);
  const base: ThreadState = {
    ...start,
    lang,
    langPinned: t.req.langRequest ? true : start.langPinned,
    updatedAt: t.now,
  };
  const ctx: Ctx = {
    t,
    lang,
    base,
    prev,
    common: (status) => ({ lang, warnings, ...(status ? { status } : {}) }),
    facts: factsOnce(),
  };

  if (t.ex.refusal) {
    return { next: prev, reply: refusalReply(ctx.common(prev?.status), refusalText(lang)), mode: 'post' };
  }
  if (t.answerOnly) return { next: unlessUnchanged(prev, withProse(ctx, base)), reply: null, mode: 'none' };
  switch (t.req.kind) {
    case 'reset':
      return resetTurn(ctx);
    case 'resolved':
      return resolvedTurn(ctx);
    case 'didnt_help':
      return didntHelpTurn(ctx);
    case 'show_all':
      return showAllTurn(ctx);
    case 'details':
      return detailsTurn(ctx);
    case 'escalate':
      return escalateTurn(ctx);
    case 'explain':
      return explainTurn(ctx);
    case 'evidence':
      return evidenceTurn(ctx);
    case 'language':
      return languageTurn(ctx);
    case 'help':
    case 'chatter':
      return helpTurn(ctx);
  }
}

/** Keeps the previous state object when nothing worth saving changed, so the store skips the write. */
function unlessUnchanged(prev: ThreadState | null, next: ThreadState): ThreadState | null {
  if (prev === null) return next.langPinned || next.observations.length > 0 ? next : null;
  if (
    prev.lang === next.lang &&
    prev.langPinned === next.langPinned &&
    next.observations === prev.observations
  ) {
    return prev;
  }
  return next;
}

/** Adds this message's prose facts ("it's a VM") to a state, whatever else the message asked. */
function withProse(c: Ctx, state: ThreadState): ThreadState {
  const prose = c.t.ex.observations.filter((o) => o.source === 'prose' && Object.keys(o.facts).length > 0);
  if (prose.length === 0) return state;
  return { ...state, observations: addObservations(state.observations, prose, c.t.msg.messageId, c.t.now) };
}

function run(c: Ctx, state: ThreadState, exclude: string[] = state.rejected): Diagnosis {
  const seen = c.t.seen;
  if (
    seen &&
    seen.lang === c.lang &&
    seen.observations === state.observations &&
    seen.codes === state.codes &&
    seen.rejected === exclude
  )
    return seen.diagnosis;
  return diagnoseThread(state, c.lang, exclude, c.t.diagnose, c.facts(state.observations));
}

/** The thread's diagnosis in `lang`, its rejected findings left out. */
export function diagnoseThread(
  state: ThreadState,
  lang: Lang,
  exclude: string[] = state.rejected,
  diagnose: Diagnose = diagnoseFacts,
  facts: Facts = threadFacts(state.observations),
): Diagnosis {
  return diagnose({ facts, codes: threadCodes(state) }, { lang, ...(exclude.length > 0 ? { exclude } : {}) });
}

/**
 * A finding's title in the turn's language: from this turn's diagnosis, else as the thread last showed it (its
 * findings and the ones ruled out keep their titles), else from one diagnosis without exclusions; its id if gone.
 */
function titleOf(c: Ctx, state: ThreadState, id: string | undefined, seen?: Diagnosis): string | undefined {
  if (!id) return undefined;
  const shown =
    seen?.findings.find((f) => f.id === id)?.title ??
    state.findings.find((f) => f.id === id && f.lang === c.lang)?.title ??
    state.ruledOut.find((f) => f.id === id && f.lang === c.lang)?.title;
  if (shown) return shown;
  c.everyFinding ??= run(c, state, []);
  return c.everyFinding.findings.find((f) => f.id === id)?.title ?? id;
}

/** What the Escalate turn shows, made once: the diagnosis and the titles of what was tried. */
export function escalationView(state: ThreadState, t: TurnInput): SeenDiagnosis & { tried: string[] } {
  const lang = resolveLang(state, t);
  const diagnosis = diagnoseThread(state, lang, state.rejected, t.diagnose);
  const c: Ctx = {
    t,
    lang,
    base: state,
    prev: state,
    common: () => ({ lang, warnings: [] }),
    facts: factsOnce(),
  };
  const tried = state.rejected.map((id) => titleOf(c, state, id, diagnosis)!);
  return {
    observations: state.observations,
    codes: state.codes,
    rejected: state.rejected,
    lang,
    diagnosis,
    tried,
  };
}

function statusAfter(prev: ThreadStatus, d: Diagnosis): ThreadStatus {
  if (prev === 'escalated') return prev;
  return d.findings.length > 0 ? 'diagnosed' : 'open';
}

/** The diagnosis's asks, ones not asked before in this thread first. */
function pickQuestions(asks: Ask[], state: ThreadState): Ask[] {
  const asked = new Set(state.asked.map((a) => a.command));
  return [...asks.filter((a) => !asked.has(a.command)), ...asks.filter((a) => asked.has(a.command))].slice(
    0,
    MAX_QUESTIONS,
  );
}

function recordAsked(c: Ctx, state: ThreadState, questions: Ask[]): ThreadState['asked'] {
  const known = new Set(state.asked.map((a) => a.command));
  const added = questions
    .filter((q) => !known.has(q.command))
    .map((q) => ({ command: q.command, messageId: c.t.msg.messageId, at: c.t.now }));
  return added.length > 0 ? [...state.asked, ...added] : state.asked;
}

/** With the diagnosis stored: findings, asked questions and status. */
function diagnosed(c: Ctx, state: ThreadState, d: Diagnosis, questions: Ask[]): ThreadState {
  const status = statusAfter(state.status === 'resolved' ? 'open' : state.status, d);
  const next: ThreadState = {
    ...state,
    findings: titledFindings(d, c.lang),
    asked: recordAsked(c, state, questions),
    status,
  };
  if (status !== 'resolved') delete next.resolvedBy;
  return next;
}

function titledFindings(d: Diagnosis, lang: Lang): ThreadState['findings'] {
  return d.findings.map((f) => ({ id: f.id, confidence: f.confidence, title: f.title, lang }));
}

/** Evidence lines: the top finding's evidence with its source, or what the thread knows when nothing fired. */
function evidenceLines(c: Ctx, state: ThreadState, d: Diagnosis): string[] {
  const top = d.findings[0];
  if (top) return annotateEvidence(top.evidence, state.observations, c.lang);
  const facts = c.facts(state.observations);
  return (Object.keys(facts) as Array<keyof Facts>).slice(0, 12).map((k) => factLine(k, facts[k], c.lang));
}

function escalationFor(c: Ctx, state: ThreadState, d: Diagnosis): ReplyModel['escalation'] {
  if (!d.findings[0]?.escalate) return undefined;
  const codes = threadCodes(state);
  const bring = codes.flatMap((code) => {
    const e = explain(code, c.lang);
    return e.escalate ? e.bring : [];
  });
  return microsoftEscalation(c.lang, codes, bring);
}

function evidenceTurn(c: Ctx): Turn {
  const { t, base, prev, lang } = c;
  const p = phrases(lang);
  const msgId = t.msg.messageId;
  const codesNow = t.ex.codes.map((x) => x.code);
  const state: ThreadState = {
    ...base,
    observations: addObservations(base.observations, t.ex.observations, msgId, t.now),
    codes: addCodes(base.codes, codesNow, msgId, t.now),
  };
  const d = run(c, state);
  const top = d.findings[0];

  const changes: string[] = [];
  const hadEvidence = prev !== null && (prev.observations.length > 0 || prev.codes.length > 0);
  if (hadEvidence) {
    const known = new Set(threadCodes(prev));
    for (const code of new Set(codesNow)) if (!known.has(code)) changes.push(p.newCode(code));
    changes.push(...factChanges(c.facts(prev.observations), c.facts(state.observations), lang));
    const before = prev.findings[0];
    if (before && top && before.id !== top.id)
      changes.push(p.causeChanged(titleOf(c, state, before.id, d)!, top.title));
    else if (before && top && before.confidence !== top.confidence) {
      changes.push(p.confidenceChanged(before.confidence, top.confidence));
    }
  }

  const questions = pickQuestions(d.ask, state);
  const summary = !top
    ? p.diagnosisNoneSummary
    : hadEvidence
      ? p.diagnosisUpdated(top.confidence)
      : p.diagnosisSummary(top.confidence);
  const next = diagnosed(c, state, d, questions);
  const escalation = escalationFor(c, state, d);
  const reply = diagnosisReply(c.common(next.status), {
    diagnosis: d,
    summary,
    evidence: evidenceLines(c, state, d),
    changes,
    questions,
    rejected: new Set(state.rejected),
    offerEscalation: false,
    ...(escalation ? { escalation } : {}),
  });
  return { next, reply, mode: 'post' };
}

function explainTurn(c: Ctx): Turn {
  const { t, lang } = c;
  const codesNow = [...new Set(t.ex.codes.map((x) => x.code))] as HexCode[];
  const state = withProse(c, { ...c.base, codes: addCodes(c.base.codes, codesNow, t.msg.messageId, t.now) });
  const d = run(c, state);
  const first = codesNow[0] as HexCode;
  const e = explain(first, lang);
  const codes = codesNow.map((code) => {
    const x = code === first ? e : explain(code, lang);
    return { code, title: x.title, known: x.known };
  });
  const questions = pickQuestions(d.ask, state);
  const next = diagnosed(c, state, d, questions);
  const b = phrases(lang).buttons;
  const extra =
    d.findings.length > 1
      ? [
          {
            id: 'show_all' as const,
            label: b.showAll,
            payload: { action: 'show_all' as const },
            style: 'default' as const,
          },
        ]
      : [];
  const reply = explanationReply(c.common(next.status), e, codes, questions, extra);
  return { next, reply, mode: 'post' };
}

function resetTurn(c: Ctx): Turn {
  const fresh = (prev: ThreadState): ThreadState => {
    const empty = emptyState(c.t.now, { lang: c.lang, langPinned: c.base.langPinned, cards: prev.cards });
    // Starting over does not close an open escalation: the thread stays linked to it.
    return hasOpenEscalation(prev)
      ? { ...empty, status: 'escalated', escalationId: prev.escalationId }
      : empty;
  };
  const next = c.prev ? fresh(c.prev) : unlessUnchanged(null, c.base);
  return { next, reply: resetReply(c.common('open')), mode: 'post' };
}

function resolvedTurn(c: Ctx): Turn {
  const state = withProse(c, c.base);
  const findingId = c.t.req.findingId ?? state.findings[0]?.id;
  const next: ThreadState = { ...state, status: 'resolved' };
  if (findingId) next.resolvedBy = findingId;
  else delete next.resolvedBy;
  const title = state.codes.length + state.observations.length > 0 ? titleOf(c, state, findingId) : findingId;
  return { next, reply: resolvedReply(c.common('resolved'), title), mode: buttonMode(c) };
}

function didntHelpTurn(c: Ctx): Turn {
  const p = phrases(c.lang);
  const state = withProse(c, c.base);
  const target = c.t.req.findingId ?? state.findings[0]?.id;
  if (!target) {
    const d = run(c, state);
    const asks = d.ask.length > 0 ? pickQuestions(d.ask, state) : p.starterAsks;
    return {
      next: unlessUnchanged(c.prev, state),
      reply: helpReply(
        c.common(c.prev?.status),
        `${p.noDiagnosisYet} ${p.helpNeedEvidence}`,
        asks,
        'question',
      ),
      mode: 'post',
    };
  }
  const ruledOutTitle = titleOf(c, state, target)!;
  const rejected = state.rejected.includes(target) ? state.rejected : [...state.rejected, target];
  const ruledOut = [
    ...state.ruledOut.filter((r) => r.id !== target),
    { id: target, title: ruledOutTitle, lang: c.lang },
  ];
  const withRejection: ThreadState = { ...state, rejected, ruledOut };
  const d = run(c, withRejection);
  const top = d.findings[0];
  const changes = [p.ruledOut(ruledOutTitle)];
  if (top) changes.push(p.causeChanged(ruledOutTitle, top.title));
  const questions = pickQuestions(d.ask, withRejection);
  const next = diagnosed(c, withRejection, d, questions);
  const escalation = escalationFor(c, withRejection, d);
  const reply = diagnosisReply(c.common(next.status), {
    diagnosis: d,
    summary: top ? p.nextCause(ruledOutTitle, top.confidence) : p.noMoreCauses(ruledOutTitle),
    evidence: evidenceLines(c, withRejection, d),
    changes,
    questions,
    rejected: new Set(rejected),
    offerEscalation: !top,
    ...(escalation ? { escalation } : {}),
  });
  return { next, reply, mode: 'post' };
}

function showAllTurn(c: Ctx): Turn {
  const state = withProse(c, c.base);
  const d = run(c, state, []);
  const reply = allFindingsReply(c.common(state.status), d, new Set(state.rejected));
  return { next: unlessUnchanged(c.prev, state), reply, mode: buttonMode(c) };
}

/**
 * "Details" on a card (Slack opens them in a modal): the thread's answer made again from its stored evidence with
 * this turn's one diagnosis (the escalation answer once the thread is escalated), for the renderer to draw its
 * details. Nothing is written and nothing is posted: the clicked card stays as it is.
 */
function detailsTurn(c: Ctx): Turn {
  const state = c.base;
  // A card whose thread kept nothing (answered privately, or its memory gone) has no details to make again.
  if (state.codes.length + state.observations.length === 0)
    return { next: c.prev, reply: null, mode: 'none' };
  let d = run(c, state);
  const code = c.t.req.code;
  if (code) {
    // An explanation card: that code's catalogue entry again, with the thread's next evidence.
    const e = explain(code, c.lang);
    const codes = [{ code, title: e.title, known: e.known }];
    const details = explanationReply(c.common(state.status), e, codes, pickQuestions(d.ask, state), []);
    return { next: c.prev, reply: null, mode: 'none', details };
  }
  // An older card of the thread led with another cause: its details follow the cause it showed.
  const shown = d.findings.find((f) => f.id === c.t.req.findingId);
  if (shown && shown !== d.findings[0])
    d = { ...d, findings: [shown, ...d.findings.filter((f) => f !== shown)] };
  const escalation = escalationFor(c, state, d);
  const details =
    state.status === 'escalated'
      ? escalationReply(c.common(state.status), {
          diagnosis: d,
          evidence: evidenceLines(c, state, d),
          tried: state.rejected.map((id) => titleOf(c, state, id, d)!),
          ...(escalation ? { microsoft: escalation } : {}),
          ...(state.escalationId ? { escalationId: state.escalationId } : {}),
        })
      : diagnosisReply(c.common(state.status), {
          diagnosis: d,
          summary: '',
          evidence: evidenceLines(c, state, d),
          changes: [],
          questions: pickQuestions(d.ask, state),
          rejected: new Set(state.rejected),
          offerEscalation: false,
          ...(escalation ? { escalation } : {}),
        });
  return { next: c.prev, reply: null, mode: 'none', details };
}

function escalateTurn(c: Ctx): Turn {
  const state = c.base;
  const d = run(c, state);
  const tried = state.rejected.map((id) => titleOf(c, state, id)!);
  const id = c.t.escalationId;
  const next: ThreadState = { ...state, status: 'escalated', ...(id ? { escalationId: id } : {}) };
  const escalation = escalationFor(c, state, d);
  const reply = escalationReply(c.common('escalated'), {
    diagnosis: d,
    evidence: evidenceLines(c, state, d),
    tried,
    ...(escalation ? { microsoft: escalation } : {}),
    ...(id ? { escalationId: id } : {}),
  });
  // Handed off from a button: the card it was clicked on becomes this answer, so Escalate cannot be clicked twice.
  return { next, reply, mode: id ? buttonMode(c) : 'post' };
}

function languageTurn(c: Ctx): Turn {
  const p = phrases(c.lang);
  const state = c.base;
  if (state.codes.length + state.observations.length === 0) {
    return {
      next: unlessUnchanged(c.prev, state),
      reply: helpReply(c.common(c.prev?.status), `${p.langSwitched} ${p.helpSummary}`, p.starterAsks),
      mode: 'post',
    };
  }
  // Say the current diagnosis again, in the new language.
  const d = run(c, state);
  const top = d.findings[0];
  const questions = pickQuestions(d.ask, state);
  const escalation = escalationFor(c, state, d);
  const reply = diagnosisReply(c.common(state.status), {
    diagnosis: d,
    summary: `${p.langSwitched} ${top ? p.diagnosisSummary(top.confidence) : p.diagnosisNoneSummary}`,
    evidence: evidenceLines(c, state, d),
    changes: [],
    questions,
    rejected: new Set(state.rejected),
    offerEscalation: false,
    ...(escalation ? { escalation } : {}),
  });
  // The findings keep their titles in the new language, for later turns that name them.
  return { next: { ...state, findings: titledFindings(d, c.lang) }, reply, mode: 'post' };
}

function helpTurn(c: Ctx): Turn {
  const p = phrases(c.lang);
  const state = withProse(c, c.base);
  const hasEvidence = state.codes.length + state.observations.length > 0;
  const d = hasEvidence ? run(c, state) : undefined;
  const asks = d && d.ask.length > 0 ? pickQuestions(d.ask, state) : p.starterAsks;
  const needMore = c.t.req.kind === 'chatter';
  const reply = helpReply(
    c.common(c.prev?.status),
    needMore ? p.helpNeedEvidence : p.helpSummary,
    asks,
    needMore ? 'question' : 'help',
  );
  return { next: unlessUnchanged(c.prev, state), reply, mode: 'post' };
}

/** A button on a card updates that card in place when the adapter told us which one it was. */
function buttonMode(c: Ctx): EngineResult['mode'] {
  return c.t.req.viaButton && c.t.msg.actionMessageId ? 'update' : 'post';
}

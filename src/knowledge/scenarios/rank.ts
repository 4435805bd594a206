/**
 * One ranked list of scenarios from three kinds of evidence:
 * - rules: what pasted output proves (a rule's strength, 0–6, after conflicts were settled);
 * - codes: each code points at the scenarios that list it, the earliest listed weighing most;
 * - the story: how strongly the message's own words describe a scenario (0–1, see story.ts).
 * A scenario's score is its stronger direct evidence (rule or code) plus the story's weight; the confidence
 * shown comes from the rule when one fired, else from the score and its lead over the next scenario.
 */
import { CODE_FINDING_PREFIX, UNKNOWN_CODE_PREFIX } from '../rules/run-rules.js';
import type { Confidence, Facts, FindingRef, HexCode } from '../types.js';
import { SCENARIOS, scenarioById, scenariosForCode, sharedWithOffice } from './index.js';

/** Weight of a code for the first scenario that lists it; each later position weighs a little less. */
const CODE_WEIGHT = 2.4;
const CODE_STEP = 0.3;
/** A code listed among a scenario's `alsoCodes`: it fits, but says little alone. */
const ALSO_CODE_WEIGHT = 1.2;
/** The scenario's facts (`when.facts`) all hold: e.g. the machine is an Azure VM. */
const FACT_WEIGHT = 2;
/**
 * A clear story (score 1): beside a rule (which already read the output, and the story may quote it), beside a
 * code or fact, and alone (then it is all there is).
 */
const STORY_WITH_RULE = 1;
const STORY_WEIGHT = 2;
const STORY_ALONE_WEIGHT = 3;
const STORY_AGAINST_CODES = 2;
/** A special case needs this much story (or its facts) to take over a general scenario's proof, and then leads it. */
const REFINE_STORY = 0.9;
const REFINE_BONUS = 0.5;
/** A lead smaller than this over the next scenario leaves the question open. */
export const CLOSE_MARGIN = 1;
/** Scenarios scoring under this share of the best one are not shown. */
const SHOWN_SHARE = 0.35;
const MAX_FINDINGS = 4;

export interface Ranked {
  ref: FindingRef;
  score: number;
  /** A rule proved it from pasted output (its confidence is the rule's). */
  proved: boolean;
}

interface Candidate {
  id: string;
  rule?: FindingRef;
  code: number;
  codeEvidence: string[];
  story: number;
  fact: number;
  factEvidence: string[];
  /** Rule strength taken over from a general scenario this one refines. */
  inherited: number;
  inheritedEvidence: readonly string[];
  order: number;
}

const RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** Scenarios that facts point at, with those facts (most have none). */
const WITH_FACTS = SCENARIOS.map((scenario) => ({
  scenario,
  wanted: Object.entries(scenario.when.facts),
})).filter((s) => s.wanted.length > 0);

/** Every condition holds in the facts (`known`: the fact has any value); no condition at all never holds. */
function factsHold(wanted: readonly [string, unknown][], facts: Facts): boolean {
  return (
    wanted.length > 0 &&
    wanted.every(([key, value]) => {
      const actual = facts[key as keyof Facts];
      return value === 'known' ? actual !== undefined : actual === value;
    })
  );
}

function confidenceOf(c: Candidate, score: number): Confidence {
  if (c.rule) {
    // A rule calibrates its own confidence; a story that says the same lifts a weak one.
    return c.rule.confidence === 'low' && c.story >= 0.5 ? 'medium' : c.rule.confidence;
  }
  if (c.code + c.fact > 0 && c.story >= 0.8 && score >= 4.5) return 'high';
  if (score >= 2.5) return 'medium';
  return 'low';
}

function idOf(r: { c: Candidate } | Ranked): string {
  return 'ref' in r ? r.ref.id : r.c.id;
}

/** The finding shown for a scenario: its rule's (or an empty) finding with every piece of evidence gathered. */
function toRanked(c: Candidate, score: number, facts: Facts): Ranked {
  const scenario = scenarioById(c.id);
  const base: FindingRef = c.rule ?? {
    id: c.id,
    confidence: 'low',
    escalate: false,
    evidence: [],
    supersedes: [],
    params: {},
  };
  const evidence = [
    ...base.evidence,
    ...[...c.inheritedEvidence, ...c.codeEvidence, ...c.factEvidence].filter(
      (e) => !base.evidence.includes(e),
    ),
  ];
  if (c.story > 0) evidence.push(`symptoms described (${Math.round(c.story * 100)}%)`);
  return {
    ref: {
      ...base,
      evidence,
      confidence: confidenceOf(c, score),
      escalate: scenario
        ? scenario.escalate || factsHold(Object.entries(scenario.escalateWhen), facts)
        : base.escalate,
      strength: Math.round(score * 100) / 100,
    },
    score,
    proved: c.rule !== undefined,
  };
}

/** Scenarios (and the generic code findings no scenario explains), best first. */
export function rankScenarios(
  refs: readonly FindingRef[],
  facts: Facts,
  codes: readonly HexCode[],
  exclude: readonly string[] = [],
  /** Codes only Office printed (`ospp.vbs`): they point only at scenarios Office shares (see sharedWithOffice). */
  officeCodes: readonly HexCode[] = [],
): Ranked[] {
  const byId = new Map<string, Candidate>();
  const kept: Ranked[] = [];
  let order = 0;
  const candidate = (id: string): Candidate => {
    let c = byId.get(id);
    if (!c) {
      c = {
        id,
        code: 0,
        codeEvidence: [],
        story: 0,
        fact: 0,
        factEvidence: [],
        inherited: 0,
        inheritedEvidence: [],
        order: order++,
      };
      byId.set(id, c);
    }
    return c;
  };
  for (const ref of refs) {
    if (ref.id.startsWith(CODE_FINDING_PREFIX)) {
      // A catalogued code no scenario lists keeps its catalogue finding; the others are scenarios below.
      const code = ref.id.slice(CODE_FINDING_PREFIX.length) as HexCode;
      if (scenariosForCode(code).length === 0) kept.push({ ref, score: ref.strength ?? 1, proved: false });
    } else if (ref.id.startsWith(UNKNOWN_CODE_PREFIX)) {
      kept.push({ ref, score: ref.strength ?? 0, proved: false });
    } else {
      candidate(ref.id).rule = ref;
    }
  }
  // Every code present points at the scenarios that list it, whether or not a rule already explained it.
  for (const code of codes) {
    const officeOnly = officeCodes.includes(code);
    for (const { scenario, position, also } of scenariosForCode(code)) {
      if (officeOnly && !sharedWithOffice(scenario)) continue;
      const c = candidate(scenario.id);
      c.code = Math.max(c.code, also ? ALSO_CODE_WEIGHT : CODE_WEIGHT - CODE_STEP * position);
      c.codeEvidence.push(`code ${code}`);
    }
  }
  for (const { scenario, wanted } of WITH_FACTS) {
    if (factsHold(wanted, facts)) {
      const c = candidate(scenario.id);
      c.fact = FACT_WEIGHT;
      c.factEvidence = wanted.map(([key, value]) => `${key}=${String(value)}`);
    }
  }
  for (const m of facts.storyMatches ?? []) {
    if (!scenarioById(m.scenario)) continue;
    const c = candidate(m.scenario);
    c.story = Math.max(c.story, m.score);
  }
  // A special case with its own support takes over the rule evidence of the general scenario it refines.
  for (const c of [...byId.values()]) {
    if (c.fact === 0 && c.story < REFINE_STORY) continue;
    for (const general of scenarioById(c.id)?.when.refines ?? []) {
      const proved = byId.get(general)?.rule;
      if (!proved || (proved.strength ?? 0) + REFINE_BONUS <= c.inherited) continue;
      c.inherited = (proved.strength ?? 0) + REFINE_BONUS;
      c.inheritedEvidence = proved.evidence;
    }
  }

  const scored = [...byId.values()]
    .filter((c) => !exclude.includes(c.id))
    .map((c) => {
      const ruled = Math.max(c.rule?.strength ?? 0, c.inherited);
      const direct = Math.max(ruled, c.code + c.fact);
      // A story for a scenario that none of the message's codes points at weighs less than one they agree with.
      const alone = codes.length > 0 ? STORY_AGAINST_CODES : STORY_ALONE_WEIGHT;
      const weight = ruled > 0 ? STORY_WITH_RULE : direct > 0 ? STORY_WEIGHT : alone;
      return { c, score: direct + weight * c.story };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        RANK[b.c.rule?.confidence ?? 'low'] - RANK[a.c.rule?.confidence ?? 'low'] ||
        a.c.order - b.c.order,
    );

  // Which entries are shown depends on scores alone: the finding (evidence, confidence) is only built for those.
  const all: ({ c: Candidate; score: number } | Ranked)[] = [...scored, ...kept].sort(
    (a, b) => b.score - a.score,
  );
  const best = all[0]?.score ?? 0;
  const shown = all
    .filter((r, i) => i === 0 || idOf(r).includes(':') || r.score >= best * SHOWN_SHARE)
    .slice(0, MAX_FINDINGS)
    .map((r) => ('ref' in r ? r : toRanked(r.c, r.score, facts)));
  // Two scenarios this close are both open: the first is not shown as certain unless output proved it.
  const [first, second] = shown;
  if (
    first &&
    second &&
    !first.proved &&
    first.score - second.score < CLOSE_MARGIN &&
    first.ref.confidence === 'high'
  ) {
    first.ref = { ...first.ref, confidence: 'medium' };
  }
  return shown;
}

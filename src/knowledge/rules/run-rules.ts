/**
 * Runs the rules over facts and codes and settles conflicts: when two findings explain the same symptom
 * differently, the one with stronger evidence wins; the other is dropped when clearly weaker, demoted to low
 * confidence when close. Codes no specific finding explains get a generic finding (catalogue or decoded).
 */
import { lookupCode } from '../catalogue/index.js';
import type { Confidence, Facts, FindingRef, HexCode } from '../types.js';
import { ENVIRONMENT_RULES } from './environment.js';
import { scenarioById } from '../scenarios/index.js';
import { codesInFacts, evidenceOf } from './combinators.js';
import { KEY_RULES } from './key-rules.js';
import { KMS_RULES } from './kms.js';
import type { Rule, RuleInput } from './rule-types.js';

export const RULES: readonly Rule[] = [...KMS_RULES, ...KEY_RULES, ...ENVIRONMENT_RULES];

/** Ids of generic findings: `code:0xC004F074` (catalogued) and `unknown-code:0x…` (decoded only). */
export const CODE_FINDING_PREFIX = 'code:';
export const UNKNOWN_CODE_PREFIX = 'unknown-code:';

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** A gap this large between winner and loser drops the loser; a smaller one only demotes it. */
const DROP_MARGIN = 2;

interface Fired {
  rule: Rule | undefined;
  covers: readonly string[];
  ref: FindingRef;
  strength: number;
  order: number;
  demoted: boolean;
}

/** Pasted codes plus codes carried in facts, in canonical form (aliases resolved), first occurrence first. */
export function canonicalCodes(codes: readonly HexCode[], facts: Facts): HexCode[] {
  const seen = new Set<HexCode>();
  for (const c of [...codes, ...codesInFacts(facts)]) seen.add((lookupCode(c)?.code ?? c) as HexCode);
  return [...seen];
}

function compact(params: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

function conflicts(a: Rule | undefined, b: Rule | undefined): boolean {
  if (!a || !b) return false;
  return (a.conflictsWith?.includes(b.id) ?? false) || (b.conflictsWith?.includes(a.id) ?? false);
}

function fire(rule: Rule, input: RuleInput, order: number): Fired | undefined {
  const result = rule.when(input);
  if (result === false) return undefined;
  const confidence =
    typeof rule.then.confidence === 'function' ? rule.then.confidence(input) : rule.then.confidence;
  const strength =
    typeof rule.evidenceStrength === 'function' ? rule.evidenceStrength(input) : rule.evidenceStrength;
  const covers = typeof rule.covers === 'function' ? rule.covers(input) : (rule.covers ?? []);
  return {
    rule,
    covers,
    strength,
    order,
    demoted: false,
    ref: {
      id: rule.id,
      confidence,
      escalate: scenarioById(rule.id)?.escalate ?? false,
      evidence: [...new Set(evidenceOf(result).filter((e) => e !== ''))],
      supersedes: [],
      params: compact(rule.then.params?.(input) ?? {}),
    },
  };
}

function byStrength(a: Fired, b: Fired): number {
  const sa = a.strength - (a.demoted ? DROP_MARGIN : 0);
  const sb = b.strength - (b.demoted ? DROP_MARGIN : 0);
  return (
    sb - sa ||
    CONFIDENCE_RANK[b.ref.confidence] - CONFIDENCE_RANK[a.ref.confidence] ||
    Number(b.ref.escalate) - Number(a.ref.escalate) ||
    a.order - b.order
  );
}

/** Keeps the stronger side of each conflict; records on the winner whom it beat. */
function settleConflicts(fired: Fired[]): Fired[] {
  const kept: Fired[] = [];
  for (const candidate of [...fired].sort(byStrength)) {
    const winner = kept.find((k) => !k.demoted && conflicts(k.rule, candidate.rule));
    if (!winner) {
      kept.push(candidate);
      continue;
    }
    winner.ref.supersedes.push(candidate.ref.id);
    if (winner.strength - candidate.strength >= DROP_MARGIN) continue;
    candidate.demoted = true;
    candidate.ref.confidence = 'low';
    kept.push(candidate);
  }
  return kept;
}

function genericFinding(code: HexCode, order: number): Fired {
  const entry = lookupCode(code);
  const known = entry !== undefined;
  return {
    rule: undefined,
    covers: [],
    strength: known ? 1 : 0,
    order,
    demoted: false,
    ref: {
      id: `${known ? CODE_FINDING_PREFIX : UNKNOWN_CODE_PREFIX}${code}`,
      confidence: known ? (entry.informational ? 'low' : 'medium') : 'low',
      escalate: entry?.escalate ?? false,
      evidence: [`code ${code}`],
      supersedes: [],
      params: { code },
    },
  };
}

/** Findings for these facts and codes, strongest first. */
export function evaluate(
  input: { facts: Facts; codes: readonly HexCode[]; canonical?: boolean },
  rules: readonly Rule[] = RULES,
): FindingRef[] {
  // `canonical`: the caller already ran canonicalCodes (diagnoseFacts does, for the codes list it shows).
  const codes = input.canonical ? [...input.codes] : canonicalCodes(input.codes, input.facts);
  const ruleInput: RuleInput = { facts: input.facts, codes: new Set(codes) };
  const fired: Fired[] = [];
  rules.forEach((rule, order) => {
    const f = fire(rule, ruleInput, order);
    if (f) fired.push(f);
  });
  const kept = settleConflicts(fired);
  const covered = new Set<string>(kept.flatMap((k) => k.covers));
  codes.forEach((c, i) => {
    if (!covered.has(c)) kept.push(genericFinding(c, rules.length + i));
  });
  return kept.sort(byStrength).map((k) => ({
    ...k.ref,
    strength: k.strength - (k.demoted ? DROP_MARGIN : 0),
  }));
}

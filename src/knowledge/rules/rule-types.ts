/**
 * The shape of one diagnostic rule: a predicate over what pasted output proves. Its id is the id of the scenario
 * it gives evidence for (src/knowledge/scenarios), which holds every text and the escalation decision.
 */
import type { Confidence, Facts, HexCode } from '../types.js';

/** What every rule sees: normalized facts and the set of codes (pasted, and found inside facts). */
export interface RuleInput {
  readonly facts: Facts;
  readonly codes: ReadonlySet<HexCode>;
}

/** Language-neutral evidence items, e.g. `code 0xC004F074`, `srvRecords=none`. */
export type Evidence = readonly string[];

/** `false` when the rule does not apply; otherwise the evidence that made it fire (may be empty for `true`). */
export type WhenResult = Evidence | boolean;

export type Params = Readonly<Record<string, string | undefined>>;

export interface Rule {
  readonly id: string;
  readonly when: (input: RuleInput) => WhenResult;
  readonly then: {
    readonly confidence: Confidence | ((input: RuleInput) => Confidence);
    /** Values for `{placeholders}` in the localized texts. */
    readonly params?: (input: RuleInput) => Params;
  };
  /**
   * How direct the evidence is, used to settle conflicts and to sort: 1 = one code that has many causes,
   * 3 = a code plus a fact that narrows it, 5 = facts that prove the cause, 6 = a hard rule (e.g. DISM refuses).
   */
  readonly evidenceStrength: number | ((input: RuleInput) => number);
  /** Findings that explain the same symptom differently: only the stronger one is presented as the cause. */
  readonly conflictsWith?: readonly string[];
  /** Codes this finding explains, so no generic per-code finding repeats them. */
  readonly covers?: readonly HexCode[] | ((input: RuleInput) => readonly HexCode[]);
}

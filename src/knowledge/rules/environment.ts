/** Rules about the machine rather than the key: updates, the licence store, clones and snapshots, health. */
import { C } from './code-names.js';
import { all, any, code, codesInFacts, fact, given, isEvaluation, kmsClientKey } from './combinators.js';
import { countBelow } from './kms.js';
import type { Rule, RuleInput } from './rule-types.js';

/** Any error code (informational 0x4… codes do not count) or a failed activation. */
function activationFailing(i: RuleInput) {
  const errors = [...i.codes].filter((c) => /^0x[89A-F]/.test(c));
  return any(
    given(errors.length > 0, errors.length > 0 ? `code ${errors[0]}` : ''),
    fact(i, 'activationSucceeded', false),
  );
}

export const updatesPending: Rule = {
  id: 'updates-pending',
  when: (i) => all(fact(i, 'updatesPending', true), activationFailing(i)),
  then: { confidence: 'medium' },
  evidenceStrength: 2,
};

/** The licence token store is corrupt or has wrong permissions (0xC004E002, 0xC004E015): rebuild it. */
export const tokenStoreRebuild: Rule = {
  id: 'token-store-rebuild',
  when: (i) => code(i, C.TOKEN_STORE_INVALID, C.EUL_CONSUMPTION),
  then: { confidence: 'high' },
  evidenceStrength: 4,
  covers: [C.TOKEN_STORE_INVALID, C.EUL_CONSUMPTION],
};

/**
 * Seed 000, step 4: stale licence data left by an edition change. A low-confidence extra step when a freshly
 * converted server (DISM shows a non-Eval edition) refuses a key that installed fine.
 */
export const licenseStoreReset: Rule = {
  id: 'license-store-reset',
  when: (i) =>
    all(
      code(i, C.KEY_BLOCKED),
      fact(i, 'keyInstallSucceeded', true),
      fact(i, 'currentEdition', (e) => !/eval/i.test(e)),
    ),
  then: {
    confidence: 'low',
    params: (i) => ({
      rearmCount: i.facts.rearmCount === undefined ? undefined : String(i.facts.rearmCount),
    }),
  },
  evidenceStrength: 2,
};

export const cloneOrSnapshot: Rule = {
  id: 'clone-or-snapshot',
  when: (i) =>
    i.facts.clonedOrSnapshot === true &&
    all(
      fact(i, 'clonedOrSnapshot', true),
      any(
        code(i, C.KEY_BLOCKED, C.KMS_COUNT, C.OUT_OF_TOLERANCE, C.MAK_LIMIT),
        kmsClientKey(i.facts),
        activationFailing(i),
      ),
    ),
  then: { confidence: 'medium' },
  evidenceStrength: 3,
  conflictsWith: ['kms-duplicate-cmid'],
  covers: [C.OUT_OF_TOLERANCE],
};

/** A healthy paste: licensed, and no error anywhere. Worth saying so the user stops looking. */
export const alreadyLicensed: Rule = {
  id: 'already-licensed',
  when: (i) =>
    (i.facts.licenseStatus === 'licensed' || i.facts.activationSucceeded === true) &&
    all(
      any(fact(i, 'licenseStatus', 'licensed'), fact(i, 'activationSucceeded', true)),
      given(
        [...i.codes, ...codesInFacts(i.facts)].every((c) => c.startsWith('0x4')),
        'no error code',
      ),
      i.facts.activationSucceeded !== false,
      // A licensed evaluation still expires, and a licensed KMS host below its threshold serves nobody.
      !isEvaluation(i.facts),
      countBelow(i) === false,
      i.facts.clonedOrSnapshot !== true,
    ),
  then: { confidence: 'high', params: (i) => ({ partial: i.facts.partialProductKey }) },
  evidenceStrength: 1,
};

export const ENVIRONMENT_RULES: readonly Rule[] = [
  updatesPending,
  tokenStoreRebuild,
  licenseStoreReset,
  cloneOrSnapshot,
  alreadyLicensed,
];

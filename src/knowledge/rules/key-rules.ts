/**
 * Key, channel and edition rules (MAK answers, KMS/MAK confusion, edition/key mismatch, key format) and the
 * evaluation-edition rules of DISM (fact sheet §5, seed 000).
 */
import { C, KMS_CLIENT_CODES, MAK_SERVER_CODES } from './code-names.js';
import {
  all,
  any,
  code,
  editionFamily,
  editionId,
  fact,
  given,
  hostParams,
  isCsvlkHost,
  isEvaluation,
  nonKmsKeyType,
  serverYear,
} from './combinators.js';
import type { Rule, RuleInput } from './rule-types.js';

const partial = (i: RuleInput) => ({ partial: i.facts.partialProductKey });

export const makBlocked: Rule = {
  id: 'key-blocked',
  when: (i) => code(i, C.KEY_BLOCKED, C.KEY_DYN_BLOCKED, C.BLOCKED_PRODUCT_KEY),
  then: { confidence: 'high', params: partial },
  // Windows accepted the key locally and Microsoft refused it: a key verdict, not a typo.
  evidenceStrength: (i) => 3 + (nonKmsKeyType(i.facts) ? 1 : 0) + (i.facts.keyInstallSucceeded ? 1 : 0),
  covers: [C.KEY_BLOCKED, C.KEY_DYN_BLOCKED, C.BLOCKED_PRODUCT_KEY],
};

export const makQuotaExhausted: Rule = {
  id: 'mak-quota-exhausted',
  when: (i) => code(i, C.MAK_LIMIT, C.MAK_EXT_LIMIT, C.CSVLK_LIMIT),
  then: { confidence: 'high', params: partial },
  evidenceStrength: 4,
  covers: [C.MAK_LIMIT, C.MAK_EXT_LIMIT, C.CSVLK_LIMIT],
};

export const makInvalid: Rule = {
  id: 'mak-invalid',
  // DISM's "Error: 1168" (0x80070490) during /Set-Edition is not a verdict on a MAK.
  when: (i) =>
    all(code(i, C.KEY_OUT_OF_RANGE, C.NOT_FOUND), given(i.facts.dismError === undefined, 'no DISM error')),
  then: { confidence: 'medium', params: partial },
  evidenceStrength: 3,
  covers: [C.KEY_OUT_OF_RANGE, C.NOT_FOUND],
};

/** A MAK answer from Microsoft while the machine still holds a KMS client key: the two channels got mixed. */
export const makErrorOnKmsClient: Rule = {
  id: 'mak-error-on-kms-client',
  when: (i) =>
    all(
      code(i, ...MAK_SERVER_CODES),
      any(
        fact(i, 'channel', 'VOLUME_KMSCLIENT'),
        fact(i, 'keyType', 'GVLK'),
        fact(i, 'productKeyChannel', (v) => /Volume:GVLK/i.test(v)),
      ),
    ),
  then: {
    confidence: 'high',
    params: (i) => ({
      channel: i.facts.channel ?? i.facts.productKeyChannel,
      partial: i.facts.partialProductKey,
      ...hostParams(i.facts),
    }),
  },
  evidenceStrength: 5,
  conflictsWith: ['key-blocked', 'mak-quota-exhausted', 'mak-invalid'],
  covers: [...MAK_SERVER_CODES],
};

/** A KMS error on a machine whose key is MAK, retail or OEM: it is not a KMS client at all. */
export const kmsErrorOnNonKmsKey: Rule = {
  id: 'kms-error-on-non-kms-key',
  when: (i) => {
    const kmsCode = code(i, ...KMS_CLIENT_CODES);
    if (kmsCode === false) return false;
    const kt = nonKmsKeyType(i.facts);
    return all(kmsCode, given(kt !== undefined, `keyType=${kt}`));
  },
  then: {
    confidence: 'high',
    params: (i) => ({
      keyType: nonKmsKeyType(i.facts),
      channel: i.facts.channel,
      edition: editionId(i.facts),
    }),
  },
  // The installed key proves the machine is not a KMS client: no KMS-side cause can apply.
  evidenceStrength: 6,
  conflictsWith: [
    'kms-srv-missing',
    'kms-port-blocked',
    'kms-count-low',
    'kms-host-key-coverage',
    'kms-clock-skew',
  ],
  covers: [...KMS_CLIENT_CODES],
};

function keyEditionMismatch(i: RuleInput) {
  const g = i.facts.gvlk;
  if (!g) return false;
  const installed = editionFamily(editionId(i.facts));
  const key = editionFamily(g.edition);
  if (installed && key && installed !== key)
    return [`gvlk edition=${g.edition}`, `edition=${editionId(i.facts)}`];
  const osYear = serverYear(i.facts.osVersion);
  const keyYear = serverYear(g.product);
  if (osYear && keyYear && osYear !== keyYear)
    return [`gvlk product=${g.product}`, `osVersion=${i.facts.osVersion}`];
  return false;
}

export const editionKeyMismatch: Rule = {
  id: 'edition-key-mismatch',
  when: (i) =>
    any(
      code(i, C.PKEY_INVALID_CONFIG, C.EDITION_MISMATCHED, C.OEM_EDITION_MISMATCH, C.EUL_NOT_AVAILABLE),
      keyEditionMismatch(i),
    ),
  then: {
    confidence: (i) => (keyEditionMismatch(i) ? 'high' : 'medium'),
    params: (i) => ({
      edition: editionId(i.facts),
      keyEdition: i.facts.gvlk?.edition,
      channel: i.facts.channel,
    }),
  },
  evidenceStrength: (i) => (keyEditionMismatch(i) ? 4 : 3),
  covers: [C.PKEY_INVALID_CONFIG, C.EDITION_MISMATCHED, C.OEM_EDITION_MISMATCH, C.EUL_NOT_AVAILABLE],
};

export const keyFormatInvalid: Rule = {
  id: 'key-format-invalid',
  when: (i) => all(code(i, C.INVALID_KEY), given(!isCsvlkHost(i.facts), 'not a KMS host')),
  then: { confidence: 'medium' },
  evidenceStrength: 3,
  covers: [C.INVALID_KEY],
};

export const csvlkHostUpdateNeeded: Rule = {
  id: 'csvlk-host-update-needed',
  when: (i) => all(code(i, C.INVALID_KEY), given(isCsvlkHost(i.facts), 'KMS host')),
  then: { confidence: 'medium', params: (i) => ({ hostOs: i.facts.osVersion }) },
  evidenceStrength: 4,
  covers: [C.INVALID_KEY],
};

// --- evaluation editions ---------------------------------------------------------------------------------

function evalEvidence(i: RuleInput) {
  const f = i.facts;
  if (!isEvaluation(f)) return false;
  const ev: string[] = [];
  if (f.currentEdition && /eval/i.test(f.currentEdition)) ev.push(`currentEdition=${f.currentEdition}`);
  else if (f.edition && /eval/i.test(f.edition)) ev.push(`edition=${f.edition}`);
  else if (f.channel === 'TIMEBASED_EVAL') ev.push('channel=TIMEBASED_EVAL');
  else ev.push('isEvaluation=true');
  return ev;
}

/** The retail edition an Eval edition converts to by default (same family and install type). */
function defaultTarget(i: RuleInput): string | undefined {
  const t = i.facts.targetEditions?.[0];
  if (t) return t;
  const ed = editionId(i.facts);
  return ed && /eval/i.test(ed) ? ed.replace(/Eval/i, '') : undefined;
}

function evalFailure(i: RuleInput) {
  return any(
    code(i, C.SKU_MISMATCH, C.KEY_BLOCKED, C.VALIDITY_EXPIRED),
    fact(i, 'keyInstallSucceeded', false),
    fact(i, 'activationSucceeded', false),
    fact(i, 'productNotFound', true),
    fact(i, 'dismError', () => true),
  );
}

/** An evaluation edition is worth a finding on its own (it expires); with a failed key or activation it is the cause. */
export const evalConversionUnfinished: Rule = {
  id: 'eval-conversion-unfinished',
  when: (i) => {
    const evidence = evalEvidence(i);
    if (evidence === false) return false;
    const failure = evalFailure(i);
    return all(evidence, failure === false ? true : failure);
  },
  then: {
    confidence: (i) => (evalFailure(i) ? 'high' : 'medium'),
    params: (i) => ({ edition: editionId(i.facts), target: defaultTarget(i) }),
  },
  evidenceStrength: (i) => (evalFailure(i) ? 5 : 4),
  conflictsWith: ['key-blocked', 'edition-key-mismatch', 'mak-error-on-kms-client'],
  covers: [C.SKU_MISMATCH, C.KEY_BLOCKED, C.VALIDITY_EXPIRED],
};

export const evalDomainController: Rule = {
  id: 'eval-dc-cannot-convert',
  when: (i) =>
    i.facts.isDomainController === true &&
    all(
      any(
        evalEvidence(i),
        fact(i, 'dismError', () => true),
      ),
      fact(i, 'isDomainController', true),
    ),
  then: { confidence: 'high', params: (i) => ({ edition: editionId(i.facts) }) },
  evidenceStrength: 6,
  conflictsWith: [
    'eval-conversion-unfinished',
    'eval-standard-core-datacenter-core',
    'dism-set-edition-failed',
  ],
  covers: [C.SKU_MISMATCH, C.KEY_BLOCKED, C.VALIDITY_EXPIRED, C.NOT_SUPPORTED],
};

export const evalStandardCore: Rule = {
  id: 'eval-standard-core-datacenter-core',
  when: (i) =>
    /^ServerStandardEvalCor$/i.test(editionId(i.facts) ?? '') &&
    all(
      given(/^ServerStandardEvalCor$/i.test(editionId(i.facts) ?? ''), `edition=${editionId(i.facts)}`),
      any(
        fact(i, 'dismError', () => true),
        fact(i, 'targetEditions', () => true),
        code(i, C.SKU_MISMATCH),
        fact(i, 'keyInstallSucceeded', false),
      ),
    ),
  then: { confidence: 'high', params: () => ({ target: 'ServerDatacenterCor' }) },
  evidenceStrength: (i) => (i.facts.dismError ? 6 : 5),
  conflictsWith: ['eval-conversion-unfinished'],
  covers: [C.SKU_MISMATCH],
};

export const noDatacenterToStandard: Rule = {
  id: 'no-datacenter-to-standard',
  when: (i) =>
    i.facts.gvlk !== undefined &&
    all(
      given(editionFamily(editionId(i.facts)) === 'datacenter', `edition=${editionId(i.facts)}`),
      given(editionFamily(i.facts.gvlk?.edition) === 'standard', `gvlk edition=${i.facts.gvlk?.edition}`),
    ),
  then: {
    confidence: 'high',
    params: (i) => ({ edition: editionId(i.facts), keyEdition: i.facts.gvlk?.edition }),
  },
  evidenceStrength: 6,
  conflictsWith: ['edition-key-mismatch', 'eval-conversion-unfinished'],
  covers: [C.PKEY_INVALID_CONFIG, C.EDITION_MISMATCHED, C.SKU_MISMATCH],
};

export const evalNoTarget: Rule = {
  id: 'eval-no-target-edition',
  when: (i) =>
    all(
      evalEvidence(i),
      fact(i, 'targetEditions', (t) => t.length === 0),
    ),
  then: { confidence: 'high', params: (i) => ({ edition: editionId(i.facts) }) },
  evidenceStrength: 6,
  conflictsWith: ['eval-conversion-unfinished', 'eval-standard-core-datacenter-core'],
  covers: [C.SKU_MISMATCH],
};

/** DISM /Set-Edition failed for another reason than the hard rules above: show its message and the checks. */
export const dismSetEditionFailed: Rule = {
  id: 'dism-set-edition-failed',
  when: (i) => fact(i, 'dismError', () => true),
  then: {
    confidence: 'medium',
    params: (i) => ({ message: i.facts.dismError?.message, target: defaultTarget(i) }),
  },
  evidenceStrength: 4,
  conflictsWith: [
    'eval-standard-core-datacenter-core',
    'eval-no-target-edition',
    'no-datacenter-to-standard',
  ],
  covers: (i) => (i.facts.dismError?.code ? [i.facts.dismError.code] : []),
};

export const KEY_RULES: readonly Rule[] = [
  makBlocked,
  makQuotaExhausted,
  makInvalid,
  makErrorOnKmsClient,
  kmsErrorOnNonKmsKey,
  editionKeyMismatch,
  keyFormatInvalid,
  csvlkHostUpdateNeeded,
  evalConversionUnfinished,
  evalDomainController,
  evalStandardCore,
  noDatacenterToStandard,
  evalNoTarget,
  dismSetEditionFailed,
];

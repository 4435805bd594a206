/** KMS client and host rules: DNS discovery, port 1688, count, host key coverage, host licence, clock. */
import { C } from './code-names.js';
import {
  all,
  any,
  clientKind,
  code,
  eventsWithId,
  fact,
  given,
  hostParams,
  isCsvlkHost,
  kmsClientKey,
  kmsHost,
  not,
} from './combinators.js';
import { csvlkNeededFor } from './kms-coverage.js';
import type { Rule, RuleInput } from './rule-types.js';

const DNS_CODES = [C.DNS_NAME_ERROR, C.DNS_NAME_ERROR_TYPO, C.DNS_NO_RECORDS, C.INVALID_NAME] as const;

/** The host was found in DNS (SRV answer, /dlv "from DNS" line): discovery works. */
function hostFoundViaDns(i: RuleInput): boolean {
  const f = i.facts;
  return f.srvRecords === 'found' || (f.srvHosts?.length ?? 0) > 0 || f.kmsHostFromDns !== undefined;
}

export const kmsSrvMissing: Rule = {
  id: 'kms-srv-missing',
  // Read first what it cannot go without: an empty SRV answer, or auto-discovery failing with none pasted.
  when: (i) =>
    (i.facts.srvRecords === 'none' ||
      (i.facts.srvRecords === undefined && i.facts.kmsDnsAutoDiscoveryFailed === true)) &&
    all(
      any(
        code(i, C.KMS_UNAVAILABLE, ...DNS_CODES),
        given(
          i.facts.licenseStatus !== 'licensed' && i.facts.licenseStatus !== undefined,
          `licenseStatus=${i.facts.licenseStatus}`,
        ),
        // An SRV lookup that came back empty is itself the symptom, even pasted alone.
        i.facts.srvRecords === 'none',
      ),
      any(
        fact(i, 'srvRecords', 'none'),
        i.facts.srvRecords === undefined && fact(i, 'kmsDnsAutoDiscoveryFailed', true),
      ),
      given(i.facts.kmsHostRegistered === undefined, 'kmsHostRegistered=none'),
    ),
  then: {
    confidence: (i) =>
      code(i, C.KMS_UNAVAILABLE, ...DNS_CODES)
        ? i.facts.srvRecords === 'none'
          ? 'high'
          : 'medium'
        : i.codes.size === 0
          ? 'medium'
          : 'low',
    params: (i) => ({ domain: i.facts.dnsDomain, ...hostParams(i.facts) }),
  },
  // An empty SRV answer without any KMS error is a lead, not the cause of the error at hand.
  evidenceStrength: (i) =>
    code(i, C.KMS_UNAVAILABLE, ...DNS_CODES) || i.codes.size === 0
      ? (i.facts.srvRecords === 'none' ? 4 : 3) + (code(i, ...DNS_CODES) ? 1 : 0)
      : 2,
  conflictsWith: ['kms-port-blocked'],
  covers: [C.KMS_UNAVAILABLE, ...DNS_CODES],
};

export const kmsPortBlocked: Rule = {
  id: 'kms-port-blocked',
  when: (i) =>
    any(
      fact(i, 'port1688Reachable', false),
      kmsHost(i.facts) !== undefined &&
        i.facts.port1688Reachable !== true &&
        code(i, C.RPC_UNAVAILABLE, C.KMS_NOT_ENABLED, C.RPC_NT_UNAVAILABLE, C.INVALID_STATE),
    ),
  then: {
    confidence: (i) => (i.facts.port1688Reachable === false ? 'high' : 'medium'),
    params: (i) => ({ host: i.facts.testedHost ?? kmsHost(i.facts)?.host, port: hostParams(i.facts).port }),
  },
  // A closed port on a host that DNS did return is the strongest sign: discovery works, the path does not.
  evidenceStrength: (i) => (i.facts.port1688Reachable === false ? 4 + (hostFoundViaDns(i) ? 1 : 0) : 2),
  conflictsWith: ['kms-srv-missing'],
  covers: [C.KMS_UNAVAILABLE, C.RPC_UNAVAILABLE, C.KMS_NOT_ENABLED, C.RPC_NT_UNAVAILABLE, C.INVALID_STATE],
};

/**
 * The count the host reports and the minimum the client needs: event 12290 (host) or 12289 (client) or the host
 * /dlv. Without a stated minimum the client kind decides (5 server, 25 client); unknown kind with a count under 5
 * is below either threshold.
 */
export function kmsCount(i: RuleInput): { count: number; needed: number; source: string } | undefined {
  // Most pastes state no count at all: skip the look-ups below (several rules ask, on every diagnosis).
  if (i.facts.kmsCurrentCount === undefined && (i.facts.events?.length ?? 0) === 0) return undefined;
  const kind = clientKind(i.facts);
  const neededFor = (count: number, stated?: number) =>
    stated ?? (kind === 'server' ? 5 : kind === 'client' ? 25 : count < 5 ? 5 : undefined);
  const ev = [...eventsWithId(i.facts, 12290), ...eventsWithId(i.facts, 12289)].find(
    (e) => e.currentCount !== undefined,
  );
  const stated = eventsWithId(i.facts, 12290).find((e) => e.minimumCount !== undefined)?.minimumCount;
  if (ev?.currentCount !== undefined) {
    const needed = neededFor(ev.currentCount, ev.minimumCount ?? stated);
    return needed === undefined
      ? undefined
      : { count: ev.currentCount, needed, source: `event ${ev.id} count ${ev.currentCount}/${needed}` };
  }
  if (i.facts.kmsCurrentCount !== undefined) {
    const needed = neededFor(i.facts.kmsCurrentCount, stated);
    return needed === undefined
      ? undefined
      : { count: i.facts.kmsCurrentCount, needed, source: `kmsCurrentCount=${i.facts.kmsCurrentCount}` };
  }
  return undefined;
}

export function countBelow(i: RuleInput) {
  const c = kmsCount(i);
  return c !== undefined && c.count < c.needed ? [c.source] : false;
}

/** Clones share one CMID; a count stuck at 1 while many requests arrive says the same. */
function duplicateCmidSigns(i: RuleInput) {
  const f = i.facts;
  return any(
    fact(i, 'clonedOrSnapshot', true),
    given(
      f.kmsCurrentCount !== undefined && f.kmsCurrentCount <= 1 && (f.kmsTotalRequests ?? 0) >= 10,
      `kmsCurrentCount=${f.kmsCurrentCount} with kmsTotalRequests=${f.kmsTotalRequests}`,
    ),
  );
}

export const kmsCountLow: Rule = {
  id: 'kms-count-low',
  when: (i) => any(code(i, C.KMS_COUNT), countBelow(i)),
  then: {
    confidence: (i) => (countBelow(i) ? 'high' : 'medium'),
    params: (i) => {
      const c = kmsCount(i);
      const kind = clientKind(i.facts);
      return {
        count: c ? String(c.count) : undefined,
        needed: c ? String(c.needed) : kind === 'server' ? '5' : kind === 'client' ? '25' : undefined,
      };
    },
  },
  evidenceStrength: (i) => (countBelow(i) ? 4 : 2),
  conflictsWith: ['kms-duplicate-cmid'],
  covers: [C.KMS_COUNT],
};

export const kmsDuplicateCmid: Rule = {
  id: 'kms-duplicate-cmid',
  // Both ways need a sign of clones: the machine says it was cloned, or the host counts almost nobody.
  when: (i) =>
    (i.facts.clonedOrSnapshot === true || i.facts.kmsCurrentCount !== undefined) &&
    any(
      all(any(code(i, C.KMS_COUNT), countBelow(i)), duplicateCmidSigns(i)),
      all(fact(i, 'clonedOrSnapshot', true), kmsClientKey(i.facts)),
    ),
  then: {
    confidence: (i) =>
      i.facts.clonedOrSnapshot && (code(i, C.KMS_COUNT) || countBelow(i)) ? 'high' : 'medium',
  },
  // Either sign says why the count is low, which beats merely seeing that it is.
  evidenceStrength: 5,
  conflictsWith: ['kms-count-low', 'clone-or-snapshot'],
  covers: [C.KMS_COUNT],
};

/** The host-side codes came from event 12290: the request reached the host. */
function onHostEvent(i: RuleInput, ...codes: string[]): boolean {
  return eventsWithId(i.facts, 12290).some((e) => (e.codes ?? []).some((c) => codes.includes(c)));
}

/** The client's product: a GVLK shared by several products (Windows 10/11) says less than the build number. */
function clientProduct(i: RuleInput): string | undefined {
  const fromKey = i.facts.gvlk?.product;
  if (fromKey && !fromKey.includes('/')) return fromKey;
  return i.facts.osVersion ?? fromKey;
}

export const kmsHostTooOld: Rule = {
  id: 'kms-host-key-coverage',
  when: (i) => code(i, C.KMS_ID_MISMATCH, C.SKU_NOT_INSTALLED),
  then: {
    confidence: (i) => (csvlkNeededFor(clientProduct(i)) ? 'high' : 'medium'),
    params: (i) => {
      const client = clientProduct(i);
      const need = csvlkNeededFor(client);
      return { client, csvlk: need?.csvlk, hostOs: need?.hostOs, ...hostParams(i.facts) };
    },
  },
  evidenceStrength: (i) => (onHostEvent(i, C.KMS_ID_MISMATCH, C.SKU_NOT_INSTALLED) ? 5 : 4),
  conflictsWith: ['kms-srv-missing', 'kms-port-blocked'],
  covers: [C.KMS_ID_MISMATCH, C.SKU_NOT_INSTALLED, C.KMS_UNAVAILABLE],
};

export const kmsHostNotActivated: Rule = {
  id: 'kms-host-not-activated',
  when: (i) =>
    any(
      code(i, C.KMS_HOST_NOT_ACTIVATED),
      isCsvlkHost(i.facts) && fact(i, 'licenseStatus', (s) => s !== 'licensed' && s !== 'unknown'),
    ),
  then: { confidence: 'high', params: (i) => ({ host: kmsHost(i.facts)?.host }) },
  evidenceStrength: (i) => (code(i, C.KMS_HOST_NOT_ACTIVATED) && isCsvlkHost(i.facts) ? 5 : 4),
  conflictsWith: ['kms-count-low'],
  covers: [C.KMS_HOST_NOT_ACTIVATED],
};

export const kmsClockSkew: Rule = {
  id: 'kms-clock-skew',
  when: (i) => any(code(i, C.KMS_TIMESTAMP), fact(i, 'clockSkew', true)),
  then: {
    confidence: (i) => (code(i, C.KMS_TIMESTAMP) ? 'high' : 'medium'),
    params: (i) => ({ host: kmsHost(i.facts)?.host }),
  },
  // 0xC004F06C is the host's own answer: the host was found and reached, only the clocks disagree.
  evidenceStrength: (i) =>
    eventsWithId(i.facts, 12288).some((e) => (e.codes ?? []).includes(C.KMS_TIMESTAMP))
      ? 6
      : code(i, C.KMS_TIMESTAMP)
        ? 5
        : 3,
  conflictsWith: ['kms-srv-missing', 'kms-port-blocked'],
  covers: [C.KMS_TIMESTAMP, C.KMS_UNAVAILABLE],
};

export const notElevated: Rule = {
  id: 'not-elevated',
  when: (i) =>
    all(
      any(code(i, C.ACCESS_DENIED, C.LUA_ACCESS_DENIED), fact(i, 'notElevated', true)),
      not(fact(i, 'notElevated', false)),
    ),
  then: {
    confidence: (i) => (i.facts.notElevated || code(i, C.LUA_ACCESS_DENIED) ? 'high' : 'medium'),
  },
  evidenceStrength: (i) => (i.facts.notElevated ? 4 : 3),
  conflictsWith: ['dcom-self-access'],
  covers: [C.ACCESS_DENIED, C.LUA_ACCESS_DENIED],
};

export const dcomSelfAccess: Rule = {
  id: 'dcom-self-access',
  when: (i) =>
    all(
      code(i, C.ACCESS_DENIED),
      any(given(eventsWithId(i.facts, 8229).length > 0, 'event 8229'), fact(i, 'notElevated', false)),
    ),
  then: { confidence: 'medium' },
  evidenceStrength: (i) => (eventsWithId(i.facts, 8229).length > 0 ? 5 : 4),
  conflictsWith: ['not-elevated'],
  covers: [C.ACCESS_DENIED],
};

export const KMS_RULES: readonly Rule[] = [
  kmsSrvMissing,
  kmsPortBlocked,
  kmsCountLow,
  kmsDuplicateCmid,
  kmsHostTooOld,
  kmsHostNotActivated,
  kmsClockSkew,
  notElevated,
  dcomSelfAccess,
];

/**
 * A rule's `needs` only lets the engine skip rules that cannot hold. These tests hold every rule to that: over
 * every fixture paste and over random mixes of real fact values and codes, a rule whose `when` holds is never
 * ruled out by its `needs`, and gated and ungated evaluation give the same findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract, mergeFacts } from '../../src/knowledge/diagnose.js';
import { allFixtures } from '../helpers/fixtures.js';
import { C } from '../../src/knowledge/rules/codes.js';
import { candidates, evaluate, RULES } from '../../src/knowledge/rules/engine.js';
import { canonicalCodes } from '../../src/knowledge/rules/index.js';
import type { Rule, RuleInput } from '../../src/knowledge/rules/types.js';
import type { Facts, HexCode } from '../../src/knowledge/types.js';

function fixturePastes(): { name: string; facts: Facts; codes: HexCode[] }[] {
  return allFixtures().map(({ name, text }) => {
    const ex = extract(text);
    return { name, facts: mergeFacts(ex.observations), codes: ex.codes.map((c) => c.code) };
  });
}

const PASTES = fixturePastes();
const UNGATED: readonly Rule[] = RULES.map((rule) => ({ ...rule, needs: undefined }));

/** Values the fixtures never show but rules branch on. */
const EXTRA_FACTS: [keyof Facts, unknown][] = [
  ['srvRecords', 'none'],
  ['srvRecords', 'found'],
  ['kmsDnsAutoDiscoveryFailed', true],
  ['port1688Reachable', false],
  ['port1688Reachable', true],
  ['testedHost', 'kms1.contoso.com'],
  ['clockSkew', true],
  ['clonedOrSnapshot', true],
  ['clonedOrSnapshot', false],
  ['isDomainController', true],
  ['notElevated', true],
  ['notElevated', false],
  ['updatesPending', true],
  ['targetEditions', []],
  ['targetEditions', ['ServerDatacenter']],
  ['currentEdition', 'ServerStandardEvalCor'],
  ['currentEdition', 'ServerDatacenter'],
  ['edition', 'ServerDatacenter'],
  ['isKmsHost', true],
  ['kmsCurrentCount', 3],
  ['kmsCurrentCount', 1],
  ['kmsTotalRequests', 40],
  ['keyType', 'MAK'],
  ['keyType', 'GVLK'],
  ['keyType', 'Eval'],
  ['keyType', 'CSVLK'],
  ['keyInstallSucceeded', true],
  ['keyInstallSucceeded', false],
  ['activationSucceeded', true],
  ['activationSucceeded', false],
  ['productNotFound', true],
  ['licenseStatus', 'licensed'],
  ['licenseStatus', 'notification'],
  ['dismError', { code: '0x80070032', message: 'domain controller' }],
  ['gvlk', { partial: 'WX4NM', product: 'Windows Server 2022', edition: 'ServerStandard', osKind: 'server' }],
];

const FACT_POOL: [keyof Facts, unknown][] = [
  ...PASTES.flatMap(({ facts }) => Object.entries(facts) as [keyof Facts, unknown][]),
  ...EXTRA_FACTS,
];
const CODE_POOL: HexCode[] = [...new Set([...Object.values(C), '0x4004F00D', '0xC004F009'])] as HexCode[];

function inputOf(facts: Facts, codes: readonly HexCode[]): RuleInput {
  return { facts, codes: new Set(canonicalCodes(codes, facts)) };
}

function ruledOutWhileHolding(input: RuleInput): string[] {
  const woken = new Set(candidates(RULES, input));
  return RULES.filter((rule, order) => rule.when(input) !== false && !woken.has(order)).map((r) => r.id);
}

describe('rule gates (needs)', () => {
  it('every rule declares what it needs', () => {
    expect(RULES.filter((r) => r.needs === undefined).map((r) => r.id)).toEqual([]);
  });

  it.each(PASTES.map((p) => [p.name, p] as const))('never rule out a rule that holds: %s', (_, paste) => {
    const input = inputOf(paste.facts, paste.codes);
    expect(ruledOutWhileHolding(input)).toEqual([]);
    expect(evaluate({ facts: paste.facts, codes: paste.codes })).toEqual(
      evaluate({ facts: paste.facts, codes: paste.codes }, UNGATED),
    );
  });

  it('never rule out a rule that holds, on random mixes of real facts and codes', () => {
    fc.assert(
      fc.property(
        fc.subarray(FACT_POOL, { maxLength: 12 }),
        fc.subarray(CODE_POOL, { maxLength: 4 }),
        (entries, codes) => {
          const facts = Object.fromEntries(entries) as Facts;
          expect(ruledOutWhileHolding(inputOf(facts, codes))).toEqual([]);
          expect(evaluate({ facts, codes })).toEqual(evaluate({ facts, codes }, UNGATED));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

/**
 * Every scenario, validated once at load: ids unique, each command written once per step. Adding a scenario is
 * one entry in data/ (and one test in test/knowledge/scenarios.test.ts).
 */
import type { HexCode } from '../types.js';
import { AZURE } from './data/azure.js';
import { CHANNELS } from './data/channel.js';
import { EVALUATION } from './data/evaluation-editions.js';
import { IMAGING } from './data/imaging.js';
import { KEYS } from './data/product-keys.js';
import { KMS_CLIENT } from './data/kms-client.js';
import { KMS_HOST } from './data/kms-host.js';
import { OFFICE } from './data/office.js';
import { OTHER } from './data/other.js';
import { ScenarioSchema, type Scenario } from './schema.js';

export type { Scenario } from './schema.js';

function load(): readonly Scenario[] {
  const all = [
    ...KMS_CLIENT,
    ...KMS_HOST,
    ...KEYS,
    ...EVALUATION,
    ...AZURE,
    ...CHANNELS,
    ...OFFICE,
    ...IMAGING,
    ...OTHER,
  ].map((input) => ScenarioSchema.parse(input));
  const seen = new Set<string>();
  for (const s of all) {
    if (seen.has(s.id)) throw new Error(`scenarios: ${s.id} is defined twice`);
    seen.add(s.id);
  }
  return Object.freeze(all);
}

export const SCENARIOS: readonly Scenario[] = load();

const BY_ID = new Map(SCENARIOS.map((s) => [s.id, s]));

/**
 * Scenarios a code points at, the ones that list it earliest first; `also` marks a code listed in `alsoCodes`
 * (placed after every scenario that lists it as a main code).
 */
export interface CodePointer {
  scenario: Scenario;
  position: number;
  also: boolean;
}
const BY_CODE = new Map<string, CodePointer[]>();
for (const scenario of SCENARIOS) {
  const add = (code: string, position: number, also: boolean) => {
    const list = BY_CODE.get(code) ?? [];
    list.push({ scenario, position, also });
    BY_CODE.set(code, list);
  };
  scenario.when.codes.forEach((code, position) => add(code, position, false));
  scenario.when.alsoCodes.forEach((code, position) => add(code, position, true));
}
for (const list of BY_CODE.values())
  list.sort((a, b) => Number(a.also) - Number(b.also) || a.position - b.position);

export function scenarioById(id: string): Scenario | undefined {
  return BY_ID.get(id);
}

export function scenariosForCode(code: HexCode): readonly CodePointer[] {
  return BY_CODE.get(code) ?? [];
}

/**
 * Kinds of scenario Office's volume activation shares with Windows' (the same KMS discovery, network path and
 * host), plus Office's own. Windows' edition, keys, licence channel and images are not Office's.
 */
const SHARED_WITH_OFFICE = new Set<Scenario['kind']>(['office', 'kms-client', 'kms-host', 'azure']);

export function sharedWithOffice(scenario: Scenario): boolean {
  return SHARED_WITH_OFFICE.has(scenario.kind);
}

/** A code Office printed says something about Office: some scenario it shares with Windows (or its own) lists it. */
export function tellsAboutOffice(code: HexCode): boolean {
  return scenariosForCode(code).some(({ scenario }) => sharedWithOffice(scenario));
}

/**
 * DISM edition servicing: `/Get-CurrentEdition`, `/Get-TargetEditions`, `/Set-Edition`. Edition IDs are never
 * translated; the surrounding sentences are matched through the label tables.
 */
import type { Facts, Observation } from '../types.js';
import { toLines, type Line } from './lines.js';
import {
  buildFromVersion,
  compact,
  editionFacts,
  hexCode,
  osVersionFromBuild,
  win32ToHresult,
} from './values.js';

const EDITION_ID = /^[A-Za-z][A-Za-z0-9]*$/;
const DISM_ERROR = /^\s*(?:error|erreur)\s*[:：]\s*(0x[0-9a-f]{1,8}|\d{1,5})\b/i;

interface DismRead {
  facts: Facts;
  sawCurrent: boolean;
  sawTargets: boolean;
}

function readDism(lines: readonly Line[]): DismRead {
  const f: Facts = {};
  let build: number | undefined;
  let sawCurrent = false;
  let sawTargets = false;
  const targets: string[] = [];
  let pendingError: { code?: string } | undefined;
  let errorMessage: string | undefined;
  let errorCode: string | undefined;
  for (const rec of lines) {
    const line = rec.trimmed;
    if (!line) continue;
    const msg = rec.msg;
    const lv = rec.lv;
    const key = rec.key;
    const err = DISM_ERROR.exec(line);
    if (err?.[1]) {
      const rawCode = err[1];
      errorCode = rawCode.toLowerCase().startsWith('0x') ? hexCode(rawCode) : win32ToHresult(Number(rawCode));
      pendingError = {};
      continue;
    }
    if (key === 'dismImageVersion' && lv) build = buildFromVersion(lv.value) ?? build;
    else if (key === 'dismCurrentEdition' && lv && EDITION_ID.test(lv.value)) {
      sawCurrent = true;
      f.currentEdition = lv.value;
      Object.assign(f, editionFacts(lv.value));
    } else if (key === 'dismTargetEdition' && lv && EDITION_ID.test(lv.value)) {
      sawTargets = true;
      if (!targets.includes(lv.value)) targets.push(lv.value);
    }
    if (msg === 'dismTargetsHeader' || msg === 'dismNoTarget') sawTargets = true;
    if (msg === 'dismCurrentIs') sawCurrent = true;
    if (msg === 'dismDomainController') f.isDomainController = true;
    if (msg === 'dismNotOnline' || msg === 'dismKeyInvalid' || msg === 'dismDomainController') {
      errorMessage ??= line;
      pendingError = undefined;
    } else if (pendingError && msg !== 'dismLogAt' && !key) {
      // The sentence after `Error: 1168` is its text ("Element not found.").
      errorMessage ??= line;
      pendingError = undefined;
    }
  }
  if (sawTargets) f.targetEditions = targets;
  if (errorCode || errorMessage) {
    f.dismError = compact({ code: errorCode, message: errorMessage ?? `Error ${errorCode ?? ''}`.trim() });
  }
  if (build !== undefined) f.osVersion = osVersionFromBuild(build, f.osKind);
  return { facts: compact(f), sawCurrent, sawTargets };
}

export function readDismFacts(text: string): Facts {
  return readDism(toLines(text)).facts;
}

type DismSource = 'dism-current-edition' | 'dism-target-editions' | 'dism-set-edition';

/** Which DISM command a paste without a prompt line came from. */
function sourceOf(r: DismRead): DismSource {
  if (r.sawCurrent) return 'dism-current-edition';
  if (r.sawTargets) return 'dism-target-editions';
  return 'dism-set-edition';
}

/** Facts and, from the same single read, the command they came from. */
export function readDismLines(lines: readonly Line[]): { facts: Facts; source: DismSource } {
  const r = readDism(lines);
  return { facts: r.facts, source: sourceOf(r) };
}

export function parseDismCurrentEdition(text: string): Observation[] {
  return [{ source: 'dism-current-edition', facts: readDismFacts(text) }];
}

export function parseDismTargetEditions(text: string): Observation[] {
  return [{ source: 'dism-target-editions', facts: readDismFacts(text) }];
}

export function parseDismSetEdition(text: string): Observation[] {
  return [{ source: 'dism-set-edition', facts: readDismFacts(text) }];
}

/**
 * `parseAll`: every command output in a chat message, in order, as typed facts, plus the facts stated in the
 * surrounding sentences. Never throws: a paste we cannot read yields fewer observations, not an error.
 */
import type { Observation, SourceKind } from '../types.js';
import { readDismLines } from './dism.js';
import { readEventLines } from './events.js';
import { readNslookupLines } from './nslookup.js';
import { readOsppLines } from './ospp.js';
import { parseProse } from './prose.js';
import { parseQuoted } from './quoted.js';
import { segment, type Segment } from './segment.js';
import { readAtoLines } from './slmgr-ato.js';
import { readIpkLines } from './slmgr-ipk.js';
import { readLicenseLines } from './slmgr-license.js';
import { readXprLines } from './slmgr-xpr.js';
import { readTestNetConnectionLines } from './test-netconnection.js';
import { parseTypedCommands } from './typed-commands.js';
import { unwrapChatFormatting } from './normalize.js';

export { unwrapChatFormatting } from './normalize.js';
export { parseSlmgrDli, parseSlmgrDlv, parseSlmgrDti } from './slmgr-license.js';
export { parseSlmgrXpr } from './slmgr-xpr.js';
export { parseSlmgrAto } from './slmgr-ato.js';
export { parseSlmgrIpk } from './slmgr-ipk.js';
export { parseDismCurrentEdition, parseDismTargetEditions, parseDismSetEdition } from './dism.js';
export { parseNslookupSrv } from './nslookup.js';
export { parseTestNetConnection } from './test-netconnection.js';
export { parseEvents } from './events.js';
export { parseProse } from './prose.js';

/** Input beyond this is not looked at (the public `extract` cuts at the same size and says so). */
export const MAX_INPUT = 1024 * 1024;

/** `/dlv`-only fields: their presence tells a `/dlv` paste from a `/dli` one when no prompt line says. */
const DLV_ONLY = [
  'activationId',
  'applicationId',
  'extendedPid',
  'productKeyChannel',
  'rearmCount',
  'skuRearmCount',
  'trustedTime',
  'configuredActivationType',
] as const;

function observe(seg: Segment): Observation {
  switch (seg.family) {
    case 'license': {
      const facts = readLicenseLines(seg.lines);
      let source: SourceKind = seg.hint ?? 'slmgr-dli';
      if (!seg.hint) {
        const keys = Object.keys(facts);
        if (keys.length === 1 && facts.installationId) source = 'slmgr-dti';
        else if (DLV_ONLY.some((k) => facts[k] !== undefined) || facts.installationId) source = 'slmgr-dlv';
      }
      if (source === 'slmgr-dti')
        return { source, facts: facts.installationId ? { installationId: facts.installationId } : {} };
      return { source, facts };
    }
    case 'xpr':
      return { source: 'slmgr-xpr', facts: readXprLines(seg.lines) };
    case 'ato':
      return { source: 'slmgr-ato', facts: readAtoLines(seg.lines) };
    case 'ipk':
      return { source: 'slmgr-ipk', facts: readIpkLines(seg.lines) };
    case 'dism': {
      const read = readDismLines(seg.lines);
      return { source: seg.hint ?? read.source, facts: read.facts };
    }
    case 'nslookup':
      return { source: 'nslookup-srv', facts: readNslookupLines(seg.lines) };
    case 'tnc':
      return { source: 'test-netconnection', facts: readTestNetConnectionLines(seg.lines) };
    case 'event':
      return { source: 'event', facts: readEventLines(seg.lines) };
    case 'ospp':
      return { source: 'ospp-dstatus', facts: readOsppLines(seg.lines) };
  }
}

export function parseAll(text: string): Observation[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const input = text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text;
  return parseUnwrapped(unwrapChatFormatting(input));
}

/** `parseAll` on text already capped and unwrapped (`extract` has done both, and unwrapping is not free). */
export function parseUnwrapped(unwrapped: string): Observation[] {
  return parseMessage(unwrapped).observations;
}

/**
 * The observations of an unwrapped message and its prose: the lines that belong to no command output (the
 * person's own sentences, which say what language to answer in).
 */
export function parseMessage(unwrapped: string): {
  observations: Observation[];
  prose: string;
  segments: readonly Segment[];
} {
  try {
    const { segments, prose } = segment(unwrapped);
    const out: Observation[] = [];
    for (const seg of segments) {
      try {
        out.push(observe(seg));
      } catch {
        // A reader bug on one output must not cost the others.
      }
    }
    // Commands typed in sentences: read over the whole message, since a command line can open an output.
    out.push(...parseProse(prose), ...parseQuoted(prose), ...parseTypedCommands(unwrapped));
    return { observations: out, prose, segments };
  } catch {
    return { observations: [], prose: unwrapped, segments: [] };
  }
}

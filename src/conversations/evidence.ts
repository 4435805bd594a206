/**
 * Thread facts with provenance: adding a message's observations to what the thread knows, merging them for the
 * rule engine, and saying what changed between two states in a line per fact ("kmsCurrentCount: 3 → 27").
 *
 * Replacement rule: a newer paste of the same command (same SourceKind) replaces the facts an older paste of that
 * command gave, since it shows the machine's current state. Two kinds accumulate instead: 'prose' (each sentence
 * adds a fact: "it's a VM", then "the clock is off") and 'event' (each event is a separate record).
 */
import { mergeFacts } from '../knowledge/index.js';
import type { Facts, HexCode, Lang, Observation, SourceKind } from '../knowledge/types.js';
import { phrases, sourceLabel } from './phrases.js';
import type { ObservationRecord, ThreadState } from './state.js';
import { factEvidenceText, factLabel, factValue } from '../knowledge/fact-labels.js';

const ACCUMULATING: ReadonlySet<SourceKind> = new Set<SourceKind>(['prose', 'event']);

function hasFacts(o: Observation): boolean {
  return Object.keys(o.facts).length > 0;
}

/** The thread's observations after a message: older pastes of the same command dropped, new ones appended. */
export function addObservations(
  prev: ObservationRecord[],
  incoming: Observation[],
  messageId: string,
  at: number,
): ObservationRecord[] {
  const fresh = incoming.filter(hasFacts);
  const replaced = new Set(fresh.map((o) => o.source).filter((s) => !ACCUMULATING.has(s)));
  return [
    ...prev.filter((o) => !replaced.has(o.source)),
    ...fresh.map((o) => ({ source: o.source, messageId, at, facts: o.facts })),
  ];
}

/** Codes seen in the thread, first sighting kept. */
export function addCodes(prev: ThreadState['codes'], codes: HexCode[], messageId: string, at: number) {
  const known = new Set(prev.map((c) => c.code));
  const added = [...new Set(codes)].filter((c) => !known.has(c)).map((code) => ({ code, messageId, at }));
  return [...prev, ...added];
}

export function threadFacts(observations: ObservationRecord[]): Facts {
  return mergeFacts(observations.map(({ source, facts }) => ({ source, facts })));
}

export function threadCodes(state: Pick<ThreadState, 'codes'>): HexCode[] {
  return state.codes.map((c) => c.code);
}

/** Facts that identify a paste rather than describe the problem (they change with every run): never reported. */
const VOLATILE: ReadonlySet<keyof Facts> = new Set<keyof Facts>([
  'trustedTime',
  'installationId',
  'extendedPid',
  'activationId',
  'applicationId',
  // Retrieval scores of the person's words: they steer the ranking, they are not something the machine showed.
  'storyMatches',
]);

/** Above this many facts first seen in one message, they are counted in one line instead of listed. */
const MAX_LISTED_NEW = 4;

/**
 * What differs between two merged fact sets: one line per changed or vanished fact ("kmsCurrentCount: 3 → 27"),
 * and the newly learnt ones listed when few, counted when a whole paste arrives.
 */
export function factChanges(before: Facts, after: Facts, lang: Lang): string[] {
  const p = phrases(lang);
  const changed: string[] = [];
  const added: string[] = [];
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])] as Array<keyof Facts>;
  for (const key of keys) {
    if (VOLATILE.has(key)) continue;
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const name = factLabel(key, lang);
    if (a === undefined) added.push(p.factAdded(name, factValue(key, b, lang)));
    else if (b === undefined) changed.push(p.factRemoved(name, factValue(key, a, lang)));
    else changed.push(p.factChanged(name, factValue(key, a, lang), factValue(key, b, lang)));
  }
  return [...changed, ...(added.length > MAX_LISTED_NEW ? [p.factsAdded(added.length)] : added)];
}

/**
 * Evidence lines for a finding, each pointing at the paste it came from when the item names a fact
 * (`kmsCurrentCount=3` → `kmsCurrentCount=3 (from slmgr /dlv)`).
 */
export function annotateEvidence(items: string[], observations: ObservationRecord[], lang: Lang): string[] {
  return items.map((item) => {
    const key = /^([A-Za-z][A-Za-z0-9]*)\s*[=:<>]/.exec(item)?.[1];
    const shown = factEvidenceText(item, lang);
    if (!key) return shown;
    const from = [...observations].reverse().find((o) => key in o.facts);
    return from ? `${shown} (${phrases(lang).fromSource(sourceLabel(from.source, lang))})` : shown;
  });
}

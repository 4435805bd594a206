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

/**
 * A story told in an earlier message weighs this much less for each later message that tells a story at least as
 * clear: "our VMs keep going down" is a first account, "WLMS says the licence is expired" in the next message is
 * what the thread is about. A later message that only pastes output or a code leaves the earlier story whole: the
 * story is then the context the output is read in (an Azure VM, a lab), and the rules weigh the output.
 */
export const EARLIER_STORY_DECAY = 0.8;

/** The clearest story score of one message (its observations hold at most one story). */
function topStory(o: ObservationRecord): number {
  return o.facts.storyMatches?.[0]?.score ?? 0;
}

/** Story scores of earlier messages scaled down by the clearer stories told after them. */
function weighStories(observations: readonly ObservationRecord[]): Observation[] {
  const stories = observations.filter((o) => o.facts.storyMatches !== undefined);
  return observations.map((o) => {
    const matches = o.facts.storyMatches;
    if (matches === undefined) return { source: o.source, facts: o.facts };
    const mine = stories.indexOf(o);
    const clear = topStory(o);
    const later = stories.slice(mine + 1).filter((s) => s.messageId !== o.messageId && topStory(s) >= clear);
    if (later.length === 0) return { source: o.source, facts: o.facts };
    const factor = EARLIER_STORY_DECAY ** later.length;
    const storyMatches = matches.map((m) => ({ ...m, score: Math.round(m.score * factor * 100) / 100 }));
    return { source: o.source, facts: { ...o.facts, storyMatches } };
  });
}

/**
 * The thread's facts: every observation merged, later pastes of a command winning, and the stories of earlier
 * messages weighed down by the clearer stories told after them.
 */
export function threadFacts(observations: ObservationRecord[]): Facts {
  return mergeFacts(weighStories(observations));
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
    // Facts no message changed are the same values in both merges: compared without serializing.
    if (a === b || JSON.stringify(a) === JSON.stringify(b)) continue;
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

/**
 * The test before a deep redaction copy of our own outputs (replies, thread state, escalation cards): whether
 * redacting some string inside a value would change it, that is whether it holds a full product key that is
 * neither a published GVLK (kept as written) nor already masked.
 *
 * Each string is scanned on its own, as `redactValue` would see it. A scan of the value's JSON would miss a key
 * that follows an escaped character (in `"…\nABCDE-…"` the escape's letter glues to the key's first group), and
 * most strings are too short to hold a key, so they cost nothing here. A fix that names a GVLK (`slmgr /ipk …`)
 * therefore costs no copy.
 */
import { redactionChanges, SHORTEST_KEY } from '../knowledge/redact.js';

/** Deeper than any reply or state: a value this deep (or cyclic) is treated as holding a key. */
const MAX_DEPTH = 32;

/** True when a string in `value` (object keys included) holds a key to mask; walks arrays and plain objects. */
export function mayHoldKeyInside(value: unknown): boolean {
  return holdsKey(value, 0, new Set());
}

/**
 * The walk. A text that appears twice (a reply repeats its top finding's title, cause and fix in its list of
 * findings) is scanned once: `scanned` holds the long strings already read.
 */
function holdsKey(value: unknown, depth: number, scanned: Set<string>): boolean {
  if (typeof value === 'string') return changedOnce(value, scanned);
  if (value === null || typeof value !== 'object') return false;
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsKey(item, depth + 1, scanned)) return true;
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  for (const key in record)
    if (changedOnce(key, scanned) || holdsKey(record[key], depth + 1, scanned)) return true;
  return false;
}

/** True when the redaction copy would change this string; a long string already read counts once. */
function changedOnce(text: string, scanned: Set<string>): boolean {
  if (text.length < SHORTEST_KEY || scanned.has(text)) return false;
  scanned.add(text);
  return redactionChanges(text);
}

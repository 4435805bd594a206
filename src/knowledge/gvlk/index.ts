/**
 * Look-ups over the published KMS client setup keys: by full key, by the five characters slmgr shows as
 * `Partial Product Key`, and a yes/no for redaction. Maps are built once at load, so every look-up is O(1).
 */
import { GVLK_RECORDS, type GvlkRecord } from './gvlk-table.js';

/** What a look-up returns: the key, its last five characters and what it installs. */
export interface Gvlk {
  key: string;
  partial: string;
  product: string;
  edition: string;
  editionId?: string;
  osKind: 'server' | 'client';
}

function toGvlk(record: GvlkRecord): Gvlk {
  const gvlk: Gvlk = {
    key: record.key,
    partial: record.key.slice(-5),
    product: record.product,
    edition: record.edition,
    osKind: record.osKind,
  };
  if (record.editionId !== undefined) gvlk.editionId = record.editionId;
  return gvlk;
}

const byKey = new Map<string, Gvlk>();
const byPartial = new Map<string, Gvlk[]>();
for (const record of GVLK_RECORDS) {
  const gvlk = toGvlk(record);
  byKey.set(gvlk.key, gvlk);
  const list = byPartial.get(gvlk.partial);
  if (list) list.push(gvlk);
  else byPartial.set(gvlk.partial, [gvlk]);
}

/** Dashes people paste instead of `-` (Word and web pages turn hyphens into these). */
const DASH_LIKE = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;

/** Upper-case, hyphens normalized, surrounding blanks dropped: the form the table uses. */
export function normalizeProductKey(key: string): string {
  return key.trim().replace(DASH_LIKE, '-').toUpperCase();
}

/** Returns a copy so callers can't alter the shared table. */
function copy(gvlk: Gvlk): Gvlk {
  return { ...gvlk };
}

/** The GVLK entry for a full key (any case, any dash), or undefined for a MAK, retail or unknown key. */
export function gvlkByKey(key: string): Gvlk | undefined {
  const found = byKey.get(normalizeProductKey(key));
  return found ? copy(found) : undefined;
}

/**
 * Every GVLK whose last five characters are `partial`. The published list has no two keys sharing them, but
 * five characters are not a proof, so callers get all matches and decide what an ambiguity means.
 */
export function gvlkByPartial(partial: string): Gvlk[] {
  return (byPartial.get(partial.trim().toUpperCase()) ?? []).map(copy);
}

/** True when the full key is a published KMS client setup key (public, safe to show). */
export function isGvlk(key: string): boolean {
  return byKey.has(normalizeProductKey(key));
}

/** All published keys, in the sheet's order. */
export function allGvlks(): Gvlk[] {
  return GVLK_RECORDS.map(toGvlk);
}

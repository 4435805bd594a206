/**
 * Product-key redaction: the one product-key finder of the project. The knowledge core, the thread state, the
 * escalation records, the replies and the log masker all use it. A full product key (five groups of five letters
 * or digits) is a secret the bot must never store, log or echo: it becomes `XXXXX-XXXXX-XXXXX-XXXXX-ABCDE`,
 * keeping the last five characters that slmgr itself prints as `Partial Product Key`. Published KMS client setup
 * keys (GVLKs) are public and are kept as written, since naming them is part of the advice.
 *
 * People paste keys with whatever their editor put between the groups: a hyphen, an en or em dash, a minus sign,
 * a full-width hyphen, a dash with spaces around it, or just spaces. All of those are keys here. Groups joined by
 * spaces alone look like words, so they only count as a key when written in capitals with at least one digit
 * (`NPPR9 FWDCX D2C8J H872K 2YT43`, not `there where which would about`).
 */
import { gvlkByKey, type Gvlk } from './gvlk/index.js';

/** Blanks that may sit between groups (no tab or newline: a key is written on one line). */
const BLANK = '[ \\u00a0\\u2009\\u202f]';
/** Hyphen, the Unicode dashes (U+2010–U+2015), minus sign, small and full-width hyphen-minus. */
const DASH = '[-\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d]';
/** Between two groups: a dash with at most two blanks on each side… */
const DASHED = `${BLANK}{0,2}${DASH}${BLANK}{0,2}`;
/** …or, when no group is dashed, one or two blanks. */
const BLANKS = `${BLANK}{1,2}`;
const GROUP = '[0-9A-Za-z]{5}';

/**
 * Five groups joined the same way, not glued to other letters or digits (so a word before a dashed key is never
 * taken for its first group); the first group is read once, then either way of joining the other four. Every
 * match is at most 45 characters long and starts where a word starts, so each position of the text costs a
 * bounded amount of work: linear over the text.
 */
const PRODUCT_KEY_SOURCE = `(?<![0-9A-Za-z])${GROUP}(?:(?:${DASHED}${GROUP}){4}|(?:${BLANKS}${GROUP}){4})(?![0-9A-Za-z])`;

const MASK = 'XXXXX-XXXXX-XXXXX-XXXXX-';
/** Five groups of five and four one-character separators: a shorter string holds no key. */
export const SHORTEST_KEY = 29;
const HAS_DASH = new RegExp(DASH);

export interface ProductKeyMatch {
  /** The key as written. */
  raw: string;
  /** Upper case, plain hyphens. */
  key: string;
  /** Last five characters, upper case (slmgr's Partial Product Key). */
  partial: string;
  index: number;
  /** Already redacted (`XXXXX-XXXXX-XXXXX-XXXXX-…`). */
  masked: boolean;
  /** Set when the key is a published KMS client setup key. */
  gvlk?: Gvlk;
}

/** The 25 characters in five upper-case groups joined by plain hyphens. */
function canonical(raw: string): string {
  const chars = raw.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return chars.match(/.{5}/g)!.join('-');
}

/** Groups joined by blanks only must read like a key, not like five short words. */
function readsAsKey(raw: string): boolean {
  if (HAS_DASH.test(raw)) return true;
  return !/[a-z]/.test(raw) && /[0-9]/.test(raw) && /[A-Z]/.test(raw);
}

/** One pattern for every scan (built once: `keySpans` runs on every string of every diagnosis's facts). */
const PRODUCT_KEY = new RegExp(PRODUCT_KEY_SOURCE, 'g');

/**
 * The key-shaped spans of the text, in order, at most `limit` of them. A span refused by `readsAsKey` lets a key
 * start inside it. The spans are collected before they are returned, so two scans never share the pattern's place.
 */
function keySpans(text: string, limit = Infinity): { raw: string; index: number }[] {
  const spans: { raw: string; index: number }[] = [];
  // Most strings walked (fact values, titles) are shorter than the shortest key: no scan for them.
  if (text.length < SHORTEST_KEY) return spans;
  PRODUCT_KEY.lastIndex = 0;
  for (let m = PRODUCT_KEY.exec(text); m !== null; m = PRODUCT_KEY.exec(text)) {
    if (!readsAsKey(m[0])) {
      PRODUCT_KEY.lastIndex = m.index + 1;
      continue;
    }
    spans.push({ raw: m[0], index: m.index });
    if (spans.length >= limit) break;
  }
  return spans;
}

/** True when the text holds a full product key, masked or not. */
export function mayHoldProductKey(text: string): boolean {
  return keySpans(text, 1).length > 0;
}

/** True when `redactKeys` would change the text: it holds a key that is not a published GVLK, not already masked as
 * `redactKeys` writes it. One scan, where `redactKeys(text) !== text` would build the copy to compare. */
export function redactionChanges(text: string): boolean {
  return keySpans(text).some(({ raw }) => replacement(raw) !== raw);
}

/** What `redactKeys` writes for one key: a published GVLK as written, any other key masked. */
function replacement(raw: string): string {
  return gvlkByKey(canonical(raw)) ? raw : maskProductKey(raw);
}

/** Every full product key in the text, in order, redacted ones included (flagged `masked`). */
export function findProductKeys(text: string): ProductKeyMatch[] {
  const matches: ProductKeyMatch[] = [];
  for (const { raw, index } of keySpans(text)) {
    const key = canonical(raw);
    const match: ProductKeyMatch = { raw, key, partial: key.slice(-5), index, masked: key.startsWith(MASK) };
    const gvlk = gvlkByKey(key);
    if (gvlk) match.gvlk = gvlk;
    matches.push(match);
  }
  return matches;
}

/** The masked form of one key: last five kept, upper case. */
export function maskProductKey(key: string): string {
  return MASK + canonical(key).slice(-5);
}

/**
 * The text with every full product key masked except published GVLKs. Idempotent: a masked key is found again
 * as a masked key and written the same way.
 */
export function redactKeys(text: string): string {
  let out = '';
  let last = 0;
  for (const { raw, index } of keySpans(text)) {
    out += text.slice(last, index) + replacement(raw);
    last = index + raw.length;
  }
  return last === 0 ? text : out + text.slice(last);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy of `value` with every string (object keys included) redacted: used on whole result objects before
 * they are stored, logged or rendered. Plain objects, arrays and strings are walked; other values (numbers,
 * dates, class instances) are returned as they are. Shared and cyclic references are preserved.
 */
export function redactValue<T>(value: T): T {
  return walk(value, new Map()) as T;
}

function walk(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value === 'string') return redactKeys(value);
  if (Array.isArray(value)) {
    const done = seen.get(value);
    if (done !== undefined) return done;
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(walk(item, seen));
    return out;
  }
  if (isPlainObject(value)) {
    const done = seen.get(value);
    if (done !== undefined) return done;
    const out: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
    seen.set(value, out);
    for (const [k, v] of Object.entries(value)) {
      // defineProperty so a key named "__proto__" stays data and cannot change the copy's prototype.
      Object.defineProperty(out, redactKeys(k), {
        value: walk(v, seen),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

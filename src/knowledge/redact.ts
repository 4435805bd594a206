/**
 * Product-key redaction. A full product key (five groups of five letters or digits) is a secret the bot must
 * never store, log or echo: it becomes `XXXXX-XXXXX-XXXXX-XXXXX-ABCDE`, keeping the last five characters that
 * slmgr itself prints as `Partial Product Key`. Published KMS client setup keys (GVLKs) are public and are kept
 * as written, since naming them is part of the advice.
 */
import { gvlkByKey, normalizeProductKey, type Gvlk } from './gvlk/index.js';

/**
 * Five groups of five, separated by a hyphen or a dash that copy/paste produces instead, not glued to other
 * letters or digits. The pattern has a fixed maximum length (29 characters) and one-character look-arounds,
 * so each start position costs a bounded amount of work: linear over the text.
 */
const PRODUCT_KEY =
  /(?<![0-9A-Za-z])[0-9A-Za-z]{5}(?:[-\u2010-\u2014\u2212][0-9A-Za-z]{5}){4}(?![0-9A-Za-z])/g;

const MASK = 'XXXXX-XXXXX-XXXXX-XXXXX-';

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

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDash = (c: number) => c === 45 || (c >= 0x2010 && c <= 0x2014) || c === 0x2212;

/** Per ASCII code unit: 1 for a letter or digit. */
const ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c++) if (isAlnum(c)) ALNUM[c] = 1;

/** A character a key can hold: a letter, a digit or one of the dashes. */
const isKeyUnit = (c: number) => (c < 128 ? ALNUM[c] === 1 || c === 45 : isDash(c));

/** Length of the shortest text `mayHoldProductKey` accepts: five groups of five and four dashes. */
const KEY_SPAN = 29;

/** The exact check over [start, end): five groups of five, joined by dashes, somewhere in there. */
function holdsKeyShape(s: string, start: number, end: number): boolean {
  let run = 0;
  let groups = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && ALNUM[c] === 1) {
      run++;
      if (groups >= 4 && run >= 5) return true;
    } else {
      groups = isDash(c) && run >= 5 ? (run === 5 ? groups + 1 : 1) : 0;
      run = 0;
    }
  }
  return false;
}

/**
 * True when the string might hold five dash-joined groups of five (a superset of what PRODUCT_KEY matches). No
 * regex: it runs on whole messages and on every fact of every diagnosis, and almost always says no, which lets
 * the regex scans below be skipped. A key is 29 key characters in a row, so it covers one of every 29th
 * position: only runs of key characters around those positions are looked at, and only long runs in full.
 */
export function mayHoldProductKey(s: string): boolean {
  const n = s.length;
  if (n < KEY_SPAN) return false;
  let i = KEY_SPAN - 1;
  while (i < n) {
    if (!isKeyUnit(s.charCodeAt(i))) {
      i += KEY_SPAN;
      continue;
    }
    let start = i;
    while (start > 0 && isKeyUnit(s.charCodeAt(start - 1))) start--;
    let end = i + 1;
    while (end < n && isKeyUnit(s.charCodeAt(end))) end++;
    if (end - start >= KEY_SPAN && holdsKeyShape(s, start, end)) return true;
    // The run is settled: the next sample lies a full key span past the character that ends it.
    i = end + KEY_SPAN;
  }
  return false;
}

/** Every full product key in the text, in order, redacted ones included (flagged `masked`). */
export function findProductKeys(text: string): ProductKeyMatch[] {
  const matches: ProductKeyMatch[] = [];
  if (!mayHoldProductKey(text)) return matches;
  for (const m of text.matchAll(PRODUCT_KEY)) {
    const raw = m[0];
    const key = normalizeProductKey(raw);
    const match: ProductKeyMatch = {
      raw,
      key,
      partial: key.slice(-5),
      index: m.index,
      masked: key.startsWith(MASK),
    };
    const gvlk = gvlkByKey(key);
    if (gvlk) match.gvlk = gvlk;
    matches.push(match);
  }
  return matches;
}

/** The masked form of one key: last five kept, upper case. */
export function maskProductKey(key: string): string {
  return MASK + normalizeProductKey(key).slice(-5);
}

/**
 * The text with every full product key masked except published GVLKs. Idempotent: masking keeps lengths and
 * separators, so a second pass finds only masked keys and GVLKs and changes nothing.
 */
export function redactKeys(text: string): string {
  if (!mayHoldProductKey(text)) return text;
  return text.replace(PRODUCT_KEY, (raw) => (gvlkByKey(raw) ? raw : maskProductKey(raw)));
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

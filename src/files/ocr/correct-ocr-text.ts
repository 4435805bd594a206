/**
 * Post-correction of OCR text for what Tesseract confuses in activation windows, before the text is parsed
 * like any paste:
 * - inside hex codes (`0xC004F074`), GUIDs and 5-character partial keys: O/0, I/l/1, S/5, Z/2 and the like,
 *   judged by what the token must be (hex digits, or the product-key alphabet, checked against published GVLKs);
 * - broken `0x` prefixes (`OxC004F074`, `0 x C004F074`, `0×C004F074`);
 * - `;`, `,` or `.` where a known label ends with `:`, and a label misread by a letter or two;
 * - the window around the text (see `restoreWindowText`): chrome read as lines, messages the window wrapped, and
 *   the `/xpr` layout OCR cannot see.
 * Each rule only fires where the shape of the token says what it has to be, so ordinary words stay as read.
 */
import { lookupCode, slError } from '../../knowledge/index.js';
import { gvlkByPartial } from '../../knowledge/gvlk/index.js';
import { LABELS, normalizeLabel, XPR_PHRASES } from '../../knowledge/parse/labels.js';
import { editionFromName } from '../../knowledge/parse/values.js';

/** Characters Tesseract reads in place of hex digits, and the digit each stands for. */
const HEX_LOOKALIKES: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  Q: '0',
  I: '1',
  l: '1',
  i: '1',
  L: '1',
  '|': '1',
  '!': '1',
  S: '5',
  s: '5',
  Z: '2',
  z: '2',
  G: '6',
  g: '9',
  T: '7',
};

function toHex(token: string): string | undefined {
  let out = '';
  for (const ch of token) {
    const mapped = /[0-9a-fA-F]/.test(ch) ? ch : HEX_LOOKALIKES[ch];
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

/** Upper 16 bits that activation codes come with (see detect/codes.ts): a bare token must start with one. */
const CODE_PREFIXES = ['C004', '8004', '4004', '8007', 'C002', '803F', '87E1', '8009', '8000'];

/** Hex letters Tesseract reads in place of a digit: `B` for 8, `D` for 0. */
const LETTER_FOR_DIGIT: Readonly<Record<string, string>> = { B: '8', D: '0' };

function isKnownCode(hex: string): boolean {
  const code = `0x${hex}`;
  return lookupCode(code) !== undefined || slError(code) !== undefined;
}

/**
 * A code read with B for 8 or D for 0 (`0xB0070005`, `0xC0D4F074`) is put right when a swap gives a code the
 * catalogue knows, or failing that one with the prefix activation codes come with.
 */
function likeliestCode(hex: string): string {
  if (isKnownCode(hex) || !/[BD]/.test(hex)) return hex;
  let variants = [''];
  for (const ch of hex) {
    const digit = LETTER_FOR_DIGIT[ch];
    variants = variants.flatMap((v) => (digit ? [v + ch, v + digit] : [v + ch]));
  }
  return (
    variants.find(isKnownCode) ??
    (CODE_PREFIXES.some((p) => hex.startsWith(p))
      ? hex
      : (variants.find((v) => CODE_PREFIXES.some((p) => v.startsWith(p))) ?? hex))
  );
}

/** `0x` spelled with O/o/Q/© and x/X/×, maybe with a blank on either side, then 8 hex-like characters. */
const PREFIXED = /(^|[^0-9A-Za-z])[0OoQ©] ?[xX×]{1,2} ?([0-9A-Za-z|!]{8})(?![0-9A-Za-z])/g;
/** 8 characters standing alone that may be a bare code. */
const BARE = /(^|[^0-9A-Za-z])([0-9A-Za-z|]{8})(?![0-9A-Za-z])/g;
/** A GUID with lookalikes (`/` is how a small `f` often comes out). */
const GUID_LIKE =
  /(?<![0-9A-Za-z])([0-9A-Za-z/|]{8}-[0-9A-Za-z/|]{4}-[0-9A-Za-z/|]{4}-[0-9A-Za-z/|]{4}-[0-9A-Za-z/|]{12})(?![0-9A-Za-z])/g;

function fixCodes(line: string): string {
  let out = line.replace(PREFIXED, (whole, before: string, digits: string) => {
    const hex = toHex(digits);
    return hex ? `${before}0x${likeliestCode(hex.toUpperCase())}` : whole;
  });
  out = out.replace(BARE, (whole, before: string, token: string) => {
    if (/^[0-9A-Fa-f]+$/.test(token) || !/\d/.test(token)) return whole;
    const hex = toHex(token)?.toUpperCase();
    const code = hex && likeliestCode(hex);
    return code && CODE_PREFIXES.some((p) => code.startsWith(p)) ? `${before}${code}` : whole;
  });
  return out.replace(GUID_LIKE, (whole, guid: string) => {
    const fixed = toHex(guid.replace(/\//g, 'f').replace(/-/g, ''));
    if (!fixed) return whole;
    const g = fixed.toLowerCase();
    return `${g.slice(0, 8)}-${g.slice(8, 12)}-${g.slice(12, 16)}-${g.slice(16, 20)}-${g.slice(20)}`;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Partial product keys
// ---------------------------------------------------------------------------------------------------------

/** The 24 characters product keys are made of (no vowels but Y, no 0, 1, 5). */
const KEY_ALPHABET = new Set('BCDFGHJKMPQRTVWXY2346789');

/** What a character outside the key alphabet may really be, most likely first. */
const KEY_LOOKALIKES: Readonly<Record<string, readonly string[]>> = {
  '0': ['Q', 'D'],
  O: ['Q', 'D'],
  '1': ['T', '7', 'J'],
  I: ['T', '7', 'J'],
  L: ['T', '7'],
  '5': ['6', '8', '3'],
  S: ['8', '3', '9', '6'],
  Z: ['2'],
  A: ['4'],
  E: ['F', '6'],
  U: ['V'],
  N: ['M', 'H'],
};

/**
 * A partial key as read: upper-cased, `Z` is `2`, and when a character cannot be in a key the readings that
 * make a published GVLK are tried; exactly one match wins, otherwise the reading stays as it is.
 */
export function correctPartialKey(raw: string): string {
  const read = raw.toUpperCase().replace(/Z/g, '2');
  if ([...read].every((c) => KEY_ALPHABET.has(c))) return read;
  let candidates = [''];
  for (const c of read) {
    const options = KEY_ALPHABET.has(c) ? [c] : (KEY_LOOKALIKES[c] ?? [c]);
    candidates = candidates.flatMap((prefix) => options.map((o) => prefix + o));
    if (candidates.length > 256) return read;
  }
  const published = candidates.filter((c) => gvlkByPartial(c).length > 0);
  return published.length === 1 ? published[0]! : read;
}

// ---------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------

/** Labels followed by a colon in the windows people screenshot: slmgr's and DISM's, and the error lines. */
const EXTRA_LABELS = ['Error', 'Erreur', 'Error code', "Code d'erreur", 'Code', 'Description'];
const KNOWN_LABELS: ReadonlyMap<string, string> = new Map(
  [...LABELS.map(([, , text]) => text), ...EXTRA_LABELS].map((t) => [normalizeLabel(t), t] as const),
);
const PARTIAL_KEY_LABELS = new Set(
  LABELS.filter(([key]) => key === 'partialProductKey').map(([, , text]) => normalizeLabel(text)),
);

/** Edit distance, stopping early once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The known label `label` was meant to be: exact after folding, or a letter (two for long labels) off. */
function knownLabel(label: string): string | undefined {
  const norm = normalizeLabel(label);
  if (norm.length < 4) return undefined;
  if (KNOWN_LABELS.has(norm)) return norm;
  const max = norm.length >= 20 ? 2 : norm.length >= 5 ? 1 : 0;
  if (max === 0) return undefined;
  let found: string | undefined;
  for (const known of KNOWN_LABELS.keys()) {
    if (distance(norm, known, max) <= max) {
      if (found !== undefined) return undefined; // two labels this close: leave it
      found = known;
    }
  }
  return found;
}

/** `label SEP value` where SEP is what OCR makes of a colon. */
const LABELLED = /^(\s*)([^:;]{2,70}?)(\s*)([:;]|[.,](?=\s))(\s*)(.*)$/;
/** `label   value`: a colon OCR lost between columns (only read with a known label before the gap). */
const GAPPED = /^(\s*)(\S.{1,69}?)(\s{2,})()()(\S.*)$/;

function fixLabel(line: string): string {
  const m = LABELLED.exec(line) ?? GAPPED.exec(line);
  if (!m) return line;
  const [, indent, label, gap, , space, value] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const known = knownLabel(label);
  if (known === undefined) return line;
  // Keep the label as read when it only differs by folding (accents, case); else write the known spelling.
  const spelled = normalizeLabel(label) === known ? label : KNOWN_LABELS.get(known)!;
  let fixedValue = value;
  if (PARTIAL_KEY_LABELS.has(known)) {
    // A W often comes out as two letters (VI, VV, Vl): a 6-character reading with such a pair is 5 characters.
    const six = /^([0-9A-Za-z|]{6})(?![0-9A-Za-z])/.exec(value)?.[1];
    const value5 = six && /V[VIl|]/.test(six) ? six.replace(/V[VIl|]/, 'W') + value.slice(6) : value;
    const key = /^([0-9A-Za-z|]{5})(?![0-9A-Za-z])/.exec(value5);
    if (key) fixedValue = correctPartialKey(key[1]!.replace(/\|/g, 'I')) + value5.slice(5);
  }
  return `${indent}${spelled}${gap}:${space || ' '}${fixedValue}`;
}

// ---------------------------------------------------------------------------------------------------------
// The window around the text
// ---------------------------------------------------------------------------------------------------------

/** Button captions of the dialogs people screenshot, read as a line of their own. */
const BUTTON_CAPTIONS = new Set(['ok', 'cancel', 'annuler', 'close', 'fermer']);
/** Title bars read as a line (the close glyph after the title often comes out as `x`). */
const TITLE_BAR = /^(?:Windows Script Host)(?:\s+[xX×])?$/;
/** The breadcrumb of Settings › System › Activation (the chevron is read as `>`, `›` or `»`). */
const SETTINGS_ACTIVATION = /^(?:System|Syst[eè]me)\s*[>›»]\s*Activation$/i;
/** Entries of the Settings navigation pane, and its title, in English and French (Windows 10 and 11). */
const SETTINGS_NAV = new Set(
  [
    'Settings',
    'Home',
    'System',
    'Bluetooth & devices',
    'Devices',
    'Network & internet',
    'Personalization',
    'Apps',
    'Accounts',
    'Time & language',
    'Gaming',
    'Accessibility',
    'Privacy & security',
    'Windows Update',
    'Update & Security',
    'Paramètres',
    'Accueil',
    'Système',
    'Bluetooth et appareils',
    'Périphériques',
    'Réseau et Internet',
    'Personnalisation',
    'Applications',
    'Comptes',
    'Heure et langue',
    'Jeux',
    'Accessibilité',
    'Confidentialité et sécurité',
    'Mise à jour et sécurité',
  ].map(normalizeLabel),
);

/** Lines that are the window and not its text: buttons, title bars, and Settings' navigation pane. */
function isChrome(line: string, settingsPage: boolean): boolean {
  const t = line.trim();
  if (BUTTON_CAPTIONS.has(t.toLowerCase()) || TITLE_BAR.test(t)) return true;
  if (!settingsPage || SETTINGS_ACTIVATION.test(t)) return settingsPage;
  // A caption misread by a letter (`Setings`) is still the caption.
  const norm = normalizeLabel(t);
  return (
    SETTINGS_NAV.has(norm) || (norm.length >= 6 && [...SETTINGS_NAV].some((c) => distance(norm, c, 1) <= 1))
  );
}

/** `Error: 0x… message` as slmgr prints it on one line, which its dialog wraps. */
const ERROR_MESSAGE = /^\s*(?:Error|Erreur)\s*:\s*0x[0-9A-F]{8}\s+\S/i;

/** A line that goes on with the error message: prose, not a label, a code, another error or an /ato line. */
function continuesMessage(line: string): boolean {
  const t = line.trim();
  return (
    /^[\p{L}(]/u.test(t) &&
    /\s/.test(t) &&
    !t.includes(':') &&
    !/0x[0-9A-F]/i.test(t) &&
    !/^(?:Error|Erreur|Activating|Activation de)\b/i.test(t)
  );
}

/** A sentence cut where the window wrapped it: no final punctuation, and the next line starts in lower case. */
function wrappedMidSentence(line: string, next: string): boolean {
  const t = line.trim();
  return (
    /[\p{L},'’]$/u.test(t) && t.split(/\s+/).length >= 4 && !/:\s*$/.test(t) && /^\p{Ll}/u.test(next.trim())
  );
}

const XPR_STATUS = XPR_PHRASES.map(([, , text]) => normalizeLabel(text));

/** `Windows(R), X edition` with nothing after it: the heading of an /xpr answer once OCR lost its colon. */
function isXprHeading(line: string): boolean {
  const t = line.trim().replace(/\s*[:;.,]?$/, '');
  return (
    /^Windows\s*\(R\)/i.test(t) && /(?:edition|[ée]dition)$/i.test(t) && editionFromName(t) !== undefined
  );
}

/**
 * Puts back what the window's text was before OCR saw the window: drops buttons, title bars and Settings'
 * navigation pane; joins an slmgr error message (and any sentence) that the dialog wrapped over lines (OCR may put
 * a blank line in the wrap); writes an /xpr answer as slmgr prints it, `Windows(R), X edition:` then the status
 * indented by four spaces (OCR loses both the colon and the indent).
 */
function restoreWindowText(lines: readonly string[]): { lines: string[]; changed: number } {
  const settingsPage = lines.some((l) => SETTINGS_ACTIVATION.test(l.trim()));
  const kept = lines.filter((l) => !isChrome(l, settingsPage));
  let changed = lines.length - kept.length;
  const out: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    let line = kept[i]!;
    const nextText = (from: number) => (kept[from]?.trim() === '' ? from + 1 : from);
    for (;;) {
      const j = nextText(i + 1);
      const next = kept[j];
      if (next === undefined || next.trim() === '') break;
      const joins =
        (ERROR_MESSAGE.test(line) && continuesMessage(next)) ||
        (j === i + 1 && wrappedMidSentence(line, next));
      if (!joins) break;
      line = `${line.trimEnd()} ${next.trim()}`;
      changed += j - i;
      i = j;
    }
    if (isXprHeading(line)) {
      const j = nextText(i + 1);
      const status = kept[j];
      if (status !== undefined && XPR_STATUS.some((p) => normalizeLabel(status.trim()).startsWith(p))) {
        out.push(`${line.trim().replace(/\s*[:;.,]?$/, '')}:`, `    ${status.trim()}`);
        changed += 1 + (j - i);
        i = j;
        continue;
      }
    }
    out.push(line);
  }
  return { lines: out, changed };
}

export interface CorrectedText {
  text: string;
  /** Lines that the corrections changed. */
  changed: number;
}

/**
 * OCR text with the domain corrections applied: line by line (blank lines and spacing kept), then the window's
 * layout put back.
 */
export function correctOcrText(text: string): CorrectedText {
  let changed = 0;
  const lines = text.split(/\r?\n/).map((line) => {
    const fixed = fixLabel(fixCodes(line));
    if (fixed !== line) changed++;
    return fixed;
  });
  const restored = restoreWindowText(lines);
  return { text: restored.lines.join('\n'), changed: changed + restored.changed };
}

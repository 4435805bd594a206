/**
 * The one text normaliser: what every matcher (chat commands, escalation requests, Windows labels, code search)
 * compares, so "Ça n’a pas marché", "ca n'a pas marche" and "ÇA N'A PAS MARCHÉ" read the same. Accents go, every
 * apostrophe and hyphen that keyboards, phones and chat clients type becomes the ASCII one,
 * zero-width characters go, runs of blanks (no-break spaces included) become one space, and the result is lower
 * case and trimmed.
 */

/**
 * The accents NFD splits off Latin letters (the Combining Diacritical Marks block). `\p{M}` would also take the
 * marks of other scripts, but needs the `u` flag, which made this pass twice as slow on French text.
 */
const ACCENTS = /[\u0300-\u036f]+/g;
/** ’ ‘ ‛ ʼ ´ ` ′ ＇: what autocorrect, French keyboards and phones put where an apostrophe is meant. */
const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u00b4`\u2032\uff07]/g;
/** Hyphen and non-breaking hyphen: "peux‑tu" typed on a phone is "peux-tu". */
const HYPHENS = /[\u2010\u2011]/g;
/** Zero-width space, joiners and word joiner, which chat clients leave inside words copied from elsewhere. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060]/g;
/** Only blanks that change: a single space stays put, so a long paste is not rebuilt word by word. */
export const BLANKS = /[^\S ]\s*|\s{2,}/g;
/** Accents, curly apostrophes, phone hyphens and zero-width characters all live outside printable ASCII. */
const NON_ASCII = /[^ -~\s]/;

/** Everything `fold` does but the blanks: accents, apostrophes, hyphens, zero-width characters and case. */
function foldLetters(text: string): string {
  let bare = text;
  if (NON_ASCII.test(text)) {
    bare = text
      .normalize('NFD')
      .replace(ACCENTS, '')
      .replace(APOSTROPHES, "'")
      .replace(HYPHENS, '-')
      .replace(ZERO_WIDTH, '');
  } else if (text.includes('`')) {
    // The backtick is the one apostrophe look-alike inside ASCII.
    bare = text.replace(APOSTROPHES, "'");
  }
  return bare.toLowerCase();
}

export function fold(text: string): string {
  return foldLetters(text).replace(BLANKS, ' ').trim();
}

/** `BLANKS` inside lines: a run never takes in a line break. */
const BLANKS_IN_LINES = /[^\S\n ][^\S\n]*|[^\S\n]{2,}/g;

/**
 * Lines are folded together in pieces of about this many characters. One piece is one pass of each step (a
 * paste's lines are many and short, and one replace per line cost more in calls than in characters); a bound on
 * its size keeps a 1 MiB paste linear: dropping the accents of a whole MiB of French text in one replace left the
 * young-generation GC so much to copy that the cost per KiB grew ×3.7 from 16 KiB to 1 MiB.
 */
const PIECE_CHARS = 16 * 1024;

function foldPiece(lines: readonly string[], out: string[]): void {
  const folded = foldLetters(lines.join('\n')).replace(BLANKS_IN_LINES, ' ').split('\n');
  for (const line of folded) out.push(line.trim());
}

/** `fold` of each line of a text (cut at `\n`), a piece of lines at a time. */
export function foldLines(text: string): string[] {
  const out: string[] = [];
  let piece: string[] = [];
  let size = 0;
  for (const line of text.split('\n')) {
    piece.push(line);
    size += line.length + 1;
    if (size >= PIECE_CHARS) {
      foldPiece(piece, out);
      piece = [];
      size = 0;
    }
  }
  if (piece.length > 0) foldPiece(piece, out);
  return out;
}

/**
 * Undo what Slack and Teams do to pasted command output before any parser sees it: HTML from Teams, entity
 * escaping and `<…>` link/mention syntax from Slack, Markdown code fences and inline backticks from both, CRLF
 * line ends and no-break spaces (French typography puts one before every colon).
 *
 * Every step is one regex pass whose character classes exclude their own delimiter, so the whole function stays
 * linear on hostile input (no nested quantifiers, no backtracking across `<`).
 */

/** Teams (and other HTML clients) block tags: each one ends a line. */
const BLOCK_TAG = /<\/?(?:p|div|pre|br|li|ul|ol|tr|table|tbody|thead|blockquote|h[1-6])\b[^<>]*>/gi;
/** Inline tags whose text we keep and whose markup we drop. */
const INLINE_TAG = /<\/?(?:code|span|b|i|u|em|strong|font|a|td|th|sup|sub|s|del|ins|mark)\b[^<>]*>/gi;
/** Teams mention: `<at id="0">Activation Doctor</at>`. The mentioned name is noise for parsing. */
const TEAMS_MENTION = /<at\b[^<>]*>[^<]*<\/at>/gi;
/** Slack user, channel and special mentions: `<@U123>`, `<@U123|bob>`, `<#C123|general>`, `<!here>`. */
const SLACK_MENTION = /<[@#!][A-Za-z0-9^_-]*(?:\|[^<>\n]*)?>/g;
/** Slack links: `<https://x|label>` → label, `<https://x>` → the address. */
const SLACK_LINK = /<((?:https?|mailto|ftp):[^<>|\s]*)(?:\|([^<>\n]*))?>/gi;
/** Whole-line fence markers (```, ```powershell, ~~~). */
const FENCE_LINE = /^[ \t]*(?:```|~~~)[\w+#.-]*[ \t]*$/gm;

const ENTITY = /&(lt|gt|amp|quot|apos|nbsp|#39|#x27|#160|#xa0|#8239|#x202f);/gi;
const ENTITY_TEXT: Record<string, string> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  '#x27': "'",
  '#160': ' ',
  '#xa0': ' ',
  '#8239': ' ',
  '#x202f': ' ',
};

const TAG_START = /<\/?[A-Za-z]/;
const MENTION_START = /<[@#!]/;

/** Characters the last step replaces or drops; most pastes hold none of them. */
const SPECIAL_SPACE = /[\u00a0\u202f\u2007\u200b-\u200d\u2060\ufeff]/;

/**
 * Each step only runs when its trigger character is present (`\r`, `<`, `&`, a fence or backtick, a special
 * space): an `indexOf` is much cheaper than a regex pass that finds nothing, and the result is the same.
 */
export function unwrapChatFormatting(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  // Tags first, entities second: an escaped `&lt;p&gt;` in a Slack message is text, not markup.
  if (out.includes('<')) {
    // Tags, Teams mentions and Slack links all open with `<` and a letter (or `</`): without one, none of those
    // four passes can change anything. Slack mentions open with `<@`, `<#` or `<!`, checked just before their pass.
    if (TAG_START.test(out)) {
      out = out.replace(TEAMS_MENTION, '');
      out = out.replace(BLOCK_TAG, '\n');
      out = out.replace(INLINE_TAG, '');
      out = out.replace(SLACK_LINK, (_m, url: string, label: string | undefined) => label ?? url);
    }
    if (MENTION_START.test(out)) out = out.replace(SLACK_MENTION, '');
  }
  // One pass, so `&amp;lt;` becomes the literal `&lt;` and is not decoded twice.
  if (out.includes('&'))
    out = out.replace(ENTITY, (_m, name: string) => ENTITY_TEXT[name.toLowerCase()] ?? _m);
  if (out.includes('`')) {
    out = out.replace(FENCE_LINE, '');
    out = out.replace(/`+/g, '');
  } else if (out.includes('~~~')) out = out.replace(FENCE_LINE, '');
  // No-break, narrow no-break and figure spaces → space; zero-width characters and BOM → nothing.
  if (SPECIAL_SPACE.test(out))
    out = out.replace(/[\u00a0\u202f\u2007]/g, ' ').replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
  return out;
}

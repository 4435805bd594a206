/**
 * `explain <code>`: everything the catalogue knows about one code, under the spelling the user typed; slerror.h's
 * name and meaning for a code only the SDK documents; what its bits say when nobody documents it.
 */
import { codeKnowledge, codeTitle, describeDecoded } from './catalogue/index.js';
import { win32Code } from './detect/prose-codes.js';
import { decodeHresult } from './hresult.js';
import { knowledgePhrases } from './phrases.js';
import { fill, UNKNOWN_CODE_TEXT } from './rules/texts.js';
import type { Explanation, HexCode, Lang } from './types.js';

/** Thrown when the argument is not a code in any accepted spelling. */
export class InvalidCodeError extends Error {
  constructor(readonly input: string) {
    super(`not an activation or HRESULT code: ${JSON.stringify(input.slice(0, 40))}`);
    this.name = 'InvalidCodeError';
  }
}

/** What to do with a code no catalogue entry explains: Windows' own text, then the facts of the machine. */
function undocumentedFix(code: HexCode, lang: Lang): Explanation['fix'] {
  return UNKNOWN_CODE_TEXT[lang].fix.map((s) =>
    s.command === undefined
      ? { text: fill(s.text, { code }, lang) }
      : { text: fill(s.text, { code }, lang), command: fill(s.command, { code }, lang) },
  );
}

/**
 * A bare Win32 error number ("1168", as `net helpmsg`, event logs and some dialogs give it) stands for its HRESULT
 * (0x80070490), as the prose reader takes "Error: 1168"; the explanation's decoded part names the number.
 */
function win32Spelling(input: string): HexCode | undefined {
  const n = /^\s*(\d{1,5})\s*$/.exec(input)?.[1];
  return n === undefined ? undefined : win32Code(Number(n));
}

export function explain(code: string, lang: Lang): Explanation {
  const k = codeKnowledge(win32Spelling(code) ?? code);
  if (k === undefined) throw new InvalidCodeError(code);
  const mapped = k.canonical !== k.code ? { canonical: k.canonical } : {};
  const entry = k.entry;
  if (entry) {
    return {
      code: k.code,
      ...mapped,
      known: true,
      name: entry.name,
      title: codeTitle(k.code, lang),
      types: entry.types,
      causes: entry.causes.map((c) => c[lang]),
      fix: entry.fix.map((s) =>
        s.command === undefined ? { text: s.text[lang] } : { text: s.text[lang], command: s.command },
      ),
      escalate: entry.escalate,
      bring: entry.bring.map((b) => b[lang]),
      informational: entry.informational,
      decoded: decodeHresult(k.code),
    };
  }
  const decoded = decodeHresult(k.code);
  const cause = k.slError
    ? knowledgePhrases(lang).slErrorCause(k.slError.name, k.slError.meaning)
    : fill(UNKNOWN_CODE_TEXT[lang].cause, { decoded: describeDecoded(decoded, lang) }, lang);
  return {
    code: k.code,
    known: k.known,
    ...(k.name ? { name: k.name } : {}),
    title: codeTitle(k.code, lang),
    types: [],
    causes: [cause],
    fix: undocumentedFix(k.code, lang),
    escalate: false,
    bring: [],
    informational: !decoded.failure,
    decoded,
  };
}

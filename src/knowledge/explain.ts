/** `explain <code>`: everything the catalogue knows about one code, or what its bits say when it is unknown. */
import { codeTitle, describeDecoded, lookupCode, slError } from './catalogue/index.js';
import { decodeHresult, normalizeCode } from './hresult.js';
import { fill, RULE_TEXTS } from './rules/texts.js';
import type { Explanation, Lang } from './types.js';

/** Thrown when the argument is not a code in any accepted spelling. */
export class InvalidCodeError extends Error {
  constructor(readonly input: string) {
    super(`not an activation or HRESULT code: ${JSON.stringify(input.slice(0, 40))}`);
    this.name = 'InvalidCodeError';
  }
}

export function explain(code: string, lang: Lang): Explanation {
  const normalized = normalizeCode(code);
  if (normalized === undefined) throw new InvalidCodeError(code);
  const entry = lookupCode(normalized);
  if (entry) {
    return {
      code: entry.code,
      known: true,
      name: entry.name,
      title: entry.message[lang],
      types: entry.types,
      causes: entry.causes.map((c) => c[lang]),
      fix: entry.fix.map((s) =>
        s.command === undefined ? { text: s.text[lang] } : { text: s.text[lang], command: s.command },
      ),
      escalate: entry.escalate,
      bring: entry.bring.map((b) => b[lang]),
      informational: entry.informational,
      decoded: decodeHresult(entry.code),
    };
  }
  const decoded = decodeHresult(normalized);
  const name = slError(normalized)?.name ?? decoded.win32?.name;
  const params = { code: normalized, decoded: describeDecoded(decoded, lang) };
  return {
    code: normalized,
    known: false,
    ...(name ? { name } : {}),
    title: codeTitle(normalized, lang),
    types: [],
    causes: [fill(RULE_TEXTS[lang]['unknown-code'].cause, params, lang)],
    fix: RULE_TEXTS[lang]['unknown-code'].fix.map((s) =>
      s.command === undefined
        ? { text: fill(s.text, params, lang) }
        : { text: fill(s.text, params, lang), command: fill(s.command, params, lang) },
    ),
    escalate: false,
    bring: [],
    informational: !decoded.failure,
    decoded,
  };
}

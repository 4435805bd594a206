/**
 * `explain <code>`: everything the catalogue knows about one code, under the spelling the user typed; slerror.h's
 * name and meaning for a code only the SDK documents; what its bits say when nobody documents it.
 */
import { codeKnowledge, codeTitle, describeDecoded } from './catalogue/index.js';
import { decodeHresult } from './hresult.js';
import type { Explanation, HexCode, Lang, SlErrorEntry } from './types.js';

/** Thrown when the argument is not a code in any accepted spelling. */
export class InvalidCodeError extends Error {
  constructor(readonly input: string) {
    super(`not an activation or HRESULT code: ${JSON.stringify(input.slice(0, 40))}`);
    this.name = 'InvalidCodeError';
  }
}

/** What to do with a code no catalogue entry explains: Windows' own text, then the facts of the machine. */
function undocumentedFix(code: HexCode, lang: Lang): Explanation['fix'] {
  return lang === 'fr'
    ? [
        { text: 'Demandez à Windows son propre texte pour ce code.', command: `slui.exe 0x2a ${code}` },
        {
          text: 'Collez les détails complets de la licence pour vérifier les autres éléments.',
          command: 'slmgr /dlv',
        },
      ]
    : [
        { text: 'Ask Windows for its own text for this code.', command: `slui.exe 0x2a ${code}` },
        { text: 'Paste the full licence details so the other facts can be checked.', command: 'slmgr /dlv' },
      ];
}

function slErrorCause(sl: SlErrorEntry, lang: Lang): string {
  return lang === 'fr'
    ? `Windows nomme ce code ${sl.name} (texte du SDK, en anglais : « ${sl.meaning} »). Ce n’est pas une des erreurs d’activation décrites par Microsoft : les autres éléments de la machine décident de la cause.`
    : `Windows names this code ${sl.name} ("${sl.meaning}"). It is not one of the activation failures Microsoft describes, so the other facts of the machine decide the cause.`;
}

export function explain(code: string, lang: Lang): Explanation {
  const k = codeKnowledge(code);
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
    ? slErrorCause(k.slError, lang)
    : lang === 'fr'
      ? `Ce code n’est pas une erreur d’activation documentée. Décodage : ${describeDecoded(decoded, lang)}.`
      : `This code is not a documented activation error. Decoded: ${describeDecoded(decoded, lang)}.`;
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

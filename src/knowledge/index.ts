/** The knowledge core's public API: pure functions over text, facts and codes (see the team brief). */
export {
  extract,
  mergeFacts,
  diagnoseFacts,
  diagnose,
  MAX_INPUT_CHARS,
  type Extraction,
} from './diagnose.js';
export { explain, InvalidCodeError } from './explain.js';
export { lookupCode, allEntries, codeTitle, slError } from './catalogue/index.js';
export { normalizeCode, decodeHresult } from './hresult.js';
export { detectCodes } from './detect/codes.js';
export { redactKeys, redactValue } from './redact.js';
export { detectLang } from './lang.js';
export { parseAll } from './parse/index.js';
export { unwrapChatFormatting } from './parse/normalize.js';
export { refusalText, asksForUnauthorizedActivation } from './policy.js';
export { nextEvidence, localizeAsk, type AskRef } from './ask.js';
export { evaluate, localizeFinding } from './rules/index.js';
export * from './types.js';

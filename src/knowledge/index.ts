/** The knowledge core's public API: pure functions over text, facts and codes (see the team brief). */
export { extract, mergeFacts, diagnoseFacts, diagnose, type Extraction } from './diagnose.js';
export { explain, InvalidCodeError } from './explain.js';
export { lookupCode, allEntries, slError } from './catalogue/index.js';
export { normalizeCode, decodeHresult } from './hresult.js';
export { detectCodes } from './detect/codes.js';
export { redactKeys } from './redact.js';
export { detectLang } from './lang.js';
export { parseAll } from './parse/index.js';
export { refusalText } from './policy.js';
export * from './types.js';

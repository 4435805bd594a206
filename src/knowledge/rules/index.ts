/** The rule engine: declarative rules, conflict settlement, localized findings. */
export { evaluate, canonicalCodes, RULES, CODE_FINDING_PREFIX, UNKNOWN_CODE_PREFIX } from './run-rules.js';
export { localizeFinding, findingTitle, hasText } from './localize.js';
export { NOTE_TEXTS, UNKNOWN_CODE_TEXT, fill } from './texts.js';
export type { Rule, RuleInput, Evidence } from './rule-types.js';

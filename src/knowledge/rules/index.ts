/** The rule engine: declarative rules, conflict settlement, localized findings. */
export { evaluate, canonicalCodes, RULES } from './run-rules.js';
export { localizeFinding } from './localize.js';
export { NOTE_TEXTS } from './texts.js';

/** Package entry: the diagnosis API and its types, for use as a library. */
export {
  diagnose,
  diagnoseFacts,
  explain,
  extract,
  mergeFacts,
  lookupCode,
  normalizeCode,
  decodeHresult,
  detectCodes,
  redactKeys,
  detectLang,
  refusalText,
  InvalidCodeError,
} from './knowledge/index.js';
export type {
  Diagnosis,
  Explanation,
  Extraction,
  Facts,
  Finding,
  Ask,
  Lang,
  HexCode,
  CatalogueEntry,
  DetectedCode,
  Observation,
} from './knowledge/index.js';
export { DiagnosisSchema, ExplanationSchema, FactsSchema } from './knowledge/index.js';

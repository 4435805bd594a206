/**
 * The two chat commands of the handoff, for the engine's classifier: asking to escalate ("escalate",
 * "escalader", "please escalate this") and listing open escalations ("escalations", "/activation escalations").
 * Only short messages count, so a paste that mentions escalation is not one.
 */
import { fold } from '../../knowledge/fold.js';

const ESCALATE =
  /^(?:(?:please|pls|stp|svp|merci de|peux-tu|pouvez-vous|can you|could you)\s+)?(?:escalate|escalader|escalade[sz]?|escalez|escalade-le|escalade ca)(?:\s+(?:it|this|this case|please|pls|stp|svp|s'il (?:te|vous) plait|le cas|ce cas|ca|cela|le dossier|ce dossier|to (?:the )?licensing(?: team)?|a l'equipe licences?))*[\s.!]*$/;

const LIST =
  /^(?:\/?activation\s+)?(?:escalations|escalades|open escalations|escalades ouvertes|escalades en cours|escalations en cours|list escalations|liste des escalades)[\s.!?]*$/;

/** Longer than this, a text cannot be a command once folded: it is not folded (a long paste would hold the loop). */
const LONGEST_COMMAND = 1000;

/** "escalate", "escalader", "please escalate this", "escaladez le cas svp". */
export function isEscalateRequest(text: string): boolean {
  if (text.length > LONGEST_COMMAND) return false;
  const t = fold(text);
  return t.length <= 80 && ESCALATE.test(t);
}

/** "escalations", "/activation escalations", "escalades ouvertes", "escalades en cours". */
export function isListEscalationsRequest(text: string): boolean {
  if (text.length > LONGEST_COMMAND) return false;
  return isListEscalationsFolded(fold(text));
}

/** The same on text `fold` already gave (the engine folds each message once, for this and for its intent). */
export function isListEscalationsFolded(folded: string): boolean {
  return folded.length <= 60 && LIST.test(folded);
}

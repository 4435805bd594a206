/**
 * The two chat commands of the handoff, for the engine's classifier: asking to escalate ("escalate",
 * "escalader", "please escalate this") and listing open escalations ("escalations", "/activation escalations").
 * Only short messages count, so a paste that mentions escalation is not one. Both read the message as `fold` gives
 * it: the engine folds each message once, for these and for its intent.
 */

const ESCALATE =
  /^(?:(?:please|pls|stp|svp|merci de|peux-tu|pouvez-vous|can you|could you)\s+)?(?:escalate|escalader|escalade[sz]?|escalez|escalade-le|escalade ca)(?:\s+(?:it|this|this case|please|pls|stp|svp|s'il (?:te|vous) plait|le cas|ce cas|ca|cela|le dossier|ce dossier|to (?:the )?licensing(?: team)?|a l'equipe licences?))*[\s.!]*$/;

const LIST =
  /^(?:\/?activation\s+)?(?:escalations|escalades|open escalations|escalades ouvertes|escalades en cours|escalations en cours|list escalations|liste des escalades)[\s.!?]*$/;

/** "escalate", "escalader", "please escalate this", "escaladez le cas svp" (`folded`: the message through `fold`). */
export function isEscalateRequest(folded: string): boolean {
  return folded.length <= 80 && ESCALATE.test(folded);
}

/** "escalations", "/activation escalations", "escalades ouvertes", "escalades en cours" (`folded` as above). */
export function isListEscalationsRequest(folded: string): boolean {
  return folded.length <= 60 && LIST.test(folded);
}

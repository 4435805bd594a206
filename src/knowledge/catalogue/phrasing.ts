/**
 * Building blocks shared by the catalogue files: the two small constructors every entry is written with, the
 * evidence Microsoft's Licensing Activation Centers ask for, and the one step nearly every fix ends with.
 */
import type { FixStep, Localized } from '../types.js';

export const l = (en: string, fr: string): Localized => ({ en, fr });
export const step = (en: string, fr: string, command?: string): FixStep =>
  command === undefined ? { text: l(en, fr) } : { text: l(en, fr), command };

// ---------------------------------------------------------------------------------------------------------
// What Microsoft's Licensing Activation Centers ask for (fact sheet §7, seed 000 "what support asks for").
// ---------------------------------------------------------------------------------------------------------

export const BRING_PARTIAL_KEY = l(
  'The last five characters of the product key, as shown by slmgr /dli (never paste the full key in a chat).',
  'Les cinq derniers caractères de la clé de produit, tels que les affiche slmgr /dli (ne collez jamais la clé complète dans une conversation).',
);
export const BRING_DLV = l(
  'The complete output of slmgr /dlv on the affected machine.',
  'La sortie complète de slmgr /dlv sur la machine concernée.',
);
export const BRING_IID = l(
  'The Installation ID displayed by slmgr /dti, needed for phone activation.',
  "L'ID d'installation affiché par slmgr /dti, indispensable pour l'activation par téléphone.",
);
export const BRING_AGREEMENT = l(
  'Your Volume Licensing agreement number and the proof of purchase.',
  "Le numéro de votre contrat de licence en volume et la preuve d'achat.",
);
export const BRING_ERROR = l(
  'The exact error code and message, and the command that returned them.',
  "Le code et le message d'erreur exacts, ainsi que la commande qui les a renvoyés.",
);

/** The usual file for a key problem that only Microsoft can settle. */
export const BRING_KEY_CASE = [BRING_PARTIAL_KEY, BRING_AGREEMENT, BRING_DLV, BRING_ERROR];

/** Nearly every fix ends by trying again. */
export const ACTIVATE = step('Start the activation again.', "Relancez l'activation.", 'slmgr /ato');

/**
 * The knowledge core's own sentences, one table per language with the same keys (a missing translation is a type
 * error): the refusal of unlicensed activation, and what is said of a code no catalogue entry explains. Scenario
 * and catalogue texts stay with their entry (one data entry per known issue); the texts around the scenarios
 * (unknown-code finding, placeholders, "why this one" notes) are in rules/texts.ts.
 */
import type { Lang } from './types.js';

export interface KnowledgePhrases {
  /** The answer to a request for a crack, a KMS emulator or an activation script. */
  refusal: string;
  /** A code slerror.h names but Microsoft's activation pages do not describe: the finding's title, its cause. */
  slErrorTitle: (code: string, name: string) => string;
  slErrorCause: (name: string, meaning: string) => string;
  /** "0x80092328 is catalogued as 0x8007232B". */
  aliasNote: (typed: string, canonical: string) => string;
  outsideCatalogue: string;
  win32Error: (number: number, name: string) => string;
  /** What the bits of an undocumented code say. */
  decoded: (kind: string, facility: string, code: string) => string;
  severity: { failure: string; success: string; informational: string };
}

const MICROSOFT_ACTIVATION_CENTERS =
  'https://www.microsoft.com/licensing/existing-customer/activation-centers';

const en: KnowledgePhrases = {
  refusal: [
    "I can't help with KMS emulators, cracks or activation scripts: they activate Windows without a licence.",
    'Legitimate routes:',
    '• Buy a licence (retail or OEM), or get a key from your Volume Licensing agreement in the Microsoft 365 admin center.',
    '• In an organisation: a real KMS host with your CSVLK, Active Directory-based activation, or a MAK.',
    `• For a blocked or exhausted key: a Microsoft Licensing Activation Center (${MICROSOFT_ACTIVATION_CENTERS}).`,
    'Paste the error code or the slmgr output of a licensed setup and I will help you diagnose it.',
  ].join('\n'),
  slErrorTitle: (code, name) => `${code} is ${name}: Windows defines it, no activation guide covers it`,
  slErrorCause: (name, meaning) =>
    `Windows names this code ${name} ("${meaning}"). It is not one of the activation failures Microsoft describes, so the other facts of the machine decide the cause.`,
  aliasNote: (typed, canonical) => `${typed} is catalogued as ${canonical}`,
  outsideCatalogue: 'Outside the catalogue',
  win32Error: (number, name) => `Win32 error ${number}${name}`,
  decoded: (kind, facility, code) => `${kind}, facility ${facility}, code ${code}`,
  severity: { failure: 'failure', success: 'success', informational: 'informational' },
};

const fr: KnowledgePhrases = {
  refusal: [
    'Je ne peux pas aider avec des émulateurs KMS, des cracks ou des scripts d’activation : ils activent Windows sans licence.',
    'Voies légitimes :',
    '• Achetez une licence (Retail ou OEM), ou obtenez une clé de votre contrat de licence en volume dans le centre d’administration Microsoft 365.',
    '• En entreprise : un véritable hôte KMS avec votre CSVLK, l’activation via Active Directory, ou une clé MAK.',
    `• Pour une clé bloquée ou épuisée : un centre d’activation des licences Microsoft (${MICROSOFT_ACTIVATION_CENTERS}).`,
    'Collez le code d’erreur ou la sortie slmgr d’une installation sous licence et je vous aiderai à la diagnostiquer.',
  ].join('\n'),
  slErrorTitle: (code, name) =>
    `${code} est ${name} : un code défini par Windows qu’aucun guide d’activation ne traite`,
  slErrorCause: (name, meaning) =>
    `Windows nomme ce code ${name} (texte du SDK, en anglais : « ${meaning} »). Ce n’est pas une des erreurs d’activation décrites par Microsoft : les autres éléments de la machine décident de la cause.`,
  aliasNote: (typed, canonical) => `${typed} est répertorié sous ${canonical}`,
  outsideCatalogue: 'Hors catalogue',
  win32Error: (number, name) => `erreur Win32 ${number}${name}`,
  decoded: (kind, facility, code) => `${kind}, domaine ${facility}, code ${code}`,
  severity: { failure: 'échec', success: 'succès', informational: 'information' },
};

const PHRASES: Record<Lang, KnowledgePhrases> = { en, fr };

export function knowledgePhrases(lang: Lang): KnowledgePhrases {
  return PHRASES[lang];
}

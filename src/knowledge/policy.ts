/**
 * The bot helps with licensed activation only. A message that asks for a KMS emulator, a crack or an activation
 * script gets a short refusal and the legitimate routes instead of a diagnosis. Detection is by the tools' names
 * and by plain requests for a crack, in English and French; words that also have an honest meaning (HWID, MAS)
 * only count next to the trick they name.
 */
import type { Lang } from './types.js';

const PATTERNS: readonly RegExp[] = [
  // Emulators and activators, by name.
  /\bvlmcsd\b/i,
  /\bpy-?kms\b/i,
  /\bkms[-_ ]?pico\b/i,
  /\bkms[-_ ]?vl[-_ ]?all\b/i,
  /\bkms[-_ ]?auto\b/i,
  /\bkms38\b/i,
  /\bmassgrave\b/i,
  /\bmicrosoft[-_ ]activation[-_ ]scripts?\b/i,
  /\bMAS\b(?=[^\n]{0,40}\b(?:script|activat|hwid|kms38|ohook|tsforge)\w*)/,
  /\b(?:MAS|mas)\s*(?:AIO|1\.\d)\b/,
  /\bhwid\b[^\n]{0,30}\b(?:activat(?:ion|e|or)|crack|trick|bypass|astuce|contourn)\w*/i,
  /\b(?:activat(?:ion|e)|activer)\b[^\n]{0,30}\bhwid\b/i,
  /\btsforge\b/i,
  /\bohook\b/i,
  // Plain requests, English.
  /\bactivators?\b/i,
  /\bcrack(?:ed|s|ing)?\b/i,
  /\b(?:kms|activation)\s+emulators?\b/i,
  /\bemulat\w*\s+(?:a\s+)?kms\b/i,
  /\b(?:free|public|online)\s+kms\s+(?:servers?|hosts?)\b/i,
  /\bwithout\s+(?:paying|buying)\b/i,
  /\bbypass\w*\s+(?:the\s+)?activation\b/i,
  // Plain requests, French.
  /\bactivateurs?\b/i,
  /\bcrack(?:er|é|ée|és|ées)(?!\p{L})/iu,
  /\bcraqu(?:er|é|ée|és|ées)(?!\p{L})/iu,
  /(?<!\p{L})[ée]mulat(?:eur|eurs|ion|er)\s+(?:de\s+|d['’])?(?:serveur\s+)?kms\b/iu,
  /\bserveurs?\s+kms\s+(?:gratuits?|publics?|en\s+ligne)\b/i,
  /\bsans\s+(?:payer|acheter)\b/i,
  /\bcontourn\w*\s+(?:l['’])?activation\b/i,
];

/** Scanning the start of a huge paste is enough: a request for a crack is written by a person, not pasted. */
const SCAN_LIMIT = 64 * 1024;

/** True when the message asks for a crack, a KMS emulator or an activation script. */
export function asksForUnauthorizedActivation(text: string): boolean {
  const t = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  return PATTERNS.some((p) => p.test(t));
}

const REFUSAL: Record<Lang, string> = {
  en: [
    "I can't help with KMS emulators, cracks or activation scripts: they activate Windows without a licence.",
    'Legitimate routes:',
    '• Buy a licence (retail or OEM), or get a key from your Volume Licensing agreement in the Microsoft 365 admin center.',
    '• In an organisation: a real KMS host with your CSVLK, Active Directory-based activation, or a MAK.',
    '• For a blocked or exhausted key: a Microsoft Licensing Activation Center (https://www.microsoft.com/licensing/existing-customer/activation-centers).',
    'Paste the error code or the slmgr output of a licensed setup and I will help you diagnose it.',
  ].join('\n'),
  fr: [
    'Je ne peux pas aider avec des émulateurs KMS, des cracks ou des scripts d’activation : ils activent Windows sans licence.',
    'Voies légitimes :',
    '• Achetez une licence (Retail ou OEM), ou obtenez une clé de votre contrat de licence en volume dans le centre d’administration Microsoft 365.',
    '• En entreprise : un véritable hôte KMS avec votre CSVLK, l’activation via Active Directory, ou une clé MAK.',
    '• Pour une clé bloquée ou épuisée : un centre d’activation des licences Microsoft (https://www.microsoft.com/licensing/existing-customer/activation-centers).',
    'Collez le code d’erreur ou la sortie slmgr d’une installation sous licence et je vous aiderai à la diagnostiquer.',
  ].join('\n'),
};

export function refusalText(lang: Lang): string {
  return REFUSAL[lang];
}

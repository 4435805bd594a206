/**
 * UI labels of the rendered replies (section headings, button labels, "more" notes), in English and French.
 * The knowledge base localizes the diagnosis itself; this file only holds the chrome around it, so the three
 * renderers say the same thing in the same words.
 */
import type { Lang } from '../knowledge/types.js';
import type { ActionId } from '../conversations/types.js';

const LABELS = {
  cause: { en: 'Cause', fr: 'Cause' },
  fix: { en: 'Fix', fr: 'Correctif' },
  evidence: { en: 'Evidence', fr: 'Éléments relevés' },
  changes: { en: 'What changed', fr: 'Ce qui a changé' },
  questions: { en: 'Next evidence to collect', fr: 'Prochains éléments à relever' },
  warnings: { en: 'Warnings', fr: 'Avertissements' },
  codes: { en: 'Codes', fr: 'Codes' },
  findings: { en: 'All findings', fr: 'Toutes les pistes' },
  otherFindings: { en: 'Other possible causes', fr: 'Autres causes possibles' },
  escalation: { en: 'Escalate to Microsoft', fr: 'Escalade vers Microsoft' },
  bring: { en: 'Have this ready', fr: 'À préparer' },
  note: { en: 'Note', fr: 'Remarque' },
  run: { en: 'Run', fr: 'Exécuter' },
  why: { en: 'Why', fr: 'Pourquoi' },
  confidence: { en: 'Confidence', fr: 'Confiance' },
  'confidence.high': { en: 'high', fr: 'élevée' },
  'confidence.medium': { en: 'medium', fr: 'moyenne' },
  'confidence.low': { en: 'low', fr: 'faible' },
  more: { en: '… {n} more', fr: '… {n} de plus' },
  moreText: { en: '… (shortened)', fr: '… (abrégé)' },
  /** `{button}` is the label of the "show all" button as the card shows it, so the note never names another. */
  truncated: {
    en: 'This answer was shortened to fit the message size limit. Use “{button}” for the rest.',
    fr: 'Cette réponse a été abrégée pour tenir dans la taille maximale d’un message. « {button} » donne le reste.',
  },
  truncatedList: {
    en: 'This list was shortened to fit the message size limit.',
    fr: 'Cette liste a été abrégée pour tenir dans la taille maximale d’un message.',
  },
  nextStep: { en: 'Next step', fr: 'Étape suivante' },
  nextStepOf: { en: 'Next step (1 of {n})', fr: 'Étape suivante (1 sur {n})' },
  laterSteps: { en: 'Then', fr: 'Ensuite' },
  details: { en: 'Details', fr: 'Détails' },
  /** The handoff card's box: each of its buttons but Claim refuses to act while it is empty. */
  noteInput: {
    en: 'Your question, the Microsoft case number or the resolution',
    fr: 'Votre question, le numéro de dossier Microsoft ou la résolution',
  },
  noteInputHint: {
    en: 'Required for {buttons}. A case number may contain spaces.',
    fr: 'Obligatoire pour {buttons}. Le numéro de dossier peut contenir des espaces.',
  },
  noteInputError: {
    en: 'Type your question, the case number or the resolution first.',
    fr: 'Saisissez d’abord votre question, le numéro de dossier ou la résolution.',
  },
  or: { en: 'or', fr: 'ou' },
  openActivationCenters: {
    en: 'Microsoft Licensing Activation Centers',
    fr: 'Centres d’activation des licences Microsoft',
  },
  slackNotInChannel: {
    en: 'I could not answer in that conversation because I am not a member of it, so this answer is for you only. To have me answer there for everyone, add me: type `/invite @activation-doctor` in the channel, or open its details → Integrations → Add apps.',
    fr: 'Je n’ai pas pu répondre dans cette conversation car je n’en suis pas membre : cette réponse n’est visible que par vous. Pour que je réponde à tout le monde, ajoutez-moi : tapez `/invite @activation-doctor` dans le canal, ou ouvrez ses détails → Intégrations → Ajouter des applications.',
  },
  'action.escalate': { en: 'Escalate', fr: 'Escalader' },
  'action.resolved': { en: 'That fixed it', fr: 'C’est réglé' },
  'action.didnt_help': { en: 'Didn’t help', fr: 'Ça n’a pas aidé' },
  'action.show_all': { en: 'Show all findings', fr: 'Voir toutes les causes' },
  'action.claim': { en: 'I’ll take it', fr: 'Je m’en charge' },
  'action.need_info': { en: 'Need more info', fr: 'Il manque des infos' },
  'action.escalated_ms': { en: 'Escalated to Microsoft', fr: 'Transmis à Microsoft' },
  'action.handoff_resolved': { en: 'Resolved', fr: 'Résolu' },
} as const satisfies Record<string, Record<Lang, string>>;

export type LabelId = keyof typeof LABELS;

/** A label in the reply's language, with `{name}` placeholders filled. */
export function t(lang: Lang, id: LabelId, params: Record<string, string | number> = {}): string {
  const text: string = LABELS[id][lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Default button label for an action id (the engine usually supplies its own). */
export function actionLabel(lang: Lang, id: ActionId): string {
  return t(lang, `action.${id}`);
}

export function confidenceLabel(lang: Lang, confidence: 'high' | 'medium' | 'low'): string {
  return t(lang, `confidence.${confidence}`);
}

/** Every label id, for tests that check both languages are filled. */
export const LABEL_IDS = Object.keys(LABELS) as LabelId[];

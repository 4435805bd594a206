/**
 * The rendering layer's words (section headings, "more" notes, input hints), in English and French side by side.
 * The knowledge base localizes the diagnosis itself and the conversation layer names its buttons and confidence
 * levels (src/conversations/phrases.ts, escalations/replies.ts); this file only holds the chrome around them, so
 * the three renderers say the same thing in the same words and a note never names a button by another label.
 */
import { texts as handoffTexts } from '../conversations/escalations/replies.js';
import { phrases } from '../conversations/phrases.js';
import type { ActionId } from '../conversations/types.js';
import type { Confidence, Lang } from '../knowledge/types.js';

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
  // The command line's plain-text report of a diagnosis or an explanation (src/adapters/cli/format.ts).
  'cli.diagnosis': { en: 'Activation diagnosis', fr: 'Diagnostic d’activation' },
  'cli.noCodes': { en: '(no error code found)', fr: '(aucun code d’erreur trouvé)' },
  'cli.findings': { en: 'Findings', fr: 'Constats' },
  'cli.noFindings': {
    en: '(nothing conclusive yet: see the next evidence below)',
    fr: '(rien de concluant pour l’instant : voir les éléments à fournir ci-dessous)',
  },
  'cli.escalate': { en: 'escalate to Microsoft', fr: 'à remonter à Microsoft' },
  'cli.ask': { en: 'Next evidence to paste', fr: 'Éléments à coller ensuite' },
  'cli.causes': { en: 'Likely causes', fr: 'Causes probables' },
  'cli.bring': { en: 'Bring to Microsoft', fr: 'À fournir à Microsoft' },
  'cli.types': { en: 'Activation types', fr: 'Types d’activation' },
  'cli.decoded': { en: 'Decoded', fr: 'Décodage' },
  'cli.screenshot': {
    en: 'Read from a screenshot (OCR); the lines this relies on',
    fr: 'Lu sur une capture d’écran (OCR) ; lignes sur lesquelles repose le diagnostic',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type LabelId = keyof typeof LABELS;

/** A label in the reply's language, with `{name}` placeholders filled. */
export function t(lang: Lang, id: LabelId, params: Record<string, string | number> = {}): string {
  const text: string = LABELS[id][lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A button's label as the engine writes it on its cards, for the buttons a renderer adds itself. */
export function actionLabel(lang: Lang, id: ActionId): string {
  const diagnosis = phrases(lang).buttons;
  const handoff = handoffTexts(lang).buttons;
  const labels: Record<ActionId, string> = {
    escalate: diagnosis.escalate,
    resolved: diagnosis.resolved,
    didnt_help: diagnosis.didntHelp,
    show_all: diagnosis.showAll,
    claim: handoff.claim,
    need_info: handoff.needInfo,
    escalated_ms: handoff.escalatedMs,
    handoff_resolved: handoff.resolved,
  };
  return labels[id];
}

export function confidenceLabel(lang: Lang, confidence: Confidence): string {
  return phrases(lang).confidence[confidence];
}

/** Every label id, for tests that check both languages are filled. */
export const LABEL_IDS = Object.keys(LABELS) as LabelId[];

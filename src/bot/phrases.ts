/**
 * The rendering layer's words (section headings, "more" notes, input hints), one table per language with the same
 * keys. The knowledge base localizes the diagnosis itself and the conversation layer names its buttons and confidence
 * levels (src/conversations/phrases.ts); this file only holds the chrome around them, so
 * the three renderers say the same thing in the same words and a note never names a button by another label.
 */
import { escalationPhrases, phrases } from '../conversations/phrases.js';
import type { ActionId } from '../conversations/types.js';
import type { Confidence, Lang } from '../knowledge/types.js';

const en = {
  cause: 'Cause',
  fix: 'Fix',
  evidence: 'Evidence',
  changes: 'What changed',
  questions: 'Next evidence to collect',
  warnings: 'Warnings',
  codes: 'Codes',
  findings: 'All findings',
  otherFindings: 'Other possible causes',
  escalation: 'Escalate to Microsoft',
  bring: 'Have this ready',
  note: 'Note',
  run: 'Run',
  why: 'Why',
  confidence: 'Confidence',
  more: '… {n} more',
  moreText: '… (shortened)',
  /** `{button}` is the label of the "show all" button as the card shows it, so the note never names another. */
  truncated: 'This answer was shortened to fit the message size limit. Use “{button}” for the rest.',
  truncatedList: 'This list was shortened to fit the message size limit.',
  nextStep: 'Next step',
  nextStepOf: 'Next step (1 of {n})',
  laterSteps: 'Then',
  details: 'Details',
  /** The Slack modal that shows a card's details: its close button, and what it says while they are made. */
  'details.close': 'Close',
  'details.loading': 'Getting the details…',
  'details.none': 'This card has no more details.',
  /** Where the modal could not open: the details come as a note only the clicker sees. */
  'details.private': 'Details (only you can see this)',
  /** The handoff card's box: each of its buttons but Claim refuses to act while it is empty. */
  noteInput: 'Your question, the Microsoft case number or the resolution',
  noteInputHint: 'Required for {buttons}. A case number may contain spaces.',
  noteInputError: 'Type your question, the case number or the resolution first.',
  or: 'or',
  openActivationCenters: 'Microsoft Licensing Activation Centers',
  // The handoff card's own headings (HandoffCardModel): its timeline and checklist are not a diagnosis's.
  'handoff.status': 'Status',
  'handoff.assignee': 'Assigned to',
  'handoff.unassigned': 'Nobody yet',
  'handoff.origin': 'Asked in',
  'handoff.case': 'Microsoft case number',
  'handoff.resolution': 'Resolution',
  'handoff.question': 'Waiting for an answer',
  'handoff.askedBy': 'Asked by {who}',
  'handoff.checklist': 'Checklist for Microsoft',
  'handoff.timeline': 'Timeline',
  'handoff.earlier': '… {n} earlier',
  'handoff.thread': 'From the thread',
  'handoff.tried': 'Already tried',
  // The origin thread's status card and a relayed answer (OriginCardModel, RelayModel).
  'origin.missing': 'Still missing',
  'relay.question': 'Question from {who}',
  'relay.answer': 'Answer from {who}',
  // Evidence that arrived (EvidenceNoteModel) and the engineer's question (InfoRequestModel).
  'evidence.arrived': 'Just arrived',
  'evidence.stillMissing': 'Checklist items still missing',
  'reminder.cause': 'Most likely cause',
  // The command line's plain-text report of a diagnosis or an explanation (src/adapters/cli/format.ts).
  'cli.diagnosis': 'Activation diagnosis',
  'cli.noCodes': '(no error code found)',
  'cli.findings': 'Findings',
  'cli.noFindings': '(nothing conclusive yet: see the next evidence below)',
  'cli.escalate': 'escalate to Microsoft',
  'cli.ask': 'Next evidence to paste',
  'cli.causes': 'Likely causes',
  'cli.bring': 'Bring to Microsoft',
  'cli.types': 'Activation types',
  'cli.decoded': 'Decoded',
  'cli.screenshot': 'Read from a screenshot (OCR); the lines this relies on',
} as const;

export type LabelId = keyof typeof en;

/** The same keys as `en`: a missing or extra label is a type error. */
const fr: Record<LabelId, string> = {
  cause: 'Cause',
  fix: 'Correctif',
  evidence: 'Éléments relevés',
  changes: 'Ce qui a changé',
  questions: 'Prochains éléments à relever',
  warnings: 'Avertissements',
  codes: 'Codes',
  findings: 'Toutes les pistes',
  otherFindings: 'Autres causes possibles',
  escalation: 'Escalade vers Microsoft',
  bring: 'À préparer',
  note: 'Remarque',
  run: 'Exécuter',
  why: 'Pourquoi',
  confidence: 'Confiance',
  more: '… {n} de plus',
  moreText: '… (abrégé)',
  truncated:
    'Cette réponse a été abrégée pour tenir dans la taille maximale d’un message. « {button} » donne le reste.',
  truncatedList: 'Cette liste a été abrégée pour tenir dans la taille maximale d’un message.',
  nextStep: 'Étape suivante',
  nextStepOf: 'Étape suivante (1 sur {n})',
  laterSteps: 'Ensuite',
  details: 'Détails',
  'details.close': 'Fermer',
  'details.loading': 'Préparation des détails…',
  'details.none': 'Cette carte n’a pas d’autres détails.',
  'details.private': 'Détails (visibles de vous seul)',
  noteInput: 'Votre question, le numéro de dossier Microsoft ou la résolution',
  noteInputHint: 'Obligatoire pour {buttons}. Le numéro de dossier peut contenir des espaces.',
  noteInputError: 'Saisissez d’abord votre question, le numéro de dossier ou la résolution.',
  or: 'ou',
  openActivationCenters: 'Centres d’activation des licences Microsoft',
  'handoff.status': 'État',
  'handoff.assignee': 'Pris en charge par',
  'handoff.unassigned': 'Personne pour l’instant',
  'handoff.origin': 'Demandé dans',
  'handoff.case': 'Numéro de dossier Microsoft',
  'handoff.resolution': 'Résolution',
  'handoff.question': 'En attente d’une réponse',
  'handoff.askedBy': 'Demandé par {who}',
  'handoff.checklist': 'Liste pour Microsoft',
  'handoff.timeline': 'Historique',
  'handoff.earlier': '… {n} plus tôt',
  'handoff.thread': 'Dans le fil',
  'handoff.tried': 'Déjà essayé',
  'origin.missing': 'Encore à fournir',
  'relay.question': 'Question de {who}',
  'relay.answer': 'Réponse de {who}',
  'evidence.arrived': 'Vient d’arriver',
  'evidence.stillMissing': 'Encore absent de la liste',
  'reminder.cause': 'Cause la plus probable',
  'cli.diagnosis': 'Diagnostic d’activation',
  'cli.noCodes': '(aucun code d’erreur trouvé)',
  'cli.findings': 'Constats',
  'cli.noFindings': '(rien de concluant pour l’instant : voir les éléments à fournir ci-dessous)',
  'cli.escalate': 'à remonter à Microsoft',
  'cli.ask': 'Éléments à coller ensuite',
  'cli.causes': 'Causes probables',
  'cli.bring': 'À fournir à Microsoft',
  'cli.types': 'Types d’activation',
  'cli.decoded': 'Décodage',
  'cli.screenshot': 'Lu sur une capture d’écran (OCR) ; lignes sur lesquelles repose le diagnostic',
};

const LABELS: Record<Lang, Record<LabelId, string>> = { en, fr };

/** What goes between a label and its value: French sets a (no-break) space before the colon. */
export function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0: ' : ': ';
}

/** A label in the reply's language, with `{name}` placeholders filled. */
export function t(lang: Lang, id: LabelId, params: Record<string, string | number> = {}): string {
  const text: string = LABELS[lang][id];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A button's label as the engine writes it on its cards, for the buttons a renderer adds itself. */
export function actionLabel(lang: Lang, id: ActionId): string {
  const diagnosis = phrases(lang).buttons;
  const handoff = escalationPhrases(lang).buttons;
  const labels: Record<ActionId, string> = {
    escalate: diagnosis.escalate,
    resolved: diagnosis.resolved,
    didnt_help: diagnosis.didntHelp,
    show_all: diagnosis.showAll,
    details: t(lang, 'details'),
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
export const LABEL_IDS = Object.keys(en) as LabelId[];

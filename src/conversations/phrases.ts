/**
 * Every sentence the conversation layer says itself (the knowledge core supplies finding and code texts), in
 * English and French. One table per language with the same keys, so a missing translation is a type error.
 */
import type { Confidence, Lang, SourceKind } from '../knowledge/types.js';
import type { RefusalReason } from './escalations/replies.js';
import type { ChecklistId, EscalationStatus, TimelineEntry } from './escalations/types.js';

export interface Phrases {
  helpTitle: string;
  helpSummary: string;
  helpNeedEvidence: string;
  /** What to paste first when the thread has nothing yet. */
  starterAsks: Array<{ command: string; why: string }>;
  langSwitched: string;
  explanationSummary: (types: string) => string;
  explanationUnknown: (code: string, detail: string) => string;
  diagnosisTitleNone: string;
  diagnosisSummary: (confidence: Confidence) => string;
  diagnosisNoneSummary: string;
  diagnosisUpdated: (confidence: Confidence) => string;
  nextCause: (ruledOut: string, confidence: Confidence) => string;
  noMoreCauses: (ruledOut: string) => string;
  noDiagnosisYet: string;
  allFindingsTitle: string;
  allFindingsSummary: (n: number) => string;
  allFindingsNone: string;
  ruledOutNote: string;
  resolvedTitle: string;
  resolvedSummary: (fix: string) => string;
  resolvedSummaryNoFinding: string;
  resetTitle: string;
  resetSummary: string;
  refusalTitle: string;
  escalationTitle: string;
  escalationMicrosoft: string;
  escalationHandoff: string;
  /** The thread went to the licensing team as escalation `id`. */
  escalationOpened: (id: string) => string;
  escalationLinkLabel: string;
  bringCodes: (codes: string) => string;
  bringDefault: string[];
  bringTried: (titles: string) => string;
  factChanged: (key: string, from: string, to: string) => string;
  factAdded: (key: string, to: string) => string;
  factRemoved: (key: string, from: string) => string;
  factsAdded: (n: number) => string;
  newCode: (code: string) => string;
  causeChanged: (from: string, to: string) => string;
  confidenceChanged: (from: Confidence, to: Confidence) => string;
  ruledOut: (title: string) => string;
  codeEvidence: (code: string, title: string) => string;
  fromSource: (source: string) => string;
  sourceEvent: string;
  sourceProse: string;
  memoryUnavailable: string;
  memoryNotSaved: string;
  truncated: string;
  unsupportedAction: string;
  internalError: string;
  buttons: { escalate: string; resolved: string; didntHelp: string; showAll: string };
  confidence: Record<Confidence, string>;
}

const en: Phrases = {
  helpTitle: 'Activation Doctor',
  helpSummary:
    'Send me a Windows activation error code (for example 0xC004F074) or paste the output of slmgr /dlv, ' +
    'nslookup, DISM or an event from the log. I will tell you the likely cause and the commands that fix it, ' +
    'and keep track of what this thread already showed.',
  helpNeedEvidence: 'I need a bit more to go on. Paste one of these outputs:',
  starterAsks: [
    {
      command: 'slmgr /dlv',
      why: 'Shows the edition, the key channel, the license status and the KMS settings.',
    },
    {
      command: 'nslookup -type=srv _vlmcs._tcp',
      why: 'Shows whether clients can find a KMS host through DNS.',
    },
  ],
  langSwitched: 'OK, I will answer in English from now on.',
  explanationSummary: (types) => `What this code means and how to fix it (${types}).`,
  explanationUnknown: (code, detail) =>
    `${code} is not in my catalogue. Here is what its number says: ${detail}.`,
  diagnosisTitleNone: 'Not enough to go on yet',
  diagnosisSummary: (c) => `Most likely cause (${en.confidence[c]} confidence).`,
  diagnosisNoneSummary: 'Nothing in this thread points to a cause yet. The outputs below would tell.',
  diagnosisUpdated: (c) =>
    `Updated with your new evidence. Most likely cause (${en.confidence[c]} confidence).`,
  nextCause: (ruledOut, c) =>
    `"${ruledOut}" is ruled out. Next most likely cause (${en.confidence[c]} confidence).`,
  noMoreCauses: (ruledOut) =>
    `"${ruledOut}" is ruled out and I have no other likely cause left. More output may help, or escalate.`,
  noDiagnosisYet: 'There is no diagnosis in this thread yet.',
  allFindingsTitle: 'All possible causes',
  allFindingsSummary: (n) => `${n} possible cause${n === 1 ? '' : 's'}, strongest first.`,
  allFindingsNone: 'No cause found yet.',
  ruledOutNote: 'You said this did not help.',
  resolvedTitle: 'Marked as resolved',
  resolvedSummary: (fix) => `Glad it works. The fix that worked: ${fix}.`,
  resolvedSummaryNoFinding: 'Glad it works. This thread is marked as resolved.',
  resetTitle: 'Starting over',
  resetSummary:
    'I have forgotten everything this thread showed. Send a code or paste an output to begin again.',
  refusalTitle: 'I cannot help with that',
  escalationTitle: 'Escalation',
  escalationMicrosoft:
    'Only Microsoft can fix this one. Contact the Licensing Activation Centers and bring the items below.',
  escalationHandoff: 'Here is what to hand over to whoever takes this case, with what was already tried.',
  escalationOpened: (id) =>
    `Handed to the licensing team as ${id}, with everything this thread established. Their status card follows; answer their questions here.`,
  escalationLinkLabel: 'Microsoft Licensing Activation Centers',
  bringCodes: (codes) => `The error code${codes.includes(',') ? 's' : ''}: ${codes}`,
  bringDefault: [
    'The output of slmgr /dlv',
    'The Installation ID (slmgr /dti), if you will activate by phone',
    'The last five characters of the product key (never the full key)',
  ],
  bringTried: (titles) => `Already tried: ${titles}`,
  factChanged: (key, from, to) => `${key}: ${from} → ${to}`,
  factAdded: (key, to) => `${key}: ${to} (new)`,
  factRemoved: (key, from) => `${key}: ${from} → (no longer shown)`,
  factsAdded: (n) => `${n} new facts from your paste`,
  newCode: (code) => `New code: ${code}`,
  causeChanged: (from, to) => `Main cause: ${from} → ${to}`,
  confidenceChanged: (from, to) => `Confidence: ${en.confidence[from]} → ${en.confidence[to]}`,
  ruledOut: (title) => `Ruled out: ${title}`,
  codeEvidence: (code, title) => `${code}: ${title}`,
  fromSource: (source) => `from ${source}`,
  sourceEvent: 'the event log',
  sourceProse: 'your description',
  memoryUnavailable:
    'Memory unavailable: this answer uses this message only; earlier messages of the thread were not considered.',
  memoryNotSaved: 'Memory unavailable: this message could not be saved, so follow-ups will not include it.',
  truncated: 'Your message was longer than 1 MiB; only the beginning was read.',
  unsupportedAction: 'This button is not available here.',
  internalError: 'Something went wrong on my side while reading this message. Please try again.',
  buttons: {
    escalate: 'Escalate',
    resolved: 'That fixed it',
    didntHelp: "Didn't help",
    showAll: 'Show all findings',
  },
  confidence: { high: 'high', medium: 'medium', low: 'low' },
};

const fr: Phrases = {
  helpTitle: 'Activation Doctor',
  helpSummary:
    "Envoyez-moi un code d'erreur d'activation Windows (par exemple 0xC004F074) ou collez la sortie de " +
    'slmgr /dlv, nslookup, DISM ou un événement du journal. Je vous indique la cause probable et les ' +
    'commandes qui la corrigent, en tenant compte de tout ce que ce fil a déjà montré.',
  helpNeedEvidence: "Il me faut un peu plus d'éléments. Collez l'une de ces sorties :",
  starterAsks: [
    {
      command: 'slmgr /dlv',
      why: "Montre l'édition, le canal de la clé, l'état de la licence et les réglages KMS.",
    },
    {
      command: 'nslookup -type=srv _vlmcs._tcp',
      why: 'Montre si les clients trouvent un hôte KMS par le DNS.',
    },
  ],
  langSwitched: 'Entendu, je réponds en français désormais.',
  explanationSummary: (types) => `Ce que signifie ce code et comment le corriger (${types}).`,
  explanationUnknown: (code, detail) =>
    `${code} ne figure pas dans mon catalogue. Voici ce que dit sa valeur : ${detail}.`,
  diagnosisTitleNone: "Pas encore assez d'éléments",
  diagnosisSummary: (c) => `Cause la plus probable (confiance ${fr.confidence[c]}).`,
  diagnosisNoneSummary: "Rien dans ce fil n'indique encore de cause. Les sorties ci-dessous le diraient.",
  diagnosisUpdated: (c) =>
    `Mis à jour avec vos nouveaux éléments. Cause la plus probable (confiance ${fr.confidence[c]}).`,
  nextCause: (ruledOut, c) =>
    `« ${ruledOut} » est écartée. Cause suivante la plus probable (confiance ${fr.confidence[c]}).`,
  noMoreCauses: (ruledOut) =>
    `« ${ruledOut} » est écartée et je n'ai plus d'autre cause probable. D'autres sorties peuvent aider, ` +
    "sinon passez à l'escalade.",
  noDiagnosisYet: "Ce fil n'a pas encore de diagnostic.",
  allFindingsTitle: 'Toutes les causes possibles',
  allFindingsSummary: (n) =>
    `${n} cause${n === 1 ? '' : 's'} possible${n === 1 ? '' : 's'}, de la plus forte à la plus faible.`,
  allFindingsNone: 'Aucune cause trouvée pour le moment.',
  ruledOutNote: "Vous avez indiqué que cela n'a pas aidé.",
  resolvedTitle: 'Marqué comme résolu',
  resolvedSummary: (fix) => `Tant mieux. Le correctif qui a fonctionné : ${fix}.`,
  resolvedSummaryNoFinding: 'Tant mieux. Ce fil est marqué comme résolu.',
  resetTitle: 'On repart de zéro',
  resetSummary:
    "J'ai oublié tout ce que ce fil avait montré. Envoyez un code ou collez une sortie pour recommencer.",
  refusalTitle: 'Je ne peux pas vous aider pour cela',
  escalationTitle: 'Escalade',
  escalationMicrosoft:
    "Seul Microsoft peut régler ce cas. Contactez les centres d'activation de licences en volume avec les éléments ci-dessous.",
  escalationHandoff:
    'Voici ce qu’il faut transmettre à la personne qui reprend le dossier, avec ce qui a déjà été essayé.',
  escalationOpened: (id) =>
    `Transmis à l’équipe licences sous la référence ${id}, avec tout ce que ce fil a établi. Sa fiche de suivi suit ; répondez à ses questions ici.`,
  escalationLinkLabel: "Centres d'activation de licences en volume Microsoft",
  bringCodes: (codes) =>
    `Le${codes.includes(',') ? 's' : ''} code${codes.includes(',') ? 's' : ''} d'erreur : ${codes}`,
  bringDefault: [
    'La sortie de slmgr /dlv',
    "L'ID d'installation (slmgr /dti), pour une activation par téléphone",
    'Les cinq derniers caractères de la clé de produit (jamais la clé complète)',
  ],
  bringTried: (titles) => `Déjà essayé : ${titles}`,
  factChanged: (key, from, to) => `${key} : ${from} → ${to}`,
  factAdded: (key, to) => `${key} : ${to} (nouveau)`,
  factRemoved: (key, from) => `${key} : ${from} → (plus affiché)`,
  factsAdded: (n) => `${n} nouveaux éléments tirés de votre collage`,
  newCode: (code) => `Nouveau code : ${code}`,
  causeChanged: (from, to) => `Cause principale : ${from} → ${to}`,
  confidenceChanged: (from, to) => `Confiance : ${fr.confidence[from]} → ${fr.confidence[to]}`,
  ruledOut: (title) => `Écartée : ${title}`,
  codeEvidence: (code, title) => `${code} : ${title}`,
  fromSource: (source) => `d'après ${source}`,
  sourceEvent: 'le journal des événements',
  sourceProse: 'votre description',
  memoryUnavailable:
    'Mémoire indisponible : cette réponse ne tient compte que de ce message, pas des précédents messages du fil.',
  memoryNotSaved:
    "Mémoire indisponible : ce message n'a pas pu être enregistré, les réponses suivantes n'en tiendront pas compte.",
  truncated: 'Votre message dépassait 1 Mio ; seul le début a été lu.',
  unsupportedAction: "Ce bouton n'est pas disponible ici.",
  internalError: 'Un problème est survenu de mon côté en lisant ce message. Merci de réessayer.',
  buttons: {
    escalate: 'Escalader',
    resolved: "C'est réglé",
    didntHelp: "Ça n'a pas aidé",
    showAll: 'Voir toutes les causes',
  },
  confidence: { high: 'élevée', medium: 'moyenne', low: 'faible' },
};

export const PHRASES: Record<Lang, Phrases> = { en, fr };

export function phrases(lang: Lang): Phrases {
  return PHRASES[lang];
}

/** How a source kind is named in "from …" evidence notes (commands are not translated). */
export function sourceLabel(source: SourceKind, lang: Lang): string {
  if (source === 'event') return PHRASES[lang].sourceEvent;
  if (source === 'prose') return PHRASES[lang].sourceProse;
  return COMMAND_LABELS[source];
}

const COMMAND_LABELS: Record<Exclude<SourceKind, 'event' | 'prose'>, string> = {
  'slmgr-dli': 'slmgr /dli',
  'slmgr-dlv': 'slmgr /dlv',
  'slmgr-xpr': 'slmgr /xpr',
  'slmgr-ato': 'slmgr /ato',
  'slmgr-ipk': 'slmgr /ipk',
  'slmgr-dti': 'slmgr /dti',
  'dism-current-edition': 'DISM /Get-CurrentEdition',
  'dism-target-editions': 'DISM /Get-TargetEditions',
  'dism-set-edition': 'DISM /Set-Edition',
  'nslookup-srv': 'nslookup _vlmcs._tcp',
  'test-netconnection': 'Test-NetConnection',
  'ospp-dstatus': 'ospp.vbs /dstatus',
};

// --- the escalation handoff -------------------------------------------------------------------------------------

/** What the escalation handoff says (escalations/replies.ts builds its cards and notes from these). */
export interface EscalationPhrases {
  status: Record<EscalationStatus, string>;
  handoffTitle: (id: string) => string;
  handoffSummary: (who: string, where: string) => string;
  originTitle: string;
  originSummary: (status: string, owner?: string) => string;
  unclaimed: string;
  codes: (list: string) => string;
  finding: (title: string) => string;
  tried: (list: string) => string;
  missingIntro: string;
  /** One timeline entry; `who` is the actor's display name. */
  timeline: (e: TimelineEntry, who: string) => string;
  buttons: { claim: string; needInfo: string; escalatedMs: string; resolved: string };
  update: {
    claimed: (who: string) => string;
    escalatedMs: (n: string) => string;
    resolved: (r: string) => string;
    answerRelayed: string;
  };
  questionTitle: string;
  questionSummary: (who: string, q: string) => string;
  questionHow: string;
  answerTitle: (id: string) => string;
  answerSummary: (who: string, text: string) => string;
  evidenceTitle: (id: string) => string;
  evidenceSummary: (items: string) => string;
  reminderTitle: (id: string) => string;
  reminderSummary: (age: string, who: string) => string;
  listTitle: (n: number) => string;
  listNone: string;
  listSummary: (n: number) => string;
  listLine: (id: string, age: string, owner: string, status: string, title: string) => string;
  refusalTitle: string;
  refusal: Record<RefusalReason, (x: string) => string>;
  msLink: string;
  originWhere: (platform: string, channel: string, threadKey: string) => string;
}

const escalationEn: EscalationPhrases = {
  status: {
    open: 'waiting for an engineer',
    claimed: 'being handled',
    need_info: 'waiting for information',
    escalated_ms: 'escalated to Microsoft',
    resolved: 'resolved',
  },
  handoffTitle: (id) => `Escalation ${id}`,
  handoffSummary: (who, where) => `${who} asked for help in ${where}.`,
  originTitle: 'Handed to the licensing team',
  originSummary: (status, owner) => `Status: ${status}${owner ? ` (${owner})` : ''}.`,
  unclaimed: 'unclaimed',
  codes: (list) => `Codes: ${list}`,
  finding: (t) => `Finding: ${t}`,
  tried: (list) => `Already tried: ${list}`,
  missingIntro: 'Please add these to this thread; the licensing team sees them as they arrive.',
  timeline: (e, who) => {
    switch (e.kind) {
      case 'opened':
        return `${who} escalated`;
      case 'claimed':
        return `${who} claimed it`;
      case 'need_info':
        return `${who} asked: ${e.text ?? ''}`;
      case 'answer':
        return `${who} answered: ${e.text ?? ''}`;
      case 'evidence':
        return `evidence added: ${e.text ?? ''}`;
      case 'escalated_ms':
        return `${who} escalated to Microsoft, case ${e.text ?? ''}`;
      case 'resolved':
        return `${who} resolved it: ${e.text ?? ''}`;
      case 'reminded':
        return `reminder sent`;
    }
  },
  buttons: {
    claim: 'Claim',
    needInfo: 'Need info',
    escalatedMs: 'Escalated to Microsoft',
    resolved: 'Resolved',
  },
  update: {
    claimed: (who) => `${who} from the licensing team is now handling this case.`,
    escalatedMs: (n) => `The licensing team escalated this case to Microsoft (case number ${n}).`,
    resolved: (r) => `The licensing team marked this case resolved: ${r}`,
    answerRelayed: 'Your answer was passed to the licensing team.',
  },
  questionTitle: 'The licensing team needs more information',
  questionSummary: (who, q) => `${who} asks: ${q}`,
  questionHow: 'Answer in this thread; your reply is passed on to the licensing team.',
  answerTitle: (id) => `Answer for ${id}`,
  answerSummary: (who, text) => `${who} answered: ${text}`,
  evidenceTitle: (id) => `New evidence for ${id}`,
  evidenceSummary: (items) => `Now in the dossier: ${items}.`,
  reminderTitle: (id) => `Escalation ${id} is still unclaimed`,
  reminderSummary: (age, who) => `${who} has been waiting ${age}. Open the handoff thread and click Claim.`,
  listTitle: (n) => `Open escalations (${n})`,
  listNone: 'No open escalations.',
  listSummary: (n) => (n === 1 ? 'One escalation is open.' : `${n} escalations are open, oldest first.`),
  listLine: (id, age, owner, status, title) =>
    `${id} · ${age} · ${owner} · ${status}${title ? ` — ${title}` : ''}`,
  refusalTitle: 'Not possible',
  refusal: {
    not_member: () => 'Only members of the escalation team can do this. Nothing was changed.',
    claimed_by_other: (who) => `${who} already claimed this escalation. Nothing was changed.`,
    resolved: () => 'This escalation is already resolved. Nothing was changed.',
    need_question: () => 'Type your question in the box, then click Need info.',
    need_case_number: () => 'Type the Microsoft case number in the box, then click Escalated to Microsoft.',
    bad_case_number: (n) => `"${n}" does not look like a case number (4 to 40 letters, digits or hyphens).`,
    need_resolution: () => 'Type the resolution in the box, then click Resolved.',
    not_found: (id) => `Escalation ${id} was not found (it may have expired).`,
    no_question_pending: () => 'No question is waiting for an answer.',
  },
  msLink: 'Microsoft Licensing Activation Centers',
  // A chat without threads (a Teams personal or group chat) has one key for both: say it once.
  originWhere: (platform, channel, threadKey) =>
    threadKey === channel
      ? `${platformName(platform)} conversation ${channel}`
      : `${platformName(platform)} channel ${channel}, thread ${threadKey}`,
};

const escalationFr: EscalationPhrases = {
  status: {
    open: 'en attente d’un ingénieur',
    claimed: 'en cours de traitement',
    need_info: 'en attente d’informations',
    escalated_ms: 'transmis à Microsoft',
    resolved: 'résolu',
  },
  handoffTitle: (id) => `Escalade ${id}`,
  handoffSummary: (who, where) => `${who} a demandé de l’aide dans ${where}.`,
  originTitle: 'Transmis à l’équipe licences',
  originSummary: (status, owner) => `État : ${status}${owner ? ` (${owner})` : ''}.`,
  unclaimed: 'non pris en charge',
  codes: (list) => `Codes : ${list}`,
  finding: (t) => `Constat : ${t}`,
  tried: (list) => `Déjà essayé : ${list}`,
  missingIntro: 'Merci d’ajouter ces éléments dans ce fil ; l’équipe licences les voit arriver.',
  timeline: (e, who) => {
    switch (e.kind) {
      case 'opened':
        return `${who} a escaladé`;
      case 'claimed':
        return `${who} l’a pris en charge`;
      case 'need_info':
        return `${who} a demandé : ${e.text ?? ''}`;
      case 'answer':
        return `${who} a répondu : ${e.text ?? ''}`;
      case 'evidence':
        return `éléments ajoutés : ${e.text ?? ''}`;
      case 'escalated_ms':
        return `${who} a transmis à Microsoft, dossier ${e.text ?? ''}`;
      case 'resolved':
        return `${who} l’a résolu : ${e.text ?? ''}`;
      case 'reminded':
        return `rappel envoyé`;
    }
  },
  buttons: {
    claim: 'Prendre en charge',
    needInfo: 'Demander une info',
    escalatedMs: 'Transmis à Microsoft',
    resolved: 'Résolu',
  },
  update: {
    claimed: (who) => `${who}, de l’équipe licences, s’occupe maintenant de ce dossier.`,
    escalatedMs: (n) => `L’équipe licences a transmis ce dossier à Microsoft (numéro de dossier ${n}).`,
    resolved: (r) => `L’équipe licences a marqué ce dossier comme résolu : ${r}`,
    answerRelayed: 'Votre réponse a été transmise à l’équipe licences.',
  },
  questionTitle: 'L’équipe licences a besoin d’informations',
  questionSummary: (who, q) => `${who} demande : ${q}`,
  questionHow: 'Répondez dans ce fil ; votre réponse est transmise à l’équipe licences.',
  answerTitle: (id) => `Réponse pour ${id}`,
  answerSummary: (who, text) => `${who} a répondu : ${text}`,
  evidenceTitle: (id) => `Nouveaux éléments pour ${id}`,
  evidenceSummary: (items) => `Désormais dans le dossier : ${items}.`,
  reminderTitle: (id) => `L’escalade ${id} n’est toujours pas prise en charge`,
  reminderSummary: (age, who) =>
    `${who} attend depuis ${age}. Ouvrez le fil de l’escalade et cliquez sur Prendre en charge.`,
  listTitle: (n) => `Escalades ouvertes (${n})`,
  listNone: 'Aucune escalade ouverte.',
  listSummary: (n) =>
    n === 1 ? 'Une escalade est ouverte.' : `${n} escalades sont ouvertes, la plus ancienne d’abord.`,
  listLine: (id, age, owner, status, title) =>
    `${id} · ${age} · ${owner} · ${status}${title ? ` — ${title}` : ''}`,
  refusalTitle: 'Action impossible',
  refusal: {
    not_member: () => 'Seuls les membres de l’équipe d’escalade peuvent faire cela. Rien n’a été modifié.',
    claimed_by_other: (who) => `${who} a déjà pris en charge cette escalade. Rien n’a été modifié.`,
    resolved: () => 'Cette escalade est déjà résolue. Rien n’a été modifié.',
    need_question: () => 'Saisissez votre question dans le champ, puis cliquez sur Demander une info.',
    need_case_number: () =>
      'Saisissez le numéro de dossier Microsoft, puis cliquez sur Transmis à Microsoft.',
    bad_case_number: (n) =>
      `« ${n} » ne ressemble pas à un numéro de dossier (4 à 40 lettres, chiffres ou tirets).`,
    need_resolution: () => 'Saisissez la résolution dans le champ, puis cliquez sur Résolu.',
    not_found: (id) => `L’escalade ${id} est introuvable (elle a peut-être expiré).`,
    no_question_pending: () => 'Aucune question n’attend de réponse.',
  },
  msLink: 'Centres d’activation des licences en volume Microsoft',
  originWhere: (platform, channel, threadKey) =>
    threadKey === channel
      ? `la conversation ${platformName(platform)} ${channel}`
      : `le canal ${platformName(platform)} ${channel}, fil ${threadKey}`,
};

export function escalationPhrases(lang: Lang): EscalationPhrases {
  return lang === 'fr' ? escalationFr : escalationEn;
}

function platformName(p: string): string {
  return p === 'slack' ? 'Slack' : p === 'teams' ? 'Teams' : p;
}

// --- the escalation dossier ------------------------------------------------------------------------------------

/** The dossier's checklist labels and why each missing item is asked for (escalations/dossier.ts). */
interface DossierPhrases {
  checklist: Record<ChecklistId, string>;
  why: {
    dlv: string;
    ato: string;
    installationId: string;
    events: string;
    setupact: string;
    proofOfPurchase: string;
    partialKey: string;
  };
  /** What to type for the agreement number (the detector reads this shape). */
  agreementExample: string;
}

const dossierEn: DossierPhrases = {
  checklist: {
    dlv: 'slmgr /dlv output',
    ato: 'slmgr /ato output',
    installation_id: 'Installation ID (slmgr /dti or slui 4)',
    events: 'setupact.log or SoftwareLicensingService events',
    proof_of_purchase: 'Proof of purchase / agreement number',
    partial_key: "Product key's last five characters",
  },
  why: {
    dlv: 'Details of the installed licence (channel, status, activation ID) — run it elevated.',
    ato: 'The activation attempt and its exact error code, as displayed.',
    installationId: 'The Installation ID, needed for phone activation (slui 4 shows it too).',
    events: 'The latest Software Licensing Service events.',
    setupact: 'The lines of this log around the failure, when the machine was just installed or converted.',
    proofOfPurchase:
      'The volume licensing agreement number or proof of purchase (type it as in the example).',
    partialKey: 'The last five characters of the key ("Partial Product Key") — never the full key.',
  },
  agreementExample: 'agreement 12345678',
};

const dossierFr: DossierPhrases = {
  checklist: {
    dlv: 'Sortie de slmgr /dlv',
    ato: 'Sortie de slmgr /ato',
    installation_id: "ID d'installation (slmgr /dti ou slui 4)",
    events: 'setupact.log ou événements de SoftwareLicensingService',
    proof_of_purchase: "Preuve d'achat / numéro de contrat",
    partial_key: 'Cinq derniers caractères de la clé de produit',
  },
  why: {
    dlv: 'Détail de la licence installée (canal, état, ID d’activation) — à lancer en invite élevée.',
    ato: 'La tentative d’activation et son code d’erreur exact, tel qu’affiché.',
    installationId: 'L’ID d’installation, demandé pour l’activation par téléphone (ou affiché par slui 4).',
    events: 'Les derniers événements du service de licences logicielles.',
    setupact:
      'Les lignes de ce journal autour de l’échec, si la machine vient d’être installée ou convertie.',
    proofOfPurchase:
      'Le numéro de contrat de licence en volume ou une preuve d’achat (tapez-le comme dans l’exemple).',
    partialKey:
      'Les cinq derniers caractères de la clé (« Clé de produit partielle ») — jamais la clé complète.',
  },
  agreementExample: 'contrat n° 12345678',
};

export function dossierPhrases(lang: Lang): DossierPhrases {
  return lang === 'fr' ? dossierFr : dossierEn;
}

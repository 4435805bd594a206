/**
 * The escalation dossier: what the thread already established (codes, key facts, findings, fixes tried) and the
 * checklist of evidence Microsoft's Licensing Activation Centers ask for. Items already in the thread are ticked;
 * the missing ones become questions for the origin thread, and are ticked as later messages bring them.
 * Pure: no I/O, no clock.
 */
import { redactKeys } from '../../knowledge/redact.js';
import type { Ask, Facts, HexCode, Lang, Localized, SourceKind } from '../../knowledge/types.js';
import { fold } from '../../knowledge/fold.js';
import { dossierPhrases } from '../phrases.js';
import { detectProofOfPurchase, detectSetupactLog } from './detect.js';
import type { ChecklistId, ChecklistItem, Dossier, DossierFinding, KeyFact } from './types.js';

/** What the thread holds, as the checklist reads it. */
export interface EvidenceSeen {
  /** Merged facts of the thread (or of the new message). */
  facts: Facts;
  /** Kinds of command output seen. */
  sources: SourceKind[];
  /** Message texts, for evidence no parser reads (agreement number, setupact.log lines). */
  texts?: string[];
}

export const EVENTS_COMMAND = `Get-WinEvent -LogName Application -FilterXPath "*[System[Provider[@Name='Microsoft-Windows-Security-SPP']]]" -MaxEvents 20`;
export const SETUPACT_PATH = '%windir%\\Panther\\setupact.log';

/** Each checklist item's label in both languages: the record keeps both, so the card can be drawn in either. */
function labelOf(id: ChecklistId): Localized {
  return { en: dossierPhrases('en').checklist[id], fr: dossierPhrases('fr').checklist[id] };
}

/**
 * What a "have this ready" line asks for, read from its words in either language: the catalogue, the default
 * list and the checklist each phrase the same evidence their own way ("The output of slmgr /dlv", "The complete
 * output of slmgr /dlv on the affected machine"). A line may ask for two things ("agreement number and proof of
 * purchase").
 */
type Meaning = ChecklistId | 'agreement' | 'error_code';
const MEANINGS: Array<[Meaning, RegExp]> = [
  ['dlv', /\bslmgr(?:\.vbs)? \/dlv\b/],
  ['ato', /\bslmgr(?:\.vbs)? \/ato\b/],
  ['installation_id', /\binstallation id\b|\bid d'installation\b|\bslmgr(?:\.vbs)? \/dti\b/],
  [
    'partial_key',
    /\b(?:last five|cinq derniers) (?:characters|caracteres)\b|\bpartial product key\b|\bcle de produit partielle\b/,
  ],
  ['proof_of_purchase', /\bproof of purchase\b|\bpreuve d'achat\b/],
  ['agreement', /\bagreement\b|\bcontrat\b/],
  ['events', /\bsetupact\.log\b|\bsoftwarelicensingservice\b/],
  ['error_code', /\berror codes?\b|\bcodes? (?:et le message )?d'erreur\b/],
];

/** The pieces of evidence a line asks for; empty when it asks for something of its own. */
export function meaningsOf(line: string): Meaning[] {
  const text = fold(line);
  return MEANINGS.filter(([, re]) => re.test(text)).map(([m]) => m);
}

/**
 * One line per piece of evidence: a line whose every meaning an earlier line already asks for is dropped
 * (callers put the most specific first, e.g. the line naming the actual error codes); a line with no known
 * meaning is dropped only when the same words came before.
 */
export function dedupeChecklist(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const meanings = meaningsOf(line);
    const keys = meanings.length > 0 ? meanings : [`text:${fold(line)}`];
    if (keys.every((k) => seen.has(k))) continue;
    for (const k of keys) seen.add(k);
    out.push(line);
  }
  return out;
}

const ORDER: ChecklistId[] = ['dlv', 'ato', 'installation_id', 'events', 'proof_of_purchase', 'partial_key'];

/** Whether one checklist item is in the evidence, and the short value worth showing. */
function check(id: ChecklistId, seen: EvidenceSeen): { present: boolean; value?: string } {
  const { facts, sources } = seen;
  const texts = seen.texts ?? [];
  switch (id) {
    case 'dlv':
      return { present: sources.includes('slmgr-dlv') || sources.includes('slmgr-dli') };
    case 'ato': {
      const present = sources.includes('slmgr-ato');
      return present && facts.lastError ? { present, value: facts.lastError } : { present };
    }
    case 'installation_id':
      return facts.installationId ? { present: true, value: facts.installationId } : { present: false };
    case 'events': {
      const events = facts.events ?? [];
      if (events.length > 0 || sources.includes('event')) {
        const ids = [...new Set(events.map((e) => e.id))].slice(0, 8);
        return ids.length > 0 ? { present: true, value: ids.join(', ') } : { present: true };
      }
      return texts.some(detectSetupactLog) ? { present: true, value: 'setupact.log' } : { present: false };
    }
    case 'proof_of_purchase': {
      for (const t of texts) {
        const ref = detectProofOfPurchase(t);
        if (ref) return { present: true, value: ref };
      }
      return { present: false };
    }
    case 'partial_key':
      return facts.partialProductKey ? { present: true, value: facts.partialProductKey } : { present: false };
  }
}

function item(id: ChecklistId, seen: EvidenceSeen): ChecklistItem {
  const { present, value } = check(id, seen);
  return { id, label: labelOf(id), present, ...(value ? { value: redactKeys(value) } : {}) };
}

/** Facts an escalation engineer reads first, in that order. */
const KEY_FACTS: Array<keyof Facts> = [
  'productName',
  'edition',
  'osVersion',
  'channel',
  'productKeyChannel',
  'keyType',
  'licenseStatus',
  'notificationReason',
  'partialProductKey',
  'lastError',
  'activationSucceeded',
  'kmsHostRegistered',
  'kmsHostFromDns',
  'kmsCurrentCount',
  'isKmsHost',
  'isEvaluation',
  'isVirtualMachine',
  'isDomainController',
  'clonedOrSnapshot',
];

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.host === 'string') return v.port && v.port !== 1688 ? `${v.host}:${String(v.port)}` : v.host;
    return JSON.stringify(value);
  }
  return String(value);
}

export function keyFacts(facts: Facts): KeyFact[] {
  const out: KeyFact[] = [];
  for (const key of KEY_FACTS) {
    const value = facts[key];
    if (value === undefined || value === null) continue;
    out.push({ key, value: redactKeys(show(value)).slice(0, 200) });
  }
  return out;
}

/** Builds the dossier of an escalation from what the thread knows. */
export function buildDossier(
  facts: Facts,
  codes: HexCode[],
  findings: DossierFinding[],
  tried: string[],
  lang: Lang,
  seen: Omit<EvidenceSeen, 'facts'> = { sources: [] },
): Dossier {
  const evidence: EvidenceSeen = { facts, ...seen };
  return {
    lang,
    codes: [...new Set(codes)].slice(0, 50),
    facts: keyFacts(facts),
    findings: findings.slice(0, 20).map((f) => ({ ...f, title: redactKeys(f.title).slice(0, 300) })),
    tried: tried.slice(0, 20).map((t) => redactKeys(t).slice(0, 300)),
    checklist: ORDER.map((id) => item(id, evidence)),
  };
}

/**
 * Ticks the checklist items the new evidence brings (an item never goes back to missing) and adds facts the
 * dossier did not have. `ticked` lists the items that changed, empty when nothing did.
 */
export function tickDossier(
  dossier: Dossier,
  seen: EvidenceSeen,
): { dossier: Dossier; ticked: ChecklistId[] } {
  const ticked: ChecklistId[] = [];
  const checklist = dossier.checklist.map((it) => {
    if (it.present) return it;
    const now = item(it.id, seen);
    if (!now.present) return it;
    ticked.push(it.id);
    return now;
  });
  const known = new Set(dossier.facts.map((f) => f.key));
  const added = keyFacts(seen.facts).filter((f) => !known.has(f.key));
  if (ticked.length === 0 && added.length === 0) return { dossier, ticked };
  return { dossier: { ...dossier, checklist, facts: [...dossier.facts, ...added].slice(0, 40) }, ticked };
}

export function missingItems(dossier: Dossier): ChecklistItem[] {
  return dossier.checklist.filter((i) => !i.present);
}

/** The asks for each missing item: exact commands to run, or what to type. */
export function missingEvidenceAsks(dossier: Dossier, lang: Lang): Ask[] {
  const why = dossierPhrases(lang).why;
  const asks: Ask[] = [];
  for (const it of missingItems(dossier)) {
    switch (it.id) {
      case 'dlv':
        asks.push({ command: 'slmgr /dlv', why: why.dlv });
        break;
      case 'ato':
        asks.push({ command: 'slmgr /ato', why: why.ato });
        break;
      case 'installation_id':
        asks.push({ command: 'slmgr /dti', why: why.installationId });
        break;
      case 'events':
        asks.push({ command: EVENTS_COMMAND, why: why.events });
        asks.push({ command: SETUPACT_PATH, why: why.setupact });
        break;
      case 'proof_of_purchase':
        asks.push({ command: dossierPhrases(lang).agreementExample, why: why.proofOfPurchase });
        break;
      case 'partial_key':
        asks.push({ command: 'slmgr /dli', why: why.partialKey });
        break;
    }
  }
  return asks;
}

/**
 * The words Windows prints, per fact and per language. One row per (fact, language, spelling): adding a language
 * or a spelling seen in a real paste is one line.
 *
 * English rows are the exact slmgr.vbs / DISM / PowerShell strings. French rows are NOT verified against a real
 * fr-FR build (fact sheet §4.3): they are Microsoft's French documentation terms plus the likeliest UI strings.
 * Matching goes through `normalizeLabel`, which folds case, accents, apostrophes (’ ‘ ` → ') and spacing, so
 * "Etat de la licence", "État de la licence" and "ÉTAT  DE LA LICENCE" are one row. The parsers lean first on
 * what is never translated: channel tokens, GUIDs, `host:1688`, 5-character partial keys, `0x…` codes and
 * `Windows(R), X edition`.
 */
import type { Lang, LicenseStatus } from '../types.js';

/** Each code unit below U+0250 with its accents dropped (NFD, then marks removed): the Latin letters of EN/FR. */
const LATIN_FOLD: readonly string[] = Array.from({ length: 0x250 }, (_, c) =>
  String.fromCharCode(c)
    .normalize('NFD')
    .replace(/\p{M}+/gu, ''),
);
/** Anything outside Latin and the apostrophes/spaces handled below takes the general Unicode path. */
const NOT_LATIN = /[\u0250-\u02bb\u02bd-\u2017\u201a-\u202e\u2030-\uffff]/;
/** Per Latin code unit: what folding makes of it when that differs from the unit itself (accented letters). */
const LATIN_CHANGED: readonly (string | undefined)[] = LATIN_FOLD.map((f, c) =>
  f === String.fromCharCode(c) ? undefined : f,
);

/** What `\s` matches (U+00A0 and U+202F included). */
function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** ’ ‘ ` ´ ʼ */
function isApostropheCode(c: number): boolean {
  return c === 0x2019 || c === 0x2018 || c === 96 || c === 0xb4 || c === 0x2bc;
}

/**
 * A Latin line folded in one scan: accents dropped through LATIN_FOLD, apostrophes to `'`, runs of spaces to one
 * space, none at either end (the same as the replace and trim passes it stands for). Unchanged runs are copied
 * as slices.
 */
function foldLatinLine(s: string): string {
  let out = '';
  let runStart = 0;
  let pendingSpace = false;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const changed = c >= 0x80 && c < 0x250 ? LATIN_CHANGED[c] : undefined;
    if (changed === undefined) {
      const space = isSpaceCode(c);
      if (!space && !pendingSpace && !isApostropheCode(c)) continue;
      if (runStart < i) out += s.slice(runStart, i);
      if (space) {
        if (out.length > 0) pendingSpace = true;
        runStart = i + 1;
        continue;
      }
      if (pendingSpace) {
        out += ' ';
        pendingSpace = false;
      }
      if (isApostropheCode(c)) {
        out += "'";
        runStart = i + 1;
      } else runStart = i;
      continue;
    }
    if (runStart < i) out += s.slice(runStart, i);
    runStart = i + 1;
    for (let j = 0; j < changed.length; j++) {
      const d = changed.charCodeAt(j);
      if (isSpaceCode(d)) {
        if (out.length > 0) pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        out += ' ';
        pendingSpace = false;
      }
      out += isApostropheCode(d) ? "'" : changed[j]!;
    }
  }
  if (runStart < n) out += s.slice(runStart);
  return out;
}

function foldUnicode(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** True when lower-casing is all `normalizeLabel` would do: printable ASCII, single inner spaces, no backtick. */
function isPlainAscii(s: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c < 32 || c > 126 || c === 96) return false;
    else prevSpace = false;
  }
  return !prevSpace;
}

/**
 * Fold a label or phrase to its matching form: no accents, one apostrophe, one space, lower case.
 * This runs on every line of every paste, so the usual cases skip Unicode normalization: plain ASCII lines only
 * need lower-casing, and Latin lines fold accents through a table (same result as NFD + dropping marks).
 */
/** Printable ASCII, blanks (tab, space, line breaks) aside, and no backtick: nothing to fold but spacing. */
const ASCII_SPACED = /^[\t-\r\x20-\x5f\x61-\x7e]*$/;
const BLANKS = /\s+/g;

export function normalizeLabel(s: string): string {
  if (isPlainAscii(s)) return s.toLowerCase();
  // Columns aligned with runs of spaces (`Log Name:      Application`): only spacing to squeeze.
  if (ASCII_SPACED.test(s)) return s.replace(BLANKS, ' ').trim().toLowerCase();
  if (!NOT_LATIN.test(s)) return foldLatinLine(s).toLowerCase();
  return foldUnicode(s)
    .replace(/[’‘`´ʼ]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

export type LabelKey =
  // slmgr /dli /dlv /dti
  | 'slsVersion'
  | 'name'
  | 'description'
  | 'activationId'
  | 'applicationId'
  | 'extendedPid'
  | 'productKeyChannel'
  | 'installationId'
  | 'partialProductKey'
  | 'licenseStatus'
  | 'volumeExpiration'
  | 'timebasedExpiration'
  | 'avmaExpiration'
  | 'evaluationEndDate'
  | 'notificationReason'
  | 'timeRemaining'
  | 'rearmCount'
  | 'skuRearmCount'
  | 'appRearmCount'
  | 'trustedTime'
  | 'configuredActivationType'
  | 'cmid'
  | 'kmsRegistered'
  | 'kmsRegisteredDomain'
  | 'kmsFromDns'
  | 'dnsAutoDiscovery'
  | 'kmsIp'
  | 'kmsExtendedPid'
  | 'activationInterval'
  | 'renewalInterval'
  | 'currentCount'
  | 'listeningPort'
  | 'kmsPriority'
  | 'totalRequests'
  | 'failedRequests'
  // DISM
  | 'dismImageVersion'
  | 'dismCurrentEdition'
  | 'dismTargetEdition'
  // nslookup
  | 'nsServer'
  | 'nsAddress'
  // Test-NetConnection (property names are not translated)
  | 'tncComputerName'
  | 'tncRemoteAddress'
  | 'tncRemotePort'
  | 'tncInterfaceAlias'
  | 'tncSourceAddress'
  | 'tncTcpTestSucceeded'
  | 'tncPingSucceeded'
  | 'tncNameResolutionSucceeded'
  // events: Event Viewer "copy details as text" and Get-WinEvent | Format-List
  | 'evLogName'
  | 'evSource'
  | 'evDate'
  | 'evEventId'
  | 'evTaskCategory'
  | 'evLevel'
  | 'evKeywords'
  | 'evUser'
  | 'evComputer'
  | 'evTimeCreated'
  | 'evProviderName'
  | 'evMessage'
  | 'evInfo';

type Row<K extends string> = readonly [K, Lang, string];

export const LABELS: readonly Row<LabelKey>[] = [
  ['slsVersion', 'en', 'Software licensing service version'],
  ['slsVersion', 'fr', 'Version du service de gestion des licences logicielles'],
  ['slsVersion', 'fr', 'Version du service de licences logicielles'],
  ['name', 'en', 'Name'],
  ['name', 'fr', 'Nom'],
  ['description', 'en', 'Description'],
  ['activationId', 'en', 'Activation ID'],
  ['activationId', 'fr', "ID d'activation"],
  ['applicationId', 'en', 'Application ID'],
  ['applicationId', 'fr', "ID d'application"],
  ['extendedPid', 'en', 'Extended PID'],
  ['extendedPid', 'fr', 'PID étendu'],
  ['productKeyChannel', 'en', 'Product Key Channel'],
  ['productKeyChannel', 'fr', 'Canal de la clé de produit'],
  ['productKeyChannel', 'fr', 'Canal de clé de produit'],
  ['installationId', 'en', 'Installation ID'],
  ['installationId', 'fr', "ID d'installation"],
  ['partialProductKey', 'en', 'Partial Product Key'],
  ['partialProductKey', 'fr', 'Clé de produit partielle'],
  ['licenseStatus', 'en', 'License Status'],
  ['licenseStatus', 'fr', 'État de la licence'],
  ['licenseStatus', 'fr', 'Statut de la licence'],
  ['volumeExpiration', 'en', 'Volume activation expiration'],
  ['volumeExpiration', 'fr', "Expiration de l'activation en volume"],
  ['timebasedExpiration', 'en', 'Timebased activation expiration'],
  ['timebasedExpiration', 'fr', "Expiration de l'activation limitée dans le temps"],
  ['avmaExpiration', 'en', 'Automatic VM activation expiration'],
  ['avmaExpiration', 'fr', "Expiration de l'activation automatique de machine virtuelle"],
  ['evaluationEndDate', 'en', 'Evaluation End Date'],
  ['evaluationEndDate', 'fr', "Date de fin d'évaluation"],
  ['notificationReason', 'en', 'Notification Reason'],
  ['notificationReason', 'fr', 'Raison de la notification'],
  ['notificationReason', 'fr', 'Motif de la notification'],
  ['timeRemaining', 'en', 'Time remaining'],
  ['timeRemaining', 'fr', 'Temps restant'],
  ['rearmCount', 'en', 'Remaining Windows rearm count'],
  ['rearmCount', 'fr', 'Nombre de réarmements Windows restants'],
  ['skuRearmCount', 'en', 'Remaining SKU rearm count'],
  ['skuRearmCount', 'fr', 'Nombre de réarmements de la référence restants'],
  ['skuRearmCount', 'fr', 'Nombre de réarmements SKU restants'],
  ['appRearmCount', 'en', 'Remaining App rearm count'],
  ['appRearmCount', 'fr', "Nombre de réarmements d'application restants"],
  ['trustedTime', 'en', 'Trusted time'],
  ['trustedTime', 'fr', 'Heure approuvée'],
  ['configuredActivationType', 'en', 'Configured Activation Type'],
  ['configuredActivationType', 'fr', "Type d'activation configuré"],
  ['cmid', 'en', 'Client Machine ID (CMID)'],
  ['cmid', 'fr', "ID de l'ordinateur client (CMID)"],
  ['kmsRegistered', 'en', 'Registered KMS machine name'],
  ['kmsRegistered', 'fr', "Nom d'ordinateur KMS inscrit"],
  ['kmsRegistered', 'fr', "Nom d'ordinateur KMS enregistré"],
  ['kmsRegisteredDomain', 'en', 'Registered KMS SRV record lookup domain'],
  ['kmsRegisteredDomain', 'fr', "Domaine de recherche d'enregistrement SRV KMS inscrit"],
  ['kmsFromDns', 'en', 'KMS machine name from DNS'],
  ['kmsFromDns', 'fr', "Nom d'ordinateur KMS à partir de DNS"],
  ['kmsFromDns', 'fr', "Nom d'ordinateur KMS à partir du DNS"],
  ['dnsAutoDiscovery', 'en', 'DNS auto-discovery'],
  ['dnsAutoDiscovery', 'fr', 'Découverte automatique DNS'],
  ['kmsIp', 'en', 'KMS machine IP address'],
  ['kmsIp', 'fr', "Adresse IP de l'ordinateur KMS"],
  ['kmsExtendedPid', 'en', 'KMS machine extended PID'],
  ['kmsExtendedPid', 'fr', "PID étendu de l'ordinateur KMS"],
  ['activationInterval', 'en', 'Activation interval'],
  ['activationInterval', 'fr', "Intervalle d'activation"],
  ['renewalInterval', 'en', 'Renewal interval'],
  ['renewalInterval', 'fr', 'Intervalle de renouvellement'],
  ['currentCount', 'en', 'Current count'],
  ['currentCount', 'fr', 'Nombre actuel'],
  ['currentCount', 'fr', 'Décompte actuel'],
  ['listeningPort', 'en', 'Listening on Port'],
  ['listeningPort', 'fr', 'Écoute sur le port'],
  ['kmsPriority', 'en', 'KMS priority'],
  ['kmsPriority', 'fr', 'Priorité KMS'],
  ['totalRequests', 'en', 'Total requests received'],
  ['totalRequests', 'fr', 'Nombre total de demandes reçues'],
  ['totalRequests', 'fr', 'Total des demandes reçues'],
  ['failedRequests', 'en', 'Failed requests received'],
  ['failedRequests', 'fr', 'Demandes ayant échoué reçues'],
  ['failedRequests', 'fr', 'Demandes en échec reçues'],

  ['dismImageVersion', 'en', 'Image Version'],
  ['dismImageVersion', 'fr', "Version de l'image"],
  ['dismCurrentEdition', 'en', 'Current Edition'],
  ['dismCurrentEdition', 'fr', 'Édition actuelle'],
  ['dismTargetEdition', 'en', 'Target Edition'],
  ['dismTargetEdition', 'fr', 'Édition cible'],

  ['nsServer', 'en', 'Server'],
  ['nsServer', 'fr', 'Serveur'],
  ['nsAddress', 'en', 'Address'],
  ['nsAddress', 'fr', 'Adresse'],

  ['tncComputerName', 'en', 'ComputerName'],
  ['tncRemoteAddress', 'en', 'RemoteAddress'],
  ['tncRemotePort', 'en', 'RemotePort'],
  ['tncInterfaceAlias', 'en', 'InterfaceAlias'],
  ['tncSourceAddress', 'en', 'SourceAddress'],
  ['tncTcpTestSucceeded', 'en', 'TcpTestSucceeded'],
  ['tncPingSucceeded', 'en', 'PingSucceeded'],
  ['tncNameResolutionSucceeded', 'en', 'NameResolutionSucceeded'],

  ['evLogName', 'en', 'Log Name'],
  ['evLogName', 'fr', 'Nom du journal'],
  ['evLogName', 'fr', 'Journal'],
  ['evSource', 'en', 'Source'],
  ['evDate', 'en', 'Date'],
  ['evEventId', 'en', 'Event ID'],
  ['evEventId', 'en', 'Id'],
  ['evEventId', 'fr', "ID de l'événement"],
  ['evEventId', 'fr', "Identificateur de l'événement"],
  ['evTaskCategory', 'en', 'Task Category'],
  ['evTaskCategory', 'fr', 'Catégorie de la tâche'],
  ['evLevel', 'en', 'Level'],
  ['evLevel', 'fr', 'Niveau'],
  ['evKeywords', 'en', 'Keywords'],
  ['evKeywords', 'fr', 'Mots-clés'],
  ['evUser', 'en', 'User'],
  ['evUser', 'fr', 'Utilisateur'],
  ['evComputer', 'en', 'Computer'],
  ['evComputer', 'fr', 'Ordinateur'],
  ['evTimeCreated', 'en', 'TimeCreated'],
  ['evProviderName', 'en', 'ProviderName'],
  ['evMessage', 'en', 'Message'],
  ['evInfo', 'en', 'Info'],
  ['evInfo', 'fr', 'Infos'],
  ['evInfo', 'fr', 'Informations'],
];

/** Whole-line statements slmgr prints without a value. */
export type PhraseKey =
  | 'kmsClientBlock'
  | 'kmsHostEnabled'
  | 'kmsCumulativeRequests'
  | 'kmsCachingEnabled'
  | 'kmsCachingDisabled'
  | 'dnsPublishingEnabled'
  | 'dnsPublishingDisabled';

export const PHRASES: readonly Row<PhraseKey>[] = [
  ['kmsClientBlock', 'en', 'Key Management Service client information'],
  ['kmsClientBlock', 'fr', 'Informations sur le client du service de gestion de clés'],
  ['kmsHostEnabled', 'en', 'Key Management Service is enabled on this machine'],
  ['kmsHostEnabled', 'fr', 'Le service de gestion de clés est activé sur cet ordinateur'],
  ['kmsCumulativeRequests', 'en', 'Key Management Service cumulative requests received from clients'],
  ['kmsCumulativeRequests', 'fr', 'Demandes cumulées reçues des clients par le service de gestion de clés'],
  ['kmsCachingEnabled', 'en', 'KMS host caching is enabled'],
  ['kmsCachingEnabled', 'fr', "La mise en cache de l'hôte KMS est activée"],
  ['kmsCachingEnabled', 'fr', "Mise en cache de l'hôte KMS activée"],
  ['kmsCachingDisabled', 'en', 'KMS host caching is disabled'],
  ['kmsCachingDisabled', 'fr', "La mise en cache de l'hôte KMS est désactivée"],
  ['kmsCachingDisabled', 'fr', "Mise en cache de l'hôte KMS désactivée"],
  ['dnsPublishingEnabled', 'en', 'DNS publishing enabled'],
  ['dnsPublishingEnabled', 'fr', 'Publication DNS activée'],
  ['dnsPublishingDisabled', 'en', 'DNS publishing disabled'],
  ['dnsPublishingDisabled', 'fr', 'Publication DNS désactivée'],
];

/** `License Status:` values. Longest first where one is a prefix of another is handled by exact-prefix order. */
export const LICENSE_STATUS_VALUES: readonly Row<LicenseStatus>[] = [
  ['unlicensed', 'en', 'Unlicensed'],
  ['unlicensed', 'fr', 'Sans licence'],
  ['unlicensed', 'fr', 'Non licencié'],
  ['licensed', 'en', 'Licensed'],
  ['licensed', 'fr', 'Avec licence'],
  ['licensed', 'fr', 'Licencié'],
  ['licensed', 'fr', 'Sous licence'],
  ['initial-grace', 'en', 'Initial grace period'],
  ['initial-grace', 'fr', 'Période de grâce initiale'],
  ['initial-grace', 'fr', 'Grâce initiale'],
  ['additional-grace', 'en', 'Additional grace period'],
  ['additional-grace', 'fr', 'Période de grâce supplémentaire'],
  ['non-genuine-grace', 'en', 'Non-genuine grace period'],
  ['non-genuine-grace', 'fr', 'Période de grâce non authentique'],
  ['notification', 'en', 'Notification'],
  ['extended-grace', 'en', 'Extended grace period'],
  ['extended-grace', 'fr', 'Période de grâce étendue'],
  ['unknown', 'en', 'Unknown'],
  ['unknown', 'fr', 'Inconnu'],
];

/** `/xpr` lines: the status they imply and whether a date follows. */
export type XprKey =
  | 'permanent'
  | 'volumeExpires'
  | 'timebasedExpires'
  | 'avmaExpires'
  | 'initialGraceEnds'
  | 'additionalGraceEnds'
  | 'nonGenuineGraceEnds'
  | 'notificationMode'
  | 'extendedGraceEnds'
  | 'unlicensed';

export const XPR_PHRASES: readonly Row<XprKey>[] = [
  ['permanent', 'en', 'The machine is permanently activated'],
  ['permanent', 'fr', "L'ordinateur est activé de façon permanente"],
  ['permanent', 'fr', "L'ordinateur est activé de manière permanente"],
  ['permanent', 'fr', 'La machine est activée définitivement'],
  ['volumeExpires', 'en', 'Volume activation will expire'],
  ['volumeExpires', 'fr', "L'activation en volume expirera le"],
  ['volumeExpires', 'fr', "L'activation en volume expirera"],
  ['timebasedExpires', 'en', 'Timebased activation will expire'],
  ['timebasedExpires', 'fr', "L'activation limitée dans le temps expirera le"],
  ['timebasedExpires', 'fr', "L'activation limitée dans le temps expirera"],
  ['avmaExpires', 'en', 'Automatic VM activation will expire'],
  ['avmaExpires', 'fr', "L'activation automatique de machine virtuelle expirera le"],
  ['initialGraceEnds', 'en', 'Initial grace period ends'],
  ['initialGraceEnds', 'fr', 'La période de grâce initiale se termine le'],
  ['initialGraceEnds', 'fr', 'La période de grâce initiale prend fin le'],
  ['additionalGraceEnds', 'en', 'Additional grace period ends'],
  ['additionalGraceEnds', 'fr', 'La période de grâce supplémentaire se termine le'],
  ['nonGenuineGraceEnds', 'en', 'Non-genuine grace period ends'],
  ['nonGenuineGraceEnds', 'fr', 'La période de grâce non authentique se termine le'],
  ['notificationMode', 'en', 'Windows is in Notification mode'],
  ['notificationMode', 'fr', 'Windows est en mode de notification'],
  ['notificationMode', 'fr', 'Windows est en mode Notification'],
  ['extendedGraceEnds', 'en', 'Extended grace period ends'],
  ['extendedGraceEnds', 'fr', 'La période de grâce étendue se termine le'],
  ['unlicensed', 'en', 'Unlicensed'],
  ['unlicensed', 'fr', 'Sans licence'],
];

/** Messages of the one-shot slmgr commands and of DISM, nslookup and Test-NetConnection. */
export type MessageKey =
  | 'activating'
  | 'activatedOk'
  | 'activationFailed'
  | 'accessDenied'
  | 'keyInstalled'
  | 'productNotFound'
  | 'dismHeader'
  | 'dismCurrentIs'
  | 'dismTargetsHeader'
  | 'dismNoTarget'
  | 'dismOk'
  | 'dismStarting'
  | 'dismRestart'
  | 'dismLogAt'
  | 'dismNotOnline'
  | 'dismKeyInvalid'
  | 'dismDomainController'
  | 'nsNonAuthoritative'
  | 'nsNxDomain'
  | 'nsCantFind'
  | 'nsSrvLocation'
  | 'tncWarning'
  | 'wshTitle';

export const MESSAGES: readonly Row<MessageKey>[] = [
  ['activating', 'en', 'Activating '],
  ['activating', 'fr', 'Activation de '],
  ['activating', 'fr', 'Activation du produit '],
  ['activatedOk', 'en', 'Product activated successfully'],
  ['activatedOk', 'fr', 'Produit activé avec succès'],
  ['activatedOk', 'fr', 'Le produit a été activé'],
  ['activationFailed', 'en', 'Error: Product activation failed'],
  ['activationFailed', 'fr', "Erreur : échec de l'activation du produit"],
  ['accessDenied', 'en', 'Access denied'],
  ['accessDenied', 'en', 'requires elevated privileges'],
  ['accessDenied', 'fr', 'Accès refusé'],
  ['accessDenied', 'fr', 'nécessite des privilèges élevés'],
  ['keyInstalled', 'en', 'Installed product key'],
  ['keyInstalled', 'fr', 'Clé de produit installée'],
  ['keyInstalled', 'fr', 'La clé de produit'],
  ['productNotFound', 'en', 'Error: product not found'],
  ['productNotFound', 'fr', 'Erreur : produit introuvable'],
  ['productNotFound', 'fr', 'Erreur : produit non trouvé'],
  ['dismHeader', 'en', 'Deployment Image Servicing and Management tool'],
  ['dismHeader', 'fr', 'Outil Gestion et maintenance des images de déploiement'],
  ['dismCurrentIs', 'en', 'Current edition is'],
  ['dismCurrentIs', 'fr', "L'édition actuelle est"],
  ['dismTargetsHeader', 'en', 'Editions that can be upgraded to'],
  ['dismTargetsHeader', 'fr', 'Éditions pouvant être mises à niveau vers'],
  ['dismTargetsHeader', 'fr', 'Éditions vers lesquelles effectuer la mise à niveau'],
  ['dismNoTarget', 'en', 'The current edition cannot be upgraded to any target editions'],
  ['dismNoTarget', 'fr', "L'édition actuelle ne peut être mise à niveau vers aucune édition cible"],
  ['dismNoTarget', 'fr', "L'édition actuelle ne peut pas être mise à niveau"],
  ['dismOk', 'en', 'The operation completed successfully'],
  ['dismOk', 'fr', "L'opération a réussi"],
  ['dismOk', 'fr', "L'opération s'est terminée correctement"],
  ['dismStarting', 'en', 'Starting to update components'],
  ['dismStarting', 'en', 'Starting to install product key'],
  ['dismStarting', 'en', 'Removing package'],
  ['dismStarting', 'fr', 'Démarrage de la mise à jour des composants'],
  ['dismRestart', 'en', 'Restart Windows to complete this operation'],
  ['dismRestart', 'fr', 'Redémarrez Windows pour terminer cette opération'],
  ['dismLogAt', 'en', 'The DISM log file can be found at'],
  ['dismLogAt', 'fr', 'Le fichier journal DISM se trouve à l’emplacement'],
  ['dismNotOnline', 'en', 'Setting an edition is not supported with online images'],
  ['dismNotOnline', 'fr', "La définition d'une édition n'est pas prise en charge avec les images en ligne"],
  ['dismKeyInvalid', 'en', 'The specified product key is not valid for the target edition'],
  ['dismKeyInvalid', 'fr', "La clé de produit spécifiée n'est pas valide pour l'édition cible"],
  ['dismDomainController', 'en', 'cannot be performed on a domain controller'],
  ['dismDomainController', 'en', 'not supported on a domain controller'],
  ['dismDomainController', 'fr', 'ne peut pas être effectuée sur un contrôleur de domaine'],
  ['dismDomainController', 'fr', "n'est pas prise en charge sur un contrôleur de domaine"],
  ['nsNonAuthoritative', 'en', 'Non-authoritative answer'],
  ['nsNonAuthoritative', 'fr', 'Réponse ne faisant pas autorité'],
  ['nsNxDomain', 'en', 'Non-existent domain'],
  ['nsNxDomain', 'fr', 'Domaine inexistant'],
  ['nsCantFind', 'en', "can't find"],
  ['nsCantFind', 'fr', 'ne trouve pas'],
  ['nsCantFind', 'fr', 'ne parvient pas à trouver'],
  ['nsSrvLocation', 'en', 'SRV service location'],
  ['nsSrvLocation', 'fr', 'SRV emplacement du service'],
  ['tncWarning', 'en', 'TCP connect to'],
  ['tncWarning', 'fr', 'La connexion TCP à'],
  ['tncWarning', 'fr', 'Échec de la connexion TCP'],
  ['wshTitle', 'en', 'Windows Script Host'],
];

/** Event message first sentences → event id (for pastes of the General tab without the ID line). */
export const EVENT_MESSAGES: readonly Row<'12288' | '12289' | '12290' | '12293' | '12294' | '8198'>[] = [
  ['12288', 'en', 'The client has sent an activation request to the key management service machine'],
  ['12288', 'fr', "Le client a envoyé une demande d'activation à l'ordinateur du service de gestion de clés"],
  ['12288', 'fr', "Le client a envoyé une demande d'activation"],
  ['12289', 'en', 'The client has processed an activation response from the key management service machine'],
  ['12289', 'fr', "Le client a traité une réponse d'activation"],
  ['12290', 'en', 'An activation request has been processed'],
  ['12290', 'fr', "Une demande d'activation a été traitée"],
  ['12293', 'en', 'Publishing the Key Management Service (KMS) to DNS in the'],
  ['12293', 'fr', 'La publication du service de gestion de clés (KMS) dans le DNS'],
  ['12294', 'en', 'Publishing the Key Management Service (KMS) to DNS was successful'],
  ['8198', 'en', 'License Activation (slui.exe) failed with the following error code'],
  ['8198', 'fr', "L'activation de licence (slui.exe) a échoué avec le code d'erreur suivant"],
  ['8198', 'fr', "Échec de l'activation de licence (slui.exe)"],
];

function indexBy<K extends string>(rows: readonly Row<K>[]): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, , text] of rows) map.set(normalizeLabel(text), key);
  return map;
}

const LABEL_INDEX = indexBy(LABELS);

/**
 * Labels as written → their fact (`null`: none). The same few labels come back in every paste, so a lookup by
 * the raw text skips folding it again. Bounded: when full it starts over, so junk labels cannot pin it.
 */
const LABEL_CACHE = new Map<string, LabelKey | null>();
const LABEL_CACHE_MAX = 2048;

/**
 * A copy of a (short) string rebuilt character by character: a substring can share the memory of the whole text
 * it was cut from, and a cache key must not keep a pasted message alive.
 */
function detached(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += s[i];
  return out;
}

/** The fact a `label:` stands for, in any language and spelling we know. */
export function labelKey(label: string): LabelKey | undefined {
  const cached = LABEL_CACHE.get(label);
  if (cached !== undefined) return cached ?? undefined;
  const key = LABEL_INDEX.get(normalizeLabel(label));
  if (LABEL_CACHE.size >= LABEL_CACHE_MAX) LABEL_CACHE.clear();
  LABEL_CACHE.set(detached(label), key ?? null);
  return key;
}

/** Rows of a table, normalized once, for prefix/substring matching on whole lines. */
export function prepared<K extends string>(rows: readonly Row<K>[]): readonly (readonly [K, string])[] {
  return rows.map(([key, , text]) => [key, normalizeLabel(text)] as const);
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regex per table that says whether any row can match at all. Most lines match no row, and one scan of
 * literal alternatives is much cheaper than a `startsWith`/`includes` per row; when it does match, the rows are
 * still tried in table order so the first row wins as before. Literals only: linear in the line length.
 */
interface Prefilter {
  starts: RegExp;
  anywhere: RegExp;
  /** Length of the shortest row: a shorter line can hold none of them. */
  minLength: number;
}

const PREFILTERS = new WeakMap<object, Prefilter>();

function prefilter(rows: readonly (readonly [string, string])[]): Prefilter {
  let p = PREFILTERS.get(rows);
  if (!p) {
    const alternatives = rows.map(([, text]) => escapeRegex(text)).join('|');
    p = {
      starts: new RegExp(`^(?:${alternatives})`),
      anywhere: new RegExp(alternatives),
      minLength: Math.min(...rows.map(([, text]) => text.length)),
    };
    PREFILTERS.set(rows, p);
  }
  return p;
}

/** First row whose text the (normalized) line starts with. */
export function startsWithAny<K extends string>(
  norm: string,
  rows: readonly (readonly [K, string])[],
): K | undefined {
  const p = prefilter(rows);
  if (norm.length < p.minLength || !p.starts.test(norm)) return undefined;
  for (const [key, text] of rows) if (norm.startsWith(text)) return key;
  return undefined;
}

/** First row whose text appears anywhere in the (normalized) line. */
export function includesAny<K extends string>(
  norm: string,
  rows: readonly (readonly [K, string])[],
): K | undefined {
  const p = prefilter(rows);
  if (norm.length < p.minLength || !p.anywhere.test(norm)) return undefined;
  for (const [key, text] of rows) if (norm.includes(text)) return key;
  return undefined;
}

/**
 * Labels whose lines may still hold a phrase row: the label and a PHRASES / XPR_PHRASES row start alike (a
 * line starts with its label), or an EVENT_MESSAGES row lies inside the label. Worked out from the tables.
 */
const PHRASE_PRONE_LABELS: ReadonlySet<LabelKey> = (() => {
  const starts = [...prepared(PHRASES), ...prepared(XPR_PHRASES)].map(([, text]) => text);
  const events = prepared(EVENT_MESSAGES).map(([, text]) => text);
  const prone = new Set<LabelKey>();
  for (const [key, , text] of LABELS) {
    const label = normalizeLabel(text);
    const clash =
      starts.some((row) => row.startsWith(label) || label.startsWith(row)) ||
      events.some((row) => label.includes(row));
    if (clash) prone.add(key);
  }
  // An event row with a colon could straddle label and value: then no label is safe.
  if (events.some((row) => row.includes(':')) || starts.some((row) => row.includes(':')))
    for (const [key] of LABELS) prone.add(key);
  return prone;
})();
const EVENT_ROWS = prepared(EVENT_MESSAGES).map(([, text]) => text);
const SHORTEST_EVENT_MESSAGE = Math.min(...EVENT_ROWS.map((text) => text.length));
/** Every event message is a sentence: a value without a blank cannot hold one. */
const EVENT_ROWS_ALL_SPACED = EVENT_ROWS.every((text) => text.includes(' '));

/**
 * True when a `label: value` line provably holds no row of PHRASES, XPR_PHRASES or EVENT_MESSAGES once
 * normalized, without folding it: the line starts with its label, which no such row starts like; and an event
 * message, having no colon, would have to lie in the value. Folding maps each character to at most one ASCII
 * letter, so a value shorter than the shortest event message cannot hold one; nor can a Latin value without a
 * blank (GUIDs, IDs, dates), every event message being a sentence. Most lines of an slmgr paste are like this,
 * and folding every line is what the phrase look-ups cost.
 */
export function labelledLineHoldsNoPhrase(key: LabelKey, value: string): boolean {
  if (PHRASE_PRONE_LABELS.has(key)) return false;
  if (value.length < SHORTEST_EVENT_MESSAGE) return true;
  if (!EVENT_ROWS_ALL_SPACED) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // Beyond U+0250 folding may make a blank or split a character: leave such values to the full look-up.
    if (c >= 0x250 || c <= 32 || c === 0xa0 || c === 0x85) return false;
  }
  return true;
}

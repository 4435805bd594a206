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
import { fold } from '../fold.js';
import type { Lang, LicenseStatus } from '../types.js';

/** A label or phrase in its matching form: the knowledge core's one normaliser (`../fold.ts`). */
export const normalizeLabel = fold;

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
  // ospp.vbs /dstatus (Office): the script prints these English strings on every Windows language; its
  // `LICENSE STATUS:`, `KMS machine name from DNS:` and interval lines read as slmgr's labels of the same name
  | 'osppSkuId'
  | 'osppProductId'
  | 'osppLicenseName'
  | 'osppLicenseDescription'
  | 'osppErrorCode'
  | 'osppErrorDescription'
  | 'osppRemainingGrace'
  | 'osppPartialKey'
  | 'osppActivationType'
  | 'osppKmsOverride'
  | 'osppBetaExpiration'
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

  ['osppSkuId', 'en', 'SKU ID'],
  ['osppProductId', 'en', 'PRODUCT ID'],
  ['osppLicenseName', 'en', 'LICENSE NAME'],
  ['osppLicenseDescription', 'en', 'LICENSE DESCRIPTION'],
  ['osppErrorCode', 'en', 'ERROR CODE'],
  ['osppErrorDescription', 'en', 'ERROR DESCRIPTION'],
  ['osppRemainingGrace', 'en', 'REMAINING GRACE'],
  ['osppPartialKey', 'en', 'Last 5 characters of installed product key'],
  ['osppActivationType', 'en', 'Activation Type Configuration'],
  ['osppKmsOverride', 'en', 'KMS machine registry override defined'],
  ['osppBetaExpiration', 'en', 'BETA EXPIRATION'],

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
  for (const [key, , text] of rows) {
    const folded = normalizeLabel(text);
    const taken = map.get(folded);
    // Two facts for one label would make the reading depend on row order: refuse to load instead.
    if (taken !== undefined && taken !== key)
      throw new Error(`label "${text}" stands for ${taken} and ${key}`);
    map.set(folded, key);
  }
  return map;
}

const LABEL_INDEX = indexBy(LABELS);
/** The rows as written, which is how Windows prints them: most pasted labels are found without folding. */
const LABEL_AS_WRITTEN = new Map(LABELS.map(([key, , text]) => [text, key]));

/** The fact a `label:` stands for, in any language and spelling we know. */
export function labelKey(label: string): LabelKey | undefined {
  return LABEL_AS_WRITTEN.get(label) ?? LABEL_INDEX.get(normalizeLabel(label));
}

/** Rows of a table, normalized once, for prefix/substring matching on whole lines. */
export function prepared<K extends string>(rows: readonly Row<K>[]): readonly (readonly [K, string])[] {
  return rows.map(([key, , text]) => [key, normalizeLabel(text)] as const);
}

/** Rows for prefix matching, grouped by their first character: a line is only compared with rows that begin as it does. */
export type PrefixTable<K extends string> = ReadonlyMap<string, readonly (readonly [K, string])[]>;

export function prefixTable<K extends string>(rows: readonly Row<K>[]): PrefixTable<K> {
  const groups = new Map<string, (readonly [K, string])[]>();
  for (const row of prepared(rows)) {
    const first = row[1].charAt(0);
    groups.set(first, [...(groups.get(first) ?? []), row]);
  }
  return groups;
}

/** First row whose text the (normalized) line starts with. */
export function startsWithAny<K extends string>(norm: string, table: PrefixTable<K>): K | undefined {
  for (const [key, text] of table.get(norm.charAt(0)) ?? []) if (norm.startsWith(text)) return key;
  return undefined;
}

/**
 * Rows for substring matching, with one pattern holding them all: a line that holds none of them (most lines) is
 * not searched row by row.
 */
export interface SubstringTable<K extends string> {
  rows: readonly (readonly [K, string])[];
  any: RegExp;
}

export function substringTable<K extends string>(rows: readonly Row<K>[]): SubstringTable<K> {
  const table = prepared(rows);
  const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { rows: table, any: new RegExp(table.map(([, text]) => literal(text)).join('|')) };
}

/** First row whose text appears anywhere in the (normalized) line. */
export function includesAny<K extends string>(norm: string, table: SubstringTable<K>): K | undefined {
  if (!table.any.test(norm)) return undefined;
  for (const [key, text] of table.rows) if (norm.includes(text)) return key;
  return undefined;
}

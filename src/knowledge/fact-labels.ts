/**
 * How a fact is shown to a person: its name in both languages and its value in words ("State of the licence:
 * Notification", "Hôte KMS trouvé dans le DNS : kms01.contoso.com"), so no card, "what changed" line or escalation
 * dossier shows `licenseStatus=notification` or `kmsDnsAutoDiscoveryFailed=true`. One entry per Facts key: the
 * type makes a new fact without display names a compile error.
 */
import { scenarioById } from './scenarios/index.js';
import type { FactKey, Facts, Lang, LicenseStatus, Localized } from './types.js';

const l = (en: string, fr: string): Localized => ({ en, fr });

export const FACT_LABELS: { readonly [K in FactKey]: Localized } = {
  productName: l('Product', 'Produit'),
  edition: l('Edition', 'Édition'),
  isEvaluation: l('Evaluation edition', 'Édition d’évaluation'),
  osKind: l('Kind of Windows', 'Type de Windows'),
  osVersion: l('Windows version', 'Version de Windows'),
  channel: l('Licence channel', 'Canal de licence'),
  productKeyChannel: l('Product key channel', 'Canal de la clé de produit'),
  keyType: l('Kind of key', 'Type de clé'),
  licenseStatus: l('License status', 'État de la licence'),
  notificationReason: l('Notification reason', 'Raison de la notification'),
  partialProductKey: l('Partial product key', 'Clé de produit partielle'),
  activationId: l('Activation ID', 'ID d’activation'),
  applicationId: l('Application ID', 'ID d’application'),
  extendedPid: l('Extended PID', 'PID étendu'),
  installationId: l('Installation ID', 'ID d’installation'),
  graceMinutesRemaining: l('Time left before expiry', 'Temps restant avant expiration'),
  evaluationEndDate: l('Evaluation end date', 'Fin de l’évaluation'),
  rearmCount: l('Windows rearms left', 'Réarmements Windows restants'),
  skuRearmCount: l('SKU rearms left', 'Réarmements de la référence restants'),
  trustedTime: l('Trusted time', 'Heure approuvée'),
  configuredActivationType: l('Configured activation type', 'Type d’activation configuré'),
  cmid: l('Client machine ID (CMID)', 'ID de l’ordinateur client (CMID)'),
  kmsHostRegistered: l('KMS host set with /skms', 'Hôte KMS défini par /skms'),
  kmsHostFromDns: l('KMS host found in DNS', 'Hôte KMS trouvé dans le DNS'),
  kmsDnsAutoDiscoveryFailed: l('KMS host found in DNS', 'Hôte KMS trouvé dans le DNS'),
  kmsHostIp: l('KMS host IP address', 'Adresse IP de l’hôte KMS'),
  kmsActivationIntervalMinutes: l('Activation retry interval', 'Intervalle d’activation'),
  kmsRenewalIntervalMinutes: l('Renewal interval', 'Intervalle de renouvellement'),
  kmsHostCaching: l('KMS host caching', 'Mise en cache de l’hôte KMS'),
  isKmsHost: l('This machine is a KMS host', 'Cette machine est un hôte KMS'),
  kmsCurrentCount: l('KMS host count', 'Compteur de l’hôte KMS'),
  kmsListeningPort: l('KMS listening port', 'Port d’écoute KMS'),
  kmsDnsPublishing: l('KMS DNS publishing', 'Publication DNS du KMS'),
  kmsTotalRequests: l('KMS requests received', 'Demandes KMS reçues'),
  kmsFailedRequests: l('KMS requests failed', 'Demandes KMS en échec'),
  permanentlyActivated: l('Permanently activated', 'Activé de façon permanente'),
  activationExpiry: l('Activation expires', 'Expiration de l’activation'),
  activationSucceeded: l('Activation (slmgr /ato)', 'Activation (slmgr /ato)'),
  lastError: l('Last error', 'Dernière erreur'),
  keyInstallSucceeded: l('Key installation (slmgr /ipk)', 'Installation de la clé (slmgr /ipk)'),
  productNotFound: l('Product not found by slmgr', 'Produit introuvable pour slmgr'),
  gvlk: l('Published KMS client key (GVLK)', 'Clé client KMS publiée (GVLK)'),
  currentEdition: l('Current edition (DISM)', 'Édition actuelle (DISM)'),
  targetEditions: l('Target editions (DISM)', 'Éditions cibles (DISM)'),
  dismError: l('DISM error', 'Erreur DISM'),
  srvRecords: l('KMS SRV records in DNS', 'Enregistrements SRV KMS dans le DNS'),
  srvHosts: l('KMS hosts in DNS', 'Hôtes KMS dans le DNS'),
  dnsDomain: l('DNS domain searched', 'Domaine DNS interrogé'),
  port1688Reachable: l('TCP port 1688 reachable', 'Port TCP 1688 joignable'),
  testedHost: l('Host tested', 'Hôte testé'),
  events: l('Events', 'Événements'),
  notElevated: l('Command prompt not elevated', 'Invite de commandes non élevée'),
  clockSkew: l('Clock out of step', 'Horloge décalée'),
  isDomainController: l('Domain controller', 'Contrôleur de domaine'),
  isVirtualMachine: l('Virtual machine', 'Machine virtuelle'),
  clonedOrSnapshot: l('Cloned or restored from a snapshot', 'Clonée ou restaurée d’un instantané'),
  updatesPending: l('Updates pending', 'Mises à jour en attente'),
  onAzure: l('Azure VM', 'VM Azure'),
  azureLocal: l('Azure Local guest', 'Invité Azure Local'),
  freeUpgradeLicence: l(
    'Licence from the free Windows 7/8.1 upgrade',
    'Licence issue de la mise à niveau gratuite de Windows 7/8.1',
  ),
  sameKeyOnEveryMachine: l(
    'Same volume key typed on every machine',
    'Même clé de volume saisie sur chaque machine',
  ),
  kmsHostGone: l('Former KMS host gone', 'Ancien hôte KMS disparu'),
  oemLicence: l('OEM licence', 'Licence OEM'),
  keyFromOtherMachine: l('Key taken from another machine', 'Clé reprise d’une autre machine'),
  retailKeySource: l('Retail key (MSDN, retail box)', 'Clé retail (MSDN, boîte)'),
  volumeMedia: l('Volume licence media', 'Média de licence en volume'),
  convertedFromEvaluation: l('Converted from the evaluation', 'Convertie depuis l’évaluation'),
  officeLicenses: l('Office licences (ospp.vbs)', 'Licences Office (ospp.vbs)'),
  officeCodes: l('Codes printed by Office (ospp.vbs)', 'Codes affichés par Office (ospp.vbs)'),
  officeChannel: l('Office licence channel (ospp.vbs)', 'Canal de licence d’Office (ospp.vbs)'),
  officeKmsHost: l('Office KMS host (ospp.vbs /sethst)', 'Hôte KMS d’Office (ospp.vbs /sethst)'),
  editionConversionTarget: l(
    'Edition converted to (DISM /Set-Edition)',
    'Édition visée par la conversion (DISM /Set-Edition)',
  ),
  ranCommands: l('Commands already run', 'Commandes déjà lancées'),
  storyMatches: l('What the message describes', 'Ce que décrit le message'),
};

const STATUS: { readonly [K in LicenseStatus]: Localized } = {
  licensed: l('Licensed', 'Avec licence'),
  unlicensed: l('Unlicensed', 'Sans licence'),
  'initial-grace': l('Initial grace period', 'Période de grâce initiale'),
  'additional-grace': l('Additional grace period', 'Période de grâce supplémentaire'),
  'non-genuine-grace': l('Non-genuine grace period', 'Période de grâce non authentique'),
  notification: l('Notification', 'Notification'),
  'extended-grace': l('Extended grace period', 'Période de grâce étendue'),
  unknown: l('Unknown', 'Inconnu'),
};

const YES = l('yes', 'oui');
const NO = l('no', 'non');
const WORDS: Readonly<Record<string, Localized>> = {
  server: l('server', 'serveur'),
  client: l('client', 'client'),
  found: l('found', 'trouvés'),
  none: l('none', 'aucun'),
  All: l('all (AD, then KMS)', 'tous (AD, puis KMS)'),
  // A scenario's condition that a fact has any value (`officeLicenses=known`), shown in evidence.
  known: l('known', 'connu'),
  Token: l('token', 'jeton'),
  volume: l('volume', 'en volume'),
  retail: l('retail or subscription', 'retail ou abonnement'),
};

/** Facts whose true value is phrased the other way round ("found in DNS: no"). */
const SHOWN_NEGATED: ReadonlySet<FactKey> = new Set<FactKey>(['kmsDnsAutoDiscoveryFailed']);

function minutesText(minutes: number, lang: Lang): string {
  if (minutes >= 1440 && minutes % 60 === 0) {
    const days = Math.round(minutes / 1440);
    return lang === 'fr'
      ? `${minutes} min (${days} jour${days > 1 ? 's' : ''})`
      : `${minutes} min (${days} day${days === 1 ? '' : 's'})`;
  }
  return `${minutes} min`;
}

function statusText(value: unknown, lang: Lang): string | undefined {
  return typeof value === 'string' && value in STATUS ? STATUS[value as LicenseStatus][lang] : undefined;
}

function valueText(key: FactKey, value: unknown, lang: Lang): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'boolean') return (SHOWN_NEGATED.has(key) ? !value : value) ? YES[lang] : NO[lang];
  if (key === 'licenseStatus') return statusText(value, lang) ?? String(value);
  if (typeof value === 'number')
    return key.endsWith('Minutes') || key === 'graceMinutesRemaining'
      ? minutesText(value, lang)
      : String(value);
  if (typeof value === 'string') return WORDS[value]?.[lang] ?? value;
  if (Array.isArray(value))
    return value.length === 0 ? '—' : value.map((v) => valueText(key, v, lang)).join(', ');
  const v = value as Record<string, unknown>;
  if (typeof v.host === 'string')
    return v.port !== undefined && v.port !== 1688 ? `${v.host}:${String(v.port)}` : v.host;
  if (typeof v.id === 'number') return String(v.id);
  if (typeof v.partial === 'string') return `${v.partial} (${String(v.product)})`;
  if (typeof v.scenario === 'string') return scenarioById(v.scenario)?.title[lang] ?? v.scenario;
  if (typeof v.name === 'string' && 'licenseStatus' in v)
    return `${v.name}: ${statusText(v.licenseStatus, lang) ?? String(v.licenseStatus)}`;
  if (typeof v.message === 'string') return typeof v.code === 'string' ? `${v.code} ${v.message}` : v.message;
  return JSON.stringify(value);
}

export function isFactKey(key: string): key is FactKey {
  return Object.prototype.hasOwnProperty.call(FACT_LABELS, key);
}

export function factLabel(key: FactKey, lang: Lang): string {
  return FACT_LABELS[key][lang];
}

/** The value of a fact in words, at most 80 characters. */
export function factValue<K extends FactKey>(key: K, value: Facts[K] | unknown, lang: Lang): string {
  const out = valueText(key, value, lang);
  return out.length > 80 ? `${out.slice(0, 79)}…` : out;
}

/** "State of the licence: Notification". */
export function factLine<K extends FactKey>(key: K, value: Facts[K] | unknown, lang: Lang): string {
  return `${factLabel(key, lang)}${lang === 'fr' ? ' :' : ':'} ${factValue(key, value, lang)}`;
}

/** A value as it was written into an evidence string (`true`, `27`, `none`) back to its type. */
function parsedValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** The ranking's note that the message's own words describe the scenario, with how clearly (`… (82%)`). */
const STORY_EVIDENCE = /^symptoms described \((\d{1,3})%\)$/;

/**
 * An evidence item the rules write as `fact=value` or `fact<value` ("kmsCurrentCount<25", "srvRecords=none")
 * in the reader's words ("KMS host count < 25", "Enregistrements SRV KMS dans le DNS : aucun"); any other item
 * (a code, a sentence) is returned as it is.
 */
export function factEvidenceText(item: string, lang: Lang): string {
  const story = STORY_EVIDENCE.exec(item);
  if (story) return lang === 'fr' ? `symptômes décrits (${story[1]!} %)` : item;
  const m = /^([A-Za-z][A-Za-z0-9]*)\s*(=|<=|>=|<|>|:)\s*(.*)$/.exec(item);
  if (!m || !isFactKey(m[1]!)) return item;
  const key = m[1] as FactKey;
  const op = m[2]!;
  const value = parsedValue(m[3]!.trim());
  if (op === '=' || op === ':') return factLine(key, value, lang);
  return `${factLabel(key, lang)} ${op} ${typeof value === 'number' ? String(value) : factValue(key, value, lang)}`;
}

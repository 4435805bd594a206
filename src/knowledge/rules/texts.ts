/**
 * Texts around the scenarios (whose own texts live in src/knowledge/scenarios): the finding for a code outside
 * the catalogue, the placeholder defaults, and the notes that say why one finding beat another. `{name}` is
 * replaced by the finding's params (or the language's placeholder when unknown); `{.name}` expands to `.value`
 * when known and to nothing otherwise (for `_vlmcs._tcp{.domain}`).
 */
import type { Lang } from '../types.js';

export interface FixText {
  readonly text: string;
  readonly command?: string;
}

export interface RuleText {
  readonly title: string;
  readonly cause: string;
  readonly fix: readonly FixText[];
}

/** A code outside the catalogue: what its bits say and how to ask Windows for its text. */
export const UNKNOWN_CODE_TEXT: Readonly<Record<Lang, RuleText>> = {
  en: {
    title: 'Code {code} is not a documented activation failure',
    cause: 'This code is not a documented activation error. Decoded: {decoded}.',
    fix: [
      { text: 'Ask Windows for its own text for this code.', command: 'slui.exe 0x2a {code}' },
      { text: 'Paste the full licence details so the other facts can be checked.', command: 'slmgr /dlv' },
    ],
  },
  fr: {
    title: 'Le code {code} n’est pas une erreur d’activation documentée',
    cause: 'Ce code n’est pas une erreur d’activation documentée. Décodage : {decoded}.',
    fix: [
      { text: 'Demandez à Windows son propre texte pour ce code.', command: 'slui.exe 0x2a {code}' },
      {
        text: 'Collez les détails complets de la licence pour vérifier les autres éléments.',
        command: 'slmgr /dlv',
      },
    ],
  },
};

/** Values shown when a placeholder has no known value (commands keep a visible `<…>` to fill in). */
export const PLACEHOLDER_DEFAULTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    host: '<kms-host>',
    port: '1688',
    domain: '<dns-zone>',
    count: 'unknown',
    needed: '5 for servers, 25 for client editions',
    client: 'this client',
    csvlk: 'matching',
    hostOs: 'a supported Windows Server version',
    partial: 'not shown',
    channel: 'unknown',
    keyType: 'non-KMS',
    edition: 'this edition',
    keyEdition: 'another edition',
    target: '<target-edition>',
    message: 'no message',
    rearmCount: 'unknown',
    code: '<code>',
    decoded: 'unknown',
    gvlk: '<GVLK>',
  },
  fr: {
    host: '<kms-host>',
    port: '1688',
    domain: '<dns-zone>',
    count: 'inconnu',
    needed: '5 pour des serveurs, 25 pour des éditions clientes',
    client: 'ce client',
    csvlk: 'de la bonne version',
    hostOs: 'une version de Windows Server prise en charge',
    partial: 'non affichés',
    channel: 'inconnu',
    keyType: 'non KMS',
    edition: 'cette édition',
    keyEdition: 'une autre édition',
    target: '<target-edition>',
    message: 'aucun message',
    rearmCount: 'inconnu',
    code: '<code>',
    decoded: 'inconnu',
    gvlk: '<GVLK>',
  },
};

/**
 * Why a finding beat a conflicting one, keyed `winner>loser`; `default` covers pairs without their own text.
 * `{other}` is the beaten finding's title.
 */
export const NOTE_TEXTS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    default: 'Preferred over "{other}": the evidence for this cause is more direct.',
    'kms-port-blocked>kms-srv-missing':
      'Preferred over "{other}": DNS did return a KMS host, so discovery works; the connection to port 1688 is what fails.',
    'kms-srv-missing>kms-port-blocked':
      'Preferred over "{other}": the client has no KMS host to connect to in the first place, so fix DNS discovery first.',
    'kms-duplicate-cmid>kms-count-low':
      'Preferred over "{other}": the count is low because cloned machines share one CMID, so adding machines will not help until they are generalized.',
    'kms-count-low>kms-duplicate-cmid':
      'Preferred over "{other}": the count shown is simply below the threshold.',
    'kms-duplicate-cmid>clone-or-snapshot':
      'Preferred over "{other}": the clones matter here because they keep the KMS count low.',
    'kms-clock-skew>kms-srv-missing':
      'Preferred over "{other}": the KMS host answered (it judged the timestamp), so DNS discovery works.',
    'kms-clock-skew>kms-port-blocked':
      'Preferred over "{other}": the KMS host answered (it judged the timestamp), so the port is open.',
    'kms-host-key-coverage>kms-srv-missing':
      'Preferred over "{other}": the request reached a KMS host, which refused this client version.',
    'kms-host-key-coverage>kms-port-blocked':
      'Preferred over "{other}": the request reached a KMS host, which refused this client version.',
    'mak-error-on-kms-client>key-blocked':
      'Preferred over "{other}": the installed key is a KMS client key, so the MAK verdict does not describe the key this machine uses.',
    'mak-error-on-kms-client>mak-quota-exhausted':
      'Preferred over "{other}": the installed key is a KMS client key, so the MAK verdict does not describe the key this machine uses.',
    'mak-error-on-kms-client>mak-invalid':
      'Preferred over "{other}": the installed key is a KMS client key, so the MAK verdict does not describe the key this machine uses.',
    'eval-conversion-unfinished>key-blocked':
      'Preferred over "{other}": the edition is still an evaluation, so the key cannot apply until the DISM conversion is done; check the key again afterwards.',
    'eval-conversion-unfinished>edition-key-mismatch':
      'Preferred over "{other}": the mismatch comes from the evaluation edition that is still installed.',
    'eval-dc-cannot-convert>eval-conversion-unfinished':
      'Preferred over "{other}": DISM refuses to convert a domain controller, so demote it first.',
    'eval-standard-core-datacenter-core>eval-conversion-unfinished':
      'Preferred over "{other}": the conversion is indeed pending, but this edition can only go to ServerDatacenterCor.',
    'no-datacenter-to-standard>edition-key-mismatch':
      'Preferred over "{other}": the mismatch is a Standard key on Datacenter, which cannot be converted down.',
    'kms-error-on-non-kms-key>kms-srv-missing':
      'Preferred over "{other}": this machine does not use KMS with its current key, so DNS is not the issue.',
    'kms-error-on-non-kms-key>kms-port-blocked':
      'Preferred over "{other}": this machine does not use KMS with its current key, so the network is not the issue.',
    'csvlk-host-update-needed>key-format-invalid':
      'Preferred over "{other}": the key is being installed on a KMS host, which needs the update first.',
    'kms-error-on-non-kms-key>kms-count-low':
      'Preferred over "{other}": this machine does not use KMS with its current key, so the KMS count does not matter.',
    'kms-error-on-non-kms-key>kms-host-key-coverage':
      'Preferred over "{other}": this machine does not use KMS with its current key, so the KMS host key does not matter.',
    'kms-error-on-non-kms-key>kms-clock-skew':
      'Preferred over "{other}": this machine does not use KMS with its current key; fix the key first.',
    'eval-dc-cannot-convert>eval-standard-core-datacenter-core':
      'Preferred over "{other}": whatever the target, DISM refuses to convert a domain controller.',
    'eval-no-target-edition>eval-conversion-unfinished':
      'Preferred over "{other}": DISM lists no target edition, so no conversion is possible.',
    'eval-no-target-edition>eval-standard-core-datacenter-core':
      'Preferred over "{other}": DISM lists no target edition at all on this build.',
    'no-datacenter-to-standard>eval-conversion-unfinished':
      'Preferred over "{other}": a Standard key can never apply to Datacenter, converted or not.',
    'eval-conversion-unfinished>mak-error-on-kms-client':
      'Preferred over "{other}": the evaluation edition must be converted before any key or channel applies.',
    'eval-dc-cannot-convert>dism-set-edition-failed':
      'Preferred over "{other}": DISM refused because this machine is a domain controller.',
    'eval-standard-core-datacenter-core>dism-set-edition-failed':
      'Preferred over "{other}": DISM refused because Standard Core evaluation only converts to Datacenter Core.',
    'eval-no-target-edition>dism-set-edition-failed':
      'Preferred over "{other}": DISM lists no target edition for this build.',
    'no-datacenter-to-standard>dism-set-edition-failed':
      'Preferred over "{other}": no command turns Datacenter into Standard.',
    'kms-host-not-activated>kms-count-low':
      'Preferred over "{other}": a KMS host that is not activated refuses every client, whatever its count.',
    'dcom-self-access>not-elevated':
      'Preferred over "{other}": the prompt was elevated, so the permission problem is elsewhere.',
    'not-elevated>dcom-self-access':
      'Preferred over "{other}": the prompt was not elevated, which explains the refusal.',
  },
  fr: {
    default: 'Retenu plutôt que « {other} » : les éléments en faveur de cette cause sont plus directs.',
    'kms-port-blocked>kms-srv-missing':
      'Retenu plutôt que « {other} » : le DNS a bien renvoyé un hôte KMS, la découverte fonctionne ; c’est la connexion au port 1688 qui échoue.',
    'kms-srv-missing>kms-port-blocked':
      'Retenu plutôt que « {other} » : le client n’a d’abord aucun hôte KMS à joindre ; corrigez la découverte DNS en premier.',
    'kms-duplicate-cmid>kms-count-low':
      'Retenu plutôt que « {other} » : le décompte est bas parce que les clones partagent le même CMID ; ajouter des machines n’y changera rien tant qu’elles ne sont pas généralisées.',
    'kms-count-low>kms-duplicate-cmid':
      'Retenu plutôt que « {other} » : le décompte affiché est simplement sous le seuil.',
    'kms-duplicate-cmid>clone-or-snapshot':
      'Retenu plutôt que « {other} » : les clones comptent ici parce qu’ils maintiennent le décompte KMS trop bas.',
    'kms-clock-skew>kms-srv-missing':
      'Retenu plutôt que « {other} » : l’hôte KMS a répondu (il a jugé l’horodatage), la découverte DNS fonctionne donc.',
    'kms-clock-skew>kms-port-blocked':
      'Retenu plutôt que « {other} » : l’hôte KMS a répondu (il a jugé l’horodatage), le port est donc ouvert.',
    'kms-host-key-coverage>kms-srv-missing':
      'Retenu plutôt que « {other} » : la demande a atteint un hôte KMS, qui a refusé cette version du client.',
    'kms-host-key-coverage>kms-port-blocked':
      'Retenu plutôt que « {other} » : la demande a atteint un hôte KMS, qui a refusé cette version du client.',
    'mak-error-on-kms-client>key-blocked':
      'Retenu plutôt que « {other} » : la clé installée est une clé client KMS, le verdict MAK ne concerne donc pas la clé utilisée par cette machine.',
    'mak-error-on-kms-client>mak-quota-exhausted':
      'Retenu plutôt que « {other} » : la clé installée est une clé client KMS, le verdict MAK ne concerne donc pas la clé utilisée par cette machine.',
    'mak-error-on-kms-client>mak-invalid':
      'Retenu plutôt que « {other} » : la clé installée est une clé client KMS, le verdict MAK ne concerne donc pas la clé utilisée par cette machine.',
    'eval-conversion-unfinished>key-blocked':
      'Retenu plutôt que « {other} » : l’édition est encore une évaluation, la clé ne peut s’appliquer qu’une fois la conversion DISM faite ; revérifiez la clé ensuite.',
    'eval-conversion-unfinished>edition-key-mismatch':
      'Retenu plutôt que « {other} » : l’incohérence vient de l’édition d’évaluation encore installée.',
    'eval-dc-cannot-convert>eval-conversion-unfinished':
      'Retenu plutôt que « {other} » : DISM refuse de convertir un contrôleur de domaine ; rétrogradez-le d’abord.',
    'eval-standard-core-datacenter-core>eval-conversion-unfinished':
      'Retenu plutôt que « {other} » : la conversion est bien en attente, mais cette édition ne peut aller que vers ServerDatacenterCor.',
    'no-datacenter-to-standard>edition-key-mismatch':
      'Retenu plutôt que « {other} » : il s’agit d’une clé Standard sur Datacenter, qu’aucune conversion descendante ne permet.',
    'kms-error-on-non-kms-key>kms-srv-missing':
      'Retenu plutôt que « {other} » : avec sa clé actuelle, cette machine n’utilise pas KMS ; le DNS n’est pas en cause.',
    'kms-error-on-non-kms-key>kms-port-blocked':
      'Retenu plutôt que « {other} » : avec sa clé actuelle, cette machine n’utilise pas KMS ; le réseau n’est pas en cause.',
    'csvlk-host-update-needed>key-format-invalid':
      'Retenu plutôt que « {other} » : la clé est installée sur un hôte KMS, qui doit d’abord être mis à jour.',
    'kms-error-on-non-kms-key>kms-count-low':
      'Retenu plutôt que « {other} » : avec sa clé actuelle, cette machine n’utilise pas KMS ; le décompte KMS ne joue aucun rôle.',
    'kms-error-on-non-kms-key>kms-host-key-coverage':
      'Retenu plutôt que « {other} » : avec sa clé actuelle, cette machine n’utilise pas KMS ; la clé de l’hôte KMS ne joue aucun rôle.',
    'kms-error-on-non-kms-key>kms-clock-skew':
      'Retenu plutôt que « {other} » : avec sa clé actuelle, cette machine n’utilise pas KMS ; corrigez d’abord la clé.',
    'eval-dc-cannot-convert>eval-standard-core-datacenter-core':
      'Retenu plutôt que « {other} » : quelle que soit la cible, DISM refuse de convertir un contrôleur de domaine.',
    'eval-no-target-edition>eval-conversion-unfinished':
      'Retenu plutôt que « {other} » : DISM ne propose aucune édition cible, aucune conversion n’est donc possible.',
    'eval-no-target-edition>eval-standard-core-datacenter-core':
      'Retenu plutôt que « {other} » : DISM ne propose aucune édition cible sur cette version.',
    'no-datacenter-to-standard>eval-conversion-unfinished':
      'Retenu plutôt que « {other} » : une clé Standard ne s’applique jamais à Datacenter, converti ou non.',
    'eval-conversion-unfinished>mak-error-on-kms-client':
      'Retenu plutôt que « {other} » : l’édition d’évaluation doit être convertie avant qu’une clé ou un canal puisse s’appliquer.',
    'eval-dc-cannot-convert>dism-set-edition-failed':
      'Retenu plutôt que « {other} » : DISM a refusé parce que cette machine est un contrôleur de domaine.',
    'eval-standard-core-datacenter-core>dism-set-edition-failed':
      'Retenu plutôt que « {other} » : DISM a refusé car une évaluation Standard Core ne se convertit qu’en Datacenter Core.',
    'eval-no-target-edition>dism-set-edition-failed':
      'Retenu plutôt que « {other} » : DISM ne propose aucune édition cible sur cette version.',
    'no-datacenter-to-standard>dism-set-edition-failed':
      'Retenu plutôt que « {other} » : aucune commande ne transforme Datacenter en Standard.',
    'kms-host-not-activated>kms-count-low':
      'Retenu plutôt que « {other} » : un hôte KMS non activé refuse tous les clients, quel que soit son décompte.',
    'dcom-self-access>not-elevated':
      'Retenu plutôt que « {other} » : l’invite était élevée, le problème d’autorisation est donc ailleurs.',
    'not-elevated>dcom-self-access':
      'Retenu plutôt que « {other} » : l’invite n’était pas élevée, ce qui explique le refus.',
  },
};

const PLACEHOLDER = /\{(\.?)([a-zA-Z]+)\}/g;

/** Replace `{name}` and `{.name}` placeholders. */
export function fill(template: string, params: Readonly<Record<string, string>>, lang: Lang): string {
  // Most texts hold no placeholder: looking for the brace is cheaper than running the pattern over them.
  if (!template.includes('{')) return template;
  return template.replace(PLACEHOLDER, (placeholder: string, dot: string, name: string, at: number) => {
    const value = params[name];
    if (dot) return value ? `.${value}` : '';
    if (value !== undefined) return value;
    const fallback = PLACEHOLDER_DEFAULTS[lang][name];
    if (fallback === undefined) return placeholder;
    // A default phrase that opens a sentence ("{client} needs…") takes a capital: "This client needs…".
    return at === 0 || /[.!?]\s$/.test(template.slice(at - 2, at))
      ? fallback.charAt(0).toUpperCase() + fallback.slice(1)
      : fallback;
  });
}

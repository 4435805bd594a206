/**
 * The next evidence to ask for: the one to three commands whose output best separates the causes still open.
 * Each candidate says which fact its output would fill (so it is never asked for twice) and how much it would
 * tell given the codes and findings so far. Commands are verbatim; the reason is localized.
 */
import { isEvaluation, kmsHost } from './rules/combinators.js';
import { fill } from './rules/texts.js';
import type { Ask, Facts, FindingRef, HexCode, Lang } from './types.js';

/** A question before localization: which candidate and the exact command (host already filled in). */
export interface AskRef {
  id: AskId;
  command: string;
}

interface Context {
  facts: Facts;
  codes: ReadonlySet<string>;
  findings: ReadonlySet<string>;
  hostKnown: boolean;
}

/** One of these codes is present (most pastes hold none: that answer costs nothing). */
function hasAny(ctx: Context, codes: readonly string[]): boolean {
  if (ctx.codes.size === 0) return false;
  for (const c of codes) if (ctx.codes.has(c)) return true;
  return false;
}

const has = (ctx: Context, ...codes: string[]): boolean => hasAny(ctx, codes);

const DISCOVERY = ['0xC004F074', '0x8007232B', '0x8007251D', '0x8007007B'];
const CONTACT = ['0xC004F074', '0x800706BA', '0xC004F039', '0xC0020017', '0x8007139F'];
const MAK = ['0xC004C003', '0xC004C060', '0xC004C001', '0xC004C020', '0xC004C021', '0xC004B100'];
const ESCALATING = ['key-blocked', 'mak-quota-exhausted'];

interface Candidate {
  command: string;
  /** The output is already here: never ask again. */
  known: (f: Facts) => boolean;
  /** How much the output would narrow things down now (0 = not useful). */
  value: (ctx: Context) => number;
}

const CANDIDATES = {
  'srv-lookup': {
    command: 'nslookup -type=SRV _vlmcs._tcp{.domain}',
    known: (f) => f.srvRecords !== undefined || f.kmsHostRegistered !== undefined,
    value: (ctx) =>
      hasAny(ctx, DISCOVERY)
        ? 3 + (ctx.facts.kmsDnsAutoDiscoveryFailed ? 1 : 0)
        : ctx.facts.kmsDnsAutoDiscoveryFailed
          ? 2
          : 0,
  },
  'license-details': {
    command: 'slmgr /dlv',
    known: (f) =>
      f.channel !== undefined || f.productKeyChannel !== undefined || f.licenseStatus !== undefined,
    value: (ctx) => (hasAny(ctx, MAK) ? 3 : ctx.codes.size > 0 ? 2.5 : 1),
  },
  'port-test': {
    command: 'Test-NetConnection {host} -Port {port}',
    known: (f) => f.port1688Reachable !== undefined,
    value: (ctx) => {
      if (hasAny(ctx, CONTACT)) return ctx.hostKnown ? 3.5 : 2;
      // A KMS client that lost its licence while it knows its host: can it still reach it?
      const lapsed = ctx.facts.licenseStatus !== undefined && ctx.facts.licenseStatus !== 'licensed';
      return ctx.hostKnown && (lapsed || ctx.findings.has('kms-srv-missing')) ? 2 : 0;
    },
  },
  'client-events': {
    command:
      "Get-WinEvent -FilterHashtable @{LogName='Application'; Id=12288,12289} -MaxEvents 10 | Format-List",
    known: (f) => (f.events ?? []).some((e) => e.id === 12288),
    // Once DNS and the port look fine, the inner code of event 12288 tells what the host said.
    value: (ctx) =>
      has(ctx, '0xC004F074')
        ? ctx.facts.port1688Reachable === true || ctx.facts.srvRecords === 'found'
          ? 3
          : 1.5
        : 0,
  },
  'host-events': {
    command: "Get-WinEvent -LogName 'Key Management Service' -MaxEvents 20 | Format-List",
    known: (f) => (f.events ?? []).some((e) => e.id === 12290),
    value: (ctx) =>
      has(ctx, '0xC004F042', '0xC004F015')
        ? 2.5
        : has(ctx, '0xC004F038')
          ? 2
          : ctx.facts.port1688Reachable === true && has(ctx, '0xC004F074')
            ? 2
            : 0,
  },
  'host-count': {
    command: 'slmgr /dli',
    known: (f) =>
      f.kmsCurrentCount !== undefined || (f.events ?? []).some((e) => e.currentCount !== undefined),
    value: (ctx) => (has(ctx, '0xC004F038') || ctx.findings.has('kms-count-low') ? 3 : 0),
  },
  'cmid-compare': {
    command: '(Get-CimInstance SoftwareLicensingService).ClientMachineID',
    known: (f) => f.clonedOrSnapshot !== undefined,
    value: (ctx) => (has(ctx, '0xC004F038') || ctx.findings.has('kms-count-low') ? 2.5 : 0),
  },
  'current-edition': {
    command: 'DISM /online /Get-CurrentEdition',
    known: (f) => f.currentEdition !== undefined,
    value: (ctx) => {
      if (has(ctx, '0xC004F069')) return 3.5;
      if (has(ctx, '0xC004C003') && ctx.facts.osKind !== 'client') return 3;
      if (has(ctx, '0xC004E016', '0xC004F210', '0xC004F034') || ctx.findings.has('edition-key-mismatch'))
        return 2.5;
      // slmgr's edition name already says Eval: DISM would only repeat it.
      return isEvaluation(ctx.facts) && ctx.facts.edition === undefined ? 2 : 0;
    },
  },
  'target-editions': {
    command: 'DISM /online /Get-TargetEditions',
    known: (f) => f.targetEditions !== undefined,
    value: (ctx) => (isEvaluation(ctx.facts) ? 3 : 0),
  },
  'domain-role': {
    command: 'Get-CimInstance Win32_ComputerSystem | Select-Object DomainRole',
    known: (f) => f.isDomainController !== undefined,
    value: (ctx) => (isEvaluation(ctx.facts) ? 2.5 : 0),
  },
  'installation-id': {
    command: 'slmgr /dti',
    known: (f) => f.installationId !== undefined,
    value: (ctx) => (ESCALATING.some((id) => ctx.findings.has(id)) ? 2 : 0),
  },
  'elevation-check': {
    command: 'whoami /groups | findstr S-1-16-12288',
    known: (f) => f.notElevated !== undefined,
    value: (ctx) => (has(ctx, '0x80070005', '0xC004F025') ? 3 : 0),
  },
  'time-check': {
    command: 'w32tm /stripchart /computer:{host} /samples:3 /dataonly',
    known: (f) => f.clockSkew !== undefined,
    value: (ctx) =>
      has(ctx, '0xC004F06C') ? 0 : has(ctx, '0xC004F074') && ctx.facts.port1688Reachable === true ? 2.5 : 0,
  },
  'activation-attempt': {
    command: 'slmgr /ato',
    known: (f) => f.activationSucceeded !== undefined || f.lastError !== undefined,
    value: (ctx) =>
      ctx.codes.size === 0 && ctx.facts.licenseStatus !== undefined && ctx.facts.licenseStatus !== 'licensed'
        ? 3
        : 0,
  },
  'recent-updates': {
    command: 'Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First 5',
    known: (f) => f.updatesPending !== undefined,
    value: (ctx) => (has(ctx, '0xC004C003') ? 1.5 : 0),
  },
} as const satisfies Record<string, Candidate>;

export type AskId = keyof typeof CANDIDATES;

const CANDIDATE_LIST = Object.entries(CANDIDATES) as [AskId, Candidate][];

const WHY: Record<Lang, Record<AskId, string>> = {
  en: {
    'srv-lookup': 'Shows whether DNS publishes a KMS host (_vlmcs._tcp SRV record) for this client to find.',
    'license-details':
      'Shows the installed key type and channel (KMS client, MAK, retail, evaluation) and the KMS host in use.',
    'port-test':
      'Tells whether the KMS host answers on TCP {port} from this client (look at TcpTestSucceeded).',
    'client-events':
      'Event 12288 carries the code the KMS host really answered (for example a clock or host-key problem).',
    'host-events':
      'Run on the KMS host: event 12290 shows each request, its result code and the count the host reported.',
    'host-count':
      'Run on the KMS host: "Current count" tells whether it has seen enough machines to activate.',
    'cmid-compare':
      'Run on two of the affected machines: the same ID on both means cloned machines count as one.',
    'current-edition':
      'Shows whether the installed edition is still an evaluation, or not the one the key is for.',
    'target-editions': 'Lists the editions this evaluation can be converted to with DISM.',
    'domain-role': 'A DomainRole of 4 or 5 means a domain controller, which DISM will not convert.',
    'installation-id': 'Microsoft will ask for the Installation ID when you call about the key.',
    'elevation-check': 'No output means the prompt is not elevated (run it from the same window as slmgr).',
    'time-check': 'Shows the clock offset between this client and the KMS host.',
    'activation-attempt': 'Activate once and paste the result: the exact error code says which cause it is.',
    'recent-updates':
      'Shows the latest updates installed; several cumulative updates fixed activation refusals.',
  },
  fr: {
    'srv-lookup':
      'Montre si le DNS publie un hôte KMS (enregistrement SRV _vlmcs._tcp) que ce client peut trouver.',
    'license-details':
      'Montre le type de clé et le canal installés (client KMS, MAK, Retail, évaluation) et l’hôte KMS utilisé.',
    'port-test':
      'Indique si l’hôte KMS répond sur le port TCP {port} depuis ce client (voir TcpTestSucceeded).',
    'client-events':
      'L’événement 12288 contient le code réellement renvoyé par l’hôte KMS (par exemple un problème d’horloge ou de clé d’hôte).',
    'host-events':
      'À lancer sur l’hôte KMS : l’événement 12290 montre chaque demande, son code et le décompte renvoyé.',
    'host-count':
      'À lancer sur l’hôte KMS : « Nombre actuel » indique s’il a vu assez de machines pour activer.',
    'cmid-compare':
      'À lancer sur deux des machines concernées : le même identifiant sur les deux signifie que des clones comptent pour une.',
    'current-edition':
      'Montre si l’édition installée est encore une évaluation, ou une autre que celle de la clé.',
    'target-editions': 'Liste les éditions vers lesquelles DISM peut convertir cette évaluation.',
    'domain-role': 'Un DomainRole de 4 ou 5 désigne un contrôleur de domaine, que DISM ne convertira pas.',
    'installation-id': 'Microsoft demandera l’ID d’installation lors de votre appel au sujet de la clé.',
    'elevation-check':
      'Aucune sortie signifie que l’invite n’est pas élevée (lancez-la dans la même fenêtre que slmgr).',
    'time-check': 'Montre l’écart d’horloge entre ce client et l’hôte KMS.',
    'activation-attempt':
      'Lancez une activation et collez le résultat : le code d’erreur exact désigne la cause.',
    'recent-updates':
      'Montre les dernières mises à jour installées ; plusieurs mises à jour cumulatives ont corrigé des refus d’activation.',
  },
};

const MAX_ASKS = 3;

/** The 1–3 commands whose output would best separate the remaining causes; none whose output is already here. */
export function nextEvidence(
  facts: Facts,
  codes: readonly HexCode[],
  findings: readonly FindingRef[],
  exclude: readonly string[] = [],
): AskRef[] {
  const host = kmsHost(facts);
  const ctx: Context = {
    facts,
    codes: new Set(codes),
    findings: new Set(findings.map((f) => f.id)),
    hostKnown: host !== undefined,
  };
  const params: Record<string, string> = { port: String(host?.port ?? 1688) };
  if (host) params['host'] = host.host;
  if (facts.dnsDomain) params['domain'] = facts.dnsDomain;
  const scored: { id: AskId; c: Candidate; order: number; value: number }[] = [];
  CANDIDATE_LIST.forEach(([id, c], order) => {
    if (c.known(facts) || exclude.includes(id) || exclude.includes(c.command)) return;
    const value = c.value(ctx);
    if (value > 0) scored.push({ id, c, order, value });
  });
  scored.sort((a, b) => b.value - a.value || a.order - b.order);
  const out: AskRef[] = [];
  for (const s of scored) {
    const command = fill(s.c.command, params, 'en');
    if (out.some((o) => o.command === command)) continue;
    out.push({ id: s.id, command });
    if (out.length === MAX_ASKS) break;
  }
  return out;
}

export function localizeAsk(ref: AskRef, lang: Lang, facts: Facts = {}): Ask {
  const host = kmsHost(facts);
  return { command: ref.command, why: fill(WHY[lang][ref.id], { port: String(host?.port ?? 1688) }, lang) };
}

/** Every candidate's reason in both languages (for tests and translators). */
export const ASK_WHY = WHY;

/**
 * Facts stated in sentences, in English and French: domain controller, cloned/snapshot, not elevated, virtual
 * machine, pending updates. Conservative on purpose: a sentence that is a question, hedged ("maybe", "je pense")
 * or negated ("it's not a VM", "je n'ai pas cloné") yields nothing. The negation test runs on the sentence with the
 * matched phrase removed, so phrases that carry their own negation ("not elevated", "pas à jour") still count.
 */
import { LETTERS, WORD_CHARS } from '../letters.js';
import type { Facts, Observation } from '../types.js';
import { channelFromDescription, keyTypeFromChannel } from './values.js';

type ProseFact =
  | 'isDomainController'
  | 'clonedOrSnapshot'
  | 'notElevated'
  | 'isVirtualMachine'
  | 'updatesPending'
  | 'onAzure'
  | 'azureLocal'
  | 'clockSkew'
  | 'freeUpgradeLicence'
  | 'sameKeyOnEveryMachine'
  | 'kmsHostGone'
  | 'oemLicence'
  | 'keyFromOtherMachine'
  | 'retailKeySource'
  | 'volumeMedia'
  | 'convertedFromEvaluation';

/**
 * "Azure" as a place machines run: not Azure AD / Active Directory / Entra (identity), Azure Local or Azure
 * Stack (on-premises hardware) or Azure Arc (on-premises servers managed from Azure).
 */
const AZURE = `azure(?!\\s*(?:ad|active directory|local|stack|arc|devops|entra)(?![${LETTERS}]))`;
const VM_EN = '(?:vms?|virtual machines?|servers?|instances?|machines?|session hosts?|boxes)';
const VM_FR = '(?:vms?|machines? virtuelles?|serveurs?|instances?|machines?|h[ôo]tes de session)';
/** Machines a key is typed on, or moved to. */
const MACHINES_EN =
  '(?:servers?|machines?|computers?|pcs?|workstations?|clients?|desktops?|laptops?|boxes|vms?|hosts?)';
const MACHINES_FR = '(?:serveurs?|postes?|machines?|pc|ordinateurs?|portables?|vms?|h[ôo]tes?)';
/** The kind of key a volume-licensing customer typed everywhere (not a MAK, which is meant for that). */
const VOLUME_KEY_EN = '(?:volume(?:\\s+licen[cs]e)?|kms(?:\\s+host)?|vlk|csvlk)\\s+key';

/** Word boundaries that understand accented letters. */
const B = `(?<![${WORD_CHARS}_])`;
const E = `(?![${WORD_CHARS}_])`;
const rx = (src: string): RegExp => new RegExp(`${B}(?:${src})${E}`, 'i');

/** Each fact's phrases, as pattern sources (word boundaries added by `rx`). */
const PHRASES: readonly (readonly [ProseFact, string])[] = [
  // English
  [
    'isDomainController',
    "(?:it|this|that|server|machine|box|host)(?:'s|\\s+is|\\s+was)\\s+(?:also\\s+)?(?:a|an|the|our|my)\\s+(?:\\w+\\s+)?(?:domain controller|DC)|(?:running|run|ran|this)\\s+(?:it\\s+)?on\\s+(?:a|the|our)\\s+(?:domain controller|DC)|promoted (?:it )?to (?:a )?(?:domain controller|DC)",
  ],
  [
    'clonedOrSnapshot',
    "clon(?:ed|ing)|(?:restored|reverted)\\s+(?:\\w+\\s+){0,3}(?:snapshot|checkpoint)|(?:from|of)\\s+(?:a|an|the|our)\\s+(?:\\w+\\s+)?(?:template|snapshot|golden image|master(?: image)?)|(?:never|not)\\s+sysprep(?:ped|'d)?|without\\s+(?:running\\s+)?sysprep|(?:image|disk|vm)\\s+copied\\s+as\\s+is",
  ],
  [
    'notElevated',
    "not\\s+(?:elevated|(?:running\\s+)?as\\s+(?:an\\s+)?admin(?:istrator)?)|non-elevated|unelevated|without\\s+admin(?:istrator)?\\s+(?:rights|privileges)|no\\s+admin(?:istrator)?\\s+rights|(?:as\\s+a\\s+)?standard\\s+user|(?:isn't|wasn't|not)\\s+(?:run\\s+)?(?:as\\s+)?(?:an\\s+)?admin(?:istrator)?",
  ],
  [
    'isVirtualMachine',
    "(?:it|this|that|server|machine|box)(?:'s|\\s+is)\\s+(?:a|an)\\s+(?:\\w+\\s+)?(?:VM|virtual machine)|(?:this|the|our|my)\\s+(?:\\w+\\s+)?VM|(?:running|hosted|runs)\\s+(?:on|in|under)\\s+(?:Hyper-V|VMware|vSphere|ESXi|KVM|Proxmox|VirtualBox|Azure|Nutanix)|(?:Hyper-V|VMware|vSphere|ESXi|KVM|Proxmox|VirtualBox)\\s+(?:guest|VM|virtual machine)",
  ],
  [
    'updatesPending',
    "pending\\s+(?:windows\\s+|cumulative\\s+)?updates?|updates?\\s+(?:are\\s+)?pending|(?:not|isn't|wasn't|never been)\\s+(?:fully\\s+)?(?:patched|updated|up to date)|unpatched|out of date|missing\\s+(?:the\\s+)?(?:latest\\s+)?(?:cumulative\\s+)?updates",
  ],
  [
    'onAzure',
    `${AZURE}\\s+(?:iaas\\s+)?(?:vms?|virtual machines?|instances?|virtual desktop)|azure-hosted|(?:our|the|a|this|lab|hub|spoke)\\s+vnets?|${VM_EN}\\s+(?:(?:hosted|running|deployed|living)\\s+)?(?:in|on)\\s+(?:microsoft\\s+|our\\s+|the\\s+)?${AZURE}|(?:hosted|running|deployed|runs|run|lives?)\\s+(?:in|on)\\s+(?:microsoft\\s+)?${AZURE}`,
  ],
  ['azureLocal', 'azure\\s+local|azure\\s+stack\\s+hci|stack\\s+hci'],
  [
    'clockSkew',
    '(?:clock|time)\\s+(?:(?:on|of)\\s+(?:\\w+\\s+){1,3})?(?:is|was|runs?|ran)\\s+(?:\\w+\\s+){0,2}(?:hours?|minutes?)\\s+(?:ahead|behind|off|fast|slow)|(?:clock|system time)\\s+(?:is|was)\\s+(?:off|wrong)|wrong\\s+(?:system\\s+)?(?:time|date|clock)|(?:stopped|no longer)\\s+sync(?:ing|hroni[sz]ing)\\s+(?:its\\s+)?(?:time|clock)',
  ],
  [
    'freeUpgradeLicence',
    'free\\s+upgrade\\s+from\\s+windows\\s+(?:7|8(?:\\.1)?)|windows\\s+(?:7|8(?:\\.1)?)\\s+(?:\\S+\\s+){0,5}(?:for\\s+free|free\\s+upgrade)',
  ],
  [
    'sameKeyOnEveryMachine',
    `(?:the\\s+)?(?:same|one|a\\s+single|our)\\s+${VOLUME_KEY_EN}\\s+(?:\\S+\\s+){0,8}?(?:on|into|in|for|to|across)\\s+(?:every|each|all(?:\\s+(?:of\\s+)?(?:the|our))?)\\s+(?:\\w+\\s+)?${MACHINES_EN}|${VOLUME_KEY_EN}\\s+(?:on|into)\\s+(?:every|each|all(?:\\s+(?:of\\s+)?(?:the|our))?)\\s+(?:\\w+\\s+)?${MACHINES_EN}`,
  ],
  [
    'kmsHostGone',
    '(?:kms|activation)\\s+(?:host|server|box)(?:\\s+\\(?[\\w.-]+\\)?)?\\s+(?:has\\s+|had\\s+)?(?:died|crashed|is\\s+gone|(?:is|was)\\s+(?:dead|destroyed|lost|decommissioned|removed|deleted)|no\\s+longer\\s+exists)|(?:lost|decommissioned|removed|deleted)\\s+(?:the|our)\\s+(?:old\\s+)?(?:kms|activation)\\s+(?:host|server)|(?:dead|decommissioned|deleted)\\s+(?:kms|activation)\\s+(?:host|server)',
  ],
  [
    'oemLicence',
    'oem\\s+(?:product\\s+)?(?:key|licen[cs]e|version|copy|edition|rok|coa)|rok\\s+(?:key|licen[cs]e)|(?:key|licen[cs]e|windows(?:\\s+server)?(?:\\s+\\d{4})?(?:\\s+\\w+)?)\\s+(?:that\\s+)?came\\s+with\\s+the\\s+(?:server|machine|pc|laptop|hardware)|preinstalled\\s+by\\s+the\\s+(?:manufacturer|maker|vendor|oem)',
  ],
  [
    'keyFromOtherMachine',
    `(?:key|licen[cs]e)\\s+(?:\\S+\\s+){0,4}?from\\s+(?:the|our|an?)\\s+(?:old|previous|former|dead|retired|replaced|other)\\s+${MACHINES_EN}|(?:moved|transferred|reused|re-used|migrated|carried\\s+over|put|typed|entered|installed|used)\\s+(?:the|our|its|that|this|the\\s+old)\\s+(?:\\w+\\s+){0,2}?(?:key|licen[cs]e)\\s+(?:\\S+\\s+){0,3}?(?:to|on|onto|into)\\s+(?:the|a|our)\\s+(?:new|replacement|other)\\s+(?:\\w+\\s+)?(?:${MACHINES_EN}|hardware)|(?:put|typed|entered|installed|used|moved)\\s+it\\s+(?:on|onto|into|to)\\s+(?:the|a|our)\\s+(?:new|replacement)\\s+(?:\\w+\\s+)?(?:${MACHINES_EN}|hardware)`,
  ],
  [
    'retailKeySource',
    '(?:msdn|visual\\s+studio(?:\\s+subscription)?|technet|retail|boxed|fpp)\\s+(?:product\\s+)?key|key\\s+(?:\\S+\\s+){0,3}?from\\s+(?:msdn|(?:our\\s+|the\\s+)?visual\\s+studio|a\\s+retailer|the\\s+(?:retail\\s+)?box)',
  ],
  [
    'convertedFromEvaluation',
    '(?:converted|upgraded|switched|turned)\\s+(?:(?:the|our|an?|this|that|it|its)\\s+)?(?:\\S+\\s+){0,3}?(?:evaluation|eval|trial)(?:\\s+(?:edition|version|copy|install(?:ation)?|server))?\\s+(?:to|into)\\s+(?:(?:the|a)\\s+)?(?:datacenter|standard|full|retail|licensed|volume)',
  ],
  [
    'volumeMedia',
    'volume\\s+licen[cs]e[ds]?\\s+(?:media|iso|image|dvd|installation\\s+media)|(?:vl|vlsc)\\s+(?:media|iso|image|dvd)|iso\\s+(?:\\S+\\s+){0,3}?from\\s+(?:the\\s+)?(?:vlsc|volume\\s+licensing\\s+(?:service\\s+center|site))',
  ],
  // French
  [
    'onAzure',
    `${VM_FR}\\s+(?:[${WORD_CHARS}-]+\\s+){0,4}(?:(?:h[ée]berg[ée]e?s?|d[ée]ploy[ée]e?s?)\\s+)?(?:dans|sur|chez)\\s+(?:microsoft\\s+)?${AZURE}|(?:vms?|machines? virtuelles?|instances?)\\s+${AZURE}|(?:h[ée]berg[ée]e?s?|tourne|tournent|d[ée]ploy[ée]e?s?)\\s+(?:dans|sur|chez)\\s+${AZURE}`,
  ],
  [
    'isDomainController',
    "(?:c'est|c’est|est|serveur est|machine est)\\s+(?:aussi\\s+)?(?:un|le|notre)\\s+(?:contr[oô]leur de domaine|DC)|sur\\s+(?:un|le|notre)\\s+(?:contr[oô]leur de domaine|DC)|promu\\s+(?:en\\s+)?(?:contr[oô]leur de domaine|DC)",
  ],
  [
    'clonedOrSnapshot',
    "clon[ée]e?s?|(?:restaur[ée]e?s?|revenu[es]?\\s+[àa])\\s+(?:\\S+\\s+){0,3}(?:instantan[ée]s?|snapshot|point de contr[oô]le)|[àa] partir d['’](?:un|une)\\s+(?:mod[èe]le|snapshot|instantan[ée]|master|image ma[îi]tre)|sans\\s+(?:passer\\s+(?:par\\s+)?|lancer\\s+)?sysprep|n['’](?:a|avons|ont|ai)\\s+pas\\s+(?:lanc[ée]|fait|pass[ée]|ex[ée]cut[ée])\\s+(?:de\\s+|le\\s+)?sysprep|(?:master|image|disque)\\s+copi[ée]e?\\s+tel(?:le)?\\s+quel(?:le)?",
  ],
  [
    'notElevated',
    "pas\\s+(?:lanc[ée]e?\\s+|ex[ée]cut[ée]e?\\s+)?en\\s+(?:tant qu['’])?admin(?:istrateur)?|sans\\s+(?:les\\s+)?droits\\s+(?:d['’])?admin(?:istrateur|istration)?|(?:invite|console|session)\\s+non\\s+[ée]lev[ée]e|pas\\s+[ée]lev[ée]e?",
  ],
  [
    'isVirtualMachine',
    "(?:c'est|c’est|est)\\s+une\\s+(?:VM|machine virtuelle)|(?:cette|la|notre|ma)\\s+(?:VM|machine virtuelle)|(?:tourne|h[ée]berg[ée]e?|fonctionne)\\s+(?:sous|sur|dans)\\s+(?:Hyper-V|VMware|vSphere|ESXi|KVM|Proxmox|VirtualBox|Azure|Nutanix)|(?:VM|machine virtuelle)\\s+(?:Hyper-V|VMware)",
  ],
  [
    'clockSkew',
    "horloge\\s+(?:a|avec)\\s+(?:\\S+\\s+){0,2}(?:heures?|minutes?)\\s+(?:d['’]avance|de\\s+retard)|(?:heure|horloge)\\s+(?:syst[èe]me\\s+)?(?:est\\s+)?(?:d[ée]cal[ée]e|fausse|en\\s+avance|en\\s+retard)|ne\\s+se\\s+synchronise\\s+plus",
  ],
  [
    'freeUpgradeLicence',
    'mise\\s+[àa]\\s+(?:niveau|jour)\\s+gratuite\\s+(?:depuis|de)\\s+windows\\s+(?:7|8)|windows\\s+(?:7|8(?:[.,]1)?)\\s+(?:\\S+\\s+){0,5}gratuitement|gratuitement\\s+(?:\\S+\\s+){0,4}windows\\s+(?:7|8)',
  ],
  [
    'sameKeyOnEveryMachine',
    `(?:la\\s+)?m[êe]me\\s+cl[ée]\\s+(?:de\\s+(?:licence\\s+en\\s+)?volume|kms|d['’]h[ôo]te\\s+kms|vlk|csvlk)\\s+(?:\\S+\\s+){0,8}?(?:sur|dans|pour)\\s+(?:tous\\s+les|toutes\\s+les|chaque)\\s+${MACHINES_FR}|cl[ée]\\s+(?:kms|d['’]h[ôo]te\\s+kms|de\\s+volume)\\s+(?:\\S+\\s+){0,4}?sur\\s+(?:tous\\s+les|toutes\\s+les|chaque)\\s+${MACHINES_FR}`,
  ],
  [
    'kmsHostGone',
    "(?:serveur|h[ôo]te)\\s+(?:kms|d['’]activation)(?:\\s+\\(?[\\w.-]+\\)?)?\\s+(?:est\\s+|a\\s+[ée]t[ée]\\s+)?(?:mort|tomb[ée]|hs|d[ée]c[ée]d[ée]|d[ée]commissionn[ée]|supprim[ée]|d[ée]truit|perdu|a\\s+(?:crash[ée]|plant[ée]|grill[ée]))|(?:serveur|h[ôo]te)\\s+kms\\s+(?:\\S+\\s+){0,2}?n['’]existe\\s+plus|(?:perdu|d[ée]commissionn[ée]|supprim[ée])\\s+(?:l['’]ancien|notre|le)\\s+(?:serveur|h[ôo]te)\\s+kms",
  ],
  [
    'oemLicence',
    '(?:cl[ée]|licence|version|[ée]dition)\\s+oem|oem\\s+rok|livr[ée]e?\\s+(?:\\S+\\s+){0,3}?(?:par|avec)\\s+(?:le\\s+)?(?:constructeur|fabricant)|pr[ée]install[ée]e?\\s+par\\s+(?:le\\s+)?(?:constructeur|fabricant)',
  ],
  [
    'keyFromOtherMachine',
    `(?:mis|saisi|entr[ée]|install[ée]|utilis[ée]|repris|transf[ée]r[ée]|d[ée]plac[ée])\\s+(?:cette|la|notre|l['’]ancienne|sa)\\s+(?:\\S+\\s+){0,2}?(?:cl[ée]|licence)\\s+(?:\\S+\\s+){0,3}?(?:sur|vers|dans)\\s+(?:le|la|un|une|notre)\\s+(?:nouveau|nouvelle|autre)\\s+(?:${MACHINES_FR}|mat[ée]riel)|(?:cl[ée]|licence)\\s+de\\s+l['’](?:ancien|ancienne)\\s+${MACHINES_FR}|l['’](?:a|ai|avons|ont)\\s+(?:mise?|saisie?|install[ée]e?|entr[ée]e?|utilis[ée]e?|reprise?|transf[ée]r[ée]e?|d[ée]plac[ée]e?)\\s+sur\\s+(?:le|la|un|une|notre)\\s+(?:nouveau|nouvelle|autre)\\s+(?:${MACHINES_FR}|mat[ée]riel)`,
  ],
  [
    'retailKeySource',
    "cl[ée]\\s+(?:de\\s+produit\\s+)?(?:msdn|retail|fpp|de\\s+la\\s+bo[iî]te|en\\s+bo[iî]te|achet[ée]e\\s+(?:en|dans\\s+le)\\s+commerce)|cl[ée]\\s+(?:\\S+\\s+){0,3}?(?:de|depuis|venant\\s+de)\\s+(?:msdn|l['’]abonnement\\s+visual\\s+studio)",
  ],
  [
    'convertedFromEvaluation',
    "(?:pass[ée]|converti|bascul[ée]|transform[ée])\\s+(?:(?:un|une|le|la|notre|ce|cette)\\s+|l['’])?(?:\\S+\\s+){0,3}?(?:[ée]valuation|[ée]val|version\\s+d['’](?:[ée]valuation|essai))\\s+(?:en|vers)\\s+(?:(?:la|une)\\s+)?(?:datacenter|standard|version\\s+(?:compl[èe]te|commerciale|licenci[ée]e))",
  ],
  [
    'volumeMedia',
    '(?:m[ée]dia|iso|image|dvd)\\s+(?:de\\s+)?(?:licence\\s+en\\s+volume|vl|vlsc)|(?:iso|image)\\s+(?:\\S+\\s+){0,3}?(?:du|depuis\\s+le)\\s+(?:vlsc|site\\s+(?:des\\s+)?licences?\\s+en\\s+volume)',
  ],
  [
    'updatesPending',
    'mises?\\s+[àa]\\s+jour\\s+(?:cumulatives?\\s+)?en\\s+attente|pas\\s+(?:[àa]\\s+jour|patch[ée]e?|mis[e]?\\s+[àa]\\s+jour)|non\\s+(?:patch[ée]e?|mis[e]?\\s+[àa]\\s+jour)',
  ],
];

const PATTERNS: readonly (readonly [ProseFact, RegExp])[] = PHRASES.map(([fact, src]) => [fact, rx(src)]);
/** Every phrase at once: a clause that matches none of them (most clauses) is not tried one pattern at a time. */
const ANY_PATTERN = rx(PHRASES.map(([, src]) => src).join('|'));

const NEGATION = rx(
  "not|no|never|none|neither|nor|without|isn't|wasn't|aren't|don't|didn't|doesn't|ne|n['’]\\w+|pas|jamais|aucun|aucune|ni|sans|non",
);
const NEGATION_CONTRACTION = /n['’]t\b/i;
/**
 * Facts about where a machine runs, how it was made, or where its key and media came from: a negation elsewhere
 * in the clause is about the failure ("the new server won't take the key from the old one") or is part of the
 * story ("cloned without sysprep"), so only one just before counts.
 */
const NEAR_NEGATION_ONLY: ReadonlySet<ProseFact> = new Set<ProseFact>([
  'clonedOrSnapshot',
  'onAzure',
  'azureLocal',
  'sameKeyOnEveryMachine',
  'kmsHostGone',
  'oemLicence',
  'keyFromOtherMachine',
  'retailKeySource',
  'volumeMedia',
  'convertedFromEvaluation',
]);
const VAGUE = rx(
  "maybe|perhaps|might|possibly|probably|not sure|unsure|i think|i guess|if|whether|unless|could be|peut-être|peut être|probablement|éventuellement|si|s['’]il|je pense|je crois|il se peut",
);

/**
 * A line break inside a sentence: the line before does not end a sentence and the next line goes on in lower
 * case, as in a message wrapped by a mail client or a forum ("we type the same key into every\nserver"). Output
 * lines start with a label, a capital or an indent, and stay lines of their own.
 */
const WRAPPED_LINE = new RegExp(`(?<![.!?;:\\n])\\n(?=[a-z\u00e0-\u00ff])`, 'g');

/** Sentences end at terminal punctuation, line breaks and semicolons; the `?` stays with its sentence. */
function sentences(text: string): string[] {
  return text
    .replace(WRAPPED_LINE, ' ')
    .split(/(?<=[.!?;])\s+|\n+/)
    .filter((s) => s.trim().length > 0);
}

/** Clauses of a sentence: negation is judged per clause, so "it's a VM, not patched" yields both facts. */
function clauses(sentence: string): string[] {
  return sentence.split(/,\s+|[()]/).filter((s) => s.trim().length > 0);
}

/**
 * What the sentences of a text state about the machine (domain controller, clone, VM, Azure…), without the channel
 * a quoted Description value gives: also read on sentences the output reader kept with an output.
 */
export function readStatedFacts(text: string): Facts {
  const f: Facts = {};
  // Most texts (command output above all) state none of these: one look over the whole text settles it.
  if (!ANY_PATTERN.test(text)) return f;
  for (const sentence of sentences(text)) {
    // Questions and hedged sentences state nothing, whatever their clauses say; a sentence with no phrase at all
    // (every line of a pasted output) is passed over before those tests.
    if (sentence.length > 2000 || sentence.includes('?') || !ANY_PATTERN.test(sentence)) continue;
    if (VAGUE.test(sentence)) continue;
    for (const s of clauses(sentence)) {
      if (!ANY_PATTERN.test(s)) continue;
      for (const [fact, pattern] of PATTERNS) {
        if (f[fact]) continue;
        const m = pattern.exec(s);
        if (!m) continue;
        // Where a machine runs is negated just before it is named ("not an Azure VM", "n'est pas dans Azure");
        // a negation elsewhere in the clause is about the failure ("our Azure VMs don't activate").
        const rest = NEAR_NEGATION_ONLY.has(fact)
          ? s.slice(Math.max(0, m.index - 24), m.index)
          : s.slice(0, m.index) + ' ' + s.slice(m.index + m[0].length);
        if (NEGATION.test(rest) || NEGATION_CONTRACTION.test(rest)) continue;
        f[fact] = true;
      }
    }
  }
  // An Azure VM is a virtual machine; an Azure Local guest is one too, and not an Azure VM.
  if (f.azureLocal) delete f.onAzure;
  if (f.onAzure || f.azureLocal) f.isVirtualMachine = true;
  return f;
}

/**
 * Azure KMS answers Azure addresses only: a person who tested or set it from the machine is on an Azure VM. Read on
 * the person's own lines (command output names it too, and says nothing about where the machine runs).
 */
const AZURE_KMS = /(?:az)?kms\.core\.windows\.net/i;

function namesAzureKms(text: string): boolean {
  return AZURE_KMS.test(text) && sentences(text).some((s) => !s.includes('?') && AZURE_KMS.test(s));
}

export function readProseFacts(text: string): Facts {
  const f = readStatedFacts(text);
  if (!f.onAzure && !f.azureLocal && namesAzureKms(text)) {
    f.onAzure = true;
    f.isVirtualMachine = true;
  }
  const channel = quotedChannel(text);
  if (channel) {
    f.channel = channel;
    const keyType = keyTypeFromChannel(channel);
    if (keyType) f.keyType = keyType;
  }
  return f;
}

/**
 * slmgr's Description value quoted without its label ("the description line says Windows® Operating System,
 * RETAIL Channel", « Système d’exploitation Windows®, Canal RETAIL »): the licence channel, as the label would give.
 */
const QUOTED_DESCRIPTION =
  /windows(?:\(r\)|®)?\s+operating system,\s*([A-Z][A-Z0-9_]*)\s+channel|syst[èe]me d['’]exploitation windows(?:\(r\)|®)?,\s*canal\s+([A-Z][A-Z0-9_]*)/i;

/** The channel token as slmgr prints it, upper case, right before "channel" ("/dlv shows the RETAIL channel"). */
const CHANNEL_TOKEN = /\b(RETAIL|OEM(?:_[A-Z]+)*|VOLUME_[A-Z_]+|TIMEBASED_EVAL)\s+[Cc]hannel\b/;
/** What a French Windows writes for the retail channel in some builds. */
const FR_RETAIL = /canal de vente au d[ée]tail/i;

export function quotedChannel(text: string): Facts['channel'] | undefined {
  const m = QUOTED_DESCRIPTION.exec(text);
  const token = (m?.[1] ?? m?.[2])?.toUpperCase() ?? CHANNEL_TOKEN.exec(text)?.[1];
  if (token) return channelFromDescription(token) as Facts['channel'] | undefined;
  return FR_RETAIL.test(text) ? 'RETAIL' : undefined;
}

export function parseProse(text: string): Observation[] {
  const facts = readProseFacts(text);
  return Object.keys(facts).length > 0 ? [{ source: 'prose', facts }] : [];
}

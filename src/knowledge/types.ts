/**
 * The contract of the knowledge core. Every type that leaves `src/knowledge` is a zod schema here and the
 * TypeScript type is inferred from it, so the conversation engine, the stores and the CLI validate the same
 * shapes the core produces.
 */
import { z } from 'zod';

export const LangSchema = z.enum(['en', 'fr']);
export type Lang = z.infer<typeof LangSchema>;

/** A code as the bot prints it: `0x` + 8 upper-case hex digits. */
export const HexCodeSchema = z.string().regex(/^0x[0-9A-F]{8}$/);
export type HexCode = z.infer<typeof HexCodeSchema>;

export const GuidSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

/** The last five characters of a product key, as slmgr shows them. */
export const PartialKeySchema = z.string().regex(/^[0-9A-Z]{5}$/);

export const LocalizedSchema = z.object({ en: z.string().min(1), fr: z.string().min(1) });
export type Localized = z.infer<typeof LocalizedSchema>;

export const ActivationTypeSchema = z.enum(['MAK', 'KMS client', 'KMS host', 'Retail']);

/** One step of a fix: prose, and when there is one, the exact command to run (kept verbatim). */
export const FixStepSchema = z.object({
  text: LocalizedSchema,
  command: z.string().min(1).optional(),
});
export type FixStep = z.infer<typeof FixStepSchema>;

/** A fully documented code: seed 003, seed 000 and sections 1.1–1.4 of the fact sheet. */
export const CatalogueEntrySchema = z.object({
  code: HexCodeSchema,
  /** Other spellings that mean this code (e.g. 0x80092328 for 0x8007232B, 0x4004F065 for 0xC004F065). */
  aliases: z.array(HexCodeSchema).default([]),
  /** Symbolic name from slerror.h / winerror.h, or a descriptive name where none exists. */
  name: z.string().min(1),
  types: z.array(ActivationTypeSchema).min(1),
  message: LocalizedSchema,
  causes: z.array(LocalizedSchema).min(1),
  fix: z.array(FixStepSchema).min(1),
  /** Only Microsoft can help: Licensing Activation Centers or phone activation. */
  escalate: z.boolean(),
  /** What to bring to Microsoft when escalating. */
  bring: z.array(LocalizedSchema).default([]),
  /** Informational (SL_I_*) rather than an error. */
  informational: z.boolean().default(false),
  related: z.array(HexCodeSchema).default([]),
  /** Where the facts come from: 'seed-003', 'seed-000', 'facts-1.1', 'facts-1.2', 'facts-1.3', 'facts-1.4'. */
  sources: z.array(z.string()).min(1),
});
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;
export type CatalogueEntryInput = z.input<typeof CatalogueEntrySchema>;

/** Appendix A of the fact sheet: every slerror.h code known by name and a one-line meaning. */
export const SlErrorEntrySchema = z.object({
  code: HexCodeSchema,
  name: z.string().min(1),
  meaning: z.string().min(1),
});
export type SlErrorEntry = z.infer<typeof SlErrorEntrySchema>;

/** Decoding of any HRESULT, catalogued or not. */
export const DecodedHresultSchema = z.object({
  code: HexCodeSchema,
  severity: z.enum(['success', 'informational', 'warning', 'error']),
  /** Raw severity bit (1 = failure). */
  failure: z.boolean(),
  customer: z.boolean(),
  ntstatus: z.boolean(),
  facility: z.number().int(),
  facilityName: z.string().optional(),
  codeValue: z.number().int(),
  /** For 0x8007xxxx: the Win32 error number and, when known, its symbolic name. */
  win32: z.object({ number: z.number().int(), name: z.string().optional() }).optional(),
});
export type DecodedHresult = z.infer<typeof DecodedHresultSchema>;

/** A code found in free text. */
export const DetectedCodeSchema = z.object({
  code: HexCodeSchema,
  /** The text as the user wrote it (`-1073418124`, `0 x 80070005`, …). */
  raw: z.string(),
  /**
   * `win32-decimal`: a Win32 error number after "error"/"erreur"/"code" in prose (`Error: 1168` → 0x80070490);
   * `dialog`: the activation dialog's text that Microsoft documents with this code (`raw` is that text).
   */
  form: z.enum(['hex', 'bare-hex', 'signed-decimal', 'unsigned-decimal', 'win32-decimal', 'dialog']),
  index: z.number().int().nonnegative(),
});
export type DetectedCode = z.infer<typeof DetectedCodeSchema>;

// ---------------------------------------------------------------------------------------------------------
// Facts: what pasted command output tells about the machine. Every field is optional; a parser fills the
// ones its command shows. Values are normalized (language-independent) so rules never see localized text.
// ---------------------------------------------------------------------------------------------------------

export const LicenseStatusSchema = z.enum([
  'licensed',
  'unlicensed',
  'initial-grace', // OOB grace
  'additional-grace', // OOT grace: KMS expired or hardware out of tolerance
  'non-genuine-grace',
  'notification',
  'extended-grace',
  'unknown',
]);
export type LicenseStatus = z.infer<typeof LicenseStatusSchema>;

/** `Description: … <CHANNEL> channel` tokens, kept verbatim upper-case (they are not translated). */
export const ChannelSchema = z.string().regex(/^[A-Z][A-Z0-9_]*$/);

export const KmsHostRefSchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(1688),
});
export type KmsHostRef = z.infer<typeof KmsHostRefSchema>;

export const EventFactSchema = z.object({
  id: z.number().int(),
  /** Codes inside the event text (e.g. 0xC004F074 and inner 0xC004F06C for 12288/12289). */
  codes: z.array(HexCodeSchema).default([]),
  /** KMS host name or client name mentioned in the event, when present. */
  host: z.string().optional(),
  /** Event 12290: the count the host reported to the client and the minimum it needs. */
  currentCount: z.number().int().optional(),
  minimumCount: z.number().int().optional(),
});
export type EventFact = z.infer<typeof EventFactSchema>;

export const FactsSchema = z.object({
  // --- slmgr /dli, /dlv -------------------------------------------------------------------------------
  /** `Name:` value, e.g. "Windows(R), ServerDatacenter edition". */
  productName: z.string().optional(),
  /** EditionID from the name or DISM, e.g. ServerDatacenter, ServerStandardEval, Enterprise, Professional. */
  edition: z.string().optional(),
  /** Evaluation edition (EditionID ends in Eval, TIMEBASED_EVAL channel, or Retail:TB:Eval). */
  isEvaluation: z.boolean().optional(),
  /** Server or client OS, when the edition tells. */
  osKind: z.enum(['server', 'client']).optional(),
  /** Product family when known, e.g. "Windows Server 2022", "Windows 11". */
  osVersion: z.string().optional(),
  /** `Description:` channel token: VOLUME_KMSCLIENT, VOLUME_MAK, VOLUME_KMS, RETAIL, OEM_DM, TIMEBASED_EVAL … */
  channel: ChannelSchema.optional(),
  /** `Product Key Channel:` value, verbatim: Volume:GVLK, Volume:MAK, Volume:CSVLK, Retail, OEM:DM, Retail:TB:Eval … */
  productKeyChannel: z.string().optional(),
  /** What the installed key is, derived from the channel, the key channel or a GVLK match. */
  keyType: z.enum(['GVLK', 'MAK', 'CSVLK', 'Retail', 'OEM', 'Eval', 'AVMA']).optional(),
  licenseStatus: LicenseStatusSchema.optional(),
  /** `Notification Reason: 0x…`. */
  notificationReason: HexCodeSchema.optional(),
  partialProductKey: PartialKeySchema.optional(),
  activationId: GuidSchema.optional(),
  applicationId: GuidSchema.optional(),
  extendedPid: z.string().optional(),
  /** Installation ID (digits only): needed for phone activation. Not a secret. */
  installationId: z
    .string()
    .regex(/^\d{54,63}$/)
    .optional(),
  /** Remaining minutes of the current grace / activation validity (`Volume activation expiration`, `Time remaining`…). */
  graceMinutesRemaining: z.number().int().nonnegative().optional(),
  evaluationEndDate: z.string().optional(),
  rearmCount: z.number().int().optional(),
  skuRearmCount: z.number().int().optional(),
  trustedTime: z.string().optional(),
  configuredActivationType: z.enum(['All', 'AD', 'KMS', 'Token']).optional(),
  // --- KMS client block ----------------------------------------------------------------------------------
  cmid: GuidSchema.optional(),
  /** `Registered KMS machine name:` (set by /skms). */
  kmsHostRegistered: KmsHostRefSchema.optional(),
  /** `KMS machine name from DNS:`. */
  kmsHostFromDns: KmsHostRefSchema.optional(),
  /** `DNS auto-discovery: KMS name not available`. */
  kmsDnsAutoDiscoveryFailed: z.boolean().optional(),
  kmsHostIp: z.string().optional(),
  kmsActivationIntervalMinutes: z.number().int().optional(),
  kmsRenewalIntervalMinutes: z.number().int().optional(),
  kmsHostCaching: z.boolean().optional(),
  // --- KMS host block -----------------------------------------------------------------------------------
  isKmsHost: z.boolean().optional(),
  kmsCurrentCount: z.number().int().nonnegative().optional(),
  kmsListeningPort: z.number().int().optional(),
  kmsDnsPublishing: z.boolean().optional(),
  kmsTotalRequests: z.number().int().optional(),
  kmsFailedRequests: z.number().int().optional(),
  // --- slmgr /xpr, /ato, /ipk, /dti ---------------------------------------------------------------------
  permanentlyActivated: z.boolean().optional(),
  /** `/xpr`: when activation expires, as printed. */
  activationExpiry: z.string().optional(),
  /** `/ato` said "Product activated successfully." (true) or printed an error (false). */
  activationSucceeded: z.boolean().optional(),
  /** The code `/ato` or `/ipk` failed with. */
  lastError: HexCodeSchema.optional(),
  /** `/ipk` installed a key (true) or failed (false). */
  keyInstallSucceeded: z.boolean().optional(),
  /** The product is not installed for the key (`Error: product not found.`). */
  productNotFound: z.boolean().optional(),
  /** A published KMS client setup key recognised in the text (full or partial). */
  gvlk: z
    .object({
      partial: PartialKeySchema,
      product: z.string(),
      edition: z.string(),
      osKind: z.enum(['server', 'client']),
    })
    .optional(),
  // --- DISM ---------------------------------------------------------------------------------------------
  currentEdition: z.string().optional(),
  targetEditions: z.array(z.string()).optional(),
  dismError: z.object({ code: HexCodeSchema.optional(), message: z.string() }).optional(),
  // --- DNS and network ----------------------------------------------------------------------------------
  srvRecords: z.enum(['found', 'none']).optional(),
  srvHosts: z.array(KmsHostRefSchema).optional(),
  dnsDomain: z.string().optional(),
  port1688Reachable: z.boolean().optional(),
  testedHost: z.string().optional(),
  // --- events -------------------------------------------------------------------------------------------
  events: z.array(EventFactSchema).optional(),
  // --- environment, from prose --------------------------------------------------------------------------
  notElevated: z.boolean().optional(),
  clockSkew: z.boolean().optional(),
  isDomainController: z.boolean().optional(),
  isVirtualMachine: z.boolean().optional(),
  /** Cloned image, restored snapshot, or sysprep-less copy mentioned. */
  clonedOrSnapshot: z.boolean().optional(),
  /** Windows Update is pending or the machine is out of date. */
  updatesPending: z.boolean().optional(),
  /** Prose says the machine is an Azure VM. */
  onAzure: z.boolean().optional(),
  /** Azure Local (Azure Stack HCI) guest. */
  azureLocal: z.boolean().optional(),
  /** The licence came from the free upgrade of a Windows 7 or 8.1 key (prose). */
  freeUpgradeLicence: z.boolean().optional(),
  /** The same volume or KMS key was typed on every machine, as with Windows XP/2003 volume keys (prose). */
  sameKeyOnEveryMachine: z.boolean().optional(),
  /** The KMS host the clients used is gone: died, decommissioned, removed (prose). */
  kmsHostGone: z.boolean().optional(),
  /** The licence or key is OEM: on the label, or preinstalled by the maker (prose). */
  oemLicence: z.boolean().optional(),
  /** The key comes from another machine: the old server, the replaced PC (prose). */
  keyFromOtherMachine: z.boolean().optional(),
  /** The key is a retail one: MSDN / Visual Studio subscription, retail box, shop (prose). */
  retailKeySource: z.boolean().optional(),
  /** The installation media is volume-licence media (VL ISO, from the Volume Licensing site) (prose). */
  volumeMedia: z.boolean().optional(),
  /** The person says they converted an evaluation edition to a licensed one (prose). */
  convertedFromEvaluation: z.boolean().optional(),
  /** `cscript ospp.vbs /dstatus`: one entry per Office licence. */
  officeLicenses: z
    .array(
      z.object({
        name: z.string(),
        licenseStatus: LicenseStatusSchema,
        partialProductKey: z.string().optional(),
        channel: z.string().optional(),
        errorCode: HexCodeSchema.optional(),
        kmsMachine: z.string().optional(),
      }),
    )
    .optional(),
  /**
   * `cscript ospp.vbs /dstatus`: `volume` when every Office licence with a channel is a volume one (VOLUME_KMSCLIENT,
   * VOLUME_MAK…), `retail` when one is not (RETAIL, OEM, a subscription): only a volume build can use KMS.
   */
  officeChannel: z.enum(['volume', 'retail']).optional(),
  /**
   * Codes that only `ospp.vbs` printed: Office's licensing, not Windows' (0xC004F069 there is an Office build
   * without that volume SKU, not a Windows evaluation edition).
   */
  officeCodes: z.array(HexCodeSchema).optional(),
  // --- commands the person says they ran (typed in a sentence) ----------------------------------------
  /** `cscript ospp.vbs /sethst:host`: the KMS host Office was pointed at. */
  officeKmsHost: KmsHostRefSchema.optional(),
  /** `DISM /online /Set-Edition:<target>`: the edition a conversion was attempted to. */
  editionConversionTarget: z.string().optional(),
  /** Commands the person says they ran (`slmgr /ato`, `ospp.vbs /sethst`, `psping`), without their arguments. */
  ranCommands: z.array(z.string()).optional(),
  /** Scenarios the message's own words describe (full-text match of its story), best first, score 0–1. */
  storyMatches: z.array(z.object({ scenario: z.string(), score: z.number().min(0).max(1) })).optional(),
});
export type Facts = z.infer<typeof FactsSchema>;
export type FactKey = keyof Facts;
/** One license block of `cscript ospp.vbs /dstatus` (Office volume activation). */
export type OfficeLicense = NonNullable<Facts['officeLicenses']>[number];

/** Which command (or kind of text) a block of facts came from. A newer paste of the same source replaces the older facts. */
export const SourceKindSchema = z.enum([
  'slmgr-dli',
  'slmgr-dlv',
  'slmgr-xpr',
  'slmgr-ato',
  'slmgr-ipk',
  'slmgr-dti',
  'dism-current-edition',
  'dism-target-editions',
  'dism-set-edition',
  'nslookup-srv',
  'test-netconnection',
  'ospp-dstatus',
  'event',
  'prose',
]);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const ObservationSchema = z.object({
  source: SourceKindSchema,
  facts: FactsSchema,
});
export type Observation = z.infer<typeof ObservationSchema>;

// ---------------------------------------------------------------------------------------------------------
// Findings and the diagnosis
// ---------------------------------------------------------------------------------------------------------

export const ConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof ConfidenceSchema>;

/** What the rule engine returns before localization: ids and evidence only. */
export const FindingRefSchema = z.object({
  id: z.string().min(1),
  confidence: ConfidenceSchema,
  escalate: z.boolean(),
  /** Human-readable evidence items, e.g. "srvRecords=none", "code 0xC004F074". Language-neutral. */
  evidence: z.array(z.string()),
  /** Ids of findings this one beat, and why (a text id). */
  supersedes: z.array(z.string()).default([]),
  /** Values substituted into the localized texts ({host}, {count}, {edition}…). */
  params: z.record(z.string(), z.string()).default({}),
  /** How direct the rule's evidence is (0–6, after conflicts): the rule's weight when scenarios are ranked. */
  strength: z.number().optional(),
});
export type FindingRef = z.infer<typeof FindingRefSchema>;

export const FindingFixSchema = z.object({ text: z.string(), command: z.string().optional() });

export const FindingSchema = z.object({
  id: z.string(),
  title: z.string(),
  cause: z.string(),
  fix: z.array(FindingFixSchema),
  escalate: z.boolean(),
  confidence: ConfidenceSchema,
  evidence: z.array(z.string()),
  /** Why this finding won over a conflicting one, when it did. */
  note: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const AskSchema = z.object({ command: z.string(), why: z.string() });
export type Ask = z.infer<typeof AskSchema>;

export const DiagnosisCodeSchema = z.object({
  /** The code as the user typed it, in canonical form (0x80092328 stays 0x80092328). */
  code: HexCodeSchema,
  /** The catalogue code it is read as, when that differs (0x80092328 → 0x8007232B, 0x4004F065 → 0xC004F065). */
  canonical: HexCodeSchema.optional(),
  /** The spelling typed when it was no `0x` form (`-1073418124`, `3221549172`, `C004F074`, `Error: 1168`). */
  seenAs: z.string().optional(),
  /** Known by the catalogue, or by name and meaning by slerror.h. */
  known: z.boolean(),
  name: z.string().optional(),
  title: z.string(),
  decoded: DecodedHresultSchema.optional(),
});

export const DiagnosisSchema = z.object({
  lang: LangSchema,
  codes: z.array(DiagnosisCodeSchema),
  facts: FactsSchema,
  findings: z.array(FindingSchema),
  ask: z.array(AskSchema),
  /** Set when the message asked for a crack or a KMS emulator: the refusal text. */
  refusal: z.string().optional(),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

/** `activation-doctor explain <code>` and "why 0xC004F038?": everything the catalogue knows about one code. */
export const ExplanationSchema = z.object({
  /** The code as typed, in canonical form. */
  code: HexCodeSchema,
  /** The catalogue code it is read as, when that differs. */
  canonical: HexCodeSchema.optional(),
  /** Known by the catalogue, or by name and meaning by slerror.h. */
  known: z.boolean(),
  name: z.string().optional(),
  /** Short localized message (the card title). */
  title: z.string(),
  types: z.array(ActivationTypeSchema),
  causes: z.array(z.string()),
  fix: z.array(FindingFixSchema),
  escalate: z.boolean(),
  bring: z.array(z.string()),
  informational: z.boolean(),
  decoded: DecodedHresultSchema,
});
export type Explanation = z.infer<typeof ExplanationSchema>;

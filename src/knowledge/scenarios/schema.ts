/**
 * The shape of one scenario: a known cause of activation failure, written so that a licensing engineer can
 * review it without reading code. Every entry is checked against this schema when the module loads, so a
 * typo in a data file stops the process instead of giving a wrong answer.
 *
 * Texts may hold placeholders: `{host}`, `{port}`, `{edition}`, `{gvlk}`… are filled from what the thread
 * knows (see params.ts); unknown ones show a visible `<…>` in commands and a neutral word in prose.
 */
import { z } from 'zod';
import { FactsSchema, HexCodeSchema, LocalizedSchema } from '../types.js';

const FACT_NAMES = Object.keys(FactsSchema.shape) as [string, ...string[]];

/** Facts a scenario waits for: each named fact must have this value (`known`: any value). */
const FactConditionsSchema = z
  .partialRecord(z.enum(FACT_NAMES), z.union([z.literal('known'), z.boolean(), z.string(), z.number()]))
  .default({});

export const ScenarioKindSchema = z.enum([
  'kms-client',
  'kms-host',
  'keys',
  'eval',
  'azure',
  'channel',
  'office',
  'imaging',
  'other',
]);

/** One fix step: the same step in both languages, and the command (written once, run as is). */
export const ScenarioStepSchema = z.object({
  en: z.string().min(1),
  fr: z.string().min(1),
  command: z.string().min(1).optional(),
});

/** The test that tells this scenario from its neighbours; not asked once one of `answeredBy` is known. */
export const ScenarioCheckSchema = z.object({
  command: z.string().min(1),
  why: LocalizedSchema,
  answeredBy: z.array(z.enum(FACT_NAMES)).default([]),
});

export const ScenarioSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  kind: ScenarioKindSchema,
  title: LocalizedSchema,
  when: z.object({
    /** Codes that point at this scenario, the most telling first. */
    codes: z.array(HexCodeSchema).default([]),
    /** Codes seen with it that also have other, commoner causes: they count only a little on their own. */
    alsoCodes: z.array(HexCodeSchema).default([]),
    /**
     * Facts that point at it: each named fact must have this value (`known`: any value), e.g. `onAzure: true`
     * for the Azure scenarios, `officeLicenses: known` when `ospp.vbs /dstatus` output was pasted.
     */
    facts: FactConditionsSchema,
    /**
     * The rule (src/knowledge/rules) whose firing proves it from pasted output. Defaults to the rule with the
     * scenario's own id, when there is one.
     */
    rule: z.string().optional(),
    /**
     * More general scenarios this one is a special case of (Azure KMS unreachable is a blocked KMS port seen
     * from Azure): when this one has its own facts or story, it also takes what pasted output proved for them.
     */
    refines: z.array(z.string()).default([]),
    /** How people describe it, in their words: what the full-text search matches a story against. */
    symptoms: z.object({ en: z.array(z.string().min(3)).min(1), fr: z.array(z.string().min(3)).min(1) }),
  }),
  cause: LocalizedSchema,
  fix: z.array(ScenarioStepSchema).min(1),
  /** Only Microsoft can fix it (Licensing Activation Centers, a support case). */
  escalate: z.boolean(),
  /** Facts that make this case Microsoft's even when the scenario in general is not (same form as `when.facts`). */
  escalateWhen: FactConditionsSchema,
  /** What to bring to Microsoft when escalating. */
  bring: z.array(LocalizedSchema).default([]),
  check: ScenarioCheckSchema.optional(),
  /** The public page or the section of the shared reference sheet the entry was checked against. */
  source: z.array(z.string().min(1)).min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

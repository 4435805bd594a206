/**
 * What the bot remembers about one thread. Derived facts only, never the transcript: each observation keeps the
 * facts a parser produced plus where they came from (source kind, message id, time). Stored JSON is versioned;
 * older versions are migrated on load.
 *
 * Bounds (applied on every save and load, oldest dropped first):
 *   - 50 observations, 100 codes, 20 card refs, 50 rejected findings, 50 asked questions, 20 findings;
 *   - every string inside facts at most 1000 characters, every array inside facts at most 50 items;
 *   - the serialized state at most 256 KiB (oldest observations dropped until it fits).
 */
import { z } from 'zod';
import {
  ConfidenceSchema,
  FactsSchema,
  type Facts,
  HexCodeSchema,
  LangSchema,
  SourceKindSchema,
} from '../knowledge/types.js';
import { redactValue } from '../knowledge/redact.js';
import { mayHoldKeyInside } from './key-scan.js';
import { ThreadStatusSchema } from './types.js';

const STATE_VERSION = 2;

export const STATE_BOUNDS = {
  observations: 50,
  codes: 100,
  cards: 20,
  rejected: 50,
  asked: 50,
  findings: 20,
  factString: 1000,
  factArray: 50,
  serializedBytes: 256 * 1024,
} as const;

const FACT_FIELDS = FactsSchema.shape;
const FACT_KEYS = Object.keys(FACT_FIELDS) as Array<keyof typeof FACT_FIELDS>;

/**
 * FactsSchema for stored facts, with the same checks and the same result: each field present is parsed by its own
 * schema, in the schema's key order, and unknown keys are dropped. A stored observation holds a handful of the
 * sixty fields; `FactsSchema` itself runs every field's schema, present or not, on every observation read back.
 * Tests hold it to FactsSchema.
 */
export const StoredFactsSchema = z
  .custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    { message: 'facts: expected an object' },
  )
  .transform((raw, ctx): Facts => {
    const facts: Record<string, unknown> = {};
    for (const key of FACT_KEYS) {
      if (!(key in raw)) continue;
      const parsed = FACT_FIELDS[key].safeParse(raw[key]);
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          ctx.addIssue({ ...issue, path: [key, ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
        return z.NEVER;
      }
      facts[key] = parsed.data;
    }
    return facts as Facts;
  });

/** Facts from one paste (or one message's prose), with provenance. */
export const ObservationRecordSchema = z.object({
  source: SourceKindSchema,
  messageId: z.string(),
  at: z.number().int(),
  facts: StoredFactsSchema,
});
export type ObservationRecord = z.infer<typeof ObservationRecordSchema>;

export const CodeSeenSchema = z.object({ code: HexCodeSchema, messageId: z.string(), at: z.number().int() });

/** A finding as last shown: its title (and the language of it) lets a later turn name it without diagnosing. */
export const FindingStateSchema = z.object({
  id: z.string(),
  confidence: ConfidenceSchema,
  title: z.string().max(300).optional(),
  lang: LangSchema.optional(),
});

/** A finding the user said did not help, with its title as it was shown. */
export const RuledOutSchema = z.object({ id: z.string(), title: z.string().max(300), lang: LangSchema });

export const AskedSchema = z.object({ command: z.string(), messageId: z.string(), at: z.number().int() });

/** A card the bot posted (Slack ts, Teams activity id), so a later event can update it in place. */
export const CardRefSchema = z.object({ messageId: z.string(), at: z.number().int() });

export const ThreadStateV2Schema = z.object({
  v: z.literal(2),
  observations: z.array(ObservationRecordSchema).default([]),
  codes: z.array(CodeSeenSchema).default([]),
  /** Findings of the last diagnosis, strongest first, rejected ones excluded. */
  findings: z.array(FindingStateSchema).default([]),
  /** Findings the user said did not help. */
  rejected: z.array(z.string()).default([]),
  /** Titles of the rejected findings as shown (Escalate lists what was tried without diagnosing again). */
  ruledOut: z.array(RuledOutSchema).default([]),
  asked: z.array(AskedSchema).default([]),
  status: ThreadStatusSchema.default('open'),
  /** The finding whose fix worked. */
  resolvedBy: z.string().optional(),
  lang: LangSchema.optional(),
  /** The user asked for this language explicitly; it sticks until they ask for another. */
  langPinned: z.boolean().default(false),
  cards: z.array(CardRefSchema).default([]),
  escalationId: z.string().optional(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type ThreadState = z.infer<typeof ThreadStateV2Schema>;

/**
 * Version 1 (first release): merged facts without provenance, bare code and finding lists, card ids without times.
 * Kept so states written by it still load.
 */
export const ThreadStateV1Schema = z.object({
  v: z.literal(1),
  facts: FactsSchema.default({}),
  codes: z.array(HexCodeSchema).default([]),
  findings: z.array(z.string()).default([]),
  status: z.enum(['open', 'diagnosed', 'resolved']).default('open'),
  lang: LangSchema.optional(),
  cardIds: z.array(z.string()).default([]),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type ThreadStateV1 = z.infer<typeof ThreadStateV1Schema>;

/** Message id recorded for data migrated from a version that did not keep provenance. */
export const MIGRATED_MESSAGE_ID = 'migrated-v1';

export function migrateV1(old: ThreadStateV1): ThreadState {
  const hasFacts = Object.keys(old.facts).length > 0;
  return {
    v: STATE_VERSION,
    // v1 facts have no source: keep them as one 'prose' observation, which later pastes add to rather than replace.
    observations: hasFacts
      ? [{ source: 'prose', messageId: MIGRATED_MESSAGE_ID, at: old.updatedAt, facts: old.facts }]
      : [],
    codes: [...new Set(old.codes)].map((code) => ({
      code,
      messageId: MIGRATED_MESSAGE_ID,
      at: old.createdAt,
    })),
    // v1 did not keep confidence; the next diagnosis recomputes it.
    findings: old.findings.map((id) => ({ id, confidence: 'medium' as const })),
    rejected: [],
    ruledOut: [],
    asked: [],
    status: old.status,
    lang: old.lang,
    langPinned: false,
    cards: old.cardIds.map((messageId) => ({ messageId, at: old.updatedAt })),
    createdAt: old.createdAt,
    updatedAt: old.updatedAt,
  };
}

export function emptyState(
  now: number,
  keep: Partial<Pick<ThreadState, 'lang' | 'langPinned' | 'cards'>> = {},
): ThreadState {
  return {
    v: STATE_VERSION,
    observations: [],
    codes: [],
    findings: [],
    rejected: [],
    ruledOut: [],
    asked: [],
    status: 'open',
    lang: keep.lang,
    langPinned: keep.langPinned ?? false,
    cards: keep.cards ?? [],
    createdAt: now,
    updatedAt: now,
  };
}

export type DecodeResult =
  { ok: true; state: ThreadState; migratedFrom?: number } | { ok: false; error: string };

/**
 * Parses stored JSON of any known version into the current shape. A current-version state was bounded and
 * redacted when it was encoded (every write goes through `encodeState`), so it is only validated here; a state
 * migrated from version 1 is bounded and redacted on the way in.
 */
export function decodeState(json: string): DecodeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, error: 'stored state is not JSON' };
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { v?: unknown }).v : undefined;
  if (version === 1) {
    const parsed = ThreadStateV1Schema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, error: `invalid v1 state: ${parsed.error.issues[0]?.message ?? ''}` };
    return { ok: true, state: sanitizeState(migrateV1(parsed.data)), migratedFrom: 1 };
  }
  if (version === 2) {
    const parsed = ThreadStateV2Schema.safeParse(raw);
    if (!parsed.success)
      return { ok: false, error: `invalid v2 state: ${parsed.error.issues[0]?.message ?? ''}` };
    return { ok: true, state: parsed.data };
  }
  return { ok: false, error: `unknown state version ${String(version)}` };
}

/** The JSON written to a store: bounded, redacted, current version. */
export function encodeState(state: ThreadState): string {
  return sanitized(state).json;
}

/**
 * The JSON to store and the state it describes, serialized once. The state is the bounded, redacted object the
 * JSON was made from (shares unchanged parts with the input; treat it as immutable, as every state is).
 */
export function encodeStateWithValue(state: ThreadState): { state: ThreadState; json: string } {
  return sanitized(state);
}

/**
 * Applies the bounds and redacts product keys anywhere in the state. Counts and string lengths are cut first, so
 * redaction and serialization only ever see a bounded amount of text.
 */
export function sanitizeState(state: ThreadState): ThreadState {
  return sanitized(state).state;
}

/**
 * The sanitized state and its JSON, serialized once: this runs on every write. The deep redaction copy is only
 * made when some string of the state could contain a product key at all.
 */
function sanitized(state: ThreadState): { state: ThreadState; json: string } {
  const counted = boundCounts(state);
  const clamped = { ...counted, observations: counted.observations.map(clampRecord) };
  const safe: ThreadState = mayHoldKeyInside(clamped) ? redactValue(clamped) : clamped;
  return boundSize(safe, JSON.stringify(safe));
}

/** The record with its facts clamped; the same record when nothing was over a bound. */
function clampRecord(o: ObservationRecord): ObservationRecord {
  const facts = clampFacts(o.facts);
  return facts === o.facts ? o : { ...o, facts };
}

function tail<T>(items: T[], max: number): T[] {
  return items.length > max ? items.slice(items.length - max) : items;
}

/** Applies the count bounds, dropping the oldest entries first. */
export function boundCounts(state: ThreadState): ThreadState {
  return {
    ...state,
    observations: tail(state.observations, STATE_BOUNDS.observations),
    codes: tail(state.codes, STATE_BOUNDS.codes),
    cards: tail(state.cards, STATE_BOUNDS.cards),
    rejected: tail(state.rejected, STATE_BOUNDS.rejected),
    ruledOut: tail(state.ruledOut, STATE_BOUNDS.rejected),
    asked: tail(state.asked, STATE_BOUNDS.asked),
    findings: state.findings.slice(0, STATE_BOUNDS.findings),
  };
}

/** Drops the oldest observations until the serialized state fits the byte bound. */
function boundSize(state: ThreadState, json: string): { state: ThreadState; json: string } {
  let excess = byteLength(json) - STATE_BOUNDS.serializedBytes;
  if (excess <= 0) return { state, json };
  let drop = 0;
  while (excess > 0 && drop < state.observations.length) {
    // Each dropped entry also frees its separating comma.
    excess -= byteLength(JSON.stringify(state.observations[drop])) + 1;
    drop++;
  }
  const bounded = { ...state, observations: state.observations.slice(drop) };
  return { state: bounded, json: JSON.stringify(bounded) };
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/**
 * Caps strings and arrays inside parser facts, so a hostile paste cannot bloat the stored state. What is within the
 * bounds is returned as it is: only the objects and arrays on the way to a cut are copied.
 */
function clampFacts<T>(value: T): T {
  if (typeof value === 'string') {
    return (value.length > STATE_BOUNDS.factString ? value.slice(0, STATE_BOUNDS.factString) : value) as T;
  }
  if (Array.isArray(value)) {
    let copy = value.length > STATE_BOUNDS.factArray ? value.slice(0, STATE_BOUNDS.factArray) : undefined;
    const items: unknown[] = copy ?? value;
    for (let i = 0; i < items.length; i++) {
      const item = clampFacts(items[i]);
      if (item !== items[i]) (copy ??= [...items])[i] = item;
    }
    return (copy ?? value) as T;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let copy: Record<string, unknown> | undefined;
    for (const key in record) {
      const item = clampFacts(record[key]);
      if (item !== record[key]) (copy ??= { ...record })[key] = item;
    }
    return (copy ?? value) as T;
  }
  return value;
}

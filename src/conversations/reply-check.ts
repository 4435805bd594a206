/**
 * The run-time check of the replies we build ourselves (makeReply): `ReplyModelSchema` written as plain code, as
 * a copy of the input with the schema's defaults filled in and only the schema's keys kept, like a parse. It never
 * accepts what the schema refuses; when it refuses something, makeReply asks the schema itself, so an error reads
 * as before. Property tests (test/conversations/reply-check.test.ts) hold it to the schema on many generated
 * replies, hostile ones included: whenever it answers, the schema accepts the input and returns an equal reply.
 */
import {
  ActionIdSchema,
  ReplyKindSchema,
  ThreadStatusSchema,
  type ActionPayload,
  type ReplyAction,
  type ReplyFinding,
  type ReplyModel,
  type ReplyModelInput,
} from './types.js';

/** Thrown inside the check to give up; makeReply then lets the schema decide. */
class Refused extends Error {}

type FindingFix = ReplyFinding['fix'][number];

const KINDS: ReadonlySet<unknown> = new Set(ReplyKindSchema.options);
const ACTIONS: ReadonlySet<unknown> = new Set(ActionIdSchema.options);
const STATUSES: ReadonlySet<unknown> = new Set(ThreadStatusSchema.options);
const LANGS: ReadonlySet<unknown> = new Set(['en', 'fr']);
const CONFIDENCES: ReadonlySet<unknown> = new Set(['high', 'medium', 'low']);
const STYLES: ReadonlySet<unknown> = new Set(['primary', 'danger', 'default']);
const HEX_CODE = /^0x[0-9A-F]{8}$/;

function str(v: unknown, max = Infinity, min = 0): string {
  if (typeof v !== 'string' || v.length < min) throw new Refused();
  // Past the limit in UTF-16 units, zod counts code points (an emoji counts once): the check does the same.
  if (v.length > max && [...v].length > max) throw new Refused();
  return v;
}
function bool(v: unknown): boolean {
  if (typeof v !== 'boolean') throw new Refused();
  return v;
}
function oneOf<T>(set: ReadonlySet<unknown>, v: unknown): T {
  if (!set.has(v)) throw new Refused();
  return v as T;
}
function obj(v: unknown): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Refused();
  return v as Record<string, unknown>;
}
/** An absent list is the schema's default, `[]`; a present one is mapped entry by entry into a new array. */
function list<T>(v: unknown, each: (item: unknown) => T): T[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Refused();
  return v.map(each);
}
const strings = (v: unknown) => list(v, (s) => str(s));

function fixStep(v: unknown): FindingFix {
  const o = obj(v);
  const text = str(o.text);
  return o.command === undefined ? { text } : { text, command: str(o.command) };
}

function finding(v: unknown): ReplyFinding {
  const o = obj(v);
  if (!Array.isArray(o.fix)) throw new Refused(); // no default here
  const f: ReplyFinding = {
    id: str(o.id),
    title: str(o.title),
    cause: str(o.cause),
    fix: o.fix.map(fixStep),
    confidence: oneOf(CONFIDENCES, o.confidence),
    escalate: bool(o.escalate),
  };
  if (o.note !== undefined) f.note = str(o.note);
  return f;
}

function payload(v: unknown): ActionPayload {
  const o = obj(v);
  const p: ActionPayload = { action: oneOf(ACTIONS, o.action) };
  if (o.findingId !== undefined) p.findingId = str(o.findingId, 100);
  if (o.escalationId !== undefined) p.escalationId = str(o.escalationId, 100);
  if (o.text !== undefined) p.text = str(o.text, 2000);
  return p;
}

function action(v: unknown): ReplyAction {
  const o = obj(v);
  return {
    id: oneOf(ACTIONS, o.id),
    label: str(o.label, 75, 1),
    payload: payload(o.payload),
    style: o.style === undefined ? 'default' : oneOf(STYLES, o.style),
  };
}

/** A URL the schema accepts and returns unchanged (it trims and drops tabs and newlines: refuse those instead). */
function url(v: unknown): string {
  const s = str(v);
  if (s.trim() !== s || /[\t\n\r]/.test(s) || !URL.canParse(s)) throw new Refused();
  return s;
}

/** The reply as `ReplyModelSchema.parse` would return it, or undefined when the schema must decide. */
export function checkedReply(input: ReplyModelInput): ReplyModel | undefined {
  try {
    const o = obj(input);
    // Keys in the schema's order, so the reply serializes exactly as the parsed one would.
    const reply = {
      kind: oneOf(KINDS, o.kind),
      lang: oneOf(LANGS, o.lang),
      title: str(o.title),
      summary: str(o.summary),
    } as ReplyModel;
    if (o.cause !== undefined) reply.cause = str(o.cause);
    reply.fix = list(o.fix, fixStep);
    reply.evidence = strings(o.evidence);
    reply.changes = strings(o.changes);
    reply.questions = list(o.questions, (q) => {
      const a = obj(q);
      return { command: str(a.command), why: str(a.why) };
    });
    reply.warnings = strings(o.warnings);
    reply.codes = list(o.codes, (c) => {
      const a = obj(c);
      const code = str(a.code);
      if (!HEX_CODE.test(code)) throw new Refused();
      return { code, title: str(a.title), known: bool(a.known) };
    });
    reply.findings = list(o.findings, finding);
    if (o.escalation !== undefined) {
      const e = obj(o.escalation);
      if (!Array.isArray(e.bring)) throw new Refused(); // required, no default
      reply.escalation = { url: url(e.url), label: str(e.label), bring: strings(e.bring) };
    }
    reply.actions = list(o.actions, action);
    if (o.status !== undefined) reply.status = oneOf(STATUSES, o.status);
    return reply;
  } catch (error) {
    if (error instanceof Refused) return undefined;
    throw error;
  }
}

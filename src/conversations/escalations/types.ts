/**
 * The escalation handoff domain: the stored record (one per escalated thread), its dossier, and the outbound
 * effects the adapters execute. Everything here is platform-neutral; adapters turn an Outbound into a Slack
 * `chat.postMessage` / `chat.update` / `chat.postEphemeral` or a Teams proactive send / update.
 */
import { z } from 'zod';
import { AskSchema, HexCodeSchema, LangSchema, LocalizedSchema } from '../../knowledge/types.js';
import { PlatformSchema, ReplyActionSchema, ReplyModelSchema } from '../types.js';

export const ESCALATION_RECORD_VERSION = 1;

export const EscalationStatusSchema = z.enum(['open', 'claimed', 'need_info', 'escalated_ms', 'resolved']);
export type EscalationStatus = z.infer<typeof EscalationStatusSchema>;

/** A Teams ConversationReference (or any platform's proactive address): stored as given, never interpreted here. */
export const ConversationRefSchema = z.record(z.string(), z.unknown());
export type ConversationRef = z.infer<typeof ConversationRefSchema>;

export const ActorSchema = z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() });
export type Actor = z.infer<typeof ActorSchema>;

/** Where a workspace's escalations live: ids are unique within one platform tenant. */
export const ScopeSchema = z.object({ platform: PlatformSchema, tenant: z.string().min(1).max(200) });
export type Scope = z.infer<typeof ScopeSchema>;

/** The origin thread, where the user asked. */
export const OriginSchema = z.object({
  platform: PlatformSchema,
  tenant: z.string().min(1).max(200),
  channel: z.string().min(1).max(400),
  threadKey: z.string().min(1).max(400),
  /** The escalation status card posted in the origin thread (updated in place on every status change). */
  cardMessageId: z.string().max(400).optional(),
  conversationRef: ConversationRefSchema.optional(),
  /** Permalink to the origin thread, when the adapter could get one (Slack chat.getPermalink). */
  url: z.string().url().max(1000).optional(),
});

/** The handoff thread in the escalation channel (or in the origin conversation when none is configured). */
export const HandoffSchema = z.object({
  channel: z.string().min(1).max(400),
  /** Known once the handoff card is posted (Slack: the card's ts; Teams: the new conversation id). */
  threadKey: z.string().max(400).optional(),
  cardMessageId: z.string().max(400).optional(),
  /** Proactive address of the handoff thread, once posted. */
  conversationRef: ConversationRefSchema.optional(),
  /** Proactive address of the channel itself (Teams: captured when the bot was added), for top-level posts. */
  channelRef: ConversationRefSchema.optional(),
  /** false: no escalation channel is configured and the handoff lives in the origin conversation. */
  dedicated: z.boolean(),
});
export type Handoff = z.infer<typeof HandoffSchema>;

export const TimelineKindSchema = z.enum([
  'opened',
  'claimed',
  'need_info',
  'answer',
  'evidence',
  'escalated_ms',
  'resolved',
  'reminded',
]);

export const TimelineEntrySchema = z.object({
  at: z.number().int(),
  actor: ActorSchema,
  kind: TimelineKindSchema,
  text: z.string().max(2000).optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** The evidence Microsoft's Licensing Activation Centers ask for, one checklist line each. */
export const ChecklistIdSchema = z.enum([
  'dlv',
  'ato',
  'installation_id',
  'events',
  'proof_of_purchase',
  'partial_key',
]);
export type ChecklistId = z.infer<typeof ChecklistIdSchema>;

export const ChecklistItemSchema = z.object({
  id: ChecklistIdSchema,
  label: LocalizedSchema,
  present: z.boolean(),
  /** A short value when one helps the engineer (last five characters, agreement number, Installation ID). */
  value: z.string().max(200).optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const KeyFactSchema = z.object({ key: z.string().max(100), value: z.string().max(200) });
export type KeyFact = z.infer<typeof KeyFactSchema>;

export const DossierFindingSchema = z.object({
  id: z.string().max(100),
  title: z.string().max(300),
  confidence: z.enum(['high', 'medium', 'low']).optional(),
});
export type DossierFinding = z.infer<typeof DossierFindingSchema>;

/** What the escalation team needs, built from the thread state. Never holds a full product key. */
export const DossierSchema = z.object({
  lang: LangSchema,
  codes: z.array(HexCodeSchema).max(50),
  facts: z.array(KeyFactSchema).max(40),
  findings: z.array(DossierFindingSchema).max(20),
  tried: z.array(z.string().max(300)).max(20),
  checklist: z.array(ChecklistItemSchema),
});
export type Dossier = z.infer<typeof DossierSchema>;

export const PendingQuestionSchema = z.object({
  text: z.string().min(1).max(2000),
  askedBy: ActorSchema,
  at: z.number().int(),
  /** Status to return to once answered. */
  resumeStatus: EscalationStatusSchema,
});

export const EscalationRecordSchema = z.object({
  v: z.literal(ESCALATION_RECORD_VERSION),
  id: z.string().min(1).max(100),
  /** Optimistic-concurrency version: every stored write increments it. */
  version: z.number().int().nonnegative(),
  status: EscalationStatusSchema,
  lang: LangSchema,
  origin: OriginSchema,
  handoff: HandoffSchema,
  requestedBy: ActorSchema,
  owner: ActorSchema.optional(),
  msCaseNumber: z.string().max(60).optional(),
  resolution: z.string().max(2000).optional(),
  dossier: DossierSchema,
  timeline: z.array(TimelineEntrySchema).max(200),
  pendingQuestion: PendingQuestionSchema.optional(),
  reminderSentAt: z.number().int().optional(),
  /** Delivery ids already applied (bounded): a retried delivery of the same message changes nothing. */
  deliveries: z.array(z.string().max(400)).max(50).default([]),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type EscalationRecord = z.infer<typeof EscalationRecordSchema>;

export const TargetSchema = z.object({
  platform: PlatformSchema,
  tenant: z.string().min(1).max(200),
  channel: z.string().min(1).max(400),
  /** Absent: a new top-level message (which starts a thread). */
  threadKey: z.string().max(400).optional(),
  conversationRef: ConversationRefSchema.optional(),
});
export type Target = z.infer<typeof TargetSchema>;

/** What the adapter should remember about a posted message: hand it back with `EscalationService.rememberPosted`. */
export const RememberAsSchema = z.enum(['handoff-card', 'origin-update']);
export type RememberAs = z.infer<typeof RememberAsSchema>;

/** What every escalation card has: its language, its escalation, a title and a one-sentence summary (the
 * notification text and the card's first line). */
const CARD_HEADER = {
  lang: LangSchema,
  escalationId: z.string().min(1).max(100),
  title: z.string(),
  summary: z.string(),
};

/**
 * The handoff card in the escalation channel, a model of its own rather than a diagnosis reply: a status, who
 * asked and where, who holds it, the checklist with each item done or not, the timeline and the pending question.
 * Texts are already in the card's language; the renderers (src/bot/render) add the headings.
 */
export const HandoffCardModelSchema = z.object({
  kind: z.literal('handoff'),
  // summary: Who asked, where, and the status in one sentence (notification text, the card's first lines).
  ...CARD_HEADER,
  status: EscalationStatusSchema,
  statusText: z.string(),
  origin: z.object({ text: z.string(), url: z.string().url().max(1000).optional() }),
  /** The engineer holding it; absent while unclaimed. */
  assignee: z.string().optional(),
  codes: z.array(HexCodeSchema),
  /** Facts from the thread, with human labels. */
  facts: z.array(z.string()),
  otherFindings: z.array(z.string()),
  tried: z.array(z.string()),
  checklist: z.array(z.object({ label: z.string(), done: z.boolean(), value: z.string().optional() })),
  /** Oldest first; `text` already names who did what, `when` is the UTC time it happened. */
  timeline: z.array(z.object({ at: z.number().int(), when: z.string(), text: z.string() })),
  pendingQuestion: z.object({ text: z.string(), askedBy: z.string() }).optional(),
  msCaseNumber: z.string().optional(),
  resolution: z.string().optional(),
  /** The Licensing Activation Centers link. */
  microsoft: z.object({ url: z.string().url(), label: z.string() }),
  actions: z.array(ReplyActionSchema),
});
export type HandoffCardModel = z.infer<typeof HandoffCardModelSchema>;

const ChecklistLineSchema = z.object({ label: z.string(), done: z.boolean(), value: z.string().optional() });
const MomentSchema = z.object({ at: z.number().int(), when: z.string(), text: z.string() });

/**
 * The status card in the origin thread (updated in place on every change): where the case stands and who holds
 * it, the checklist as Microsoft's Licensing Activation Centers would ask for it, what the requester can still
 * paste, and the timeline. Texts are in the card's language; the renderers add the headings.
 */
export const OriginCardModelSchema = z.object({
  kind: z.literal('origin'),
  // summary: The status in a sentence (notification text, the card's first line).
  ...CARD_HEADER,
  status: EscalationStatusSchema,
  statusText: z.string(),
  /** The engineer holding it; absent while unclaimed. */
  assignee: z.string().optional(),
  msCaseNumber: z.string().optional(),
  resolution: z.string().optional(),
  checklist: z.array(ChecklistLineSchema),
  /** What the requester can still paste (none once resolved). */
  missing: z.array(AskSchema),
  /** Oldest first. */
  timeline: z.array(MomentSchema),
});
export type OriginCardModel = z.infer<typeof OriginCardModelSchema>;

/**
 * A relayed answer: the requester's answer to the licensing engineer's question, posted in the handoff thread,
 * and the note in the origin thread saying it was passed on. The question and the answer each under their own
 * heading (not a diagnosis's "Cause").
 */
export const RelayModelSchema = z.object({
  kind: z.literal('relay'),
  ...CARD_HEADER,
  statusText: z.string(),
  /** The question it answers, when one was pending. */
  question: z.object({ text: z.string(), askedBy: z.string() }).optional(),
  answer: z.object({ text: z.string(), from: z.string() }),
});
export type RelayModel = z.infer<typeof RelayModelSchema>;

/**
 * Evidence that arrived in the origin thread, posted in the handoff thread for the licensing engineer: the
 * checklist items it ticked (with their values) and what the checklist still lacks, each under its own heading
 * (not a diagnosis's "Evidence").
 */
export const EvidenceNoteModelSchema = z.object({
  kind: z.literal('evidence_note'),
  // summary: What is now in the dossier, in a sentence (notification text).
  ...CARD_HEADER,
  statusText: z.string(),
  /** The checklist items this message ticked. */
  arrived: z.array(ChecklistLineSchema),
  /** Labels of the checklist items still missing. */
  stillMissing: z.array(z.string()),
});
export type EvidenceNoteModel = z.infer<typeof EvidenceNoteModelSchema>;

/**
 * The licensing engineer's question, posted in the origin thread for the requester: the question under its own
 * heading (not a diagnosis's "Cause"), and how to answer it.
 */
export const InfoRequestModelSchema = z.object({
  kind: z.literal('info_request'),
  // summary: Who asks what, in a sentence (notification text).
  ...CARD_HEADER,
  statusText: z.string(),
  question: z.object({ text: z.string(), askedBy: z.string() }),
  /** How the requester answers (in the thread, passed on). */
  howToAnswer: z.string(),
});
export type InfoRequestModel = z.infer<typeof InfoRequestModelSchema>;

/**
 * The reminder in the escalation channel that an escalation is still unclaimed: who waits and how long, where
 * they asked, the leading cause, and the Claim button (not a diagnosis's "Evidence").
 */
export const ReminderModelSchema = z.object({
  kind: z.literal('reminder'),
  // summary: Who waits and for how long (notification text).
  ...CARD_HEADER,
  origin: z.object({ text: z.string(), url: z.string().url().max(1000).optional() }),
  /** The diagnosis's leading cause, when it had one. */
  headline: z.string().optional(),
  actions: z.array(ReplyActionSchema),
});
export type ReminderModel = z.infer<typeof ReminderModelSchema>;

/**
 * A card of the escalation handoff that is not a diagnosis nor the handoff card: the status card, a relayed
 * answer, evidence that arrived, the engineer's question.
 */
export type StatusCardModel =
  OriginCardModel | RelayModel | EvidenceNoteModel | InfoRequestModel | ReminderModel;

/**
 * What an effect posts or updates: a reply like any other, the handoff card (`kind: 'handoff'`), the origin
 * thread's status card (`'origin'`), a relayed answer (`'relay'`), evidence that arrived (`'evidence_note'`) or the
 * engineer's question (`'info_request'`).
 */
export const CardModelSchema = z.union([
  HandoffCardModelSchema,
  OriginCardModelSchema,
  RelayModelSchema,
  EvidenceNoteModelSchema,
  InfoRequestModelSchema,
  ReminderModelSchema,
  ReplyModelSchema,
]);
export type CardModel = z.infer<typeof CardModelSchema>;

export const OutboundSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('post'),
    escalationId: z.string(),
    target: TargetSchema,
    reply: CardModelSchema,
    rememberAs: RememberAsSchema.optional(),
  }),
  z.object({
    kind: z.literal('update'),
    escalationId: z.string(),
    target: TargetSchema,
    messageId: z.string().min(1),
    reply: CardModelSchema,
  }),
  z.object({
    kind: z.literal('ephemeral'),
    escalationId: z.string(),
    target: TargetSchema,
    userId: z.string().min(1),
    reply: z.union([OriginCardModelSchema, ReplyModelSchema]),
  }),
]);
export type Outbound = z.infer<typeof OutboundSchema>;

/** Where a platform's handoff threads open: its escalation channel and, once an adapter captured it, that
 * channel's proactive address (Teams needs one to start a thread there). */
export interface EscalationDestination {
  channel: string;
  ref?: ConversationRef;
}

/** Settings from the environment (src/config.ts `escalation`), plus what an adapter captured. */
export interface EscalationConfig {
  /** Per platform; a platform without one opens handoff threads in the origin conversation. */
  channels: Partial<Record<z.infer<typeof PlatformSchema>, EscalationDestination>>;
  /** ESCALATION_REMINDER_MINUTES (default 60). */
  reminderMinutes?: number;
  /** ESCALATION_MEMBERS: user ids allowed to act on handoff cards. */
  members: string[];
}

export const DEFAULT_REMINDER_MINUTES = 60;

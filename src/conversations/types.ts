/**
 * The two types that cross the adapter boundary: what a platform message becomes (InboundMessage) and what the
 * engine answers (ReplyModel). Adapters build the first and render the second; nothing else about a platform
 * reaches the engine.
 */
import { z } from 'zod';
import type { CardModel, Outbound } from './escalations/types.js';
import {
  AskSchema,
  ConfidenceSchema,
  FindingFixSchema,
  HexCodeSchema,
  LangSchema,
} from '../knowledge/types.js';

export const PlatformSchema = z.enum(['slack', 'teams', 'web', 'cli']);
export type Platform = z.infer<typeof PlatformSchema>;

export const ActionIdSchema = z.enum([
  'escalate',
  'resolved',
  'didnt_help',
  'show_all',
  /** Slack: opens the card's details in a modal (Teams folds them in an Action.ShowCard instead). */
  'details',
  // escalation handoff buttons
  'claim',
  'need_info',
  'escalated_ms',
  'handoff_resolved',
]);
export type ActionId = z.infer<typeof ActionIdSchema>;

/** What a button carries back (Slack `value`, Teams `Action.Submit` data). Kept small: Slack caps a value at 2000 chars. */
export const ActionPayloadSchema = z.object({
  action: ActionIdSchema,
  /** The finding the card showed as the main cause when the button was rendered. */
  findingId: z.string().max(100).optional(),
  /** Escalation id for handoff buttons. */
  escalationId: z.string().max(100).optional(),
  /** Free text typed in a card input (case number, resolution, question). */
  text: z.string().max(2000).optional(),
  /** "Details" (Slack): the card's language, so the modal opened at once speaks it before the details are made. */
  lang: LangSchema.optional(),
  /** "Details" on an explanation card: the code it explains (its details are that code's, not the diagnosis's). */
  code: HexCodeSchema.optional(),
});
export type ActionPayload = z.infer<typeof ActionPayloadSchema>;

export const AddressedSchema = z.enum(['mention', 'dm', 'command', 'shortcut', 'button', 'thread', 'none']);
export type Addressed = z.infer<typeof AddressedSchema>;

export const InboundMessageSchema = z.object({
  platform: PlatformSchema,
  /** Slack team id, Teams tenant id, 'local' for web/cli. */
  tenant: z.string().min(1).max(200),
  channel: z.string().min(1).max(400),
  /** Identifies the thread within the channel: Slack thread_ts (or the message ts for a new thread), Teams conversation id. */
  threadKey: z.string().min(1).max(400),
  /** Platform id of this message (Slack ts / client_msg_id, Teams activity id). Used for delivery dedup. */
  messageId: z.string().min(1).max(400),
  /** Platform event id when the platform has one (Slack event_id); a retry carries the same one. */
  eventId: z.string().max(400).optional(),
  /**
   * Id of the signed request that carried the message (Slack: its signature). Claimed with the delivery ids, so a
   * replayed request is dropped in the same store round trip.
   */
  requestId: z.string().max(200).optional(),
  user: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() }),
  /** The text with platform mark-up already stripped of mentions; may still hold code fences and entities. */
  text: z.string(),
  /** Platform locale (Slack user locale, Teams activity locale), e.g. 'fr-FR'. */
  localeHint: z.string().max(35).optional(),
  /**
   * 'none': not addressed (answered when it carries evidence, or follows up in a bot thread); 'thread': a thread
   * reply answered only where the bot has posted a card (Slack).
   */
  addressed: AddressedSchema,
  /**
   * Whether the bot already spoke in this thread (lets channel replies in a bot thread through). Adapters leave
   * it out: the engine reads it from the thread state with the delivery claim.
   */
  botInThread: z.boolean().optional(),
  action: ActionPayloadSchema.optional(),
  /** Platform id of the card a button was clicked on, so it can be updated in place. */
  actionMessageId: z.string().max(400).optional(),
  /**
   * Handoff buttons: whether the adapter confirmed the clicking user is a member of the escalation channel.
   * Undefined when it cannot tell; ESCALATION_MEMBERS then decides.
   */
  isMember: z.boolean().optional(),
  /** Proactive address of this conversation (Teams ConversationReference), kept on an escalation's origin. */
  conversationRef: z.record(z.string(), z.unknown()).optional(),
  /** Permalink of the thread (Slack chat.getPermalink), shown on the handoff card when the adapter has one. */
  threadUrl: z.string().url().max(1000).optional(),
  receivedAt: z.number().int().optional(),
});
export type InboundMessage = z.infer<typeof InboundMessageSchema>;

export const ThreadStatusSchema = z.enum(['open', 'diagnosed', 'escalated', 'resolved']);
export type ThreadStatus = z.infer<typeof ThreadStatusSchema>;

export const ReplyKindSchema = z.enum([
  'help',
  'explanation',
  'diagnosis',
  'question',
  'refusal',
  'reset',
  'resolved',
  'all_findings',
  'escalation',
  'notice',
]);
export type ReplyKind = z.infer<typeof ReplyKindSchema>;

export const ReplyFindingSchema = z.object({
  id: z.string(),
  title: z.string(),
  cause: z.string(),
  fix: z.array(FindingFixSchema),
  confidence: ConfidenceSchema,
  escalate: z.boolean(),
  note: z.string().optional(),
});
export type ReplyFinding = z.infer<typeof ReplyFindingSchema>;

export const ReplyActionSchema = z.object({
  id: ActionIdSchema,
  /** Localized button label. */
  label: z.string().min(1).max(75),
  payload: ActionPayloadSchema,
  style: z.enum(['primary', 'danger', 'default']).default('default'),
});
export type ReplyAction = z.infer<typeof ReplyActionSchema>;

/** Platform-neutral answer. Renderers turn it into an Adaptive Card, Block Kit blocks or plain text. */
export const ReplyModelSchema = z.object({
  kind: ReplyKindSchema,
  lang: LangSchema,
  title: z.string(),
  summary: z.string(),
  /** The main cause, in a sentence or two. */
  cause: z.string().optional(),
  /** Fix steps; commands are kept verbatim and rendered monospace. */
  fix: z.array(FindingFixSchema).default([]),
  /** Facts and codes the diagnosis rests on, human readable. */
  evidence: z.array(z.string()).default([]),
  /** What changed since the previous answer in this thread. */
  changes: z.array(z.string()).default([]),
  /** The next evidence to collect. */
  questions: z.array(AskSchema).default([]),
  /** E.g. "memory unavailable", truncated paste, unknown code. */
  warnings: z.array(z.string()).default([]),
  codes: z.array(z.object({ code: HexCodeSchema, title: z.string(), known: z.boolean() })).default([]),
  /** Every finding, strongest first (the "Show all findings" view). */
  findings: z.array(ReplyFindingSchema).default([]),
  /** Set when only Microsoft can help: link to the Licensing Activation Centers and what to bring. */
  escalation: z.object({ url: z.string().url(), label: z.string(), bring: z.array(z.string()) }).optional(),
  actions: z.array(ReplyActionSchema).default([]),
  status: ThreadStatusSchema.optional(),
});
export type ReplyModel = z.infer<typeof ReplyModelSchema>;
export type ReplyModelInput = z.input<typeof ReplyModelSchema>;

/** What the engine tells the adapter to do with the reply. */
export interface EngineResult {
  /** null: stay silent (channel chatter, duplicate delivery). */
  reply: ReplyModel | null;
  /** 'update': replace the card the button was clicked on (InboundMessage.actionMessageId). */
  mode: 'post' | 'update' | 'none';
  /**
   * Why nothing (or only a notice) was said, for logs and metrics. 'invalid': the message failed
   * InboundMessageSchema (see `error`); 'unsupported': a button this engine does not handle; 'error': an internal
   * failure (a notice reply is still returned).
   */
  reason?: 'duplicate' | 'not-addressed' | 'empty' | 'bot-message' | 'invalid' | 'unsupported' | 'error';
  /** What was wrong with an invalid message, for the adapter's logs. */
  error?: string;
  /** Codes diagnosed in this turn, for metrics. */
  codes: string[];
  /**
   * Escalation handoff messages to send besides the reply, in order: posts (possibly in another channel), in-place
   * updates of earlier cards and private (ephemeral) notes. A `post` with `rememberAs` must be reported back
   * through `ConversationEngine.rememberPosted` once sent. Absent when there is nothing to send.
   */
  effects?: Outbound[];
  /**
   * A "Details" click (Slack): the clicked card's details, to show to the clicker alone (a modal), with no reply
   * and nothing written. A reply's details come from the turn's one diagnosis of the thread as stored; a handoff
   * card's from its escalation record.
   */
  details?: CardModel;
}

export const MICROSOFT_ACTIVATION_CENTERS_URL =
  'https://www.microsoft.com/licensing/existing-customer/activation-centers';

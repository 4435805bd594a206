/**
 * What the playground page posts to `/playground/messages`, and how it becomes an InboundMessage. One browser tab
 * is one thread (a random uuid kept in sessionStorage); the escalation panel is a second, simulated channel whose
 * user is a member of the escalation team.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseActionPayload } from '../../bot/actions.js';
import { isHandoffAction } from '../../conversations/escalations/service.js';
import type { ActionPayload, InboundMessage } from '../../conversations/types.js';

export const WEB_TENANT = 'local';
export const WEB_CHANNEL = 'playground';
/** The simulated escalation channel shown in the page's side panel. */
export const WEB_ESCALATION_CHANNEL = 'activation-escalations';

/** Who types in the chat thread. */
export const WEB_USER = { id: 'web-user', name: 'You (playground)' } as const;
/** Who clicks in the simulated escalation channel: a member of the escalation team. */
export const WEB_ESCALATION_MEMBER = {
  id: 'web-escalation-lead',
  name: 'Escalation lead (playground)',
} as const;

const MAX_TEXT_CHARS = 1024 * 1024;

export const PlaygroundRequestSchema = z
  .object({
    /** The tab's thread id. */
    threadId: z.uuid({ message: 'threadId must be a uuid' }),
    text: z.string().max(MAX_TEXT_CHARS, { message: 'text is longer than 1 MiB' }).optional(),
    /** A button's data: the Adaptive Card `Action.Submit` data or a Block Kit button value, as the page got it. */
    action: z.union([z.record(z.string(), z.unknown()), z.string().max(4000)]).optional(),
    /** The page's id of the card the button sits on (so the reply can replace it). */
    cardId: z.string().min(1).max(100).optional(),
    /** Where the click happened: the chat thread, or the simulated escalation channel. */
    surface: z.enum(['thread', 'escalations']).default('thread'),
    /** The handoff thread in the escalation channel the clicked card belongs to. */
    handoffThread: z.string().min(1).max(400).optional(),
    lang: z.enum(['en', 'fr']).optional(),
  })
  .strict()
  .refine((r) => r.action !== undefined || (r.text !== undefined && r.text.trim() !== ''), {
    message: 'send a non-empty text or a button action',
    path: ['text'],
  });
export type PlaygroundRequest = z.infer<typeof PlaygroundRequestSchema>;

export type ParsedRequest =
  { ok: true; request: PlaygroundRequest; action?: ActionPayload } | { ok: false; error: string };

/** Validates a request body; the error names the field, as a person fixing a script would want. */
export function parsePlaygroundRequest(body: unknown): ParsedRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, error: 'the body must be a JSON object' };
  }
  const parsed = PlaygroundRequestSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    return { ok: false, error: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  const request = parsed.data;
  if (request.action === undefined) {
    if (request.surface === 'escalations') {
      return { ok: false, error: 'surface: only handoff buttons act in the escalation channel' };
    }
    return { ok: true, request };
  }
  const action = parseActionPayload(request.action);
  if (!action) return { ok: false, error: 'action: not a valid button payload' };
  if (request.surface === 'escalations' && !isHandoffAction(action.action)) {
    return { ok: false, error: 'surface: only handoff buttons act in the escalation channel' };
  }
  return { ok: true, request, action };
}

export function toInboundMessage(
  request: PlaygroundRequest,
  action: ActionPayload | undefined,
  opts: { cardId?: string; now: number },
): InboundMessage {
  const inPanel = request.surface === 'escalations';
  const user = inPanel ? WEB_ESCALATION_MEMBER : WEB_USER;
  return {
    platform: 'web',
    tenant: WEB_TENANT,
    channel: inPanel ? WEB_ESCALATION_CHANNEL : WEB_CHANNEL,
    threadKey: inPanel ? (request.handoffThread ?? request.threadId) : request.threadId,
    messageId: randomUUID(),
    user: { ...user },
    text: request.text ?? '',
    ...(request.lang ? { localeHint: request.lang === 'fr' ? 'fr-FR' : 'en-US' } : {}),
    addressed: action ? 'button' : inPanel ? 'thread' : 'dm',
    ...(action ? { action } : {}),
    // Handoff buttons: the panel's user is on the escalation team; someone in the chat thread is not.
    ...(action && isHandoffAction(action.action)
      ? { isMember: inPanel && user.id === WEB_ESCALATION_MEMBER.id }
      : {}),
    ...(opts.cardId ? { actionMessageId: opts.cardId } : {}),
    receivedAt: opts.now,
  };
}

/**
 * What the playground page receives for each message it sends: every reply rendered the three ways the bot can
 * speak (Teams Adaptive Card, Slack Block Kit, plain text) plus the reply model itself, so the page can switch
 * views without asking again. Escalation effects are rendered the same way and tagged with the surface they
 * belong to (the chat thread or the simulated escalation channel).
 */
import { slackActionId } from '../../bot/actions.js';
import { renderAdaptiveCard, type AdaptiveCard } from '../../bot/render/adaptive-card.js';
import { renderBlockKit, renderDetailsView, type SlackReply } from '../../bot/render/block-kit.js';
import type { SlackModalView } from '../../bot/render/limits.js';
import { renderText } from '../../bot/render/text.js';
import type { ActionPayload } from '../../conversations/types.js';
import type { CardModel, Outbound } from '../../conversations/escalations/types.js';
import { WEB_ESCALATION_CHANNEL } from './request.js';

export interface RenderedReply {
  /** The page's id of this message; an update carries the id of the message it replaces. */
  id: string;
  mode: 'post' | 'update';
  /** The model rendered: a reply, or the handoff card (`kind: 'handoff'`) in the escalation channel. */
  reply: CardModel;
  card: AdaptiveCard;
  blockKit: SlackReply;
  /** The modal its "Details" button opens in Slack, when it has one (the preview opens it on the page). */
  slackDetails?: SlackModalView;
  text: string;
}

export interface RenderedEffect extends RenderedReply {
  kind: Outbound['kind'];
  surface: 'thread' | 'escalations';
  escalationId: string;
  /** The handoff thread this card belongs to (panel cards send it back with their button clicks). */
  handoffThread?: string;
  /** Ephemeral effects: the only user who would see it. */
  userId?: string;
}

export interface PlaygroundResponse {
  replies: RenderedReply[];
  effects: RenderedEffect[];
  /** The engine chose not to answer (and why), so the page can say so rather than look stuck. */
  silent?: string;
}

const DETAILS_ACTION_ID = slackActionId('details');

export function renderReply(
  id: string,
  mode: RenderedReply['mode'],
  reply: CardModel,
  actionContext?: Partial<Omit<ActionPayload, 'action'>>,
): RenderedReply {
  const blockKit = renderBlockKit(reply);
  const hasDetails = blockKit.blocks.some(
    (b) => b.type === 'actions' && b.elements.some((e) => e.action_id === DETAILS_ACTION_ID),
  );
  return {
    id,
    mode,
    reply,
    card: renderAdaptiveCard(reply, actionContext ? { actionContext } : {}),
    blockKit,
    // In Slack the details are made again from the thread when clicked; the page shows them from the same reply.
    ...(hasDetails ? { slackDetails: renderDetailsView(reply) } : {}),
    text: renderText(reply),
  };
}

/** Renders one escalation effect; `id` is the new message id of a post, or the replaced one of an update. */
export function renderEffect(effect: Outbound, id: string): RenderedEffect {
  const surface = effect.target.channel === WEB_ESCALATION_CHANNEL ? 'escalations' : 'thread';
  const handoffThread = surface === 'escalations' ? (effect.target.threadKey ?? id) : undefined;
  return {
    ...renderReply(id, effect.kind === 'update' ? 'update' : 'post', effect.reply, {
      escalationId: effect.escalationId,
    }),
    kind: effect.kind,
    surface,
    escalationId: effect.escalationId,
    ...(handoffThread ? { handoffThread } : {}),
    ...(effect.kind === 'ephemeral' ? { userId: effect.userId } : {}),
  };
}

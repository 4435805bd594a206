/**
 * "Details" on a Slack card: a modal for the clicker alone. Slack's `trigger_id` lasts 3 s, so the modal opens
 * first, saying the details are on their way (`views.open`, before the turn reads the store and diagnoses), and the
 * turn's details then replace that (`views.update`). Where the modal cannot open (trigger expired, a workspace
 * without the scope, an API failure), the same details come as a message only the clicker sees in the card's thread
 * (`chat.postEphemeral`), and the log says why.
 */
import type { webApi } from '@slack/bolt';
import {
  loadingView,
  renderDetailsMessage,
  renderDetailsView,
  noDetailsView,
} from '../../bot/render/block-kit.js';
import type { CardModel } from '../../conversations/escalations/types.js';
import type { Lang } from '../../knowledge/types.js';
import type { Logger } from '../../observability/logger.js';

type WebClient = webApi.WebClient;
type ViewArgument = Parameters<WebClient['views']['open']>[0]['view'];

export interface DetailsModal {
  /** Shows the turn's details: in the modal, or privately in the thread when the modal did not open. */
  show(card: CardModel): Promise<void>;
  /** After the turn: a modal left waiting (the turn had no details for it) says there are none. */
  finish(): Promise<void>;
}

export interface DetailsPlace {
  channel: string;
  threadTs: string;
  userId: string;
}

/** Opens the waiting modal at once; what the click's turn finds goes into it through the returned `show`. */
export async function openDetailsModal(
  client: WebClient,
  triggerId: string | undefined,
  lang: Lang,
  place: DetailsPlace,
  log: Logger,
): Promise<DetailsModal> {
  let viewId: string | undefined;
  if (triggerId) {
    try {
      const opened = await client.views.open({
        trigger_id: triggerId,
        view: loadingView(lang) as ViewArgument,
      });
      viewId = opened.view?.id;
    } catch (error) {
      log.warn('slack details modal not opened; the details go privately in the thread', {
        code: slackErrorCode(error),
        err: error,
      });
    }
  } else {
    log.warn('slack details click without a trigger id; the details go privately in the thread');
  }
  let shown = false;
  return {
    async show(card) {
      shown = true;
      if (viewId) {
        try {
          await client.views.update({ view_id: viewId, view: renderDetailsView(card) as ViewArgument });
        } catch (error) {
          // Most often the person closed the modal before the details came.
          log.warn('slack details modal not filled', { code: slackErrorCode(error), err: error });
        }
        return;
      }
      const message = renderDetailsMessage(card);
      await client.chat.postEphemeral({
        channel: place.channel,
        user: place.userId,
        thread_ts: place.threadTs,
        text: message.text,
        blocks: message.blocks,
      });
    },
    async finish() {
      if (shown || !viewId) return;
      try {
        await client.views.update({ view_id: viewId, view: noDetailsView(lang) as ViewArgument });
      } catch (error) {
        log.warn('slack details modal left waiting', { code: slackErrorCode(error), err: error });
      }
    },
  };
}

function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

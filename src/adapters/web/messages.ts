/**
 * POST /playground/messages: the web adapter proper. A page request becomes an InboundMessage (platform 'web'),
 * goes through the same conversation engine as Teams and Slack, and comes back with every reply rendered.
 *
 * Cards the bot posts get an id here and are remembered in the thread state (`engine.rememberCard`), so a button
 * clicked on one updates that card in place; a card id the thread does not know is ignored (the answer is posted
 * instead), so a page cannot make the bot overwrite anything else. The engine's escalation effects are rendered
 * alongside, each on the surface it targets (the thread, or the simulated escalation channel).
 */
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'restify';
import type { ConversationEngine } from '../../conversations/engine.js';
import type { EngineResult, InboundMessage } from '../../conversations/types.js';
import type { AppMetrics } from '../../observability/app-metrics.js';
import type { Logger } from '../../observability/logger.js';
import { executeEffects } from '../effects.js';
import { routeJsonBody } from '../http/json-body.js';
import { webExecutor } from './escalations.js';
import { renderReply, type PlaygroundResponse } from './present.js';
import { originRef, parsePlaygroundRequest, toInboundMessage } from './request.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface MessageRouteDeps {
  engine: ConversationEngine;
  logger: Logger;
  metrics?: AppMetrics;
  clock?: () => number;
}

/** Work started by requests still running (the server waits on it before closing the store). */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => undefined);
    return work;
  }
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

export function messageHandler(deps: MessageRouteDeps, inFlight: InFlight): RequestHandler {
  const parseBody = routeJsonBody(MAX_BODY_BYTES);
  const clock = deps.clock ?? Date.now;
  return async (req: Request, res: Response) => {
    const bodyError = await runChain(parseBody, req, res);
    if (bodyError) {
      sendError(res, bodyError.status, bodyError.message);
      return;
    }
    const parsed = parsePlaygroundRequest(req.body);
    if (!parsed.ok) {
      deps.metrics?.recordOutcome('web', 'rejected');
      sendError(res, 400, parsed.error);
      return;
    }
    try {
      const response = await inFlight.track(handle(deps, parsed.request, parsed.action, clock));
      res.json(200, response);
    } catch (err) {
      deps.logger.error('playground turn failed', { err });
      deps.metrics?.recordOutcome('web', 'error');
      sendError(res, 500, 'the bot failed to answer; see the server log');
    }
  };
}

/** What an upload adds to a turn (uploads.ts): the files read into the text, and the acknowledgement to replace. */
export type PlaygroundFileTurn = (
  msg: InboundMessage,
) => Promise<{ msg: InboundMessage; decorate(result: EngineResult): EngineResult; ackId?: string }>;

export async function handle(
  deps: MessageRouteDeps,
  request: Parameters<typeof toInboundMessage>[0],
  action: Parameters<typeof toInboundMessage>[1],
  clock: () => number,
  files?: PlaygroundFileTurn,
): Promise<PlaygroundResponse> {
  const started = clock();
  const thread = originRef(request.threadId);
  // A button may only update a card this thread's bot posted. Handoff cards in the panel are found by the
  // escalation service from the escalation id, not from the card id the page sends.
  let cardId: string | undefined;
  if (action && request.cardId && request.surface === 'thread') {
    if ((await deps.engine.cardsOf(thread)).includes(request.cardId)) cardId = request.cardId;
  }
  const inbound = toInboundMessage(request, action, { ...(cardId ? { cardId } : {}), now: started });
  const turn = files ? await files(inbound) : undefined;
  const msg = turn?.msg ?? inbound;

  const result = turn ? turn.decorate(await deps.engine.handle(msg)) : await deps.engine.handle(msg);
  deps.metrics?.recordTurn('web', result, started, clock());
  const response: PlaygroundResponse = { replies: [], effects: [] };
  if (result.reply && result.mode !== 'none') {
    const update = result.mode === 'update' && msg.actionMessageId !== undefined;
    // With a screenshot, the answer replaces the "Reading your screenshot…" message already shown.
    const id = update ? msg.actionMessageId! : (turn?.ackId ?? randomUUID());
    response.replies.push(renderReply(id, update || turn?.ackId ? 'update' : 'post', result.reply));
    if (!update) await deps.engine.rememberCard(thread, id);
  }
  await executeEffects(result.effects, webExecutor(response.effects), {
    engine: deps.engine,
    logger: deps.logger,
  });
  if (response.replies.length === 0 && response.effects.length === 0) {
    response.silent = result.reason ?? 'none';
  }
  return response;
}

interface HttpError {
  status: number;
  message: string;
}

/**
 * Runs restify's body parser on this route only and turns its failures into a short, clear message (the
 * default error bodies name internal classes).
 */
function runChain(handlers: RequestHandler[], req: Request, res: Response): Promise<HttpError | undefined> {
  return new Promise((resolve) => {
    let i = 0;
    const next = (err?: unknown): void => {
      if (err instanceof Error || (err !== undefined && err !== null && err !== false && err !== true)) {
        resolve(describeBodyError(err));
        return;
      }
      const handler = handlers[i++];
      if (!handler) {
        resolve(undefined);
        return;
      }
      try {
        void (handler as (rq: Request, rs: Response, n: (e?: unknown) => void) => unknown)(req, res, next);
      } catch (thrown) {
        resolve(describeBodyError(thrown));
      }
    };
    next();
  });
}

function describeBodyError(err: unknown): HttpError {
  const status =
    typeof (err as { statusCode?: unknown }).statusCode === 'number'
      ? (err as { statusCode: number }).statusCode
      : 400;
  if (status === 413) return { status, message: `the body is larger than ${MAX_BODY_BYTES} bytes (1 MiB)` };
  const detail = err instanceof Error ? err.message.replace(/^Invalid JSON:\s*/i, '') : String(err);
  if (status === 400) return { status, message: `the body is not valid JSON (${detail})` };
  return { status, message: detail };
}

function sendError(res: Response, status: number, message: string): void {
  res.json(status, { error: message });
}

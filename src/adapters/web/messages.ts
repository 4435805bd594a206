/**
 * POST /playground/messages: the web adapter proper. A page request becomes an InboundMessage (platform 'web'),
 * goes through the same conversation engine as Teams and Slack, and comes back with every reply rendered.
 *
 * The turn runs through the shared runner (../run-turn.ts) with a surface that renders into the response. Cards
 * the bot posts get an id here and are remembered with the turn's state, so a button clicked on one updates that
 * card in place; a card id the thread does not know is ignored by the engine (the answer is posted instead), so a
 * page cannot make the bot overwrite anything else. The engine's escalation effects are rendered alongside, each
 * on the surface it targets (the thread, or the simulated escalation channel).
 */
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'restify';
import type { ConversationEngine } from '../../conversations/engine.js';
import type { AppMetrics } from '../../observability/app-metrics.js';
import type { Logger } from '../../observability/logger.js';
import { routeJsonBody } from '../http/json-body.js';
import { runTurn } from '../run-turn.js';
import { webExecutor } from './escalations.js';
import type { FileReading } from '../../files/file-turn.js';
import { renderReply, type PlaygroundResponse, type RenderedReply } from './present.js';
import { parsePlaygroundRequest, toInboundMessage } from './request.js';

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

/** What an upload adds to a turn (uploads.ts): its files, and where to show the acknowledgement at once. */
export interface PlaygroundFiles {
  read: FileReading;
  /** Shows "Reading your screenshot…" before the answer is ready (the upload route streams it). */
  showNow: (shown: RenderedReply) => void;
}

export async function handle(
  deps: MessageRouteDeps,
  request: Parameters<typeof toInboundMessage>[0],
  action: Parameters<typeof toInboundMessage>[1],
  clock: () => number,
  files?: PlaygroundFiles,
): Promise<PlaygroundResponse> {
  const started = clock();
  // Handoff cards in the panel are found by the escalation service from the escalation id, not from the card id
  // the page sends: only a thread card's id may be updated, and only if this thread posted it (the engine checks).
  const cardId = action && request.cardId && request.surface === 'thread' ? request.cardId : undefined;
  const msg = toInboundMessage(request, action, { ...(cardId ? { cardId } : {}), now: started });
  const response: PlaygroundResponse = { replies: [], effects: [] };
  /** Set while the runner posts the acknowledgement: that one is shown at once, not with the answer. */
  let acknowledging = false;
  const shownEarly = new Set<string>();
  const outcome = await runTurn(
    {
      engine: deps.engine,
      ...(deps.metrics ? { metrics: deps.metrics } : {}),
      logger: deps.logger,
      now: clock,
    },
    msg,
    {
      platform: 'web',
      verifyCardId: true,
      post: async (reply) => {
        const id = randomUUID();
        if (acknowledging && files) {
          files.showNow(renderReply(id, 'post', reply));
          shownEarly.add(id);
        } else response.replies.push(renderReply(id, 'post', reply));
        return id;
      },
      update: async (id, reply) => {
        // The answer replaces the acknowledgement the page already shows.
        if (shownEarly.has(id)) {
          shownEarly.delete(id);
          response.replies.push(renderReply(id, 'update', reply));
          return;
        }
        // A memory warning after the fact replaces the card just rendered rather than adding a second one.
        const at = response.replies.findIndex((r) => r.id === id);
        const rendered = renderReply(id, at >= 0 ? response.replies[at]!.mode : 'update', reply);
        if (at >= 0) response.replies[at] = rendered;
        else response.replies.push(rendered);
      },
      effects: webExecutor(response.effects),
      ...(files
        ? {
            readFiles: (m, options) =>
              files.read(m, {
                acknowledge: async (ack) => {
                  acknowledging = true;
                  try {
                    await options.acknowledge?.(ack);
                  } finally {
                    acknowledging = false;
                  }
                },
              }),
          }
        : {}),
    },
  );
  if (!outcome.result) throw new Error('the engine failed on a playground message');
  if (response.replies.length === 0 && response.effects.length === 0) {
    response.silent = outcome.result.reason ?? 'none';
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

/**
 * A Bolt `Receiver` served by our restify server on POST /slack/events.
 *
 * Why not Bolt's HTTPReceiver: restify owns the port, and signature checks must run over the raw bytes, which a
 * body parser would consume. This handler reads the stream itself, verifies, answers Slack's protocol requests
 * (url_verification, ssl_check), and hands everything else to `app.processEvent` with an `ack` that writes the
 * HTTP response. The response goes out at ack time (Events API: before any listener runs); listener work
 * continues in the background and is awaited on shutdown.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../observability/logger.js';
import { RecentDeliveries } from '../../conversations/local-dedup.js';
import { MAX_SIGNATURE_AGE_SECONDS, verifySlackSignature } from './signature.js';

export interface SlackReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Largest accepted body. Slack payloads are small; pastes are capped by the message size limit anyway. */
  bodyLimitBytes?: number;
  /** Slack gives up at 3 s; anything not acknowledged by then gets an empty 200 so it is not retried. */
  ackDeadlineMs?: number;
  now?: () => number;
  /** Called for every request rejected before processing (metrics). */
  onRejected?: (reason: string) => void;
  /**
   * Claims a signed request's signature, across instances; false when it was seen before (a replay). Without it,
   * only Slack's own dedup keys (event ids) protect against replays.
   */
  claimSignature?: (signature: string) => Promise<boolean>;
  /** Called for every replay dropped (metrics). */
  onReplay?: () => void;
}

type Body = Record<string, unknown>;

/** Payloads whose listeners do nothing before the engine claims their delivery: a message event, a click. */
function isEngineTurn(body: Body): boolean {
  if (body.type === 'block_actions') return true;
  if (body.type !== 'event_callback') return false;
  const type = (body.event as { type?: unknown } | undefined)?.type;
  return type === 'message' || type === 'app_mention';
}

export class RestifySlackReceiver implements Receiver {
  private app?: App;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly bodyLimit: number;
  private readonly ackDeadlineMs: number;
  private readonly now: () => number;
  private readonly recentSignatures = new RecentDeliveries(10_000);

  constructor(private readonly options: SlackReceiverOptions) {
    this.bodyLimit = options.bodyLimitBytes ?? 1024 * 1024;
    this.ackDeadlineMs = options.ackDeadlineMs ?? 2500;
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  /** restify owns the listening socket. */
  async start(): Promise<void> {}

  /** Waits until no listener work is running, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Waits for listener work still running (replies being posted) so a shutdown does not drop answers. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /** restify handler: async, so at most two parameters (restify 11 rule). */
  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const log = this.options.logger;
    let raw: Buffer;
    try {
      raw = await readRawBody(req, this.bodyLimit);
    } catch (error) {
      this.reject(res, (error as { status?: number }).status ?? 400, 'unreadable-body');
      return;
    }

    const check = verifySlackSignature({
      secret: this.options.signingSecret,
      rawBody: raw,
      timestampHeader: header(req, 'x-slack-request-timestamp'),
      signatureHeader: header(req, 'x-slack-signature'),
      nowMs: this.now(),
    });
    if (!check.ok) {
      log.warn('slack request rejected', { reason: check.reason });
      this.reject(res, 401, `signature-${check.reason}`);
      return;
    }

    const contentType = (header(req, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const form =
      contentType === 'application/x-www-form-urlencoded'
        ? new URLSearchParams(raw.toString('utf8'))
        : undefined;
    // Slack's certificate probe: answer and stop; its payload is not ours to parse.
    if (form?.get('ssl_check') === '1') {
      send(res, 200);
      return;
    }

    let body: Body;
    try {
      body = parseBody(raw, contentType, form);
    } catch {
      this.reject(res, 400, 'unparseable-body', 'expected a JSON object (or a form with a JSON payload)');
      return;
    }

    if (body.type === 'url_verification') {
      send(res, 200, JSON.stringify({ challenge: body.challenge }), 'application/json');
      return;
    }

    const app = this.app;
    if (!app) {
      send(res, 503);
      return;
    }

    // A signature covers one timestamp and one body, so the same signature twice is the same request sent again.
    // Slack itself only resends Events API deliveries (with X-Slack-Retry-Num), and those are deduplicated on
    // their event id; anything else seen twice inside the 5-minute window is a replay: acknowledged, not run.
    // The retry header is not signed, so it only exempts event_callback bodies, never a command or a click.
    const retried = header(req, 'x-slack-retry-num') !== undefined && body.type === 'event_callback';
    const signature = header(req, 'x-slack-signature')!;
    // Messages and button clicks reach the engine, which claims the signature with the delivery and the thread
    // read in one store round trip; a replay of one is dropped there (nothing of it runs before the engine).
    const claimedByEngine = !retried && isEngineTurn(body);
    if (!retried && !claimedByEngine && this.options.claimSignature && !(await this.claimOnce(signature))) {
      log.warn('slack request replayed; acknowledged and dropped', { type: String(body.type ?? 'command') });
      this.options.onReplay?.();
      send(res, 200);
      return;
    }

    const { ack, acked } = createAck(res, log);
    const deadline = setTimeout(() => {
      if (ack.done) return;
      log.warn('slack request not acknowledged in time; sent an empty 200', { type: body.type });
      void ack.fn();
    }, this.ackDeadlineMs);

    const retryNum = Number(header(req, 'x-slack-retry-num'));
    const event: ReceiverEvent = {
      body,
      ack: ack.fn,
      retryNum: Number.isInteger(retryNum) && retryNum > 0 ? retryNum : undefined,
      retryReason: header(req, 'x-slack-retry-reason'),
      ...(claimedByEngine && this.options.claimSignature
        ? { customProperties: { slackRequestId: signature } }
        : {}),
    };

    const work = app
      .processEvent(event)
      .then(() => {
        // No listener acknowledged (unknown payload type): a 200 stops Slack from retrying it.
        if (!ack.done) return ack.fn();
      })
      .catch((error: unknown) => {
        log.error('slack event processing failed', { err: error, type: body.type });
        if (!ack.done) {
          ack.done = true;
          send(res, 500);
        }
      })
      .finally(() => {
        clearTimeout(deadline);
        this.inFlight.delete(work);
      });
    this.inFlight.add(work);

    // The HTTP exchange ends at ack; the work goes on.
    await Promise.race([acked, work]);
  };

  /** The shared claim; while the store is down, this process's memory of recent signatures stands in. */
  private async claimOnce(signature: string): Promise<boolean> {
    try {
      return await this.options.claimSignature!(signature);
    } catch {
      return this.recentSignatures.claim([signature], MAX_SIGNATURE_AGE_SECONDS * 2);
    }
  }

  private reject(res: ServerResponse, status: number, reason: string, message?: string): void {
    this.options.onRejected?.(reason);
    if (message) send(res, status, JSON.stringify({ error: message }), 'application/json');
    else send(res, status);
  }
}

function createAck(res: ServerResponse, log: Logger) {
  let resolveAcked: () => void = () => undefined;
  const acked = new Promise<void>((resolve) => {
    resolveAcked = resolve;
  });
  const ack = {
    done: false,
    fn: async (response?: unknown): Promise<void> => {
      if (ack.done) {
        log.warn('slack request acknowledged twice; the second ack is ignored');
        return;
      }
      ack.done = true;
      if (response === undefined || response === null || response === '') send(res, 200);
      else if (typeof response === 'string') send(res, 200, response, 'text/plain; charset=utf-8');
      else send(res, 200, JSON.stringify(response), 'application/json');
      resolveAcked();
    },
  };
  return { ack, acked };
}

function parseBody(raw: Buffer, contentType: string, form: URLSearchParams | undefined): Body {
  if (form) {
    // Interactivity and shortcuts wrap JSON in `payload`; slash commands are plain fields.
    const payload = form.get('payload');
    if (payload !== null) return asObject(JSON.parse(payload));
    return Object.fromEntries(form);
  }
  if (contentType === 'application/json' || contentType === '') {
    return asObject(JSON.parse(raw.toString('utf8')));
  }
  throw new Error(`unsupported content type ${contentType}`);
}

/** A payload must be a JSON object: `payload=null`, a number or an array is a malformed request, not a crash. */
function asObject(parsed: unknown): Body {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error('not an object');
  return parsed as Body;
}

function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Keep draining (so the 413 can be written) but stop buffering.
        if (chunks.length) chunks.length = 0;
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body?: string, contentType?: string): void {
  if (res.headersSent) return;
  const headers: Record<string, string | number> = { 'content-length': body ? Buffer.byteLength(body) : 0 };
  if (contentType) headers['content-type'] = contentType;
  res.writeHead(status, headers);
  res.end(body);
}

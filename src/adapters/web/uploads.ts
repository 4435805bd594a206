/**
 * POST /playground/uploads: a file pasted or dropped in the playground (a screenshot or a text file), with the
 * text typed beside it. The body is JSON with each file in base64 (`{ threadId, text?, lang?, files: [{ name,
 * type?, data }] }`), capped at the largest screenshot plus room for text. The files are read by the same
 * AttachmentReader as Slack's and Teams' attachments, then the turn runs like POST /playground/messages.
 *
 * The answer is streamed as JSON lines, so the page can show the acknowledgement before OCR ends:
 *   {"ack": RenderedReply}        only with a screenshot: "Reading your screenshot…", posted at once
 *   {"result": PlaygroundResponse} the answer; with a screenshot it updates the acknowledgement's id
 *   {"error": "…"}                 the turn failed after the acknowledgement
 */
import type { Request, RequestHandler, Response } from 'restify';
import { z } from 'zod';
import type { AttachmentReader, AttachmentRef } from '../../files/attachments.js';
import { DownloadRefusal } from '../../files/download.js';
import { readFileTurn } from '../../files/file-turn.js';
import { handle, type InFlight, type MessageRouteDeps } from './messages.js';
import type { PlaygroundRequest } from './request.js';
import { SECURITY_HEADERS } from './static-files.js';

export const UPLOADS_PATH = '/playground/uploads';

const UploadSchema = z
  .object({
    threadId: z.uuid({ message: 'threadId must be a uuid' }),
    text: z
      .string()
      .max(64 * 1024, { message: 'text is longer than 64 KiB' })
      .optional(),
    lang: z.enum(['en', 'fr']).optional(),
    files: z
      .array(
        z
          .object({
            name: z.string().min(1).max(255),
            type: z.string().max(100).optional(),
            /** The file's bytes, base64. */
            data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'data must be base64' }),
          })
          .strict(),
      )
      .min(1, { message: 'attach at least one file' })
      .max(8),
  })
  .strict();

export interface UploadRouteDeps extends MessageRouteDeps {
  reader: AttachmentReader;
}

/** The largest body: one screenshot at the cap in base64, plus the text, names and other small files. */
export function maxUploadBodyBytes(reader: AttachmentReader): number {
  return Math.ceil((reader.limits.maxImageBytes * 4) / 3) + 3 * 1024 * 1024;
}

export function uploadHandler(deps: UploadRouteDeps, inFlight: InFlight): RequestHandler {
  const clock = deps.clock ?? Date.now;
  const maxBody = maxUploadBodyBytes(deps.reader);
  return async (req: Request, res: Response) => {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, maxBody));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      deps.metrics?.recordOutcome('web', 'rejected');
      res.json(tooLarge ? 413 : 400, {
        error: tooLarge
          ? `the upload is larger than ${Math.round(maxBody / 1024 / 1024)} MiB`
          : 'the body is not valid JSON',
      });
      return;
    }
    const parsed = UploadSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      deps.metrics?.recordOutcome('web', 'rejected');
      res.json(400, { error: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}` });
      return;
    }
    const upload = parsed.data;
    const refs = upload.files.map((f): AttachmentRef => {
      const bytes = Buffer.from(f.data, 'base64');
      return {
        name: f.name,
        ...(f.type ? { mimeType: f.type } : {}),
        size: bytes.length,
        download: async (maxBytes) => {
          if (bytes.length > maxBytes) throw new DownloadRefusal('too-large', `${bytes.length} bytes`);
          return bytes;
        },
      };
    });
    const request: PlaygroundRequest = {
      threadId: upload.threadId,
      surface: 'thread',
      ...(upload.text ? { text: upload.text } : {}),
      ...(upload.lang ? { lang: upload.lang } : {}),
    };

    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
    });
    const line = (value: object) => res.write(`${JSON.stringify(value)}\n`);
    try {
      const response = await inFlight.track(
        handle(deps, request, undefined, clock, {
          read: async (msg, options) => {
            const turn = await readFileTurn(msg, refs, deps.reader, options);
            deps.logger.info('playground upload read', {
              files: turn.reading.files.map((f) => ({
                kind: f.kind,
                bytes: f.bytes,
                ...(f.kind === 'screenshot'
                  ? { ocrMs: Math.round(f.ocrMs), confidence: Math.round(f.confidence) }
                  : {}),
              })),
              refused: turn.reading.refusals.map((r) => ({ reason: r.reason, detail: r.detail })),
            });
            return turn;
          },
          showNow: (shown) => line({ ack: shown }),
        }),
      );
      line({ result: response });
    } catch (err) {
      deps.logger.error('playground upload failed', { err });
      deps.metrics?.recordOutcome('web', 'error');
      line({ error: 'the bot failed to answer; see the server log' });
    }
    res.end();
  };
}

class BodyTooLarge extends Error {}

/** The raw body as text, refused past `max` bytes (the rest is not read). */
function readBody(req: Request, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > max) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > max) {
        reject(new BodyTooLarge());
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

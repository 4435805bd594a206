/**
 * The local playground: a web page served by the bot's own server where anyone can talk to the bot without
 * Teams or Slack, see its replies as Teams and Slack would draw them, and walk an escalation through the
 * simulated escalation channel. On by default when no platform credentials are configured (`PLAYGROUND=on|off`).
 *
 * Routes (all same-origin; nothing is fetched from the network):
 *   GET  /                                   the page (or a one-line notice when the playground is off)
 *   GET  /playground                         the page
 *   GET  /playground/static/:file            the page's scripts, styles and Teams host config
 *   GET  /playground/vendor/:file            the `adaptivecards` package's browser bundle and stylesheet
 *   GET  /playground/samples                 the gallery of sample pastes
 *   POST /playground/messages                one message or button click → the engine → rendered replies
 *   POST /playground/uploads                 a pasted or dropped screenshot or text file (uploads.ts)
 */
import type { Next, Request, Response, Server } from 'restify';
import type { AdapterDeps, MountedAdapter } from '../http/deps.js';
import { ADAPTER_PHRASES } from '../phrases.js';
import { InFlight, messageHandler } from './messages.js';
import { SAMPLES } from './samples.js';
import { uploadHandler, UPLOADS_PATH } from './uploads.js';
import { loadAssets, SECURITY_HEADERS, staticDir, type Asset } from './static-files.js';

/** For whoever opens the address: an operator, in either language. */
const PLAYGROUND_OFF_TEXT = ADAPTER_PHRASES.en.playgroundOff + ADAPTER_PHRASES.fr.playgroundOff;

export interface PlaygroundDeps extends Pick<AdapterDeps, 'config' | 'logger' | 'engine' | 'files'> {
  metrics?: AdapterDeps['metrics'];
  /** Where the static files live (tests point elsewhere only to prove a missing file fails loudly). */
  staticRoot?: string;
}

/**
 * Mounts the playground when `config.playground` is on; otherwise only `GET /`, which says it is off.
 * Returns the adapter handle (or undefined when off).
 */
export async function mountPlayground(
  server: Server,
  deps: PlaygroundDeps,
): Promise<MountedAdapter | undefined> {
  const logger = deps.logger.child({ component: 'playground' });
  if (!deps.config.playground) {
    server.get('/', (_req: Request, res: Response, next: Next) => {
      sendBody(res, 200, {
        body: Buffer.from(PLAYGROUND_OFF_TEXT),
        contentType: 'text/plain; charset=utf-8',
      });
      next();
    });
    return undefined;
  }

  const assets = loadAssets(deps.staticRoot ?? staticDir());
  if (assets.vendorProblem)
    logger.warn('playground cards fall back to the Slack preview', { reason: assets.vendorProblem });
  const page = assets.page.get('index.html')!;
  const samples: Asset = {
    body: Buffer.from(JSON.stringify({ samples: SAMPLES })),
    contentType: 'application/json; charset=utf-8',
  };

  const serve = (asset: Asset | undefined) => (_req: Request, res: Response, next: Next) => {
    if (asset) sendBody(res, 200, asset);
    else sendNotFound(res);
    next();
  };
  server.get('/', serve(page));
  server.get('/playground', serve(page));
  server.get('/playground/samples', serve(samples));
  server.get('/playground/static/:file', (req: Request, res: Response, next: Next) => {
    serve(assets.page.get(String(req.params.file)))(req, res, next);
  });
  server.get('/playground/vendor/:file', (req: Request, res: Response, next: Next) => {
    serve(assets.vendor.get(String(req.params.file)))(req, res, next);
  });

  const inFlight = new InFlight();
  server.post(
    '/playground/messages',
    messageHandler(
      { engine: deps.engine, logger, ...(deps.metrics ? { metrics: deps.metrics } : {}) },
      inFlight,
    ),
  );
  if (deps.files) {
    const reader = deps.files;
    server.post(
      UPLOADS_PATH,
      uploadHandler(
        { engine: deps.engine, logger, reader, ...(deps.metrics ? { metrics: deps.metrics } : {}) },
        inFlight,
      ),
    );
  }
  // Escalations run in the engine when it has the service (the server gives the web platform the panel channel).
  logger.info('playground ready', { path: '/', escalations: deps.engine.escalations ? 'on' : 'off' });

  return { name: 'web', idle: () => inFlight.idle(), stop: () => inFlight.idle() };
}

function sendBody(res: Response, status: number, asset: Asset): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': asset.contentType,
    'content-length': asset.body.length,
  });
  res.end(asset.body);
}

function sendNotFound(res: Response): void {
  sendBody(res, 404, { body: Buffer.from('not found\n'), contentType: 'text/plain; charset=utf-8' });
}

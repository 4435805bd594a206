/**
 * restify's body parser, for routes that want parsed JSON (Bot Framework's /api/messages). Never mount it on the
 * server as a whole: it drains the request stream, and /slack/events must verify its signature over the raw bytes.
 */
import restify from 'restify';
import type { RequestHandler } from 'restify';

export function routeJsonBody(maxBodySize = 1024 * 1024): RequestHandler[] {
  return restify.plugins.bodyParser({ mapParams: false, maxBodySize }) as RequestHandler[];
}

/**
 * restify's JSON body parser, for routes that want parsed JSON (Bot Framework's /api/messages, the playground).
 * Never mount it on the server as a whole: it drains the request stream, and /slack/events must verify its
 * signature over the raw bytes. A body that is not JSON by its content type is left unparsed.
 */
import type { RequestHandler } from 'restify';
import { restifyJsonBodyParser } from './restify-server.js';

export function routeJsonBody(maxBodySize = 1024 * 1024): RequestHandler[] {
  return restifyJsonBodyParser(maxBodySize);
}

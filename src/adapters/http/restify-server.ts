/**
 * restify without its plugin bundle. `import restify from 'restify'` also loads every plugin restify ships (form,
 * multipart and CSV parsers, HTTP signatures, throttling…), about a tenth of the server's start-up, and we use
 * one: the JSON body parser. This module builds the server from restify's own Server and Router classes, as its
 * `createServer()` does, and takes the JSON parser from the same package. The paths inside the package are fixed
 * because package.json pins restify to one version; every e2e test goes through them (the JSON routes' 400 and
 * 413 answers included).
 */
import { createRequire } from 'node:module';
import type { RequestHandler, Server, ServerOptions } from 'restify';

const require = createRequire(import.meta.url);
/** Resolves from restify's own folder: its pino is the one its createServer() would use. */
const requireFromRestify = createRequire(require.resolve('restify'));

type RouterClass = new (options: ServerOptions) => NonNullable<ServerOptions['router']>;
type ServerClass = new (options: ServerOptions) => Server;
type Pino = (options: { name: string }) => NonNullable<ServerOptions['log']>;
type JsonBodyParser = (options: { mapParams: boolean; maxBodySize: number }) => RequestHandler[];

/** restify.createServer({ name }) with restify's defaults (its pino logger, a new router). */
export function createRestifyServer(name: string): Server {
  const Router = require('restify/lib/router') as RouterClass;
  const RestifyServer = require('restify/lib/server') as ServerClass;
  const pino = requireFromRestify('pino') as Pino;
  const options = { name, log: pino({ name }) };
  return new RestifyServer({ ...options, router: new Router(options) });
}

/** restify.plugins.jsonBodyParser: reads the body (up to maxBodySize, else 413) and parses JSON bodies. */
export function restifyJsonBodyParser(maxBodySize: number): RequestHandler[] {
  const jsonBodyParser = require('restify/lib/plugins/jsonBodyParser') as JsonBodyParser;
  return jsonBodyParser({ mapParams: false, maxBodySize });
}

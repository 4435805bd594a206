/**
 * A Bot Framework service URL that accepts the connection and never answers must not hold a turn: each connector
 * call has a timeout, the reply fails visibly (logged and counted), and the request is over in seconds.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import { personalMessage, postActivity } from './helpers/teams-activities.js';

let silent: Server;
const sockets = new Set<Socket>();
let silentUrl: string;
let server: TestServer;

beforeAll(async () => {
  // Reads whatever it is sent and never writes a byte back.
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
  server = await startTestServer({ PLAYGROUND: 'on' }, { teams: { connectorTimeoutMs: 500 } });
});

afterAll(async () => {
  await server?.close();
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent?.close(resolve));
});

describe('a silent serviceUrl', () => {
  it('times the reply out instead of holding the turn', { timeout: 20_000 }, async () => {
    const started = Date.now();
    const res = await postActivity(server.url, personalMessage(silentUrl, 'why 0xC004F074?'));
    await server.bot.idle();
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.logs.some((l) => l.msg === 'teams reply failed')).toBe(true);
  });
});

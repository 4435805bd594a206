/**
 * Anonymous Bot Framework mode (no MicrosoftAppId: the Agents Playground set-up) must not be a way to make the
 * server send requests wherever a caller likes. An activity naming a serviceUrl that is neither loopback nor in
 * BOT_SERVICE_URL_ALLOWLIST is refused before any DNS lookup or connection; the server listens on loopback unless
 * HOST says otherwise, and its start-up log names the address it really bound.
 */
import dns from 'node:dns';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { isLoopbackHost, serviceUrlPolicy } from '../../src/adapters/teams/service-url.js';
import { createLogger } from '../../src/observability/logger.js';
import { createBotServer } from '../../src/bot-server.js';
import { startFakeConnector, type FakeConnector } from './helpers/fake-connector.js';
import { startTestServer, type TestServer } from './helpers/start-server.js';
import { personalMessage, postActivity } from './helpers/teams-activities.js';

let connector: FakeConnector;
let server: TestServer;

/** Every host the process tries to resolve or connect to while a test runs. */
const attempts: string[] = [];
const realLookup = dns.lookup;
const realConnect = net.Socket.prototype.connect;

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startTestServer({ PLAYGROUND: 'on' });
  (dns as { lookup: unknown }).lookup = function (this: unknown, host: string, ...rest: unknown[]) {
    attempts.push(`lookup ${host}`);
    return (realLookup as (...a: unknown[]) => unknown).call(this, host, ...rest);
  };
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string; hostname?: string } | unknown[] | undefined;
    const opts = Array.isArray(first) ? (first[0] as { host?: string; hostname?: string }) : first;
    attempts.push(`connect ${opts?.host ?? opts?.hostname ?? ''}`);
    return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
});

afterEach(() => {
  attempts.length = 0;
});

afterAll(async () => {
  (dns as { lookup: unknown }).lookup = realLookup;
  net.Socket.prototype.connect = realConnect;
  await server?.close();
  await connector?.close();
});

describe('anonymous /api/messages and serviceUrl', () => {
  it.each([
    'http://connector.invalid:9/',
    'https://attacker.invalid/v3/',
    'http://169.254.169.254.invalid/latest/',
    'http://user:pw@127.0.0.1.invalid/',
  ])('refuses %s with 403, without resolving or connecting to it, and never runs the turn', async (url) => {
    const res = await postActivity(server.url, personalMessage(url, 'why 0xC004F074?'));
    expect(res.status).toBe(403);
    await server.bot.idle();
    expect(attempts.filter((a) => a.includes('.invalid'))).toEqual([]);
    expect(server.logs.some((l) => l.msg === 'teams turn failed')).toBe(false);
  });

  it('still answers a loopback connector (the Agents Playground case)', async () => {
    const res = await postActivity(server.url, personalMessage(connector.serviceUrl, 'why 0xC004F074?'));
    expect(res.status).toBe(200);
    await connector.waitFor((calls) => calls.length === 1);
  });

  it('admits loopback and allow-listed origins only, by reading the URL (no name resolution)', () => {
    const allowed = serviceUrlPolicy([new URL('https://smba.trafficmanager.net/amer/')]);
    expect(allowed('https://smba.trafficmanager.net/amer/v3/conversations')).toBe(true);
    expect(allowed('https://smba.trafficmanager.net/amerx/')).toBe(false);
    expect(allowed('http://smba.trafficmanager.net/amer/')).toBe(false);
    expect(allowed('https://smba.trafficmanager.net:8443/amer/')).toBe(false);
    expect(allowed('https://smba.trafficmanager.net.invalid/amer/')).toBe(false);
    expect(allowed('http://127.0.0.1:3979/')).toBe(true);
    expect(allowed('http://0x7f.1/')).toBe(true); // 127.0.0.1 spelled in hex: still loopback
    expect(allowed('http://[::1]:9/')).toBe(true);
    expect(allowed('http://localhost:56150')).toBe(true);
    expect(allowed('http://10.0.0.5/')).toBe(false);
    expect(allowed('http://[::ffff:a00:5]/')).toBe(false);
    expect(allowed('file:///etc/passwd')).toBe(false);
    expect(allowed(42)).toBe(false);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  });

  it('accepts a serviceUrl listed in BOT_SERVICE_URL_ALLOWLIST and rejects a malformed list by name', () => {
    const config = loadConfig({ BOT_SERVICE_URL_ALLOWLIST: 'https://smba.trafficmanager.net/amer/' });
    expect(config.teams.serviceUrlAllowList).toEqual(['https://smba.trafficmanager.net/amer/']);
    expect(() => loadConfig({ BOT_SERVICE_URL_ALLOWLIST: 'not a url' })).toThrow(/BOT_SERVICE_URL_ALLOWLIST/);
  });
});

describe('where the anonymous server listens', () => {
  it('binds loopback by default and says so in its start-up log', async () => {
    const logs: Array<Record<string, unknown>> = [];
    const config = loadConfig({ PLAYGROUND: 'on', PORT: '0' });
    const bot = await createBotServer(config, {
      logger: createLogger({ write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) }),
    });
    try {
      await bot.listen(0);
      expect(bot.server.address().address).toBe('127.0.0.1');
      const listening = logs.find((l) => l.msg === 'listening');
      expect(listening?.address).toBe('127.0.0.1');
    } finally {
      await bot.close();
    }
  });

  it('binds what HOST names, and logs that address rather than a loopback URL', async () => {
    const logs: Array<Record<string, unknown>> = [];
    const config = loadConfig({ PLAYGROUND: 'on', PORT: '0', HOST: '0.0.0.0' });
    const bot = await createBotServer(config, {
      logger: createLogger({ write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) }),
    });
    try {
      await bot.listen(0);
      expect(bot.server.address().address).toBe('0.0.0.0');
      expect(logs.find((l) => l.msg === 'listening')?.address).toBe('0.0.0.0');
    } finally {
      await bot.close();
    }
  });
});

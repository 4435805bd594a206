/**
 * The README's production steps, run for real: a built tree (what `npm pack` ships, plus package-lock.json) is
 * copied to an empty folder, `npm ci --omit=dev` installs the runtime dependencies only, and `npm start` must serve
 * /healthz, the playground and a diagnosis with no credentials. A package the server imports but package.json
 * lists under devDependencies is missing there, and this test fails.
 *
 * It needs the npm registry or a warm npm cache (`--prefer-offline`), and takes 20–60 s on the 2-core machine,
 * most of it in `npm ci`.
 */
import { randomUUID } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SETUP_TIMEOUT_MS = 240_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A plain environment: no platform credentials, no Redis, no PORT (it comes from the tree's .env). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'npm_config_cache']) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  return env;
}

/** Runs a step without blocking the test worker (npm ci takes a while); resolves with its stdout. */
function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${stdout}\n${stderr}`)),
    );
  });
}

let dir: string;
let bot: ChildProcess | undefined;
let baseUrl: string;
let output = '';

async function waitForHealth(url: string, deadline: number): Promise<Response> {
  for (;;) {
    if (bot?.exitCode !== null) throw new Error(`the bot exited before answering:\n${output}`);
    const res = await fetch(url).catch(() => undefined);
    if (res) return res;
    if (Date.now() > deadline) throw new Error(`no answer from ${url}:\n${output}`);
    await sleep(200);
  }
}

beforeAll(async () => {
  // Step 1–2 of the README: `npm run build` (done here only when dist/ is missing or older than src/).
  await run(process.execPath, [join(ROOT, 'scripts', 'ensure-built.mjs')], ROOT);

  // Step 3: the files `npm pack` ships, and the lock file, in an empty folder.
  dir = mkdtempSync(join(tmpdir(), 'production-install-'));
  const packed = JSON.parse(
    await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT),
  ) as Array<{
    files: Array<{ path: string }>;
  }>;
  for (const path of [...packed[0]!.files.map((f) => f.path), 'package-lock.json']) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(join(ROOT, path), join(dir, path));
  }

  // Step 4: runtime dependencies only.
  await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], dir);

  // Step 5: configure through .env, start with `npm start`.
  const port = await freePort();
  writeFileSync(join(dir, '.env'), `PORT=${port}\nLOG_LEVEL=info\n`);
  baseUrl = `http://127.0.0.1:${port}`;
  bot = spawn('npm', ['start'], {
    cwd: dir,
    env: cleanEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  bot.stdout!.on('data', (chunk) => (output += chunk));
  bot.stderr!.on('data', (chunk) => (output += chunk));
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    const exited = new Promise((resolve) => bot!.once('exit', resolve));
    process.kill(-bot.pid!, 'SIGTERM');
    // The server drains and exits at once; a loaded machine gets a while before the group is killed outright.
    const stopped = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
    if (!stopped) process.kill(-bot.pid!, 'SIGKILL');
  }
  // Asynchronous: removing a node_modules tree must not block the test worker.
  if (dir) await rm(dir, { recursive: true, force: true });
}, SETUP_TIMEOUT_MS);

describe('a production install from a built tree', () => {
  it('the tree holds no dev dependency and no TypeScript source', async () => {
    const installed = JSON.parse(await run('npm', ['ls', '--omit=dev', '--depth=0', '--json'], dir)) as {
      dependencies: Record<string, unknown>;
    };
    expect(Object.keys(installed.dependencies)).toContain('botbuilder');
    expect(Object.keys(installed.dependencies)).not.toContain('typescript');
    expect(spawnSync('node', ['-e', 'require.resolve("typescript")'], { cwd: dir }).status).not.toBe(0);
  });

  it('starts with `npm start` (no build), reads PORT from .env and answers /healthz', async () => {
    const res = await waitForHealth(`${baseUrl}/healthz`, Date.now() + 60_000);
    expect(res.status).toBe(200);
    expect(output).not.toContain('building');
    expect(output).toContain('"msg":"listening"');
  }, 90_000);

  it('serves the playground and diagnoses a code with the production dependencies alone', async () => {
    await waitForHealth(`${baseUrl}/healthz`, Date.now() + 60_000);
    const page = await fetch(`${baseUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const res = await fetch(`${baseUrl}/playground/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ threadId: randomUUID(), text: 'why 0xC004F074?' }),
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('0xC004F074');
  }, 90_000);
});

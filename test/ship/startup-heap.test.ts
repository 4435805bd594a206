/**
 * `node dist/src/server.js` holds V8's young generation at its initial size while its modules load
 * (src/startup-heap.ts), so the resident memory of a server that has just started is not the 2 × 16 MiB that
 * loading grew it to; once the server listens, the young generation grows with traffic again. A probe loaded with
 * `--import` reads the server's heap spaces when /healthz has answered, then allocates as a busy server would
 * and reads them again.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/redis-server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MIB = 1024 * 1024;

// Loaded into the server with --import; it only listens for a signal, so it allocates nothing while the server starts.
const PROBE = `
  import { getHeapSpaceStatistics } from 'node:v8';
  const youngMiB = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / ${MIB};
  process.once('SIGUSR2', () => {
    const ready = youngMiB();
    // Objects that live a while, then die: what a server's requests leave behind.
    const window = [];
    for (let i = 0; i < 3_000_000; i++) {
      window.push({ i, text: 'message ' + i });
      if (window.length > 200_000) window.splice(0, 100_000);
    }
    process.stdout.write(JSON.stringify({ ready, afterTraffic: youngMiB() }) + '\\n');
    process.exit(0);
  });
`;

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

/** Young generation size (MiB) of the built server when it is ready, and after it allocated like traffic. */
async function youngGeneration(nodeFlags: string[] = []): Promise<{ ready: number; afterTraffic: number }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...nodeFlags,
      '--import',
      `data:text/javascript,${encodeURIComponent(PROBE)}`,
      join(ROOT, 'dist/src/server.js'),
    ],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  while (child.exitCode === null && !(await healthy(port)))
    await new Promise((resolve) => setTimeout(resolve, 10));
  child.kill('SIGUSR2');
  expect(await exited).toBe(0);
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ready: number; afterTraffic: number };
}

beforeAll(async () => {
  const build = spawn(process.execPath, [join(ROOT, 'scripts', 'ensure-built.mjs')], { stdio: 'inherit' });
  expect(await new Promise((resolve) => build.once('exit', resolve))).toBe(0);
}, 300_000);

describe('V8 young generation of the server at start-up', () => {
  it('is still at its initial size when the server is ready, and grows with traffic after', async () => {
    const { ready, afterTraffic } = await youngGeneration();
    expect(ready).toBeLessThanOrEqual(4);
    expect(afterTraffic).toBeGreaterThan(ready);
  });

  it('is left to V8 when the operator chose a growth factor on the node command line', async () => {
    const { ready } = await youngGeneration(['--semi-space-growth-factor=2']);
    expect(ready).toBeGreaterThan(4);
  });
});

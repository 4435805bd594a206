/**
 * Microsoft's Agents Playground, started with the README's command (`agentsplayground -e <bot>/api/messages`, the
 * devDependency's bin on PATH) in a scratch directory, since it writes its log under `devTools/` of its working
 * directory. Resolves once it says which port it listens on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface AgentsPlayground {
  url: string;
  close(): Promise<void>;
}

const BIN_DIR = join(process.cwd(), 'node_modules', '.bin');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startAgentsPlayground(botEndpoint: string): Promise<AgentsPlayground> {
  const scratch = mkdtempSync(join(tmpdir(), 'agents-playground-'));
  const port = await freePort();
  const child = spawn(
    'agentsplayground',
    ['--app-endpoint', botEndpoint, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'],
    {
      cwd: scratch,
      // BROWSER=none: its `open` step must not look for a desktop browser; the test drives its own Chromium.
      env: { ...process.env, BROWSER: 'none', PATH: `${BIN_DIR}${delimiter}${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const listening = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agentsplayground did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`agentsplayground could not be started (npm ci installs it): ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`agentsplayground exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${listening}/`,
    close: async () => {
      await stop(child);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

#!/usr/bin/env node
/**
 * Measures how long a start command takes to log "listening": `node scripts/time-to-listening.mjs [runs] -- CMD…`
 * (default `npm start`). Each run gets a free port through PORT, its own process group, and is stopped after.
 */
/* global process, console, setTimeout, clearTimeout, performance */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const sep = process.argv.indexOf('--');
const runs = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 3);
const command = sep >= 0 ? process.argv.slice(sep + 1) : ['npm', 'start'];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function once() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening" after 120 s:\n${output}`)), 120_000);
      const onData = (chunk) => {
        output += chunk;
        if (/"msg":"listening"/.test(output)) {
          clearTimeout(timer);
          resolve(performance.now() - started);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
    });
  } finally {
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

const times = [];
for (let i = 0; i < runs; i++) times.push(await once());
console.log(
  `${command.join(' ')}: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')} to "listening" (${runs} runs)`,
);

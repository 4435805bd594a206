#!/usr/bin/env node
/** Process wiring for the CLI: real stdin/stdout/stderr and files, nothing else (behaviour lives in run.ts). */
import { open } from 'node:fs/promises';
import { run, type CliIo } from './run.js';

async function readCapped(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    total += chunk.length;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks, Math.min(total, maxBytes + 1));
}

async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(maxBytes + 1);
    let read = 0;
    while (read < buf.length) {
      const { bytesRead } = await handle.read(buf, read, buf.length - read, null);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buf.subarray(0, read);
  } finally {
    await handle.close();
  }
}

const io: CliIo = {
  readStdin: (max) => readCapped(process.stdin, max),
  readFile: readFileCapped,
  stdinIsTTY: process.stdin.isTTY === true,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

process.exitCode = await run(process.argv.slice(2), io);

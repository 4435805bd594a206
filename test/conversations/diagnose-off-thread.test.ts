/**
 * Long pastes are read in a worker thread. The worker file is compiled JavaScript, so this suite runs the built
 * tree (compiled first when the sources are newer) and compares it with `extract` in place.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
type OffThread = typeof import('../../src/conversations/diagnose-off-thread.js');
type Knowledge = typeof import('../../src/knowledge/index.js');

let off: OffThread;
let knowledge: Knowledge;

/** Every fixture paste, one after another, until the text is `chars` long, with a full product key in it. */
function longPaste(chars: number): string {
  const dirs = ['en', 'fr'].map((d) => join(ROOT, 'test', 'fixtures', d));
  const pastes = dirs.flatMap((d) => readdirSync(d).map((f) => readFileSync(join(d, f), 'utf8')));
  let text = 'Product key QX7R2-8KMPT-YBV4C-6HWJD-9FG3N was refused.\n';
  for (let i = 0; text.length < chars; i++) text += pastes[i % pastes.length] + '\n\n';
  return text.slice(0, chars);
}

beforeAll(async () => {
  // Asynchronously: a compile blocking this worker would starve the test runner's own messages.
  const build = spawn(process.execPath, [join(ROOT, 'scripts', 'ensure-built.mjs')], { stdio: 'inherit' });
  expect(await new Promise((resolve) => build.once('exit', resolve))).toBe(0);
  const dist = (p: string) => pathToFileURL(join(ROOT, 'dist', 'src', p)).href;
  off = (await import(dist('conversations/diagnose-off-thread.js'))) as OffThread;
  knowledge = (await import(dist('knowledge/index.js'))) as Knowledge;
}, 300_000);

afterAll(async () => {
  await off?.stopExtractWorker();
});

describe('reading long pastes off the main thread', () => {
  it('a long paste is read in the worker, with exactly what extract finds in place (keys redacted)', async () => {
    const text = longPaste(off.OFF_THREAD_CHARS * 3);
    const read = await off.extractOffThread(text);
    expect(off.extractWorkerRunning()).toBe(true);
    expect(read).toEqual(knowledge.extract(text));
    expect(read.text).not.toContain('QX7R2-8KMPT-YBV4C-6HWJD-9FG3N');
    expect(read.codes.length).toBeGreaterThan(0);
  });

  it('a chat-sized message is read in place, without starting a worker', async () => {
    await off.stopExtractWorker();
    const text = longPaste(2000);
    expect(await off.extractOffThread(text)).toEqual(knowledge.extract(text));
    expect(off.extractWorkerRunning()).toBe(false);
  });

  it('a worker stopped under a paste does not lose it: the paste is read in place', async () => {
    const text = longPaste(off.OFF_THREAD_CHARS * 2);
    const reading = off.extractOffThread(text);
    await off.stopExtractWorker();
    expect(await reading).toEqual(knowledge.extract(text));
    // The next long paste starts a new worker.
    await off.extractOffThread(text);
    expect(off.extractWorkerRunning()).toBe(true);
  });

  it('pastes read at the same time each get their own answer', async () => {
    const texts = [1, 2, 3].map((n) => longPaste(off.OFF_THREAD_CHARS + n * 7919));
    const reads = await Promise.all(texts.map((t) => off.extractOffThread(t)));
    reads.forEach((read, i) => expect(read).toEqual(knowledge.extract(texts[i]!)));
  });
});

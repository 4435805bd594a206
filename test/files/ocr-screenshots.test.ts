/**
 * SLOW (real OCR, about 30–60 s on two cores): screenshots people post are read with tesseract.js and the npm
 * trained data, and give the facts and the diagnosis the same output pasted as text gets. Also: the pool's
 * limits (a full queue is refused at once, a job that overruns has its worker terminated), the CLI on an image
 * (sniffed from its bytes, full product keys masked, `--json` says the evidence came from a screenshot), and a
 * run with sockets and fetch disabled (nothing is downloaded).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../../src/adapters/cli/run.js';
import { diagnoseScreenshot, OcrPool, OcrRefusal } from '../../src/files/ocr/index.js';
import { score } from '../../scripts/screenshots/score-ocr.js';
import type { ScreenshotLabel } from '../../scripts/screenshots/label.js';

const SHOTS = join(import.meta.dirname, '..', 'fixtures', 'screenshots');
const shot = (name: string) => readFileSync(join(SHOTS, name));
const label = (name: string) =>
  JSON.parse(readFileSync(join(SHOTS, name.replace(/\.(png|jpg)$/, '.json')), 'utf8')) as ScreenshotLabel;

/** One of each window, both languages, 100 % and 150 %, cropped, whole window and desktop, PNG and JPEG. */
const SAMPLE = [
  'en-wsh-dli-wsh-dialog-registered-kms-100-window.png',
  'fr-wsh-dlv-client-kms-sans-hote-100-content.png',
  'en-wsh-ato-access-denied-100-content.png',
  'en-settings-kms-unreachable-150-content.png',
  'fr-console-dism-set-edition-controleur-de-domaine-150-desktop.jpg',
  'fr-slui-0xC004F074-100-desktop.jpg',
];

// Generous limits: the whole suite shares two cores with this file.
const SLOW_MS = 150_000;
const pool = new OcrPool({ size: 2, maxQueued: SAMPLE.length, jobTimeoutMs: SLOW_MS });
afterAll(() => pool.close());

describe('OCR of screenshot fixtures (slow: tesseract.js)', { timeout: SLOW_MS }, () => {
  it('reads every code and fact of six screenshots and reaches the diagnosis of the pasted text', async () => {
    const results = await Promise.all(
      SAMPLE.map(async (name) => {
        const l = label(name);
        const read = await diagnoseScreenshot(shot(name), pool);
        return { name, read, score: score(l, read.diagnosis) };
      }),
    );
    for (const { name, read, score: s } of results) {
      expect(s.codes.missed, name).toEqual([]);
      for (const [fact, f] of Object.entries(s.facts)) expect(f.right, `${name} ${fact}`).toBe(f.expected);
      expect(s.diagnosisMatch, name).toBe(true);
      expect(read.source).toBe('screenshot');
      expect(read.lines.length, name).toBeGreaterThan(0);
    }
    // The lines the answer rests on are the ones a person would point at.
    const denied = results.find((r) => r.name.includes('access-denied'))!;
    expect(denied.read.lines.some((l) => l.includes('0x80070005'))).toBe(true);
    const dli = results.find((r) => r.name.includes('registered-kms'))!;
    expect(dli.read.lines.join('\n')).toContain('kms-old.contoso.com:1688');
  });

  it('refuses a screenshot at once when every worker is busy and the queue is full', async () => {
    const small = new OcrPool({ size: 1, maxQueued: 1 });
    const image = shot('en-slui-0xC004F074-100-window.png');
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'read',
        (e: unknown) => e,
      );
    const first = outcome(small.recognize(image));
    const second = outcome(small.recognize(image));
    await expect(small.recognize(image)).rejects.toMatchObject({ reason: 'queue-full' });
    await small.close();
    // Closing refuses the running job and the waiting one.
    expect(await first).toBeInstanceOf(OcrRefusal);
    expect(await second).toMatchObject({ reason: 'closed' });
  });

  it('terminates a worker whose job overruns the time limit, and starts a new one for the next job', async () => {
    const strict = new OcrPool({ size: 1, jobTimeoutMs: 5 });
    const image = shot('en-wsh-dlv-kms-host-count-3-150-content.png');
    try {
      await expect(strict.recognize(image)).rejects.toMatchObject({ reason: 'timeout' });
      await expect(strict.recognize(image)).rejects.toMatchObject({ reason: 'timeout' });
      expect(strict.terminations).toBe(2);
    } finally {
      await strict.close();
    }
  });
});

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      readStdin: async () => new Uint8Array(),
      readFile: async (path, max) => (await readFile(path)).subarray(0, max + 1),
      stdinIsTTY: false,
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
    },
    out: () => out,
    err: () => err,
  };
}

describe('activation-doctor diagnose SCREENSHOT (slow: tesseract.js)', { timeout: SLOW_MS }, () => {
  it('masks a full product key read from an image, like any paste', async () => {
    const c = capture();
    expect(await run(['diagnose', join(SHOTS, 'en-wsh-ipk-full-key-100-window.png')], c.io)).toBe(0);
    expect(c.out()).not.toMatch(/NPQRT|VWXY2|34689|BCDFG/);
    expect(c.out()).toContain('XXXXX-XXXXX-XXXXX-XXXXX-HJK7M');
    expect(c.out()).toMatch(/Read from a screenshot \(OCR\)/);
  });

  it('reads an image by its bytes whatever its name, and --json says the evidence came from a screenshot', async () => {
    const c = capture();
    const copy = join(SHOTS, 'en-wsh-ato-0xC004F074-150-content.png');
    expect(await run(['diagnose', '--json', copy], c.io)).toBe(0);
    const out = JSON.parse(c.out()) as { source: string; lines: string[]; codes: { code: string }[] };
    expect(out.source).toBe('screenshot');
    expect(out.codes.map((x) => x.code)).toEqual(['0xC004F074']);
    expect(out.lines.some((l) => l.includes('0xC004F074'))).toBe(true);
  });

  it('says why a damaged image is not read (exit 2, one line)', async () => {
    const c = capture();
    const io: CliIo = {
      ...c.io,
      readFile: async (_path, max) =>
        Buffer.from('\x89PNG\r\n\x1a\n-not-a-header-', 'latin1').subarray(0, max + 1),
    };
    expect(await run(['diagnose', 'shot.txt'], io)).toBe(2);
    expect(c.err()).toBe('activation-doctor: cannot read shot.txt: the image header is damaged\n');
  });

  it('needs no network: the CLI reads a screenshot with sockets, DNS and fetch disabled', async () => {
    // The CLI's sources run through vite-node in a child process (its OCR worker threads inherit the preload).
    const exec = promisify(execFile);
    const { stdout } = await exec(
      process.execPath,
      [
        '--import',
        join(import.meta.dirname, '..', 'helpers', 'no-network.mjs'),
        join(process.cwd(), 'node_modules', 'vite-node', 'vite-node.mjs'),
        join(process.cwd(), 'src', 'adapters', 'cli', 'main.ts'),
        '--',
        'diagnose',
        '--json',
        join(SHOTS, 'fr-slui-0xC004F074-100-desktop.jpg'),
      ],
      { timeout: SLOW_MS },
    );
    expect(JSON.parse(stdout)).toMatchObject({ source: 'screenshot', codes: [{ code: '0xC004F074' }] });
  });
});

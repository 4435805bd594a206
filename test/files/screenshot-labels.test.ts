/**
 * The screenshot fixtures' sidecar labels say what `diagnose` makes of each window's text pasted. They are
 * written by the generator; if the knowledge core changes what a text gives, this test names the labels to
 * rewrite (`npm run screenshots -- --labels-only`, no browser needed).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedFromText } from '../../scripts/screenshots/label.js';
import { loadLabels, SCREENSHOTS } from '../../scripts/screenshots/score-ocr.js';
import { diagnose } from '../../src/knowledge/index.js';
import { evidenceLines } from '../../src/files/ocr/index.js';

const labels = loadLabels();

describe('screenshot fixtures', () => {
  it('are at least 30, in English and French, every window kind, both scalings, PNG and JPEG, under 8 MB', () => {
    expect(labels.length).toBeGreaterThanOrEqual(30);
    expect(new Set(labels.map((l) => l.lang))).toEqual(new Set(['en', 'fr']));
    expect(new Set(labels.map((l) => l.kind))).toEqual(new Set(['wsh', 'settings', 'console', 'slui']));
    expect(new Set(labels.map((l) => l.scale))).toEqual(new Set([1, 1.5]));
    expect(new Set(labels.map((l) => l.frame))).toEqual(new Set(['window', 'content', 'desktop']));
    expect(new Set(labels.map((l) => l.format))).toEqual(new Set(['png', 'jpeg']));
    const bytes = labels.reduce((sum, l) => sum + statSync(join(SCREENSHOTS, l.image)).size, 0);
    expect(bytes).toBeLessThan(8_000_000);
  });

  it('each have an image and a label that matches what diagnose gives for the text the window shows', () => {
    const stale = labels
      .filter((l) => JSON.stringify(expectedFromText(l.text)) !== JSON.stringify(l.expected))
      .map((l) => l.image);
    expect(stale, 'run `npm run screenshots -- --labels-only`').toEqual([]);
    for (const l of labels) expect(existsSync(join(SCREENSHOTS, l.image)), l.image).toBe(true);
  });
});

describe('lines a diagnosis relied on', () => {
  it('are the lines that carry the finding, not the whole dialog', () => {
    const text = [
      'Windows Script Host',
      'Activating Windows(R), ServerDatacenter edition (00091344-1ea4-4f37-b789-01750ba6988c) ...',
      'Error: 0xC004F074 The Software Licensing Service reported that the computer could not be activated.',
      'OK',
    ].join('\n');
    expect(evidenceLines(text, diagnose(text), 'en')).toEqual([
      'Error: 0xC004F074 The Software Licensing Service reported that the computer could not be activated.',
    ]);
  });
});

describe('lines a diagnosis relied on, in a very long reading', () => {
  it('fall back to the lines holding a code, without one diagnosis per line', () => {
    const text = [...Array.from({ length: 300 }, (_, i) => `line ${i}`), 'Error: 0xC004F074'].join('\n');
    expect(evidenceLines(text, diagnose(text), 'en')).toEqual(['Error: 0xC004F074']);
  });
});

/**
 * Scoring of what OCR made of a screenshot against its sidecar label: each expected code, partial key, licence
 * status and channel read right or not, and whether the diagnosis is the one the pasted text gets.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnosis } from '../../src/knowledge/index.js';
import type { ScreenshotLabel } from './label.js';

export const SCREENSHOTS = join(process.cwd(), 'test', 'fixtures', 'screenshots');

export function loadLabels(dir = SCREENSHOTS): ScreenshotLabel[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScreenshotLabel);
}

export type FactName = 'partialProductKey' | 'licenseStatus' | 'channel';
export const FACT_NAMES: readonly FactName[] = ['partialProductKey', 'licenseStatus', 'channel'];

export interface Score {
  image: string;
  codes: { expected: number; right: number; missed: string[]; extra: string[] };
  facts: Record<FactName, { expected: number; right: number; read?: string }>;
  /** Same first finding as the pasted text (or both none). */
  diagnosisMatch: boolean;
  /** Same findings, in the same order. */
  findingsMatch: boolean;
}

export function score(label: ScreenshotLabel, d: Diagnosis): Score {
  const read = d.codes.map((c) => c.code);
  const missed = label.expected.codes.filter((c) => !read.includes(c));
  const facts = {} as Score['facts'];
  for (const name of FACT_NAMES) {
    const want = label.expected[name];
    const got = d.facts[name];
    facts[name] = {
      expected: want === undefined ? 0 : 1,
      right: want !== undefined && got === want ? 1 : 0,
      ...(want !== undefined && got !== want ? { read: String(got) } : {}),
    };
  }
  const ids = d.findings.map((f) => f.id);
  return {
    image: label.image,
    codes: {
      expected: label.expected.codes.length,
      right: label.expected.codes.length - missed.length,
      missed,
      extra: read.filter((c) => !label.expected.codes.includes(c)),
    },
    facts,
    diagnosisMatch: ids[0] === label.expected.findings[0],
    findingsMatch: JSON.stringify(ids) === JSON.stringify(label.expected.findings),
  };
}

export interface Totals {
  images: number;
  codes: [right: number, expected: number];
  facts: Record<FactName, [right: number, expected: number]>;
  allFacts: [right: number, expected: number];
  diagnosis: [right: number, total: number];
  findings: [right: number, total: number];
}

export function totals(scores: readonly Score[]): Totals {
  const t: Totals = {
    images: scores.length,
    codes: [0, 0],
    facts: { partialProductKey: [0, 0], licenseStatus: [0, 0], channel: [0, 0] },
    allFacts: [0, 0],
    diagnosis: [0, 0],
    findings: [0, 0],
  };
  for (const s of scores) {
    t.codes[0] += s.codes.right;
    t.codes[1] += s.codes.expected;
    for (const name of FACT_NAMES) {
      t.facts[name][0] += s.facts[name].right;
      t.facts[name][1] += s.facts[name].expected;
      t.allFacts[0] += s.facts[name].right;
      t.allFacts[1] += s.facts[name].expected;
    }
    t.diagnosis[0] += s.diagnosisMatch ? 1 : 0;
    t.diagnosis[1] += 1;
    t.findings[0] += s.findingsMatch ? 1 : 0;
    t.findings[1] += 1;
  }
  return t;
}

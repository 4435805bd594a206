/**
 * The sidecar label of a screenshot fixture: what `diagnose` finds in the text the window shows, pasted as text.
 * The accuracy eval and the OCR test compare what OCR reads against these facts.
 */
import { diagnose } from '../../src/knowledge/index.js';

export interface ScreenshotLabel {
  image: string;
  lang: 'en' | 'fr';
  kind: string;
  scale: number;
  frame: string;
  format: string;
  /** The window's text as a person would paste it. */
  text: string;
  expected: {
    codes: string[];
    partialProductKey?: string;
    licenseStatus?: string;
    channel?: string;
    /** Ids of the findings, best first. */
    findings: string[];
  };
}

export function expectedFromText(text: string): ScreenshotLabel['expected'] {
  const d = diagnose(text);
  const expected: ScreenshotLabel['expected'] = {
    codes: d.codes.map((c) => c.code),
    findings: d.findings.map((f) => f.id),
  };
  if (d.facts.partialProductKey) expected.partialProductKey = d.facts.partialProductKey;
  if (d.facts.licenseStatus) expected.licenseStatus = d.facts.licenseStatus;
  if (d.facts.channel) expected.channel = d.facts.channel;
  return expected;
}

/**
 * The lines of a text a diagnosis relied on, so a card can show them next to the answer and a person can spot a
 * misreading. A line counts when taking it out changes the codes or the findings (ids and their evidence);
 * when no single line does (the same code twice, say), the lines that change a fact are shown.
 */
import { detectCodes, diagnose, type Diagnosis, type Lang } from '../../knowledge/index.js';

/** More would not fit a card. */
export const MAX_EVIDENCE_LINES = 12;
/** Taking out each line costs one diagnosis per line: beyond this, only the lines holding a code are shown. */
const MAX_LINES_TRIED = 200;

function verdict(d: Diagnosis): string {
  return JSON.stringify([d.codes.map((c) => c.code), d.findings.map((f) => [f.id, f.evidence])]);
}

export function evidenceLines(text: string, diagnosis: Diagnosis, lang: Lang): string[] {
  const lines = text.split('\n');
  if (lines.length > MAX_LINES_TRIED)
    return lines
      .filter((l) => detectCodes(l).length > 0)
      .slice(0, MAX_EVIDENCE_LINES)
      .map((l) => l.trim());
  const whole = verdict(diagnosis);
  const wholeFacts = JSON.stringify(diagnosis.facts);
  const strong: number[] = [];
  const weak: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim().length === 0) return;
    const without = diagnose([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'), { lang });
    if (verdict(without) !== whole) strong.push(i);
    else if (JSON.stringify(without.facts) !== wholeFacts) weak.push(i);
  });
  const chosen = strong.length > 0 ? strong : weak;
  return chosen.slice(0, MAX_EVIDENCE_LINES).map((i) => lines[i]!.trim());
}

/** Plain-text rendering of a diagnosis and an explanation for a terminal (no colours, 2-space indents). */
import { confidenceLabel, t, type LabelId } from '../../bot/phrases.js';
import type { Diagnosis, Explanation, Lang } from '../../knowledge/index.js';
import { factEvidenceText } from '../../knowledge/fact-labels.js';

/** The report's words: the rendering layer's labels (src/bot/i18n.ts), so the terminal and the cards agree. */
function labels(lang: Lang) {
  const l = (id: LabelId) => t(lang, id);
  return {
    diagnosis: l('cli.diagnosis'),
    codes: l('codes'),
    noCodes: l('cli.noCodes'),
    findings: l('cli.findings'),
    noFindings: l('cli.noFindings'),
    fix: l('fix'),
    evidence: l('evidence'),
    note: l('note'),
    escalate: l('cli.escalate'),
    confidence: l('confidence'),
    ask: l('cli.ask'),
    causes: l('cli.causes'),
    bring: l('cli.bring'),
    types: l('cli.types'),
    decoded: l('cli.decoded'),
    screenshot: l('cli.screenshot'),
  };
}

/** French puts a space before a colon. */
const COLON: Record<Lang, string> = { en: ':', fr: ' :' };

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((l) => (l.length > 0 ? pad + l : l))
    .join('\n');
}

export function formatDiagnosis(d: Diagnosis): string {
  const L = labels(d.lang);
  const colon = COLON[d.lang];
  const out: string[] = [`${L.diagnosis}`, ''];
  if (d.refusal) {
    out.push(d.refusal, '');
  }
  out.push(`${L.codes}${colon}`);
  if (d.codes.length === 0) out.push(`  ${L.noCodes}`);
  for (const c of d.codes) {
    const name = c.name ? `  ${c.name}` : '';
    out.push(`  ${c.code}${name}`, `    ${c.title}`);
  }
  if (!d.refusal) {
    out.push('', `${L.findings}${colon}`);
    if (d.findings.length === 0) out.push(`  ${L.noFindings}`);
    d.findings.forEach((f, i) => {
      const tags = [
        `${L.confidence}${colon} ${confidenceLabel(d.lang, f.confidence)}`,
        ...(f.escalate ? [L.escalate] : []),
      ];
      out.push(`  ${i + 1}. ${f.title}  [${tags.join('] [')}]`, indent(f.cause, 5));
      if (f.note) out.push(indent(`${L.note}${colon} ${f.note}`, 5));
      out.push(`     ${L.fix}${colon}`);
      for (const step of f.fix) {
        out.push(`       - ${step.text}`);
        if (step.command) out.push(`           > ${step.command}`);
      }
      // Evidence in the reader's words, as on the cards ("OEM licence: yes", not "oemLicence=true").
      const evidence = f.evidence.map((item) => factEvidenceText(item, d.lang));
      if (evidence.length > 0) out.push(`     ${L.evidence}${colon} ${evidence.join(', ')}`);
    });
    if (d.ask.length > 0) {
      out.push('', `${L.ask}${colon}`);
      for (const a of d.ask) out.push(`  > ${a.command}`, `      ${a.why}`);
    }
  }
  return out.join('\n') + '\n';
}

export function formatExplanation(x: Explanation, lang: Lang): string {
  const L = labels(lang);
  const colon = COLON[lang];
  const out: string[] = [`${x.code}${x.name ? `  ${x.name}` : ''}`, `  ${x.title}`];
  if (x.types.length > 0) out.push(`  ${L.types}${colon} ${x.types.join(', ')}`);
  out.push('', `${L.causes}${colon}`, ...x.causes.map((c) => `  - ${c}`), '', `${L.fix}${colon}`);
  for (const step of x.fix) {
    out.push(`  - ${step.text}`);
    if (step.command) out.push(`      > ${step.command}`);
  }
  if (x.bring.length > 0) out.push('', `${L.bring}${colon}`, ...x.bring.map((b) => `  - ${b}`));
  if (!x.known) {
    const d = x.decoded;
    const facility = d.facilityName ?? `0x${d.facility.toString(16).toUpperCase()}`;
    out.push(
      '',
      `${L.decoded}${colon} ${d.failure ? 'failure' : d.severity}, facility ${facility}, code 0x${d.codeValue.toString(16).toUpperCase().padStart(4, '0')}${d.win32 ? `, Win32 ${d.win32.number}${d.win32.name ? ` ${d.win32.name}` : ''}` : ''}`,
    );
  }
  return out.join('\n') + '\n';
}

/** After a diagnosis read from a screenshot: where the evidence came from and the lines it rests on. */
export function formatScreenshotEvidence(lines: readonly string[], lang: Lang): string {
  return ['', `${labels(lang).screenshot}${COLON[lang]}`, ...lines.map((l) => `  | ${l}`)].join('\n') + '\n';
}

/** Plain-text rendering of a diagnosis and an explanation for a terminal (no colours, 2-space indents). */
import type { Diagnosis, Explanation, Lang } from '../../knowledge/index.js';

const LABELS = {
  en: {
    diagnosis: 'Activation diagnosis',
    codes: 'Codes',
    noCodes: '(no error code found)',
    findings: 'Findings',
    noFindings: '(nothing conclusive yet: see the next evidence below)',
    fix: 'Fix',
    evidence: 'Evidence',
    note: 'Note',
    escalate: 'escalate to Microsoft',
    confidence: 'confidence',
    ask: 'Next evidence to paste',
    causes: 'Likely causes',
    bring: 'Bring to Microsoft',
    types: 'Activation types',
    decoded: 'Decoded',
    screenshot: 'Read from a screenshot (OCR); the lines this relies on',
  },
  fr: {
    diagnosis: 'Diagnostic d’activation',
    codes: 'Codes',
    noCodes: '(aucun code d’erreur trouvé)',
    findings: 'Constats',
    noFindings: '(rien de concluant pour l’instant : voir les éléments à fournir ci-dessous)',
    fix: 'Correction',
    evidence: 'Éléments',
    note: 'Remarque',
    escalate: 'à remonter à Microsoft',
    confidence: 'confiance',
    ask: 'Éléments à coller ensuite',
    causes: 'Causes probables',
    bring: 'À fournir à Microsoft',
    types: 'Types d’activation',
    decoded: 'Décodage',
    screenshot: 'Lu sur une capture d’écran (OCR) ; lignes sur lesquelles repose le diagnostic',
  },
} as const;

const CONFIDENCE: Record<Lang, Record<string, string>> = {
  en: { high: 'high', medium: 'medium', low: 'low' },
  fr: { high: 'élevée', medium: 'moyenne', low: 'faible' },
};

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
  const L = LABELS[d.lang];
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
        `${L.confidence}${colon} ${CONFIDENCE[d.lang][f.confidence]}`,
        ...(f.escalate ? [L.escalate] : []),
      ];
      out.push(`  ${i + 1}. ${f.title}  [${tags.join('] [')}]`, indent(f.cause, 5));
      if (f.note) out.push(indent(`${L.note}${colon} ${f.note}`, 5));
      out.push(`     ${L.fix}${colon}`);
      for (const step of f.fix) {
        out.push(`       - ${step.text}`);
        if (step.command) out.push(`           > ${step.command}`);
      }
      if (f.evidence.length > 0) out.push(`     ${L.evidence}${colon} ${f.evidence.join(', ')}`);
    });
    if (d.ask.length > 0) {
      out.push('', `${L.ask}${colon}`);
      for (const a of d.ask) out.push(`  > ${a.command}`, `      ${a.why}`);
    }
  }
  return out.join('\n') + '\n';
}

export function formatExplanation(x: Explanation, lang: Lang): string {
  const L = LABELS[lang];
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
  return ['', `${LABELS[lang].screenshot}${COLON[lang]}`, ...lines.map((l) => `  | ${l}`)].join('\n') + '\n';
}

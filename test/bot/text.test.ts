import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/bot/render/text.js';
import { evalConversionFr, hugeReply, kmsDiagnosisEn } from './sample-replies.js';

describe('plain-text replies', () => {
  it('every command appears verbatim on a line of its own', () => {
    const lines = renderText(kmsDiagnosisEn)
      .split('\n')
      .map((l) => l.trim());
    for (const step of kmsDiagnosisEn.fix) if (step.command) expect(lines).toContain(step.command);
    expect(lines).toContain('Test-NetConnection kms01.corp.contoso.com -Port 1688');
    for (const f of kmsDiagnosisEn.findings.slice(1)) {
      expect(lines).toContain(`- ${f.title} (Confidence: ${f.confidence})`);
    }
  });

  it('reads top-down: title, summary, cause, fix, then the rest', () => {
    const text = renderText(kmsDiagnosisEn);
    expect(text.startsWith(`${kmsDiagnosisEn.title}\n${kmsDiagnosisEn.summary}\n\nCause\n`)).toBe(true);
    const order = [
      'Cause',
      'Fix',
      'Codes',
      'Evidence',
      'What changed',
      'Next evidence to collect',
      'Warnings',
    ];
    const at = order.map((h) => text.indexOf(`\n${h}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain('0xDEADBEEF  Unknown code (facility 0x5EA)');
  });

  it('a French escalation lists the Activation Centers address and what to bring, in French', () => {
    const text = renderText(evalConversionFr);
    expect(text).toContain('Escalade vers Microsoft');
    expect(text).toContain(
      'Centres d’activation des licences Microsoft\u00a0: https://www.microsoft.com/licensing/existing-customer/activation-centers',
    );
    expect(text).toContain('À préparer:');
    expect(text).toContain('slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-7CFBY');
  });

  it('all findings are numbered with their cause, note and steps', () => {
    const text = renderText(hugeReply());
    expect(text).toContain('All findings');
    expect(text).toContain('50. Candidate cause number 49');
    expect(text).toContain('Note: Kept over finding 1 because the event log names the same SKU.');
    expect(text).not.toContain('shortened');
  });

  it('a shortened French diagnosis names the show-all button by the label its card gives it', () => {
    const reply = hugeReply('diagnosis', 'fr');
    const button =
      reply.actions.find((a) => a.payload.action === 'show_all')?.label ?? 'Voir toutes les causes';
    const text = renderText(reply, { maxChars: 6000 });
    expect(text).toContain(`« ${button} » donne le reste.`);
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('with a size cap the text is shortened, says so, and keeps whole commands only', () => {
    const reply = hugeReply();
    const text = renderText(reply, { maxChars: 6000 });
    expect(text.length).toBeLessThanOrEqual(6000);
    expect(text).toMatch(/… \d+ more/);
    expect(text).toContain('This list was shortened to fit the message size limit.');
    const commands = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('DISM '));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(c).toMatch(/\/ScratchDir:D:\\scratch\\attempt-\d+$/);
  });

  it('an impossible cap still returns text within it', () => {
    expect(renderText(hugeReply(), { maxChars: 40 }).length).toBeLessThanOrEqual(40);
  });
});

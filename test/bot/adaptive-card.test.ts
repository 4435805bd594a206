import { describe, expect, it } from 'vitest';
import { parseActionPayload } from '../../src/bot/actions.js';
import {
  renderAdaptiveCard,
  type AdaptiveCard,
  type CardElement,
  type ShowCardAction,
  type SubmitAction,
} from '../../src/bot/render/adaptive-card.js';
import { jsonBytes, TEAMS_CARD_BUDGET_BYTES } from '../../src/bot/render/limits.js';
import { MICROSOFT_ACTIVATION_CENTERS_URL, ReplyModelSchema } from '../../src/conversations/types.js';
import { checkCard } from './card-validator.js';
import { evalConversionFr, handoffEn, hostileEn, hugeReply, kmsDiagnosisEn } from './sample-replies.js';

function elements(items: readonly CardElement[]): CardElement[] {
  return items.flatMap((e) => (e.type === 'Container' ? [e, ...elements(e.items)] : [e]));
}
/** The "Details" card, folded under the first screen. */
const detailsOf = (card: AdaptiveCard) =>
  card.actions?.find((a): a is ShowCardAction => a.type === 'Action.ShowCard');
/** What the card holds: the first screen, then the details. */
const whole = (card: AdaptiveCard) => [...card.body, ...(detailsOf(card)?.card.body ?? [])];
/** Headings (TextBlocks) and content (RichTextBlocks of plain runs), one string per block. */
const texts = (card: AdaptiveCard, from: readonly CardElement[] = whole(card)) =>
  elements(from).flatMap((e) => {
    if (e.type === 'TextBlock') return [e.text];
    if (e.type === 'RichTextBlock' && e.inlines.every((r) => r.fontType !== 'Monospace')) {
      return [e.inlines.map((r) => r.text).join('')];
    }
    return [];
  });
const monospace = (card: AdaptiveCard, from: readonly CardElement[] = whole(card)) =>
  elements(from).flatMap((e) =>
    e.type === 'RichTextBlock' ? e.inlines.filter((r) => r.fontType === 'Monospace').map((r) => r.text) : [],
  );
const submits = (card: AdaptiveCard) =>
  [...(card.actions ?? []), ...(detailsOf(card)?.card.actions ?? [])].filter(
    (a): a is SubmitAction => a.type === 'Action.Submit',
  );

describe('Teams Adaptive Card', () => {
  it('a KMS diagnosis is a valid 1.5 card the SDK parses without a single warning', () => {
    const card = renderAdaptiveCard(kmsDiagnosisEn);
    expect(card.version).toBe('1.5');
    expect(card.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(checkCard(card).errors).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('"Table"');
  });

  it('every card the samples produce validates, French and handoff ones included', () => {
    for (const reply of [evalConversionFr, handoffEn, hostileEn, hugeReply(), hugeReply('diagnosis', 'fr')]) {
      expect(checkCard(renderAdaptiveCard(reply)).errors).toEqual([]);
    }
  });

  it('shows title, summary, cause and every fix command verbatim in monospace', () => {
    const card = renderAdaptiveCard(kmsDiagnosisEn);
    expect(texts(card)).toContain(kmsDiagnosisEn.title);
    expect(texts(card)).toContain(kmsDiagnosisEn.summary);
    expect(texts(card)).toContain(kmsDiagnosisEn.cause);
    const commands = kmsDiagnosisEn.fix.flatMap((s) => (s.command ? [s.command] : []));
    expect(monospace(card)).toEqual(expect.arrayContaining(commands));
    // The next-evidence command is monospace too, with its reason.
    expect(monospace(card)).toContain(kmsDiagnosisEn.questions[0]!.command);
    expect(texts(card)).toContain(kmsDiagnosisEn.questions[0]!.why);
  });

  it('a command with underscores and quotes is not run through markdown', () => {
    const card = renderAdaptiveCard(hostileEn);
    // TextRuns are plain text in every host, unlike TextBlocks.
    expect(monospace(card)).toContain(hostileEn.fix[0]!.command);
  });

  it('a dossier checklist is drawn as ticked lines, not as numbered facts', () => {
    const card = renderAdaptiveCard(
      ReplyModelSchema.parse({
        ...handoffEn,
        evidence: ['edition=ServerDatacenter', '✓ slmgr /dlv output', '✗ Installation ID (slmgr /dti)'],
      }),
    );
    const facts = elements(whole(card)).flatMap((e) => (e.type === 'FactSet' ? e.facts : []));
    expect(facts).toEqual([{ title: 'edition', value: 'ServerDatacenter' }]);
    expect(texts(card)).toContain('✓ slmgr /dlv output');
    expect(texts(card)).toContain('✗ Installation ID (slmgr /dti)');
  });

  it('evidence is a fact set and warnings are drawn in the attention colour', () => {
    const card = renderAdaptiveCard(kmsDiagnosisEn);
    const facts = elements(whole(card)).flatMap((e) => (e.type === 'FactSet' ? e.facts : []));
    expect(facts).toContainEqual({ title: 'KMS SRV records in DNS', value: 'none' });
    expect(facts).toContainEqual({ title: 'Product Key Channel', value: 'Volume:GVLK' });
    expect(facts).toContainEqual({
      title: '0xDEADBEEF',
      value: 'Unknown code (facility 0x5EA)',
    });
    const runs = elements(whole(card)).flatMap((e) => (e.type === 'RichTextBlock' ? e.inlines : []));
    const warning = runs.find((r) => r.text.includes(kmsDiagnosisEn.warnings[0]!));
    expect(warning).toMatchObject({ color: 'Attention' });
    expect(texts(card)).toContain('• ' + kmsDiagnosisEn.changes[0]);
  });

  it('text that Teams markdown would mangle (underscores, list markers) is shown as written', () => {
    const reply = ReplyModelSchema.parse({
      ...kmsDiagnosisEn,
      summary: '2. App_Pool_01 and *every* _vlmcs._tcp record',
      evidence: ['srvHost=_vlmcs._tcp.corp.contoso.com', 'count=3'],
    });
    const card = renderAdaptiveCard(reply);
    expect(checkCard(card).errors).toEqual([]);
    // Content is never a TextBlock (always markdown); a fact set with such text falls back to plain runs.
    const markdownTexts = elements(whole(card)).flatMap((e) =>
      e.type === 'TextBlock'
        ? [e.text]
        : e.type === 'FactSet'
          ? e.facts.flatMap((f) => [f.title, f.value])
          : [],
    );
    expect(markdownTexts.join('\n')).not.toMatch(/[_*]/);
    expect(texts(card)).toContain('2. App_Pool_01 and *every* _vlmcs._tcp record');
    expect(texts(card)).toContain('srvHost: _vlmcs._tcp.corp.contoso.com');
    expect(texts(card)).toContain('count: 3');
  });

  it('other possible causes are listed by title with their confidence', () => {
    const card = renderAdaptiveCard(kmsDiagnosisEn);
    expect(texts(card)).toContain('• TCP 1688 blocked between client and host (Confidence: medium)');
    // The main finding is the card itself, not repeated below.
    expect(texts(card).some((t) => t.startsWith('• No KMS SRV record'))).toBe(false);
  });

  it('each button sends back exactly the payload the engine gave it', () => {
    const card = renderAdaptiveCard(kmsDiagnosisEn);
    const sent = submits(card).map((a) => parseActionPayload(a.data));
    expect(sent).toHaveLength(kmsDiagnosisEn.actions.length);
    expect(sent).toEqual(expect.arrayContaining(kmsDiagnosisEn.actions.map((a) => a.payload)));
    expect(submits(card).map((a) => a.title)).toEqual(
      expect.arrayContaining(kmsDiagnosisEn.actions.map((a) => a.label)),
    );
  });

  it('the action context (e.g. an escalation id) rides along on every button without overriding the payload', () => {
    const card = renderAdaptiveCard(kmsDiagnosisEn, { actionContext: { escalationId: 'esc-7' } });
    for (const a of submits(card)) expect(parseActionPayload(a.data)?.escalationId).toBe('esc-7');
    const handoff = renderAdaptiveCard(handoffEn, { actionContext: { escalationId: 'other' } });
    for (const a of submits(handoff)) expect(a.data.escalationId).toBe('esc-42');
  });

  it('a handoff card has a note box whose text comes back with the button pressed', () => {
    const card = renderAdaptiveCard(handoffEn);
    const input = card.body.find((e) => e.type === 'Input.Text');
    expect(input).toMatchObject({ id: 'text', maxLength: 2000 });
    // Teams merges input values into the Action.Submit data.
    const needInfo = submits(card).find((a) => a.data.action === 'need_info')!;
    expect(parseActionPayload({ ...needInfo.data, text: '  Case 2406-1187 opened  ' })).toEqual({
      action: 'need_info',
      escalationId: 'esc-42',
      text: 'Case 2406-1187 opened',
    });
    // Left empty, the box adds nothing.
    expect(parseActionPayload({ ...needInfo.data, text: '' })).toEqual({
      action: 'need_info',
      escalationId: 'esc-42',
    });
    // A diagnosis card has no such box.
    expect(renderAdaptiveCard(kmsDiagnosisEn).body.some((e) => e.type === 'Input.Text')).toBe(false);
  });

  it('an escalation links to the Licensing Activation Centers and lists what to bring, in French', () => {
    const card = renderAdaptiveCard(evalConversionFr);
    expect(card.actions?.[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Centres d’activation des licences Microsoft',
      url: MICROSOFT_ACTIVATION_CENTERS_URL,
    });
    expect(texts(card)).toContain('Escalade vers Microsoft');
    expect(texts(card)).toContain('À préparer');
    expect(texts(card)).toContain('• Une preuve d’achat');
    expect(texts(card)).toEqual(expect.arrayContaining(['Cause', 'Étape suivante (1 sur 3)', 'Ensuite']));
  });

  it('a 50-finding diagnosis stays under 25 KB, says how much was left out and offers Show all findings', () => {
    const reply = hugeReply('diagnosis');
    expect(jsonBytes(reply)).toBeGreaterThan(3 * TEAMS_CARD_BUDGET_BYTES);
    const card = renderAdaptiveCard(reply);
    expect(jsonBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_BUDGET_BYTES);
    expect(checkCard(card).errors).toEqual([]);
    expect(texts(card).some((t) => /^… \d+ more$/.test(t))).toBe(true);
    expect(texts(card)).toContain(
      'This answer was shortened to fit the message size limit. Use “Show all findings” for the rest.',
    );
    expect(submits(card).map((a) => a.data.action)).toContain('show_all');
    // The commands that are shown are whole.
    for (const cmd of monospace(card)) expect(cmd).toMatch(/\/ScratchDir:D:\\scratch\\attempt-\d+$/);
    expect(card.actions?.length).toBeLessThanOrEqual(6);
  });

  it('the all-findings list, shortened to fit, says so but offers no button that would show the same list', () => {
    const reply = hugeReply('all_findings');
    const card = renderAdaptiveCard(reply);
    expect(jsonBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_BUDGET_BYTES);
    expect(checkCard(card).errors).toEqual([]);
    expect(texts(card)).toContain('This list was shortened to fit the message size limit.');
    expect(texts(card)).toContain(
      '1. Candidate cause number 0: the edition conversion left a mismatched SKU behind',
    );
    expect(texts(card).some((t) => /^… \d+ more$/.test(t))).toBe(true);
    expect(submits(card).map((a) => a.data.action)).not.toContain('show_all');
  });

  it('a diagnosis too big for the card keeps its title, cause and first fix steps', () => {
    const reply = hugeReply('diagnosis');
    const card = renderAdaptiveCard(reply);
    expect(jsonBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_BUDGET_BYTES);
    expect(texts(card)).toContain(reply.title);
    expect(monospace(card)).toContain(reply.fix[0]!.command);
  });

  it('a tiny budget (message-extension preview) still yields a valid card, never an error', () => {
    const card = renderAdaptiveCard(hugeReply(), { budgetBytes: 1500 });
    expect(jsonBytes(card)).toBeLessThanOrEqual(1500);
    expect(checkCard(card).errors).toEqual([]);
    expect(texts(card)[0]).toBe('Every finding for this thread');
  });

  it('has a fallback text for clients that cannot draw cards', () => {
    const card = renderAdaptiveCard(kmsDiagnosisEn);
    expect(card.fallbackText).toContain(kmsDiagnosisEn.title);
    expect(card.fallbackText).toContain(kmsDiagnosisEn.cause);
  });
});

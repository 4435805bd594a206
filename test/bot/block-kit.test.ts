import { describe, expect, it } from 'vitest';
import { parseSlackAction, SLACK_OPEN_URL_ACTION_ID } from '../../src/bot/actions.js';
import { loadingView, renderBlockKit, renderDetailsView } from '../../src/bot/render/block-kit.js';
import {
  blockTextLength,
  SLACK_LIMITS,
  SlackMessageSchema,
  SlackModalViewSchema,
  type Block,
  type Button,
} from '../../src/bot/render/limits.js';
import type { ReplyModel } from '../../src/conversations/types.js';
import { MICROSOFT_ACTIVATION_CENTERS_URL, ReplyModelSchema } from '../../src/conversations/types.js';
import { evalConversionFr, handoffEn, hostileEn, hugeReply, kmsDiagnosisEn } from './sample-replies.js';

/** Every text Slack will interpret as mrkdwn or show as plain text. */
function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'header':
        return [b.text.text];
      case 'section':
        return [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)];
      case 'context':
        return b.elements.map((e) => e.text);
      default:
        return [];
    }
  });
}
/** The message, then the modal its "Details" button opens: everything the reply says in Slack. */
const whole = (reply: ReplyModel): Block[] => [
  ...renderBlockKit(reply).blocks,
  ...renderDetailsView(reply).blocks,
];
/** The huge diagnosis with 150 evidence lines of 2 900 characters: more sections than even a modal holds. */
const overflowing = (lang: 'en' | 'fr') =>
  ReplyModelSchema.parse({
    ...hugeReply('diagnosis', lang),
    evidence: Array.from({ length: 150 }, (_, i) => `${'event text '.repeat(263)}${i}`),
  });
const buttons = (blocks: readonly Block[]): Button[] =>
  blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements : b.type === 'section' && b.accessory ? [b.accessory] : [],
  );

describe('Slack Block Kit', () => {
  it('a KMS diagnosis fits every Block Kit limit and opens with a header', () => {
    const msg = renderBlockKit(kmsDiagnosisEn);
    expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
    expect(msg.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: kmsDiagnosisEn.title },
    });
    expect(msg.text).toContain(kmsDiagnosisEn.title);
  });

  it('fix and next-evidence commands are in code blocks, exactly as typed', () => {
    const all = blockTexts(whole(kmsDiagnosisEn)).join('\n');
    for (const step of kmsDiagnosisEn.fix)
      if (step.command) expect(all).toContain('```' + step.command + '```');
    expect(all).toContain('```Test-NetConnection kms01.corp.contoso.com -Port 1688```');
    expect(all).toContain('*Cause*\n' + kmsDiagnosisEn.cause);
  });

  it('buttons carry ad_ action ids and values that come back as the engine’s payloads', () => {
    const msg = renderBlockKit(kmsDiagnosisEn);
    const actions = msg.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(1);
    const list = buttons(actions);
    expect(list.map((b) => b.action_id)).toEqual([
      'ad_resolved',
      'ad_didnt_help',
      'ad_show_all',
      'ad_escalate',
      'ad_details',
    ]);
    expect(list.slice(0, -1).map((b) => parseSlackAction(b))).toEqual(
      kmsDiagnosisEn.actions.map((a) => a.payload),
    );
    // "Details" carries the card's language (for the modal opened at once) and the cause it showed.
    expect(parseSlackAction(list.at(-1)!)).toEqual({
      action: 'details',
      lang: 'en',
      findingId: kmsDiagnosisEn.actions[0]!.payload.findingId,
    });
    expect(list.map((b) => b.style)).toEqual(['primary', undefined, undefined, 'danger', undefined]);
    // A divider keeps the buttons apart from the warnings above them.
    const at = msg.blocks.findIndex((b) => b.type === 'actions');
    expect(msg.blocks[at - 1]).toEqual({ type: 'divider' });
  });

  it('a value taken from another button is refused', () => {
    const [resolved, didntHelp] = buttons(renderBlockKit(kmsDiagnosisEn).blocks);
    expect(parseSlackAction({ action_id: resolved!.action_id, value: didntHelp!.value })).toBeUndefined();
  });

  it('handoff buttons keep their escalation id', () => {
    const payloads = buttons(renderBlockKit(handoffEn).blocks).map((b) => parseSlackAction(b));
    expect(payloads).toEqual(handoffEn.actions.map((a) => a.payload));
  });

  it('an escalation has a link button to the Activation Centers and the list of what to bring, in French', () => {
    const msg = renderBlockKit(evalConversionFr);
    expect(SlackMessageSchema.safeParse(msg).success).toBe(true);
    const link = buttons(msg.blocks).find((b) => b.url !== undefined);
    expect(link).toEqual({
      type: 'button',
      text: { type: 'plain_text', text: 'Centres d’activation des licences Microsoft' },
      action_id: SLACK_OPEN_URL_ACTION_ID,
      url: MICROSOFT_ACTIVATION_CENTERS_URL,
    });
    const all = blockTexts(whole(evalConversionFr)).join('\n');
    expect(all).toContain('*Escalade vers Microsoft*\n*À préparer*\n• Les informations de votre contrat');
    expect(all).toContain('*Étape suivante (1 sur 3)*');
    expect(all).toContain('*Éléments relevés*');
    expect(all).toContain('```slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-7CFBY```');
  });

  it('a French card’s Details opens a French modal: its title, close button and waiting note', () => {
    const details = buttons(renderBlockKit(evalConversionFr).blocks).find(
      (b) => b.action_id === 'ad_details',
    )!;
    expect(details.text.text).toBe('Détails');
    expect(parseSlackAction(details)).toMatchObject({ action: 'details', lang: 'fr' });
    const view = renderDetailsView(evalConversionFr);
    expect(SlackModalViewSchema.safeParse(view).error).toBeUndefined();
    expect(view).toMatchObject({ title: { text: 'Détails' }, close: { text: 'Fermer' } });
    expect(JSON.stringify(loadingView('fr'))).toContain('Préparation des détails');
    // A reply with nothing behind Details (help) gets no button, and its modal would say so.
    const help = ReplyModelSchema.parse({
      kind: 'help',
      lang: 'en',
      title: 'Help',
      summary: 'Paste an output.',
    });
    expect(buttons(renderBlockKit(help).blocks).map((b) => b.action_id)).not.toContain('ad_details');
    expect(JSON.stringify(renderDetailsView(help).blocks)).toContain('This card has no more details.');
  });

  it('pasted mentions, links and ampersands are escaped so they cannot ping or link', () => {
    const msg = renderBlockKit(hostileEn);
    const mrkdwn = whole(hostileEn).flatMap((b) =>
      b.type === 'section' && b.text?.type === 'mrkdwn' ? [b.text.text] : [],
    );
    const all = mrkdwn.join('\n');
    expect(all).not.toMatch(/<[!@]/);
    expect(all).not.toContain('<https://evil.example');
    expect(all).toContain('&lt;!here&gt; and &lt;@U024BE7LH&gt;');
    expect(all).toContain('&lt;https://evil.example|click me&gt; &amp; more');
    // Inside the code block too (Slack still reads entities there), and a fence in a command cannot close it.
    expect(all).toContain(
      '```nslookup -type=srv _vlmcs._tcp.corp.contoso.com &gt; out.txt &amp;&amp; type out.txt```',
    );
    expect(all).toContain('```echo `\u200b``not a fence`\u200b`` &lt;!everyone&gt;```');
    expect(msg.text).not.toMatch(/<[!@]/);
    // Plain-text headers are shown as typed; Slack does not parse them.
    expect(msg.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Output contains <!channel> & friends' },
    });
  });

  it('a 50-finding diagnosis still fits (≤ 50 blocks, aggregate text budget), its details whole in the modal', () => {
    const reply = hugeReply('diagnosis');
    const msg = renderBlockKit(reply);
    expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
    expect(msg.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(blockTextLength(msg.blocks)).toBeLessThanOrEqual(SLACK_LIMITS.aggregateBlockText);
    expect(buttons(msg.blocks).map((b) => b.action_id)).toContain('ad_details');
    expect(msg.text.length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
    // A modal takes 100 blocks and no aggregate budget: these details fit without a cut.
    const view = renderDetailsView(reply);
    expect(SlackModalViewSchema.safeParse(view).error).toBeUndefined();
    const details = blockTexts(view.blocks).join('\n');
    expect(details).toContain('Catalogue title for code 29');
    expect(details).not.toMatch(/… \d+ more/);
  });

  it('details too long even for a modal are shortened, with a "more" note and the note naming Show all findings', () => {
    const reply = overflowing('en');
    const view = renderDetailsView(reply);
    expect(SlackModalViewSchema.safeParse(view).error).toBeUndefined();
    const all = blockTexts(view.blocks).join('\n');
    expect(all).toMatch(/… \d+ more/);
    expect(all).toContain('This answer was shortened to fit the message size limit.');
    expect(buttons(renderBlockKit(reply).blocks).map((b) => b.action_id)).toContain('ad_show_all');
  });

  it('the all-findings list, shortened, says so without a Show all findings button that would loop', () => {
    const msg = renderBlockKit(hugeReply('all_findings'));
    expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
    const all = blockTexts(msg.blocks).join('\n');
    expect(all).toContain('This list was shortened to fit the message size limit.');
    expect(all).toMatch(/\*1\. Candidate cause number 0: .*\* _\(Confidence: high\)_/);
    expect(buttons(msg.blocks).map((b) => b.action_id)).not.toContain('ad_show_all');
  });

  it('the same in French says "de plus", and its note names the button exactly as it is labelled', () => {
    const reply = overflowing('fr');
    expect(SlackMessageSchema.safeParse(renderBlockKit(reply)).success).toBe(true);
    const all = blockTexts(whole(reply)).join('\n');
    expect(all).toMatch(/… \d+ de plus/);
    const label = buttons(renderBlockKit(reply).blocks).find((b) => b.action_id === 'ad_show_all')!.text.text;
    expect(label).toBe('Voir toutes les causes');
    expect(all).toContain(`« ${label} » donne le reste.`);
  });

  it('one enormous section (a 10 000-character cause) is shortened instead of breaking the 3000 limit', () => {
    const reply = ReplyModelSchema.parse({ ...kmsDiagnosisEn, cause: 'word '.repeat(2000) });
    const msg = renderBlockKit(reply);
    expect(SlackMessageSchema.safeParse(msg).success).toBe(true);
    const cause = blockTexts(msg.blocks).find((t) => t.startsWith('*Cause*'))!;
    expect(cause.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(cause.endsWith('…')).toBe(true);
  });

  it('a button whose note fills Slack’s 2000-character value still works, with the note shortened', () => {
    const reply = ReplyModelSchema.parse({
      ...handoffEn,
      actions: [
        {
          id: 'need_info',
          label: 'Need more info',
          payload: { action: 'need_info', text: 'é<'.repeat(1000) },
        },
      ],
    });
    const [button] = buttons(renderBlockKit(reply).blocks);
    expect(button!.value!.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
    const payload = parseSlackAction(button!);
    expect(payload?.action).toBe('need_info');
    expect(payload?.text?.endsWith('…')).toBe(true);
  });

  it('the limit schemas reject what Slack would reject', () => {
    const header = (text: string) => ({
      text: 'x',
      blocks: [{ type: 'header', text: { type: 'plain_text', text } }],
    });
    expect(SlackMessageSchema.safeParse(header('h'.repeat(150))).success).toBe(true);
    expect(SlackMessageSchema.safeParse(header('h'.repeat(151))).success).toBe(false);
    const sections = (n: number, len: number) => ({
      text: 'x',
      blocks: Array.from({ length: n }, () => ({
        type: 'section',
        text: { type: 'mrkdwn', text: 's'.repeat(len) },
      })),
    });
    expect(SlackMessageSchema.safeParse(sections(51, 1)).success).toBe(false);
    expect(SlackMessageSchema.safeParse(sections(1, 3001)).success).toBe(false);
    // Five sections of 2900 are each fine but together hit msg_blocks_too_long.
    expect(SlackMessageSchema.safeParse(sections(5, 2900)).success).toBe(false);
    const dupButtons = {
      text: 'x',
      blocks: [
        {
          type: 'actions',
          elements: [1, 2].map(() => ({
            type: 'button',
            text: { type: 'plain_text', text: 'b' },
            action_id: 'same',
          })),
        },
      ],
    };
    expect(SlackMessageSchema.safeParse(dupButtons).success).toBe(false);
  });
});

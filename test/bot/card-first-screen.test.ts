/**
 * Cards for people in a hurry: what the first screen of each answer holds, in Teams and in Slack, and what waits
 * behind "Details".
 */
import { describe, expect, it } from 'vitest';
import {
  renderAdaptiveCard,
  type AdaptiveCard,
  type CardElement,
  type InputText,
  type ShowCardAction,
  type SubmitAction,
} from '../../src/bot/render/adaptive-card.js';
import { renderBlockKit, renderDetailsView } from '../../src/bot/render/block-kit.js';
import type { Block } from '../../src/bot/render/limits.js';
import { phrases } from '../../src/conversations/phrases.js';
import { ReplyModelSchema, type ReplyModel } from '../../src/conversations/types.js';
import { checkCard } from './card-validator.js';
import { evalConversionFr, handoffEn, hugeReply, kmsDiagnosisEn } from './sample-replies.js';

/** Every text of some card elements, commands included, in reading order. */
function cardText(items: readonly CardElement[]): string {
  return items
    .map((e) => {
      switch (e.type) {
        case 'TextBlock':
          return e.text;
        case 'RichTextBlock':
          return e.inlines.map((r) => r.text).join('');
        case 'FactSet':
          return e.facts.map((f) => `${f.title}: ${f.value}`).join('\n');
        case 'Container':
          return cardText(e.items);
        case 'Input.Text':
          return e.label;
      }
    })
    .join('\n');
}
const details = (card: AdaptiveCard) =>
  card.actions?.find((a): a is ShowCardAction => a.type === 'Action.ShowCard');
const firstScreenButtons = (card: AdaptiveCard) =>
  (card.actions ?? []).filter((a): a is SubmitAction => a.type === 'Action.Submit').map((a) => a.data.action);

/** Slack: the message's text before its buttons, the modal its "Details" button opens, and the buttons. */
function slackHalves(reply: ReplyModel): { first: string; rest: string; buttons: string[] } {
  const text = (b: Block) =>
    b.type === 'header'
      ? b.text.text
      : b.type === 'section'
        ? (b.text?.text ?? '')
        : b.type === 'context'
          ? b.elements.map((e) => e.text).join('\n')
          : '';
  const blocks = renderBlockKit(reply).blocks;
  const actionsAt = blocks.findIndex((b) => b.type === 'actions');
  const buttons = blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => e.action_id) : []));
  return {
    first: blocks.slice(0, actionsAt).map(text).join('\n'),
    // Nothing follows the buttons in the message: the rest is in the modal.
    rest: [...blocks.slice(actionsAt + 1), ...renderDetailsView(reply).blocks].map(text).join('\n'),
    buttons,
  };
}

describe('the first screen of a diagnosis', () => {
  it('an admin who pasted /dlv sees the cause and one command before Details, in Teams', () => {
    const card = renderAdaptiveCard(kmsDiagnosisEn);
    expect(checkCard(card).errors).toEqual([]);
    const first = cardText(card.body);
    expect(first).toContain(kmsDiagnosisEn.cause);
    expect(first).toContain('Next step (1 of 4)');
    expect(first).toContain(kmsDiagnosisEn.fix[0]!.command);
    // Only one command on the first screen: the second step waits behind Details.
    expect(first).not.toContain(kmsDiagnosisEn.fix[1]!.command);
    expect(first).not.toContain('Next evidence to collect');
    expect(first).not.toContain('Other possible causes');

    const more = details(card)!;
    expect(more.title).toBe('Details');
    const rest = cardText(more.card.body);
    expect(rest).toContain(`2. ${kmsDiagnosisEn.fix[1]!.text}`);
    expect(rest).toContain(kmsDiagnosisEn.fix[1]!.command);
    expect(rest).toContain(kmsDiagnosisEn.questions[0]!.command);
    expect(rest).toContain('0x8007232B');
    expect(rest).toContain('KMS SRV records in DNS: none');
    expect(rest).not.toContain(kmsDiagnosisEn.cause);
    // The answer buttons are on the first screen; "Show all findings" digs deeper, so it sits in the details.
    expect(firstScreenButtons(card)).toEqual(['resolved', 'didnt_help', 'escalate']);
    expect(more.card.actions?.map((a) => a.data.action)).toEqual(['show_all']);
  });

  it('the same admin in Slack gets the cause, one command and the buttons before the details', () => {
    const { first, rest, buttons } = slackHalves(kmsDiagnosisEn);
    expect(first).toContain(kmsDiagnosisEn.cause);
    expect(first).toContain('```' + kmsDiagnosisEn.fix[0]!.command + '```');
    expect(first).not.toContain(kmsDiagnosisEn.fix[1]!.command);
    expect(buttons).toEqual(['ad_resolved', 'ad_didnt_help', 'ad_show_all', 'ad_escalate', 'ad_details']);
    // The modal opens on the card's title, then the details.
    expect(rest.trim().startsWith(kmsDiagnosisEn.title)).toBe(true);
    expect(rest).not.toContain(kmsDiagnosisEn.cause);
    expect(rest).toContain('```' + kmsDiagnosisEn.fix[1]!.command + '```');
    expect(rest).toContain('*Next evidence to collect*');
  });

  it('a French admin whose key only Microsoft can unblock sees the Activation Centers link beside the buttons', () => {
    const card = renderAdaptiveCard(evalConversionFr);
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.OpenUrl' });
    expect(cardText(card.body)).toContain('Étape suivante (1 sur 3)');
    expect(cardText(details(card)!.card.body)).toContain('À préparer');
    expect(details(card)!.title).toBe('Détails');
    const slack = slackHalves(evalConversionFr);
    expect(slack.buttons[0]).toBe('ad_open_activation_centers');
    expect(slack.first).not.toContain('À préparer');
    expect(slack.rest).toContain('*À préparer*');
  });

  it('with no cause found yet, the first thing to paste is the next step', () => {
    const reply = ReplyModelSchema.parse({
      ...kmsDiagnosisEn,
      cause: undefined,
      fix: [],
      findings: [],
      actions: [],
    });
    const card = renderAdaptiveCard(reply);
    expect(cardText(card.body)).toContain('Next step');
    expect(cardText(card.body)).toContain(reply.questions[0]!.command);
  });

  it('a short answer (help) is shown whole, without a Details button', () => {
    const help = ReplyModelSchema.parse({
      kind: 'help',
      lang: 'en',
      title: 'Activation Doctor',
      summary: 'Paste one of these outputs:',
      questions: [
        { command: 'slmgr /dlv', why: 'Edition, channel and status.' },
        { command: 'nslookup -type=srv _vlmcs._tcp', why: 'Whether DNS lists a KMS host.' },
      ],
    });
    const card = renderAdaptiveCard(help);
    expect(details(card)).toBeUndefined();
    expect(cardText(card.body)).toContain('nslookup -type=srv _vlmcs._tcp');
  });

  it('a French answer cut to fit names the button exactly as it is labelled', () => {
    // The engine's own label for the button, as it puts it on a French diagnosis.
    const label = phrases('fr').buttons.showAll;
    const huge = hugeReply('diagnosis', 'fr');
    const reply = ReplyModelSchema.parse({
      ...huge,
      actions: [...huge.actions, { id: 'show_all', label, payload: { action: 'show_all' } }],
    });
    const card = renderAdaptiveCard(reply);
    expect(details(card)!.card.actions?.map((a) => a.title)).toContain(label);
    expect(cardText(details(card)!.card.body)).toContain(`« ${label} » donne le reste.`);
  });
});

describe('the handoff card’s box', () => {
  const input = (card: AdaptiveCard) => card.body.find((e): e is InputText => e.type === 'Input.Text')!;

  it('a licensing engineer can Claim with the box empty, but Need info asks for the question first (Teams)', () => {
    const card = renderAdaptiveCard(handoffEn);
    expect(checkCard(card).errors).toEqual([]);
    expect(input(card)).toMatchObject({
      isRequired: true,
      errorMessage: 'Type your question, the case number or the resolution first.',
    });
    expect(input(card).label).not.toMatch(/optional/i);
    const submit = (action: string) =>
      card.actions!.find((a): a is SubmitAction => a.type === 'Action.Submit' && a.data.action === action)!;
    expect(submit('claim').associatedInputs).toBe('none');
    expect(submit('need_info').associatedInputs).toBeUndefined();
    // The box and the buttons stay on the first screen; the dossier is in the details.
    expect(firstScreenButtons(card)).toEqual(['claim', 'need_info', 'escalated_ms', 'handoff_resolved']);
  });

  it('in Slack the box is not marked optional and its hint names the buttons that need it', () => {
    const block = renderBlockKit(handoffEn).blocks.find((b) => b.type === 'input');
    expect(block).toMatchObject({ optional: false });
    const hint = block?.type === 'input' ? block.hint?.text : undefined;
    const labels = handoffEn.actions.filter((a) => a.id !== 'claim').map((a) => `“${a.label}”`);
    expect(hint).toBe(
      `Required for ${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}. A case number may contain spaces.`,
    );
  });
});

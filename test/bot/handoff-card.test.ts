/**
 * The handoff card rendered from its own model (`HandoffCardModel`, built by `handoffCard` from an escalation
 * record): on every surface its timeline sits under "Timeline" and its checklist under "Checklist for Microsoft",
 * never under a diagnosis's "What changed" or "Evidence"; and a record at its limits still fits each surface.
 */
import { describe, expect, it } from 'vitest';
import {
  renderAdaptiveCard,
  type AdaptiveCard,
  type CardElement,
} from '../../src/bot/render/adaptive-card.js';
import { renderBlockKit, renderDetailsView } from '../../src/bot/render/block-kit.js';
import {
  jsonBytes,
  SlackMessageSchema,
  SlackModalViewSchema,
  TEAMS_CARD_BUDGET_BYTES,
} from '../../src/bot/render/limits.js';
import { renderText } from '../../src/bot/render/text.js';
import {
  answerRelayedNotice,
  evidenceArrived,
  handoffCard,
  needInfoQuestion,
  originCard,
  relayedAnswer,
  reminder,
} from '../../src/conversations/escalations/replies.js';
import type { EscalationRecord } from '../../src/conversations/escalations/types.js';
import { checkCard } from './card-validator.js';

const T0 = Date.UTC(2026, 2, 14, 9, 30);
const TECH = { id: 'U0TECH', name: 'Tech' };
const ALICE = { id: 'UENG1', name: 'Alice' };

function record(overrides: Partial<EscalationRecord> = {}): EscalationRecord {
  return {
    v: 1,
    id: 'E-7K2M9Q4X',
    version: 3,
    status: 'need_info',
    lang: 'en',
    origin: { platform: 'slack', tenant: 'T1', channel: 'CHELP', threadKey: '1700000000.000100' },
    handoff: { channel: 'CESCAL', threadKey: '1700000100.000100', dedicated: true },
    requestedBy: TECH,
    owner: ALICE,
    dossier: {
      lang: 'en',
      codes: ['0xC004C003'],
      facts: [{ key: 'edition', value: 'ServerStandard' }],
      findings: [{ id: 'mak-blocked', title: 'The MAK is blocked' }],
      tried: [],
      checklist: [
        { id: 'dlv', label: { en: 'slmgr /dlv output', fr: 'Sortie de slmgr /dlv' }, present: true },
        {
          id: 'proof_of_purchase',
          label: { en: 'Proof of purchase / agreement number', fr: 'Preuve d’achat / numéro de contrat' },
          present: false,
        },
      ],
    },
    timeline: [
      { at: T0, actor: TECH, kind: 'opened' },
      { at: T0 + 60_000, actor: ALICE, kind: 'claimed' },
      { at: T0 + 120_000, actor: ALICE, kind: 'need_info', text: 'What is your agreement number?' },
    ],
    pendingQuestion: {
      text: 'What is your agreement number?',
      askedBy: ALICE,
      at: T0 + 120_000,
      resumeStatus: 'claimed',
    },
    deliveries: [],
    createdAt: T0,
    updatedAt: T0 + 120_000,
    ...overrides,
  };
}

/** Each Container's heading (its first TextBlock) and the texts under it, through the Details card too. */
function sections(card: AdaptiveCard): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const textOf = (e: CardElement): string[] =>
    e.type === 'TextBlock'
      ? [e.text]
      : e.type === 'RichTextBlock'
        ? [e.inlines.map((i) => i.text).join('')]
        : e.type === 'Container'
          ? e.items.flatMap(textOf)
          : [];
  const walk = (elements: CardElement[]) => {
    for (const e of elements) {
      if (e.type !== 'Container') continue;
      const [head, ...rest] = e.items;
      if (head?.type === 'TextBlock' && head.weight === 'Bolder') out.set(head.text, rest.flatMap(textOf));
      walk(e.items);
    }
  };
  walk(card.body);
  for (const a of card.actions ?? []) if (a.type === 'Action.ShowCard') walk(a.card.body);
  return out;
}

/** The lines of a plain-text (or mrkdwn) rendering between a heading line and the next blank line. */
function under(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === heading);
  if (at < 0) return [];
  const end = lines.findIndex((l, i) => i > at && l.trim() === '');
  return lines.slice(at + 1, end < 0 ? undefined : end).map((l) => l.trim());
}

/** A record at its limits: 200 timeline entries of about 1,900 characters each. */
function atItsLimits(): EscalationRecord {
  const long = 'x'.repeat(1900);
  return record({
    timeline: Array.from({ length: 200 }, (_, i) => ({
      at: T0 + i * 60_000,
      actor: ALICE,
      kind: 'answer' as const,
      text: `${i} ${long}`,
    })),
  });
}

/** Fits Teams and Slack, folding the oldest entries into "… N earlier" and keeping the latest; the Slack message. */
function expectFitsKeepingLatest(
  model: Parameters<typeof renderAdaptiveCard>[0],
): ReturnType<typeof renderBlockKit> {
  const card = renderAdaptiveCard(model);
  expect(jsonBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_BUDGET_BYTES);
  expect(checkCard(card).errors).toEqual([]);
  const timeline = sections(card).get('Timeline')!;
  expect(timeline[0]).toMatch(/^… \d+ earlier$/);
  expect(timeline.at(-1)).toContain('answered: 199 ');
  const msg = renderBlockKit(model);
  expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
  return msg;
}

describe('the handoff card has headings of its own', () => {
  const model = handoffCard(record());

  it('Teams: the timeline under "Timeline", the checklist under "Checklist for Microsoft", no diagnosis headings', () => {
    const card = renderAdaptiveCard(model);
    expect(checkCard(card).errors).toEqual([]);
    const s = sections(card);
    expect(s.get('Timeline')).toEqual([
      '2026-03-14 09:30 UTC — Tech escalated',
      '2026-03-14 09:31 UTC — Alice claimed it',
      '2026-03-14 09:32 UTC — Alice asked: What is your agreement number?',
    ]);
    expect(s.get('Checklist for Microsoft')).toEqual([
      '✓ slmgr /dlv output',
      '✗ Proof of purchase / agreement number',
    ]);
    expect(s.get('Waiting for an answer')).toEqual(['What is your agreement number?', 'Asked by Alice']);
    expect(s.has('What changed')).toBe(false);
    expect(s.has('Evidence')).toBe(false);
    // Status and holder are on the first screen, the box and the buttons too.
    const facts = card.body.find((e) => e.type === 'FactSet');
    expect(facts).toMatchObject({
      facts: [
        { title: 'Status', value: 'waiting for information' },
        { title: 'Assigned to', value: 'Alice' },
      ],
    });
    expect(card.body.some((e) => e.type === 'Input.Text')).toBe(true);
  });

  it('Slack: the same two headings, each followed by its own lines', () => {
    const msg = renderBlockKit(model);
    expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
    // The timeline and the checklist open in the modal behind "Details".
    const view = renderDetailsView(model);
    expect(SlackModalViewSchema.safeParse(view).error).toBeUndefined();
    expect(view.title.text).toBe('Details');
    const sectionTexts = view.blocks.flatMap((b) => (b.type === 'section' ? [b.text?.text ?? ''] : []));
    const timeline = sectionTexts.find((x) => x.startsWith('*Timeline*'))!;
    expect(timeline.split('\n')).toEqual([
      '*Timeline*',
      '2026-03-14 09:30 UTC — Tech escalated',
      '2026-03-14 09:31 UTC — Alice claimed it',
      '2026-03-14 09:32 UTC — Alice asked: What is your agreement number?',
    ]);
    const checklist = sectionTexts.find((x) => x.startsWith('*Checklist for Microsoft*'))!;
    expect(checklist.split('\n')).toEqual([
      '*Checklist for Microsoft*',
      '✓ slmgr /dlv output',
      '✗ Proof of purchase / agreement number',
    ]);
    expect(JSON.stringify(msg.blocks)).not.toContain('*Timeline*');
    const all = JSON.stringify([...msg.blocks, ...view.blocks]);
    expect(all).not.toContain('What changed');
    expect(all).not.toContain('*Evidence*');
    expect(msg.blocks.some((b) => b.type === 'input')).toBe(true);
    expect(msg.text).toContain('E-7K2M9Q4X');
  });

  it('text: the timeline and the checklist under their own headings', () => {
    const text = renderText(model);
    expect(under(text, 'Timeline')).toEqual([
      '2026-03-14 09:30 UTC — Tech escalated',
      '2026-03-14 09:31 UTC — Alice claimed it',
      '2026-03-14 09:32 UTC — Alice asked: What is your agreement number?',
    ]);
    expect(under(text, 'Checklist for Microsoft')).toEqual([
      '✓ slmgr /dlv output',
      '✗ Proof of purchase / agreement number',
    ]);
    expect(text).not.toContain('What changed');
    expect(text).not.toMatch(/^Evidence$/m);
  });

  it('French: the headings come from the bot layer’s French table', () => {
    const fr = handoffCard(record({ lang: 'fr' }), 'fr');
    const s = sections(renderAdaptiveCard(fr));
    expect(s.get('Historique')).toHaveLength(3);
    expect(s.get('Liste pour Microsoft')).toEqual([
      '✓ Sortie de slmgr /dlv',
      '✗ Preuve d’achat / numéro de contrat',
    ]);
    expect(under(renderText(fr), 'Historique')[2]).toBe(
      '2026-03-14 09:32 UTC — Alice a demandé : What is your agreement number?',
    );
  });

  it('resolved: no status buttons left, the resolution on the first screen, the link and Details beside each other', () => {
    const done = handoffCard(
      record({ status: 'resolved', resolution: 'Microsoft issued a new MAK.', pendingQuestion: undefined }),
    );
    expect(done.actions).toEqual([]);
    const msg = renderBlockKit(done);
    expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
    expect(msg.blocks.some((b) => b.type === 'input')).toBe(false);
    const row = msg.blocks.find((b) => b.type === 'actions');
    expect(row?.type === 'actions' && row.elements.map((e) => e.url ?? e.action_id)).toEqual([
      done.microsoft.url,
      'ad_details',
    ]);
    expect(JSON.stringify(msg.blocks)).toContain('*Resolution*\\nMicrosoft issued a new MAK.');
    const card = renderAdaptiveCard(done);
    expect(card.body.some((e) => e.type === 'Input.Text')).toBe(false);
    expect(sections(card).get('Resolution')).toEqual(['Microsoft issued a new MAK.']);
  });

  it('a record at its limits (200 long timeline entries) still fits Teams and Slack, keeping the latest entries', () => {
    const big = handoffCard(atItsLimits());
    expectFitsKeepingLatest(big);
    const view = renderDetailsView(big);
    expect(SlackModalViewSchema.safeParse(view).error).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('answered: 199 ');
  });
});

describe('the origin thread’s status card and a relayed answer have models of their own', () => {
  const answered = record();
  const after = record({ status: 'claimed', pendingQuestion: undefined });

  it('the status card: status and holder as fields, what is missing, the checklist and the timeline under their headings', () => {
    const model = originCard(record({ pendingQuestion: undefined }));
    expect(model.kind).toBe('origin');
    const s = sections(renderAdaptiveCard(model));
    expect(s.get('Checklist for Microsoft')).toEqual([
      '✓ slmgr /dlv output',
      '✗ Proof of purchase / agreement number',
    ]);
    expect(s.get('Timeline')).toHaveLength(3);
    expect(s.get('Still missing')?.join('\n')).toContain('agreement 12345678');
    expect(s.has('Evidence')).toBe(false);
    expect(s.has('What changed')).toBe(false);
    const msg = renderBlockKit(model);
    expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
    const blocks = JSON.stringify(msg.blocks);
    expect(blocks).toContain('*Status*: waiting for information');
    expect(blocks).toContain('*Checklist for Microsoft*\\n✓ slmgr /dlv output');
    expect(blocks).not.toContain('*Evidence*');
    // Nothing to click on the requester's status card, and so no Escalate.
    expect(msg.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(under(renderText(model), 'Checklist for Microsoft')).toEqual([
      '✓ slmgr /dlv output',
      '✗ Proof of purchase / agreement number',
    ]);
  });

  it('in French, with the headings from the French table', () => {
    const model = originCard(record({ lang: 'fr', pendingQuestion: undefined }), 'fr');
    const s = sections(renderAdaptiveCard(model));
    expect(s.get('Liste pour Microsoft')).toHaveLength(2);
    expect(s.has('Encore à fournir')).toBe(true);
    expect(s.get('Historique')).toHaveLength(3);
    expect(renderText(model)).toContain('État : en attente d’informations');
  });

  it('a relayed answer shows the question and the answer under their own headings, never under "Cause"', () => {
    const relayed = relayedAnswer(answered, TECH, 'It is agreement 87654321');
    expect(relayed.kind).toBe('relay');
    const s = sections(renderAdaptiveCard(relayed));
    expect(s.get('Question from Alice')).toEqual(['What is your agreement number?']);
    expect(s.get('Answer from Tech')).toEqual(['It is agreement 87654321']);
    expect(s.has('Cause')).toBe(false);
    const blocks = JSON.stringify(renderBlockKit(relayed).blocks);
    expect(blocks).toContain('*Question from Alice*\\nWhat is your agreement number?');
    expect(blocks).not.toContain('*Cause*');
    expect(under(renderText(relayed), 'Answer from Tech')).toEqual(['It is agreement 87654321']);

    const notice = answerRelayedNotice(after, answered, TECH, 'It is agreement 87654321', 'fr');
    expect(notice.summary).toBe('Votre réponse a été transmise à l’équipe licences.');
    const fr = sections(renderAdaptiveCard(notice));
    expect(fr.get('Question de Alice')).toEqual(['What is your agreement number?']);
    expect(fr.get('Réponse de Tech')).toEqual(['It is agreement 87654321']);
  });

  it('a status card with 200 long timeline entries still fits Teams and Slack, keeping the latest', () => {
    const msg = expectFitsKeepingLatest(originCard(atItsLimits()));
    expect(JSON.stringify(msg.blocks)).toContain('answered: 199 ');
  });
});

describe('evidence that arrives and the engineer’s question have models of their own', () => {
  // Tech pastes the agreement number in the origin thread: the dossier ticks it, the event log is still missing.
  const ticked = record({
    status: 'claimed',
    pendingQuestion: undefined,
    dossier: {
      ...record().dossier,
      checklist: [
        { id: 'dlv', label: { en: 'slmgr /dlv output', fr: 'Sortie de slmgr /dlv' }, present: true },
        {
          id: 'proof_of_purchase',
          label: { en: 'Proof of purchase / agreement number', fr: 'Preuve d’achat / numéro de contrat' },
          present: true,
          value: '87654321',
        },
        {
          id: 'events',
          label: {
            en: 'setupact.log or SoftwareLicensingService events',
            fr: 'setupact.log ou événements SoftwareLicensingService',
          },
          present: false,
        },
      ],
    },
  });

  it('Alice, in the handoff thread, sees what just arrived and what the checklist still lacks, not a diagnosis’s "Evidence"', () => {
    const note = evidenceArrived(ticked, ['proof_of_purchase']);
    expect(note.kind).toBe('evidence_note');
    expect(note.summary).toBe('Now in the dossier: Proof of purchase / agreement number.');

    const s = sections(renderAdaptiveCard(note));
    expect(s.get('Just arrived')).toEqual(['✓ Proof of purchase / agreement number: 87654321']);
    expect(s.get('Checklist items still missing')).toEqual([
      '✗ setupact.log or SoftwareLicensingService events',
    ]);
    expect(s.has('Evidence')).toBe(false);
    expect(checkCard(renderAdaptiveCard(note)).errors).toEqual([]);

    const msg = renderBlockKit(note);
    expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
    const blocks = JSON.stringify(msg.blocks);
    expect(blocks).toContain('*Just arrived*\\n✓ Proof of purchase / agreement number: 87654321');
    expect(blocks).toContain('*Status*: being handled');
    expect(blocks).not.toContain('*Evidence*');
    expect(msg.blocks.some((b) => b.type === 'actions')).toBe(false);

    const text = renderText(note);
    expect(under(text, 'Just arrived')).toEqual(['✓ Proof of purchase / agreement number: 87654321']);
    expect(under(text, 'Checklist items still missing')).toEqual([
      '✗ setupact.log or SoftwareLicensingService events',
    ]);
  });

  it('once the checklist is complete, only what arrived is shown; in French with the French headings', () => {
    const complete = {
      ...ticked,
      dossier: {
        ...ticked.dossier,
        checklist: ticked.dossier.checklist.map((i) => ({ ...i, present: true })),
      },
    };
    const note = evidenceArrived(complete, ['events'], 'fr');
    expect(note.summary).toBe(
      'Désormais dans le dossier : setupact.log ou événements SoftwareLicensingService.',
    );
    const s = sections(renderAdaptiveCard(note));
    expect(s.get('Vient d’arriver')).toEqual(['✓ setupact.log ou événements SoftwareLicensingService']);
    expect(s.has('Encore absent de la liste')).toBe(false);
    expect(renderText(note)).toContain('État\u00a0: en cours de traitement');
    expect(JSON.stringify(renderBlockKit(note).blocks)).toContain('*Vient d’arriver*');
  });

  it('a full product key pasted as the arriving value is never echoed to the handoff thread', () => {
    const key = 'ABCDE-FGHIJ-KLMNO-PQRST-VWXYZ';
    const leaky = {
      ...ticked,
      dossier: {
        ...ticked.dossier,
        checklist: ticked.dossier.checklist.map((i) =>
          i.id === 'proof_of_purchase' ? { ...i, value: `agreement 87654321, key ${key}` } : i,
        ),
      },
    };
    const note = evidenceArrived(leaky, ['proof_of_purchase']);
    expect(JSON.stringify(note)).not.toContain(key);
    expect(JSON.stringify(renderAdaptiveCard(note))).not.toContain(key);
    expect(renderText(note)).toContain('agreement 87654321');
  });

  it('Tech, in the origin thread, sees Alice’s question under its own heading and how to answer, never "Cause"', () => {
    const asked = needInfoQuestion(record(), ALICE, 'What is your agreement number?');
    expect(asked.kind).toBe('info_request');
    // The notification names who asks what.
    expect(asked.summary).toBe('Alice asks: What is your agreement number?');

    const card = renderAdaptiveCard(asked);
    expect(card.fallbackText).toContain('Alice asks: What is your agreement number?');
    const s = sections(card);
    expect(s.get('Question from Alice')).toEqual(['What is your agreement number?']);
    expect(s.has('Cause')).toBe(false);
    expect(checkCard(card).errors).toEqual([]);
    expect(card.actions ?? []).toEqual([]);

    const msg = renderBlockKit(asked);
    expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
    const blocks = JSON.stringify(msg.blocks);
    expect(blocks).toContain('*Question from Alice*\\nWhat is your agreement number?');
    expect(blocks).toContain('Answer in this thread; your reply is passed on to the licensing team.');
    expect(blocks).not.toContain('*Cause*');

    expect(renderText(asked).split('\n').slice(0, 4)).toEqual([
      'The licensing team needs more information (E-7K2M9Q4X)',
      'Answer in this thread; your reply is passed on to the licensing team.',
      '',
      'Status: waiting for information',
    ]);
    expect(under(renderText(asked), 'Question from Alice')).toEqual(['What is your agreement number?']);
  });

  it('in French, the question keeps its words and the headings come from the French table', () => {
    const asked = needInfoQuestion(record({ lang: 'fr' }), ALICE, 'Quel est votre numéro de contrat ?');
    expect(asked.summary).toBe('Alice demande : Quel est votre numéro de contrat ?');
    const s = sections(renderAdaptiveCard(asked));
    expect(s.get('Question de Alice')).toEqual(['Quel est votre numéro de contrat ?']);
    const text = renderText(asked);
    expect(text).toContain('Répondez dans ce fil ; votre réponse est transmise à l’équipe licences.');
    expect(text).toContain('État\u00a0: en attente d’informations');
    expect(JSON.stringify(renderBlockKit(asked).blocks)).toContain('*Question de Alice*');
  });

  it('a question at its longest (2,000 characters) still fits Teams and Slack', () => {
    const asked = needInfoQuestion(record(), ALICE, 'q'.repeat(2000));
    const card = renderAdaptiveCard(asked);
    expect(jsonBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_BUDGET_BYTES);
    expect(SlackMessageSchema.safeParse(renderBlockKit(asked)).error).toBeUndefined();
  });
});

describe('the reminder that an escalation waits unclaimed has a model of its own', () => {
  const waiting = record({ status: 'open', owner: undefined, pendingQuestion: undefined });

  it('the licensing team sees who waits and how long, where they asked, the cause and Claim, not "Evidence"', () => {
    const nudge = reminder(waiting, T0 + 75 * 60_000);
    expect(nudge.kind).toBe('reminder');
    expect(nudge.summary).toBe('Tech has been waiting 1 h 15 min. Open the handoff thread and click Claim.');

    const card = renderAdaptiveCard(nudge);
    expect(checkCard(card).errors).toEqual([]);
    const body = JSON.stringify(card.body);
    expect(body).toContain('"title":"Most likely cause","value":"The MAK is blocked"');
    expect(body).toContain('"title":"Asked in"');
    expect(sections(card).has('Evidence')).toBe(false);
    expect(card.actions?.map((a) => a.title)).toEqual(['Claim']);

    const msg = renderBlockKit(nudge);
    expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
    expect(JSON.stringify(msg.blocks)).toContain('*Most likely cause*: The MAK is blocked');
    expect(JSON.stringify(msg.blocks)).not.toContain('*Evidence*');
    const buttons = msg.blocks.filter((b) => b.type === 'actions');
    expect(JSON.stringify(buttons)).toContain('"text":"Claim"');

    expect(renderText(nudge)).toContain('Most likely cause: The MAK is blocked');
  });

  it('in French, with the French labels and button', () => {
    const nudge = reminder({ ...waiting, lang: 'fr' }, T0 + 26 * 3_600_000);
    expect(nudge.summary).toContain('attend depuis 1 j 2 h');
    const text = renderText(nudge);
    expect(text).toContain('Cause la plus probable\u00a0: The MAK is blocked');
    expect(text).toContain('Demandé dans\u00a0: ');
    expect(renderAdaptiveCard(nudge).actions?.map((a) => a.title)).toEqual(['Prendre en charge']);
  });
});

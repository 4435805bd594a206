/**
 * The escalation notes with models of their own (evidence that arrived, the engineer's question, the reminder),
 * built from records holding any text, hostile and huge included: each model passes its schema, and each surface
 * stays within its limits and carries no product key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../src/bot/render/adaptive-card.js';
import { renderBlockKit } from '../../src/bot/render/block-kit.js';
import { jsonBytes, SlackMessageSchema, TEAMS_CARD_BUDGET_BYTES } from '../../src/bot/render/limits.js';
import { renderText } from '../../src/bot/render/text.js';
import { evidenceArrived, needInfoQuestion, reminder } from '../../src/conversations/escalations/replies.js';
import { CardModelSchema, type EscalationRecord } from '../../src/conversations/escalations/types.js';
import { text } from './reply-arbitraries.js';

const T0 = Date.UTC(2026, 2, 14, 9, 30);
const KEY = 'ABCDE-FGHIJ-KLMNO-PQRST-VWXYZ';
const withKey = fc.oneof(
  text,
  text.map((s) => `${s} ${KEY}`),
);

function record(name: string, value: string, headline: string, lang: 'en' | 'fr'): EscalationRecord {
  const who = { id: 'U1', name };
  return {
    v: 1,
    id: 'E-7K2M9Q4X',
    version: 1,
    status: 'open',
    lang,
    origin: { platform: 'slack', tenant: 'T1', channel: 'CHELP', threadKey: '1700000000.000100' },
    handoff: { channel: 'CESCAL', threadKey: '1700000100.000100', dedicated: true },
    requestedBy: who,
    dossier: {
      lang,
      codes: ['0xC004C003'],
      facts: [],
      findings: [{ id: 'mak-blocked', title: headline }],
      tried: [],
      checklist: [
        {
          id: 'proof_of_purchase',
          label: { en: 'Proof of purchase', fr: 'Preuve d’achat' },
          present: true,
          value,
        },
        { id: 'dlv', label: { en: 'slmgr /dlv output', fr: 'Sortie de slmgr /dlv' }, present: false },
      ],
    },
    timeline: [{ at: T0, actor: who, kind: 'opened' }],
    deliveries: [],
    createdAt: T0,
    updatedAt: T0,
  };
}

describe('evidence notes, questions and reminders with any text', () => {
  it('pass their schema, fit Teams and Slack, and never carry a full product key', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }),
        withKey,
        withKey,
        fc.constantFrom('en' as const, 'fr' as const),
        (name, value, words, lang) => {
          const r = record(name, value, words, lang);
          for (const model of [
            evidenceArrived(r, ['proof_of_purchase']),
            needInfoQuestion(r, { id: 'U2', name }, words),
            reminder(r, T0 + 90 * 60_000),
          ]) {
            expect(CardModelSchema.safeParse(model).error).toBeUndefined();
            const card = renderAdaptiveCard(model);
            expect(jsonBytes(card)).toBeLessThanOrEqual(TEAMS_CARD_BUDGET_BYTES);
            const msg = renderBlockKit(model);
            expect(SlackMessageSchema.safeParse(msg).error).toBeUndefined();
            for (const out of [JSON.stringify(card), JSON.stringify(msg), renderText(model)])
              expect(out).not.toContain(KEY);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

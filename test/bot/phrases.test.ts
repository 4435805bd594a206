import { describe, expect, it } from 'vitest';
import { actionLabel, LABEL_IDS, t } from '../../src/bot/phrases.js';
import { ActionIdSchema } from '../../src/conversations/types.js';

describe('UI labels', () => {
  it('every label exists in English and French with the same placeholders', () => {
    for (const id of LABEL_IDS) {
      const en = t('en', id);
      const fr = t('fr', id);
      expect(en.trim()).not.toBe('');
      expect(fr.trim()).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(fr)).toEqual(holes(en));
    }
  });

  it('fills the count into the "more" note in both languages', () => {
    expect(t('en', 'more', { n: 12 })).toBe('… 12 more');
    expect(t('fr', 'more', { n: 12 })).toBe('… 12 de plus');
  });

  it('every button has a label of at most 75 characters (Slack’s limit) in both languages', () => {
    for (const id of ActionIdSchema.options) {
      for (const lang of ['en', 'fr'] as const) {
        const label = actionLabel(lang, id);
        expect(label.length).toBeGreaterThan(0);
        expect(label.length).toBeLessThanOrEqual(75);
      }
    }
    // The engine labels this button the same way (phrases.ts); the truncation note quotes the card's own label.
    expect(actionLabel('fr', 'show_all')).toBe('Voir toutes les causes');
  });
});

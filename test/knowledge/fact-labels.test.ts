/**
 * A support engineer reading a card sees "License status: Notification" or "Hôte KMS trouvé dans le DNS : non",
 * never `licenseStatus` or `kmsDnsAutoDiscoveryFailed=true`.
 */
import { describe, expect, it } from 'vitest';
import { annotateEvidence, factChanges } from '../../src/conversations/evidence.js';
import { diagnose } from '../../src/knowledge/diagnose.js';
import { FACT_LABELS, factEvidenceText, factLine } from '../../src/knowledge/fact-labels.js';
import { FactsSchema } from '../../src/knowledge/types.js';
import { allFixtures } from '../helpers/fixtures.js';

/** A fact's camelCase code name (one-word names such as `edition` are plain words). */
const RAW_KEY = new RegExp(
  `\\b(?:${Object.keys(FactsSchema.shape)
    .filter((k) => /[A-Z]/.test(k))
    .join('|')})\\b`,
);

describe('display names of facts', () => {
  it('every fact has a name in English and in French', () => {
    for (const key of Object.keys(FactsSchema.shape)) {
      const label = FACT_LABELS[key as keyof typeof FACT_LABELS];
      expect([key, label?.en.length]).not.toEqual([key, undefined]);
      expect([key, label?.fr.length]).not.toEqual([key, undefined]);
      expect(label!.en).not.toMatch(RAW_KEY);
      expect(label!.fr).not.toMatch(RAW_KEY);
    }
  });

  it('values are said in words, in the reader’s language', () => {
    expect(factLine('licenseStatus', 'notification', 'en')).toBe('License status: Notification');
    expect(factLine('licenseStatus', 'initial-grace', 'fr')).toBe(
      'État de la licence : Période de grâce initiale',
    );
    expect(factLine('kmsDnsAutoDiscoveryFailed', true, 'fr')).toBe('Hôte KMS trouvé dans le DNS : non');
    expect(factLine('graceMinutesRemaining', 197280, 'fr')).toBe(
      'Temps restant avant expiration : 197280 min (137 jours)',
    );
    expect(factLine('kmsHostRegistered', { host: 'kms01.contoso.com', port: 1688 }, 'en')).toBe(
      'KMS host set with /skms: kms01.contoso.com',
    );
    expect(factEvidenceText('kmsCurrentCount<25', 'en')).toBe('KMS host count < 25');
    expect(factEvidenceText('srvRecords=none', 'fr')).toBe('Enregistrements SRV KMS dans le DNS : aucun');
    expect(factEvidenceText('code 0xC004F074', 'en')).toBe('code 0xC004F074');
  });

  it('a French card says the story matched in French, not "symptoms described"', () => {
    const d = diagnose(
      'Le vieux serveur est hors service. Sa clé OEM, on l’a mise sur le nouveau serveur et l’activation est refusée.',
    );
    const shown = annotateEvidence(d.findings[0]!.evidence, [], 'fr');
    expect(shown).toContain('symptômes décrits (100 %)');
    expect(shown.join(' | ')).not.toMatch(/symptoms described|oemLicence|keyFromOtherMachine/);
    expect(factEvidenceText('symptoms described (82%)', 'en')).toBe('symptoms described (82%)');
    expect(factEvidenceText('kmsHostRegistered=known', 'fr')).toBe('Hôte KMS défini par /skms : connu');
  });

  it('no evidence line or "what changed" line of any fixture shows a fact by its code name', () => {
    for (const { name, text } of allFixtures()) {
      for (const lang of ['en', 'fr'] as const) {
        const d = diagnose(text, { lang });
        const lines = [
          ...d.findings.flatMap((f) => annotateEvidence(f.evidence, [], lang)),
          ...factChanges({}, d.facts, lang),
        ];
        for (const line of lines) expect([name, line]).not.toEqual([name, expect.stringMatching(RAW_KEY)]);
      }
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, localizeFinding, NOTE_TEXTS, RULES } from '../../src/knowledge/rules/index.js';
import { fill } from '../../src/knowledge/rules/texts.js';
import { diagnose } from '../../src/knowledge/index.js';
import { factEvidenceText } from '../../src/knowledge/fact-labels.js';
import { scenarioById, SCENARIOS } from '../../src/knowledge/scenarios/index.js';
import { FindingSchema, type Lang } from '../../src/knowledge/types.js';
import { ASK_WHY } from '../../src/knowledge/ask.js';
import { allEntries } from '../../src/knowledge/catalogue/index.js';
import { isGvlk } from '../../src/knowledge/gvlk/index.js';
import { refusalText } from '../../src/knowledge/policy.js';

const LANGS: Lang[] = ['en', 'fr'];

describe('localized finding texts', () => {
  it('every rule gives evidence for a scenario, which holds its texts in English and French', () => {
    for (const rule of RULES) {
      const scenario = scenarioById(rule.id);
      expect(scenario, rule.id).toBeDefined();
      expect(scenario!.title.en.length).toBeGreaterThan(5);
      expect(scenario!.cause.fr.length).toBeGreaterThan(20);
    }
  });

  it('both languages use the same placeholders in each scenario text', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\.?[a-zA-Z]+\}/g)].map((m) => m[0]).sort();
    for (const s of SCENARIOS) {
      const all = (lang: Lang) =>
        placeholders([s.title[lang], s.cause[lang], ...s.fix.map((f) => f[lang])].join(' '));
      expect(all('fr'), s.id).toEqual(all('en'));
    }
  });

  it('no text the bot writes contains a full product key other than a published GVLK (only facts are redacted)', () => {
    const ours = JSON.stringify([
      SCENARIOS,
      NOTE_TEXTS,
      ASK_WHY,
      refusalText('en'),
      refusalText('fr'),
      allEntries(),
    ]);
    const keys = [...ours.matchAll(/[0-9A-Za-z]{5}(?:-[0-9A-Za-z]{5}){4}/g)].map((m) => m[0]);
    expect(keys.filter((k) => !isGvlk(k))).toEqual([]);
  });

  it('every conflict note exists in both languages', () => {
    expect(Object.keys(NOTE_TEXTS.fr).sort()).toEqual(Object.keys(NOTE_TEXTS.en).sort());
  });

  it('every declared conflict has its own note text', () => {
    for (const rule of RULES) {
      for (const other of rule.conflictsWith ?? []) {
        const a = `${rule.id}>${other}`;
        const b = `${other}>${rule.id}`;
        expect(NOTE_TEXTS.en[a] ?? NOTE_TEXTS.en[b], `${a} or ${b}`).toBeDefined();
      }
    }
  });

  it('a known host fills the commands; an unknown one leaves a visible placeholder', () => {
    const [known] = evaluate({
      facts: { port1688Reachable: false, testedHost: 'kms1.contoso.com' },
      codes: [],
    });
    const [unknown] = evaluate({ facts: { port1688Reachable: false }, codes: [] });
    const cmds = (f: ReturnType<typeof localizeFinding>) => f.fix.map((s) => s.command).filter(Boolean);
    expect(cmds(localizeFinding(known!, 'en'))).toContain('Test-NetConnection kms1.contoso.com -Port 1688');
    expect(cmds(localizeFinding(unknown!, 'fr'))).toContain('Test-NetConnection <kms-host> -Port 1688');
  });

  it('no localized finding keeps an unfilled {placeholder}', () => {
    const samples = [
      evaluate({ facts: { srvRecords: 'none' }, codes: ['0xC004F074'] }),
      evaluate({ facts: {}, codes: ['0xC004F038', '0xC004F042', '0x80071234', '0xC004C003', '0xC004F069'] }),
      evaluate({ facts: { channel: 'RETAIL' }, codes: ['0xC004F074'] }),
    ].flat();
    for (const ref of samples) {
      for (const lang of LANGS) {
        const f = localizeFinding(ref, lang);
        expect(FindingSchema.parse(f)).toEqual(f);
        expect(JSON.stringify(f), `${ref.id} ${lang}`).not.toMatch(/\{\.?[a-zA-Z]+\}/);
      }
    }
  });

  it('an uncatalogued code is explained with its decoded bits, in the reader’s language', () => {
    const [ref] = evaluate({ facts: {}, codes: ['0x80071234'] });
    expect(localizeFinding(ref!, 'en').cause).toContain('Win32 error 4660');
    expect(localizeFinding(ref!, 'fr').title).toContain('n’est pas une erreur d’activation documentée');
    expect(localizeFinding(ref!, 'en').fix[0]?.command).toBe('slui.exe 0x2a 0x80071234');
  });

  it('a catalogued code without a specific rule is explained from the catalogue in both languages', () => {
    const [ref] = evaluate({ facts: {}, codes: ['0xC004F014'] });
    const en = localizeFinding(ref!, 'en');
    const fr = localizeFinding(ref!, 'fr');
    expect(en.title).toMatch(/^0xC004F014 — /);
    expect(fr.cause).not.toEqual(en.cause);
    expect(en.fix.length).toBeGreaterThan(0);
  });
});

describe('what a French admin reads on a KMS client card', () => {
  const read = (name: string): string =>
    readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

  it("the rules' own evidence is a fact shown in French words, not an English label", () => {
    const d = diagnose(read('fr/slmgr-dlv-client-kms-sans-hote.txt'));
    expect(d.lang).toBe('fr');
    const shown = d.findings.flatMap((f) => f.evidence.map((e) => factEvidenceText(e, 'fr')));
    expect(shown).toContain('Hôte KMS défini par /skms : aucun');
    for (const e of shown) expect(e).not.toMatch(/no \/skms host set|KMS client key|^KMS client$/);
  });

  it('a cloned KMS client says which fact makes its key a KMS client key, in words', () => {
    const d = diagnose(
      'Cette VM a été clonée depuis un modèle sans sysprep.\nDescription : Système d’exploitation Windows(R), canal VOLUME_KMSCLIENT\nÉtat de la licence : Notification',
    );
    const shown = d.findings.flatMap((f) => f.evidence.map((e) => factEvidenceText(e, 'fr')));
    expect(shown).toContain('Type de clé : GVLK');
    expect(shown.join('\n')).not.toMatch(/KMS client key|^KMS client$/m);
  });

  it('a default that opens a sentence takes a capital; inside a sentence, or a real value, it stays as is', () => {
    expect(fill('{client} needs a {csvlk} CSVLK.', {}, 'en')).toBe('This client needs a matching CSVLK.');
    expect(fill('Il refuse. {client} demande une CSVLK {csvlk}.', {}, 'fr')).toBe(
      'Il refuse. Ce client demande une CSVLK de la bonne version.',
    );
    expect(fill('Décompte actuel : {count}.', {}, 'fr')).toBe('Décompte actuel : inconnu.');
    expect(fill('{host} answers.', { host: 'kms01.contoso.com' }, 'en')).toBe('kms01.contoso.com answers.');
  });
});

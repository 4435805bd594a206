import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseFacts, extract, mergeFacts } from '../../src/knowledge/index.js';
import { DiagnosisSchema, type Observation } from '../../src/knowledge/types.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixture = (lang: string, name: string) => readFileSync(join(FIXTURES, lang, name), 'utf8');
const list = (lang: string) =>
  existsSync(join(FIXTURES, lang)) ? readdirSync(join(FIXTURES, lang)).filter((f) => f.endsWith('.txt')) : [];

/** What a user must see first for each English paste: its codes and the top finding (undefined: none). */
const EXPECTED_EN: Record<string, { codes: string[]; top?: string }> = {
  'dism-get-current-edition-eval.txt': { codes: [], top: 'eval-conversion-unfinished' },
  'dism-set-edition-1168.txt': { codes: ['0x80070490'], top: 'dism-set-edition-failed' },
  'dism-set-edition-domain-controller.txt': { codes: ['0x80070032'], top: 'eval-dc-cannot-convert' },
  'dism-set-edition-invalid-key.txt': { codes: ['0x800F0922'], top: 'dism-set-edition-failed' },
  'event-12288-time-skew.txt': { codes: ['0xC004F06C'], top: 'kms-clock-skew' },
  'event-12289-count.txt': { codes: ['0xC004F038'], top: 'kms-count-low' },
  'event-12290-count.txt': { codes: ['0xC004F038'], top: 'kms-count-low' },
  'event-12293-publish-failed.txt': { codes: ['0x80072338'], top: 'kms-srv-missing' },
  'event-8198-0xC0020017.txt': { codes: ['0xC0020017'], top: 'kms-port-blocked' },
  'nslookup-srv-nxdomain.txt': { codes: [], top: 'kms-srv-missing' },
  'slmgr-ato-0xC004C003-blocked-mak.txt': { codes: ['0xC004C003'], top: 'key-blocked' },
  'slmgr-ato-0xC004F074.txt': { codes: ['0xC004F074'], top: 'kms-srv-missing' },
  'slmgr-ato-access-denied.txt': { codes: ['0x80070005'], top: 'not-elevated' },
  'slmgr-ato-success.txt': { codes: [], top: 'already-licensed' },
  'slmgr-dli-server-eval.txt': { codes: [], top: 'eval-conversion-unfinished' },
  'slmgr-dli-two-clients-same-cmid.txt': { codes: [], top: 'kms-duplicate-cmid' },
  'slmgr-dlv-kms-client-no-kms-in-dns.txt': { codes: [], top: 'kms-srv-missing' },
  'slmgr-dlv-kms-host-count-3.txt': { codes: [], top: 'kms-count-low' },
  'slmgr-dlv-mak-notification.txt': { codes: ['0xC004F009'], top: 'code:0xC004F009' },
  'slmgr-ipk-0xC004F069-eval.txt': { codes: ['0xC004F069'], top: 'eval-conversion-unfinished' },
  'slmgr-xpr-permanent.txt': { codes: [], top: 'already-licensed' },
  'test-netconnection-1688-false.txt': { codes: [], top: 'kms-port-blocked' },
  'test-netconnection-1688-true.txt': { codes: [] },
  'prose-dc-snapshot-not-elevated.txt': { codes: [], top: 'not-elevated' },
  'slack-fenced-several-outputs.txt': { codes: ['0xC004F074'], top: 'kms-srv-missing' },
  'teams-html-wrapped-dlv.txt': { codes: [], top: 'kms-duplicate-cmid' },
};

/** The French pastes: answered in French, same codes and first finding as the English cases they mirror. */
const EXPECTED_FR: Record<string, { codes: string[]; top?: string }> = {
  'dism-get-current-edition-eval.txt': { codes: [], top: 'eval-conversion-unfinished' },
  'dism-set-edition-controleur-de-domaine.txt': { codes: ['0x80070032'], top: 'eval-dc-cannot-convert' },
  'event-12288-decalage-horaire.txt': { codes: ['0xC004F06C'], top: 'kms-clock-skew' },
  'event-12290-compteur.txt': { codes: ['0xC004F038'], top: 'kms-count-low' },
  'nslookup-srv-domaine-inexistant.txt': { codes: [], top: 'kms-srv-missing' },
  'prose-controleur-clone-vm.txt': { codes: [], top: 'not-elevated' },
  'slack-plusieurs-sorties.txt': { codes: ['0xC004C003'], top: 'key-blocked' },
  'slmgr-ato-0xC004C003-cle-bloquee.txt': { codes: ['0xC004C003'], top: 'key-blocked' },
  'slmgr-ato-0xC004F074.txt': { codes: ['0xC004F074'], top: 'kms-srv-missing' },
  'slmgr-ato-acces-refuse.txt': { codes: ['0x80070005'], top: 'not-elevated' },
  'slmgr-dli-serveur-eval.txt': { codes: [], top: 'eval-conversion-unfinished' },
  'slmgr-dlv-client-kms-sans-hote.txt': { codes: [], top: 'kms-srv-missing' },
  'slmgr-dlv-hote-kms-compteur-3.txt': { codes: [], top: 'kms-count-low' },
  'slmgr-dlv-mak-notification.txt': { codes: ['0xC004F009'], top: 'code:0xC004F009' },
  'slmgr-ipk-0xC004F069-eval.txt': { codes: ['0xC004F069'], top: 'eval-conversion-unfinished' },
  'slmgr-xpr-permanent.txt': { codes: [], top: 'already-licensed' },
};

describe('diagnose on English fixtures', () => {
  for (const [name, want] of Object.entries(EXPECTED_EN)) {
    it(`${name}: codes ${want.codes.join(', ') || 'none'}, first finding ${want.top ?? 'none'}`, () => {
      if (!existsSync(join(FIXTURES, 'en', name))) return expect.fail(`fixture ${name} is missing`);
      const d = diagnose(fixture('en', name));
      expect(DiagnosisSchema.parse(d)).toEqual(d);
      expect(d.lang).toBe('en');
      expect(d.codes.map((c) => c.code)).toEqual(want.codes);
      expect(d.findings[0]?.id).toBe(want.top);
    });
  }

  it('every English fixture yields a valid diagnosis with at most three questions', () => {
    for (const name of list('en')) {
      const d = diagnose(fixture('en', name));
      expect(DiagnosisSchema.safeParse(d).success, name).toBe(true);
      expect(d.ask.length, name).toBeLessThanOrEqual(3);
    }
  });
});

describe('diagnose in French', () => {
  it('a French question about 0xC004F074 with a failed SRV lookup is answered in French', () => {
    const text = [
      'Bonjour, sur notre serveur l’activation échoue toujours avec l’erreur 0xC004F074.',
      '',
      'C:\\>nslookup -type=SRV _vlmcs._tcp',
      '*** Impossible de trouver _vlmcs._tcp.contoso.com : Non-existent domain',
    ].join('\n');
    const d = diagnose(text);
    expect(d.lang).toBe('fr');
    expect(d.codes.map((c) => c.code)).toEqual(['0xC004F074']);
    expect(d.findings[0]?.title).toBe('Aucun hôte KMS n’est publié dans le DNS');
    expect(d.ask.every((a) => /[éèàù’]|le |la |les /.test(a.why))).toBe(true);
  });

  it('--lang wins over the detected language', () => {
    const d = diagnose(fixture('en', 'slmgr-ato-access-denied.txt'), { lang: 'fr' });
    expect(d.lang).toBe('fr');
    expect(d.findings[0]?.title).toBe('La commande n’a pas été lancée en administrateur');
  });

  for (const [name, want] of Object.entries(EXPECTED_FR)) {
    it(`fr/${name}: answered in French, first finding ${want.top ?? 'none'}`, () => {
      if (!existsSync(join(FIXTURES, 'fr', name))) return expect.fail(`fixture ${name} is missing`);
      const d = diagnose(fixture('fr', name));
      expect(DiagnosisSchema.parse(d)).toEqual(d);
      expect(d.lang).toBe('fr');
      expect(d.codes.map((c) => c.code)).toEqual(want.codes);
      expect(d.findings[0]?.id).toBe(want.top);
      if (d.findings[0])
        expect(d.findings[0].title).not.toBe(
          diagnose(fixture('fr', name), { lang: 'en' }).findings[0]?.title,
        );
    });
  }

  it('every French fixture yields a valid diagnosis', () => {
    for (const name of list('fr'))
      expect(DiagnosisSchema.safeParse(diagnose(fixture('fr', name))).success, name).toBe(true);
  });
});

describe('the pieces of diagnose', () => {
  it('extract unwraps chat formatting, detects codes and language, and redacts keys in the text', () => {
    const ex = extract(
      '```\nslmgr /ipk ABCDE-FGHIJ-KLMNO-PQRST-VWXYZ\nError: 0xC004F050\n```\nThe key is invalid, please help',
    );
    expect(ex.codes.map((c) => c.code)).toEqual(['0xC004F050']);
    expect(ex.text).not.toContain('ABCDE-FGHIJ');
    expect(ex.text).toContain('XXXXX-XXXXX-XXXXX-XXXXX-VWXYZ');
    expect(ex.text).not.toContain('```');
    expect(ex.lang).toBe('en');
    expect(ex.refusal).toBe(false);
    expect(ex.truncated).toBe(false);
  });

  it('a published GVLK typed in full marks the machine as meant for KMS', () => {
    const ex = extract('I ran slmgr /ipk WX4NM-KYWYW-QJJR4-XV3QB-6VM33 then /ato');
    const facts = mergeFacts(ex.observations);
    expect(facts).toMatchObject({
      keyType: 'GVLK',
      gvlk: { partial: '6VM33', product: 'Windows Server 2022' },
    });
    expect(ex.text).toContain('WX4NM-KYWYW-QJJR4-XV3QB-6VM33');
  });

  it('a Partial Product Key of a published GVLK identifies the installed key', () => {
    const facts = mergeFacts(extract(fixture('en', 'slmgr-dli-two-clients-same-cmid.txt')).observations);
    expect(facts.gvlk).toMatchObject({ partial: 'VMK7H', product: 'Windows Server 2022' });
  });

  it('input past 1 MiB is cut and flagged', () => {
    const ex = extract('0xC004F074 '.repeat(100_000));
    expect(ex.truncated).toBe(true);
    expect(ex.codes.map((c) => c.code)).toEqual(['0xC004F074']);
  });

  it('mergeFacts keeps the later value per key and concatenates lists without duplicates', () => {
    const obs: Observation[] = [
      { source: 'slmgr-dli', facts: { licenseStatus: 'notification', events: [{ id: 12288, codes: [] }] } },
      {
        source: 'event',
        facts: {
          events: [
            { id: 12288, codes: [] },
            { id: 12290, codes: ['0xC004F038'] },
          ],
        },
      },
      { source: 'slmgr-dli', facts: { licenseStatus: 'licensed' } },
    ];
    expect(mergeFacts(obs)).toEqual({
      licenseStatus: 'licensed',
      events: [
        { id: 12288, codes: [] },
        { id: 12290, codes: ['0xC004F038'] },
      ],
    });
  });

  it('diagnoseFacts leaves out excluded findings (after "didn’t help") and shows the next one', () => {
    const input = {
      facts: { srvRecords: 'none' as const, updatesPending: true },
      codes: ['0xC004F074' as const],
    };
    const all = diagnoseFacts(input, { lang: 'en' });
    const rest = diagnoseFacts(input, { lang: 'en', exclude: [all.findings[0]!.id] });
    expect(all.findings[0]?.id).toBe('kms-srv-missing');
    expect(rest.findings.map((f) => f.id)).not.toContain('kms-srv-missing');
    expect(rest.findings.map((f) => f.id)).toContain('updates-pending');
  });

  it('codes are described with catalogue name and title, unknown ones decoded', () => {
    const d = diagnose('errors 0xC004F074 and 0x80071234');
    expect(d.codes[0]).toMatchObject({
      code: '0xC004F074',
      known: true,
      name: 'SL_E_VL_BINDING_SERVICE_UNAVAILABLE',
    });
    expect(d.codes[1]).toMatchObject({
      code: '0x80071234',
      known: false,
      decoded: { win32: { number: 4660 } },
    });
  });

  it('diagnoseFacts redacts a key hidden in facts handed to it directly (any dash, any nesting)', () => {
    const d = diagnoseFacts(
      {
        facts: {
          dismError: { code: '0x800F0922', message: 'Key ABCDE-FGHIJ-KLMNO-PQRST-VWXYZ is not valid' },
          events: [{ id: 8198, codes: [], host: 'abcde\u2013fghij\u2013klmno\u2013pqrst\u2013vwxyz' }],
        },
        codes: ['0x800F0922'],
      },
      { lang: 'fr' },
    );
    const json = JSON.stringify(d);
    expect(json).not.toMatch(/ABCDE-FGHIJ|abcde\u2013fghij|abcde–fghij/i);
    expect(json).toContain('XXXXX-XXXXX-XXXXX-XXXXX-VWXYZ');
  });

  it('a MAK key pasted in full never comes back, in any field', () => {
    const d = diagnose('slmgr /ipk ABCDE-FGHIJ-KLMNO-PQRST-VWXYZ\nError: 0xC004C003 blocked');
    expect(JSON.stringify(d)).not.toContain('ABCDE-FGHIJ-KLMNO-PQRST');
  });
});

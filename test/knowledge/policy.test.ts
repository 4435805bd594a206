import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANY_CASE,
  asksForUnauthorizedActivation,
  EXACT_CASE,
  refusalText,
} from '../../src/knowledge/policy.js';
import { diagnose } from '../../src/knowledge/index.js';

describe('refusing cracks and KMS emulators', () => {
  const refused = [
    'how do I set up vlmcsd on my NAS so all our PCs activate?',
    'Is py-kms safe to run in docker?',
    'pykms keeps giving 0xC004F074',
    'KMSpico stopped working after the update',
    'where can I download KMS_VL_ALL',
    'should I use KMSAuto or the MAS script?',
    'Microsoft-Activation-Scripts HWID method',
    'Use MAS to activate with HWID',
    'is the KMS38 trick still working?',
    'any Windows activator that works on Server 2022?',
    'need a crack for windows 11 pro',
    'a free KMS server address please',
    'comment installer un émulateur KMS sur un serveur linux',
    'un activateur pour Windows Server 2022 ?',
    'je cherche une version crackée de Windows',
    'existe-t-il un serveur KMS gratuit ?',
    'comment activer Windows sans payer',
    'how do I activate it without buying a licence?',
    'activate windows 11 without buying',
    'activer Windows sans acheter de licence',
    'activation HWID avec massgrave',
  ];
  for (const text of refused) {
    it(`refuses: ${text}`, () => expect(asksForUnauthorizedActivation(text)).toBe(true));
  }

  const allowed = [
    'slmgr /ato fails with 0xC004F074 on our KMS client',
    'the MAS (Microsoft Activation Services?) no, I mean our MAK keeps failing',
    'our KMS host count is stuck at 3',
    'Windows est activé mais le décompte KMS reste à 3',
    'la clé a été piratée ? le serveur dit 0xC004C003',
    'the hardware ID changed after a motherboard swap (HWID)',
    'Windows is running without a licence since the migration',
    'we emulate nothing, we run a real KMS host on Server 2022',
    // A legitimate upgrade path: subscription activation steps up from an activated Pro.
    'can our E3 subscription get it to Enterprise without buying Pro first?',
    'peut-on passer en Entreprise sans acheter Pro avant ?',
  ];
  for (const text of allowed) {
    it(`helps: ${text}`, () => expect(asksForUnauthorizedActivation(text)).toBe(false));
  }

  it('the refusal names the legitimate routes in English', () => {
    const t = refusalText('en');
    expect(t).toMatch(/can't help/);
    expect(t).toContain('KMS host');
    expect(t).toContain('MAK');
    expect(t).toContain('Active Directory-based activation');
    expect(t).toContain('Licensing Activation Center');
  });

  it('the refusal names the legitimate routes in French', () => {
    const t = refusalText('fr');
    expect(t).toContain('ne peux pas');
    expect(t).toContain('hôte KMS');
    expect(t).toContain('MAK');
    expect(t).toContain('centre d’activation des licences Microsoft');
  });

  it('a diagnosis of a crack request carries the refusal and no help to activate', () => {
    const d = diagnose('vlmcsd gives 0xC004F074, how to fix the SRV record for it?');
    expect(d.refusal).toBe(refusalText('en'));
    expect(d.findings).toEqual([]);
    expect(d.ask).toEqual([]);
    expect(d.codes.map((c) => c.code)).toEqual(['0xC004F074']);
  });

  it('a French crack request is refused in French', () => {
    const d = diagnose('Bonjour, je voudrais un activateur pour Windows 11, la clé ne marche pas');
    expect(d.lang).toBe('fr');
    expect(d.refusal).toBe(refusalText('fr'));
  });

  it('the combined, faster scan answers as the plain alternations would', () => {
    const anyCase = new RegExp(ANY_CASE.join('|'), 'i');
    const exactCase = new RegExp(EXACT_CASE.join('|'));
    const words = [
      'kms',
      'KMS',
      'pico',
      'vl',
      'all',
      'auto',
      '38',
      'vlmcsd',
      'py',
      'MAS',
      'mas',
      'AIO',
      '1.3',
      'hwid',
      'HWID',
      'activation',
      'activator',
      'activateur',
      'crack',
      'cracké',
      'craquer',
      'émulateur',
      'emulator',
      'script',
      'free',
      'server',
      'serveur',
      'gratuit',
      'without',
      'paying',
      'buying',
      'licence',
      'Pro',
      'acheter',
      'sans',
      'payer',
      'bypass',
      'contourner',
      "l'activation",
      'tsforge',
      'ohook',
      'massgrave',
      'slmgr',
      '/ato',
      '0xC004F074',
    ];
    const seps = [' ', '-', '_', '', '\n', ', ', '. ', 'é'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...seps)), { maxLength: 8 }),
        (parts) => {
          const text = parts.map(([w, s]) => w + s).join('');
          expect(asksForUnauthorizedActivation(text)).toBe(anyCase.test(text) || exactCase.test(text));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

/**
 * Facts people state in a sentence (issue 15's stories): a clock out of step, a licence from the free Windows 7/8.1
 * upgrade, a copy made without sysprep in French, an Azure VM named by a product before the place, or by the Azure
 * KMS it was pointed at; one volume key typed on every machine, a KMS host that is gone, an OEM key taken from
 * another machine, a retail key on volume media. And the escalation a stated fact can call for.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/index.js';
import { readProseFacts } from '../../src/knowledge/parse/prose.js';

describe('facts stated in prose', () => {
  it.each([
    ['The clock on that server is 5 hours ahead since the outage.', { clockSkew: true }],
    ['L’horloge a plusieurs heures d’avance depuis la coupure.', { clockSkew: true }],
    ['Le serveur ne se synchronise plus avec le contrôleur de domaine.', { clockSkew: true }],
    ['I got it as a free upgrade from Windows 7 back then.', { freeUpgradeLicence: true }],
    ['À l’époque j’étais passé de Windows 7 à Windows 10 gratuitement.', { freeUpgradeLicence: true }],
    ['Le master a été copié tel quel, on n’a pas lancé sysprep.', { clonedOrSnapshot: true }],
    ['Les postes sont déployés à partir d’un master.', { clonedOrSnapshot: true }],
    ['VM Windows Server 2019 dans Azure, activation en échec.', { onAzure: true, isVirtualMachine: true }],
    [
      'Test-NetConnection azkms.core.windows.net -Port 1688 fails from the machine.',
      { onAzure: true, isVirtualMachine: true },
    ],
    [
      'Like on 2003, we typed the same volume key into every server at setup.',
      { sameKeyOnEveryMachine: true },
    ],
    ['Quelqu’un a mis la clé KMS sur tous les postes pour aller plus vite.', { sameKeyOnEveryMachine: true }],
    ['Our KMS host died on Friday, the clients still ask it.', { kmsHostGone: true }],
    ['Notre serveur KMS est mort vendredi.', { kmsHostGone: true }],
    [
      'We moved the OEM key from the old server to the new one and it will not activate.',
      { oemLicence: true, keyFromOtherMachine: true },
    ],
    [
      'Le serveur était livré par le constructeur ; on a saisi cette clé sur le nouveau serveur.',
      { oemLicence: true, keyFromOtherMachine: true },
    ],
    ['Our MSDN key is refused on the volume license ISO.', { retailKeySource: true, volumeMedia: true }],
    ['La clé MSDN est refusée sur l’ISO de licence en volume.', { retailKeySource: true, volumeMedia: true }],
    ['We converted the 2022 evaluation to Datacenter with DISM.', { convertedFromEvaluation: true }],
    ['J’ai passé un 2022 Évaluation en Datacenter avec DISM.', { convertedFromEvaluation: true }],
    // A mail client's line break in the middle of a sentence does not cut the sentence.
    ['we type the same KMS key on\nevery workstation during the build.', { sameKeyOnEveryMachine: true }],
  ])('%s', (text, facts) => {
    expect(readProseFacts(text)).toEqual(facts);
  });

  it.each([
    'Is the clock 5 hours ahead a problem?',
    'Can an on-premises server use azkms.core.windows.net?',
    'Ce n’est pas une mise à niveau gratuite, la clé vient d’un revendeur.',
    // A MAK is meant to be typed on every machine: nothing unusual is said.
    'We used the same MAK on every PC.',
    'Is our KMS server dead?',
    'We tried to convert the eval to Standard.',
    'It is not an OEM licence, we bought it retail.',
  ])('states nothing: %s', (text) => {
    expect(readProseFacts(text)).toEqual({});
  });
});

describe('a stated fact can make a scenario Microsoft’s', () => {
  it('a hardware change is the person’s to fix, unless the licence came from the free Windows 7 upgrade', () => {
    const plain = diagnose(
      'I replaced the motherboard and now Windows is not activated; it had a digital licence.',
    );
    expect(plain.findings[0]?.id).toBe('hardware-change-reactivation');
    expect(plain.findings[0]?.escalate).toBe(false);
    const upgraded = diagnose(
      'Mon Windows 10 n’est plus activé depuis la mise à jour du BIOS. J’étais passé de Windows 7 à Windows 10 gratuitement.',
    );
    expect(upgraded.findings[0]?.id).toBe('hardware-change-reactivation');
    expect(upgraded.findings[0]?.escalate).toBe(true);
  });
});

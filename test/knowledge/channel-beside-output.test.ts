/**
 * The licence channel told in a sentence that sits right under a pasted error (so the output reader keeps it with
 * the output): "slmgr /dlv says « Canal de vente au détail »" still tells the key is a retail one.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/knowledge/diagnose.js';

describe('the channel quoted under a pasted error', () => {
  it('« Le slmgr /dlv indique Canal de vente au détail » under 0xC004F074 on an Azure VM: a retail key, not the network', () => {
    const d = diagnose(
      'VM Azure créée depuis notre image maison, elle refuse de s’activer :\n' +
        'Erreur : 0xC004F074 : le logiciel LicensingService a signalé que l’ordinateur n’a pas pu être activé. Aucun service de gestion des clés (KMS) n’a pu être contacté.\n' +
        'Le slmgr /dlv indique « Canal de vente au détail » dans la description.',
    );
    expect(d.facts.channel).toBe('RETAIL');
    expect(d.facts.keyType).toBe('Retail');
    expect(d.findings[0]?.id).toBe('kms-error-on-non-kms-key');
  });

  it('a bare Description value under a sentence, in English: the RETAIL channel', () => {
    const d = diagnose(
      'Event 8198 with 0x8007007B on the VMs and nslookup finds the old KMS host. The /dlv description says:\n' +
        'Windows(R) Operating System, RETAIL channel',
    );
    expect(d.facts.channel).toBe('RETAIL');
  });

  it('a pasted /dlv keeps the channel its Description line gives', () => {
    const d = diagnose(
      'Name: Windows(R), ServerStandard edition\nDescription: Windows(R) Operating System, VOLUME_KMSCLIENT channel\nLicense Status: Licensed',
    );
    expect(d.facts.channel).toBe('VOLUME_KMSCLIENT');
  });
});

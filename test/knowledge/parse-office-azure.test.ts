/**
 * Office volume activation (`cscript ospp.vbs /dstatus`) and where a machine runs (Azure, Azure Local), as admins
 * paste and tell them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/knowledge/diagnose.js';
import { parseAll } from '../../src/knowledge/parse/index.js';
import { readProseFacts } from '../../src/knowledge/parse/prose.js';

const read = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('cscript ospp.vbs /dstatus', () => {
  it('an Office KMS client in notifications next to a licensed Visio gives one entry per licence', () => {
    expect(parseAll(read('en/ospp-dstatus-kms-notifications.txt'))).toEqual([
      {
        source: 'ospp-dstatus',
        facts: {
          officeLicenses: [
            {
              name: 'Office 19, Office19ProPlus2019VL_KMS_Client_AE edition',
              licenseStatus: 'notification',
              partialProductKey: '6MWKP',
              channel: 'VOLUME_KMSCLIENT',
              errorCode: '0xC004F074',
            },
            {
              name: 'Office 19, Office19VisioPro2019VL_KMS_Client_AE edition',
              licenseStatus: 'licensed',
              partialProductKey: '7VCBB',
              channel: 'VOLUME_KMSCLIENT',
              kmsMachine: 'kms01.contoso.com:1688',
            },
          ],
          officeChannel: 'volume',
        },
      },
    ]);
  });

  it('a French admin pasting the (English) ospp output in a French message gets it read, in French', () => {
    const ex = extract(read('fr/ospp-dstatus-office-sans-hote-kms.txt'));
    expect(ex.lang).toBe('fr');
    // What the readers found; the story reader's own observation (storyMatches) is the scenarios' business.
    expect(ex.observations.filter((o) => o.facts.storyMatches === undefined)).toEqual([
      {
        source: 'ospp-dstatus',
        facts: {
          officeLicenses: [
            {
              name: 'Office 16, Office16ProPlusVL_KMS_Client edition',
              licenseStatus: 'initial-grace',
              partialProductKey: 'WFG99',
              channel: 'VOLUME_KMSCLIENT',
              errorCode: '0x8007232B',
            },
          ],
          officeChannel: 'volume',
        },
      },
      // Only Office printed that code: it is read as Office's.
      { source: 'ospp-dstatus', facts: { officeCodes: ['0x8007232B'] } },
    ]);
  });

  it('a MAK licence keeps its RETAIL(MAK) channel and a registry override names the KMS host', () => {
    const paste = [
      'LICENSE NAME: Office 16, Office16StandardVL_MAK edition',
      'LICENSE DESCRIPTION: Office 16, RETAIL(MAK) channel',
      'LICENSE STATUS:  ---LICENSED---',
      'Last 5 characters of installed product key: 3FHB4',
      'LICENSE NAME: Office 16, Office16ProjectProVL_KMS_Client edition',
      'LICENSE DESCRIPTION: Office 16, VOLUME_KMSCLIENT channel',
      'LICENSE STATUS:  ---OOT_GRACE---',
      'KMS machine registry override defined: kms02.contoso.com:1688',
    ].join('\n');
    expect(parseAll(paste)[0]?.facts.officeLicenses).toEqual([
      {
        name: 'Office 16, Office16StandardVL_MAK edition',
        licenseStatus: 'licensed',
        channel: 'RETAIL(MAK)',
        partialProductKey: '3FHB4',
      },
      {
        name: 'Office 16, Office16ProjectProVL_KMS_Client edition',
        licenseStatus: 'additional-grace',
        channel: 'VOLUME_KMSCLIENT',
        kmsMachine: 'kms02.contoso.com:1688',
      },
    ]);
  });

  it('slmgr /dlv still reads its own License Status and KMS lines', () => {
    const facts = parseAll(read('en/slmgr-dlv-kms-client-no-host.txt'))[0]?.facts;
    expect(facts?.officeLicenses).toBeUndefined();
    expect(facts?.licenseStatus).toBeDefined();
  });
});

describe('where the machine runs, from what the admin says', () => {
  it('"our Azure VMs", "VMs in Azure", "machine virtuelle Azure", "VM Azure" mean an Azure VM', () => {
    for (const text of [
      'Our Azure VMs stopped activating this morning.',
      'The VMs in Azure cannot reach the KMS anymore.',
      'We run these servers on Azure.',
      'Azure Virtual Desktop session hosts show the watermark.',
      'Nos machines virtuelles Azure ne s’activent plus.',
      'La VM Azure affiche 0xC004F074.',
      'Les serveurs hébergés dans Azure échouent tous.',
    ])
      expect([text, readProseFacts(text)]).toEqual([text, { onAzure: true, isVirtualMachine: true }]);
  });

  it('Azure AD, Entra, a denial or a question say nothing about Azure VMs', () => {
    for (const text of [
      'The laptops are joined to Azure AD.',
      'Users sign in with Azure AD and Entra ID.',
      'It is not an Azure VM.',
      'Ce n’est pas une VM Azure.',
      'Is this VM in Azure?',
    ])
      expect([text, readProseFacts(text).onAzure]).toEqual([text, undefined]);
  });

  it('an Azure Local or Azure Stack HCI guest is on-premises, not an Azure VM', () => {
    expect(readProseFacts('The guests run on Azure Local 23H2.')).toEqual({
      azureLocal: true,
      isVirtualMachine: true,
    });
    expect(readProseFacts('Nos VM sur le cluster Azure Stack HCI ne sont plus activées.')).toMatchObject({
      azureLocal: true,
    });
    expect(readProseFacts('The VMs on Azure Local fail with 0xC004FD01.').onAzure).toBeUndefined();
  });
});

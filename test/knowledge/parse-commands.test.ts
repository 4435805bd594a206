/**
 * Each command parser on its own, on the fixtures and on the edge cases a support engineer meets: French labels
 * with accents or without, typographic apostrophes, `Error: 0x…` variants, a Test-NetConnection on another port.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseDismCurrentEdition,
  parseDismSetEdition,
  parseDismTargetEditions,
  parseEvents,
  parseNslookupSrv,
  parseProse,
  parseSlmgrAto,
  parseSlmgrDli,
  parseSlmgrDlv,
  parseSlmgrDti,
  parseSlmgrIpk,
  parseSlmgrXpr,
  parseTestNetConnection,
} from '../../src/knowledge/parse/index.js';
import { labelKey, LABELS } from '../../src/knowledge/parse/labels.js';
import { FactsSchema, type Facts, type Observation } from '../../src/knowledge/types.js';

const read = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const factsOf = (obs: Observation[]): Facts => FactsSchema.parse(obs[0]?.facts);

describe('slmgr /dli and /dlv', () => {
  it('a KMS client that cannot find its host says so in English and in French', () => {
    for (const name of ['en/slmgr-dlv-kms-client-no-host.txt', 'fr/slmgr-dlv-client-kms-sans-hote.txt']) {
      const f = factsOf(parseSlmgrDlv(read(name)));
      expect(f).toMatchObject({
        edition: 'ServerDatacenter',
        osKind: 'server',
        osVersion: 'Windows Server 2022',
        channel: 'VOLUME_KMSCLIENT',
        keyType: 'GVLK',
        licenseStatus: 'initial-grace',
        graceMinutesRemaining: 43020,
        kmsDnsAutoDiscoveryFailed: true,
        isKmsHost: false,
        cmid: '2c1e5c8b-7f0a-4d3e-9b61-4a7d2f08c913',
      });
      expect(f.kmsHostIp).toBeUndefined();
    }
  });

  it('a KMS host below the threshold shows its count, port, publishing and counters', () => {
    for (const name of ['en/slmgr-dlv-kms-host-count-3.txt', 'fr/slmgr-dlv-hote-kms-compteur-3.txt']) {
      expect(factsOf(parseSlmgrDlv(read(name)))).toMatchObject({
        isKmsHost: true,
        kmsCurrentCount: 3,
        kmsListeningPort: 1688,
        kmsDnsPublishing: true,
        kmsTotalRequests: 57,
        kmsFailedRequests: 0,
        keyType: 'CSVLK',
        productKeyChannel: 'Volume:CSVLK',
      });
    }
  });

  it('an evaluation edition is flagged from the edition and the TIMEBASED_EVAL channel', () => {
    const f = factsOf(parseSlmgrDli(read('fr/slmgr-dli-serveur-eval.txt')));
    expect(f).toMatchObject({ edition: 'ServerDatacenterEval', isEvaluation: true, keyType: 'Eval' });
    const tb = factsOf(
      parseSlmgrDli(
        'Name: Windows(R), ServerStandard edition\nDescription: Windows(R) Operating System, TIMEBASED_EVAL channel',
      ),
    );
    expect(tb.isEvaluation).toBe(true);
  });

  it('French labels match with or without accents, with either apostrophe and with a no-break space', () => {
    const text = [
      'Etat de la licence\u00a0: Avec licence',
      'ID de l’ordinateur client (CMID) : 9F4B2D61-0C3E-4A8F-B5D7-E21C6A0F7B34',
      "Nom d'ordinateur KMS à partir de DNS : kms01.contoso.com:1688",
      'CLÉ DE PRODUIT PARTIELLE : vmk7h',
    ].join('\n');
    expect(factsOf(parseSlmgrDli(text))).toEqual({
      licenseStatus: 'licensed',
      cmid: '9f4b2d61-0c3e-4a8f-b5d7-e21c6a0f7b34',
      kmsHostFromDns: { host: 'kms01.contoso.com', port: 1688 },
      partialProductKey: 'VMK7H',
    });
  });

  it('every license status value maps to its normalized state', () => {
    const cases: [string, Facts['licenseStatus']][] = [
      ['Unlicensed', 'unlicensed'],
      ['Licensed', 'licensed'],
      ['Initial grace period', 'initial-grace'],
      ['Additional grace period (KMS license expired or hardware out of tolerance)', 'additional-grace'],
      ['Non-genuine grace period.', 'non-genuine-grace'],
      ['Notification', 'notification'],
      ['Extended grace period', 'extended-grace'],
      ['Unknown', 'unknown'],
      ['Sans licence', 'unlicensed'],
      ['Période de grâce initiale', 'initial-grace'],
    ];
    for (const [value, status] of cases) {
      expect(factsOf(parseSlmgrDli(`License Status: ${value}`)).licenseStatus).toBe(status);
    }
  });

  it('key channels map to key types', () => {
    const cases: [string, Facts['keyType']][] = [
      ['Volume:GVLK', 'GVLK'],
      ['Volume:MAK', 'MAK'],
      ['Volume:CSVLK', 'CSVLK'],
      ['Retail', 'Retail'],
      ['OEM:DM', 'OEM'],
      ['OEM:NONSLP', 'OEM'],
      ['Retail:TB:Eval', 'Eval'],
    ];
    for (const [channel, type] of cases) {
      const f = factsOf(parseSlmgrDlv(`Product Key Channel: ${channel}`));
      expect(f).toMatchObject({ productKeyChannel: channel, keyType: type });
    }
    expect(factsOf(parseSlmgrDlv('Product Key Channel: Retail:TB:Eval')).isEvaluation).toBe(true);
  });

  it('a registered KMS name keeps its port; an IPv6 host keeps its brackets', () => {
    expect(
      factsOf(parseSlmgrDli('Registered KMS machine name: kms01.contoso.com:1700')).kmsHostRegistered,
    ).toEqual({ host: 'kms01.contoso.com', port: 1700 });
    expect(factsOf(parseSlmgrDli('Registered KMS machine name: [fd00::20]:1688')).kmsHostRegistered).toEqual({
      host: '[fd00::20]',
      port: 1688,
    });
  });

  it('/dti gives only the installation ID', () => {
    expect(parseSlmgrDti(read('en/slmgr-dti.txt'))).toEqual([
      {
        source: 'slmgr-dti',
        facts: { installationId: '470213884936153047269178322410836201874952612004417739065118302' },
      },
    ]);
  });

  it('every label row is found again through the lookup', () => {
    for (const [key, , label] of LABELS)
      expect([key, labelKey(label)]).toEqual([key, key === 'evEventId' ? 'evEventId' : key]);
  });
});

describe('slmgr /xpr, /ato, /ipk', () => {
  it('/xpr tells permanent activation, expiry dates and notification mode', () => {
    expect(factsOf(parseSlmgrXpr(read('fr/slmgr-xpr-permanent.txt')))).toMatchObject({
      permanentlyActivated: true,
      licenseStatus: 'licensed',
    });
    expect(factsOf(parseSlmgrXpr(read('en/slmgr-xpr-volume-expiry.txt')))).toMatchObject({
      permanentlyActivated: false,
      activationExpiry: '9/10/2025 3:14:07 PM',
    });
    expect(factsOf(parseSlmgrXpr('Initial grace period ends 4/12/2025 10:02:11 AM'))).toEqual({
      licenseStatus: 'initial-grace',
      permanentlyActivated: false,
      activationExpiry: '4/12/2025 10:02:11 AM',
    });
    expect(factsOf(parseSlmgrXpr('Windows est en mode de notification'))).toEqual({
      licenseStatus: 'notification',
      permanentlyActivated: false,
    });
  });

  it('/ato reports success, the failing code and a missing elevation', () => {
    expect(factsOf(parseSlmgrAto(read('en/slmgr-ato-success.txt'))).activationSucceeded).toBe(true);
    expect(factsOf(parseSlmgrAto(read('en/slmgr-ato-0xC004F074.txt')))).toMatchObject({
      activationSucceeded: false,
      lastError: '0xC004F074',
    });
    expect(factsOf(parseSlmgrAto(read('fr/slmgr-ato-acces-refuse.txt')))).toMatchObject({
      lastError: '0x80070005',
      notElevated: true,
    });
    expect(
      factsOf(
        parseSlmgrAto('Error: 0xC004F025 Access denied: the requested action requires elevated privileges'),
      ).notElevated,
    ).toBe(true);
    expect(factsOf(parseSlmgrAto('Error: -1073418124'))).toEqual({
      activationSucceeded: false,
      lastError: '0xC004F074',
    });
    expect(factsOf(parseSlmgrAto('Error: product not found.'))).toEqual({
      activationSucceeded: false,
      productNotFound: true,
    });
  });

  it('/ipk keeps only the last five characters of the installed key', () => {
    expect(factsOf(parseSlmgrIpk(read('en/slmgr-ipk-success-gvlk.txt')))).toEqual({
      keyInstallSucceeded: true,
      partialProductKey: 'VMK7H',
    });
    expect(
      factsOf(parseSlmgrIpk('Installed product key XXXXX-XXXXX-XXXXX-XXXXX-7FQ2K successfully.')),
    ).toEqual({ keyInstallSucceeded: true, partialProductKey: '7FQ2K' });
    expect(factsOf(parseSlmgrIpk(read('fr/slmgr-ipk-0xC004F069-eval.txt')))).toEqual({
      keyInstallSucceeded: false,
      lastError: '0xC004F069',
    });
  });
});

describe('DISM', () => {
  it('the current edition of an evaluation is read with its server version', () => {
    expect(factsOf(parseDismCurrentEdition(read('en/dism-get-current-edition-eval.txt')))).toEqual({
      currentEdition: 'ServerStandardEval',
      edition: 'ServerStandardEval',
      isEvaluation: true,
      osKind: 'server',
      osVersion: 'Windows Server 2022',
    });
  });

  it('target editions list, including none', () => {
    expect(factsOf(parseDismTargetEditions(read('en/dism-get-target-editions.txt'))).targetEditions).toEqual([
      'ServerStandard',
      'ServerDatacenter',
    ]);
    expect(
      factsOf(parseDismTargetEditions(read('en/dism-get-target-editions-none.txt'))).targetEditions,
    ).toEqual([]);
  });

  it('Set-Edition errors carry the code and the message; a domain controller is recognised', () => {
    expect(factsOf(parseDismSetEdition(read('en/dism-set-edition-1168.txt'))).dismError).toEqual({
      code: '0x80070490',
      message: 'Element not found.',
    });
    expect(factsOf(parseDismSetEdition(read('fr/dism-set-edition-controleur-de-domaine.txt')))).toMatchObject(
      { isDomainController: true },
    );
    expect(
      factsOf(parseDismSetEdition('Setting an edition is not supported with online images.')).dismError,
    ).toEqual({ message: 'Setting an edition is not supported with online images.' });
  });
});

describe('network and events', () => {
  it('nslookup: records found, none, and a timeout that says nothing', () => {
    expect(factsOf(parseNslookupSrv(read('en/nslookup-srv-found.txt'))).srvHosts).toHaveLength(2);
    expect(factsOf(parseNslookupSrv(read('fr/nslookup-srv-domaine-inexistant.txt'))).srvRecords).toBe('none');
    expect(
      factsOf(
        parseNslookupSrv(
          "*** Request to dc01.contoso.com timed-out\n*** dc01 can't find _vlmcs._tcp: No response from server",
        ),
      ),
    ).toEqual({});
  });

  it('Test-NetConnection on another port does not speak for 1688', () => {
    expect(
      factsOf(parseTestNetConnection('ComputerName : kms01\nRemotePort : 443\nTcpTestSucceeded : False')),
    ).toEqual({ testedHost: 'kms01' });
    expect(factsOf(parseTestNetConnection('WARNING: TCP connect to (10.0.0.20 : 1688) failed'))).toEqual({
      port1688Reachable: false,
    });
  });

  it('event 12288 with the time-skew inner code sets clockSkew; 12290 gives the minimum count', () => {
    expect(factsOf(parseEvents(read('en/event-12288-time-skew.txt')))).toMatchObject({ clockSkew: true });
    expect(factsOf(parseEvents(read('fr/event-12290-compteur.txt'))).events).toEqual([
      { id: 12290, codes: ['0xC004F038'], minimumCount: 25, host: 'PC-COMPTA07.contoso.com' },
    ]);
  });

  it('several events in one Format-List paste are all kept, General-tab text without an id too', () => {
    const text = [read('en/event-8198-0xC0020017.txt'), read('en/event-12290-count.txt')].join('\n');
    expect(factsOf(parseEvents(text)).events?.map((e) => e.id)).toEqual([8198, 12290]);
    const general =
      'The client has sent an activation request to the key management service machine.\nInfo:\n0xC004F074, 0x00000000, kms01.contoso.com:1688, 2c1e5c8b-7f0a-4d3e-9b61-4a7d2f08c913, 2025/3/14 9:12, 1, 2, 43020, 00091344-1ea4-4f37-b789-01750ba6988c, 25';
    expect(factsOf(parseEvents(general)).events).toEqual([
      { id: 12288, codes: ['0xC004F074'], host: 'kms01.contoso.com', minimumCount: 25 },
    ]);
  });
});

describe('prose', () => {
  it('states are read from plain sentences in both languages', () => {
    expect(factsOf(parseProse(read('en/prose-dc-snapshot-not-elevated.txt')))).toEqual({
      isDomainController: true,
      clonedOrSnapshot: true,
      notElevated: true,
      updatesPending: true,
    });
    expect(factsOf(parseProse(read('fr/prose-controleur-clone-vm.txt')))).toEqual({
      isVirtualMachine: true,
      isDomainController: true,
      clonedOrSnapshot: true,
      notElevated: true,
      updatesPending: true,
    });
  });

  it('a clone told with its missing sysprep, or beside the failure, is still a clone; one negated right before is not', () => {
    for (const s of [
      'We cloned the VM without sysprep.',
      'This VM was cloned from a template, and it is not activating.',
      'Cette VM a été clonée sans passer par sysprep.',
    ]) {
      expect(factsOf(parseProse(s))).toMatchObject({ clonedOrSnapshot: true });
    }
    expect(parseProse('The VM was not cloned.')).toEqual([]);
    expect(parseProse('La VM n’a pas été clonée.')).toEqual([]);
  });

  it('negated, hedged and questioning sentences state nothing', () => {
    expect(parseProse(read('fr/prose-negations.txt'))).toEqual([]);
    for (const s of [
      "It's not a domain controller.",
      'Maybe it is a VM.',
      'Is this a VM?',
      "We didn't clone it.",
      'If updates are pending, tell me.',
      'The Hyper-V host is fine.',
    ]) {
      expect(parseProse(s)).toEqual([]);
    }
  });
});

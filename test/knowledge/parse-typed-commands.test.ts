/**
 * Commands an admin says they ran, typed inside their sentences, and what they say came back: each one is read
 * into the facts its pasted output would give, in English and in French, and what was only asked about or not
 * run yet gives nothing.
 */
import { describe, expect, it } from 'vitest';
import { diagnose, extract, mergeFacts } from '../../src/knowledge/diagnose.js';
import { readTypedCommands } from '../../src/knowledge/parse/typed-commands.js';

const factsOf = (text: string) => {
  const { storyMatches: _ignored, ...facts } = mergeFacts(extract(text).observations);
  return facts;
};

describe('commands typed in a sentence', () => {
  it('"I ran slmgr /skms kms.core.windows.net:1688 and then slmgr /ato": the host set by /skms', () => {
    expect(
      readTypedCommands('I ran slmgr /skms kms.core.windows.net:1688 and then slmgr /ato, still 0xC004F074.'),
    ).toEqual({
      kmsHostRegistered: { host: 'kms.core.windows.net', port: 1688 },
      ranCommands: ['slmgr /skms', 'slmgr /ato'],
    });
    expect(readTypedCommands('J’ai fait slmgr.vbs -skms kms01.contoso.local:1700 puis slmgr /ato.')).toEqual({
      kmsHostRegistered: { host: 'kms01.contoso.local', port: 1700 },
      ranCommands: ['slmgr /skms', 'slmgr /ato'],
    });
  });

  it('"psping azkms.core.windows.net:1688 times out": port 1688 is not reachable from here', () => {
    expect(readTypedCommands('psping azkms.core.windows.net:1688 fails / times out')).toEqual({
      port1688Reachable: false,
      testedHost: 'azkms.core.windows.net',
      ranCommands: ['psping'],
    });
    expect(
      readTypedCommands(
        'slmgr /skms kms.core.windows.net:1688 passe bien, mais psping kms.core.windows.net:1688 ne répond pas du tout.',
      ),
    ).toMatchObject({ port1688Reachable: false, testedHost: 'kms.core.windows.net' });
  });

  it('Test-NetConnection with its TcpTestSucceeded answer, in the sentence or on the next line', () => {
    expect(
      factsOf(
        'Ran Test-NetConnection kms01.contoso.com -Port 1688 from the client:\nTcpTestSucceeded : False',
      ),
    ).toMatchObject({ port1688Reachable: false, testedHost: 'kms01.contoso.com' });
    expect(readTypedCommands('tnc kms01 -Port 1688 works fine from the same subnet')).toMatchObject({
      port1688Reachable: true,
      testedHost: 'kms01',
    });
    expect(readTypedCommands('Test-NetConnection kms01 -Port 1688 : TcpTestSucceeded : True')).toMatchObject({
      port1688Reachable: true,
    });
  });

  it('a port test of anything but 1688 says nothing about KMS', () => {
    expect(readTypedCommands('psping kms01:443 times out')).toEqual({});
  });

  it('"nslookup -type=srv _vlmcs._tcp returns nothing": no KMS SRV record, in both languages', () => {
    expect(readTypedCommands('nslookup -type=srv _vlmcs._tcp returns nothing')).toEqual({
      srvRecords: 'none',
      ranCommands: ['nslookup _vlmcs._tcp'],
    });
    expect(
      readTypedCommands('nslookup -type=srv _vlmcs._tcp.corp.contoso.com ne renvoie rien'),
    ).toMatchObject({
      srvRecords: 'none',
      dnsDomain: 'corp.contoso.com',
    });
    expect(
      readTypedCommands('Le nslookup -type=all _vlmcs._tcp trouve l’ancien KMS et les cinq DC.'),
    ).toMatchObject({ srvRecords: 'found' });
  });

  it('slmgr /ipk with a masked key keeps only the last group, and whether the key went in', () => {
    expect(
      readTypedCommands('I did slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-T83GX and it said the key is invalid'),
    ).toEqual({ partialProductKey: 'T83GX', keyInstallSucceeded: false, ranCommands: ['slmgr /ipk'] });
    expect(
      readTypedCommands(
        'puis slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-XXXXX (accepté : Product Key Installation Successful)',
      ),
    ).toEqual({ keyInstallSucceeded: true, ranCommands: ['slmgr /ipk'] });
  });

  it('a published KMS client key typed with /ipk is recognised, and the full key never reaches the facts', () => {
    const d = diagnose('I did slmgr /ipk XXXXX-XXXXX-XXXXX-XXXXX-T83GX on the laptop, still not activated.');
    expect(d.facts.gvlk).toMatchObject({ partial: 'T83GX', edition: 'Pro' });
    expect(d.facts.keyType).toBe('GVLK');
  });

  it('cscript ospp.vbs /sethst: the KMS host Office was pointed at', () => {
    expect(
      readTypedCommands(
        'We ran cscript ospp.vbs /sethst:kms02.contoso.com /setprt:1688 then cscript ospp.vbs /act',
      ),
    ).toEqual({
      officeKmsHost: { host: 'kms02.contoso.com', port: 1688 },
      ranCommands: ['ospp.vbs /sethst', 'ospp.vbs /act'],
    });
  });

  it('DISM /Set-Edition typed in prose: the edition the conversion aimed at', () => {
    expect(
      readTypedCommands(
        "J'ai lancé DISM /online /Set-Edition:ServerDatacenter /ProductKey:XXXXX /AcceptEula",
      ),
    ).toEqual({ editionConversionTarget: 'ServerDatacenter', ranCommands: ['dism /set-edition'] });
  });

  it('a command only asked about, or not run yet, gives nothing', () => {
    expect(readTypedCommands('Should I run slmgr /skms kms01.contoso.com:1688 on every client?')).toEqual({});
    expect(
      readTypedCommands("I haven't tried psping kms01:1688 yet, it failed last week on another site"),
    ).toEqual({});
    expect(readTypedCommands('Faut-il lancer slmgr /skms kms01:1688 sur chaque poste ?')).toEqual({});
    expect(readTypedCommands('slmgr /skms <KMS host> then slmgr /ato')).toEqual({
      ranCommands: ['slmgr /skms', 'slmgr /ato'],
    });
  });

  it('an Azure VM whose custom DNS cannot reach Azure KMS: the failed port test points at the VNet DNS', () => {
    const d = diagnose(
      'VM Windows Server dans un VNet qui utilise nos deux DC comme serveurs DNS. Activation impossible : 0xC004F074.\n' +
        'slmgr /skms kms.core.windows.net:1688 passe bien, mais psping kms.core.windows.net:1688 ne répond pas du tout.',
    );
    expect(d.facts.port1688Reachable).toBe(false);
    expect(d.findings[0]?.id).toBe('azure-custom-dns');
  });
});

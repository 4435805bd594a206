import { describe, expect, it } from 'vitest';
import { ASK_WHY, localizeAsk, nextEvidence } from '../../src/knowledge/ask.js';
import { evaluate } from '../../src/knowledge/rules/index.js';
import type { Facts, HexCode } from '../../src/knowledge/types.js';

function asks(facts: Facts, codes: string[] = []) {
  const refs = evaluate({ facts, codes: codes as HexCode[] });
  return nextEvidence(facts, codes as HexCode[], refs).map((a) => a.command);
}

describe('choosing the next evidence', () => {
  it('0xC004F074 alone asks for the SRV lookup, the licence details and the port test', () => {
    expect(asks({}, ['0xC004F074'])).toEqual([
      'nslookup -type=SRV _vlmcs._tcp',
      'slmgr /dlv',
      'Test-NetConnection <kms-host> -Port 1688',
    ]);
  });

  it('the real KMS host and port are filled in when known', () => {
    const facts: Facts = {
      channel: 'VOLUME_KMSCLIENT',
      kmsHostRegistered: { host: 'kms7.contoso.com', port: 1700 },
    };
    expect(asks(facts, ['0xC004F074'])).toContain('Test-NetConnection kms7.contoso.com -Port 1700');
  });

  it('the SRV lookup is scoped to the DNS domain when it is known', () => {
    expect(asks({ dnsDomain: 'corp.contoso.com' }, ['0x8007232B'])[0]).toBe(
      'nslookup -type=SRV _vlmcs._tcp.corp.contoso.com',
    );
  });

  it('never asks for evidence already pasted', () => {
    const facts: Facts = {
      channel: 'VOLUME_KMSCLIENT',
      licenseStatus: 'notification',
      srvRecords: 'found',
      srvHosts: [{ host: 'kms1.contoso.com', port: 1688 }],
      port1688Reachable: true,
      testedHost: 'kms1.contoso.com',
    };
    const got = asks(facts, ['0xC004F074']);
    expect(got).not.toContain('nslookup -type=SRV _vlmcs._tcp');
    expect(got).not.toContain('slmgr /dlv');
    expect(got.some((c) => c.startsWith('Test-NetConnection'))).toBe(false);
    // DNS and port are fine: what the host answered (event 12288) and the clocks are next.
    expect(got[0]).toContain('12288');
    expect(got).toContain('w32tm /stripchart /computer:kms1.contoso.com /samples:3 /dataonly');
  });

  it('an evaluation edition asks for the target editions and the domain role', () => {
    expect(asks({ currentEdition: 'ServerStandardEval' })).toEqual([
      'DISM /online /Get-TargetEditions',
      'Get-CimInstance Win32_ComputerSystem | Select-Object DomainRole',
      'slmgr /dlv',
    ]);
  });

  it('0xC004F069 asks first whether the edition is an evaluation', () => {
    expect(asks({}, ['0xC004F069'])[0]).toBe('DISM /online /Get-CurrentEdition');
  });

  it('a low KMS count asks for the host count and the CMIDs', () => {
    const got = asks({ channel: 'VOLUME_KMSCLIENT' }, ['0xC004F038']);
    expect(got).toEqual([
      'slmgr /dli',
      '(Get-CimInstance SoftwareLicensingService).ClientMachineID',
      "Get-WinEvent -LogName 'Key Management Service' -MaxEvents 20 | Format-List",
    ]);
  });

  it('a blocked key that goes to Microsoft asks for the Installation ID', () => {
    expect(
      asks({ channel: 'VOLUME_MAK', edition: 'ServerDatacenter', currentEdition: 'ServerDatacenter' }, [
        '0xC004C003',
      ]),
    ).toContain('slmgr /dti');
  });

  it('access denied asks whether the prompt is elevated', () => {
    expect(asks({}, ['0x80070005'])[0]).toBe('whoami /groups | findstr S-1-16-12288');
  });

  it('an unlicensed paste without any error asks for one activation attempt', () => {
    expect(asks({ channel: 'VOLUME_MAK', licenseStatus: 'unlicensed' })).toEqual(['slmgr /ato']);
  });

  it('asks at most three commands, all different', () => {
    const got = asks({ currentEdition: 'ServerStandardEval' }, [
      '0xC004F074',
      '0xC004F038',
      '0x80070005',
      '0xC004C003',
    ]);
    expect(got.length).toBe(3);
    expect(new Set(got).size).toBe(3);
  });

  it('an excluded question is not asked again', () => {
    const refs = evaluate({ facts: {}, codes: ['0xC004F074'] });
    const got = nextEvidence({}, ['0xC004F074'], refs, ['srv-lookup']).map((a) => a.command);
    expect(got).not.toContain('nslookup -type=SRV _vlmcs._tcp');
  });

  it('the reason is localized, the command is not', () => {
    const [ref] = nextEvidence({}, ['0xC004F074'], evaluate({ facts: {}, codes: ['0xC004F074'] }));
    const en = localizeAsk(ref!, 'en');
    const fr = localizeAsk(ref!, 'fr');
    expect(en.command).toBe(fr.command);
    expect(en.why).toContain('DNS');
    expect(fr.why).toContain('enregistrement SRV');
  });

  it('every question has a reason in both languages', () => {
    expect(Object.keys(ASK_WHY.fr).sort()).toEqual(Object.keys(ASK_WHY.en).sort());
  });
});

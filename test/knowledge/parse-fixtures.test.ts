/**
 * Every fixture, parsed by `parseAll`, gives exactly these observations. The tables were checked line by line
 * against the pasted outputs; a change here is a change in what the bot believes about a machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAll } from '../../src/knowledge/parse/index.js';
import { ObservationSchema, type Observation } from '../../src/knowledge/types.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

const EXPECTED: Record<string, Observation[]> = {
  'en/dism-get-current-edition-eval.txt': [
    {
      source: 'dism-current-edition',
      facts: {
        currentEdition: 'ServerStandardEval',
        edition: 'ServerStandardEval',
        isEvaluation: true,
        osKind: 'server',
        osVersion: 'Windows Server 2022',
      },
    },
  ],
  'en/dism-get-target-editions-none.txt': [{ source: 'dism-target-editions', facts: { targetEditions: [] } }],
  'en/dism-get-target-editions.txt': [
    { source: 'dism-target-editions', facts: { targetEditions: ['ServerStandard', 'ServerDatacenter'] } },
  ],
  'en/dism-set-edition-1168.txt': [
    {
      source: 'dism-set-edition',
      facts: { dismError: { code: '0x80070490', message: 'Element not found.' } },
    },
  ],
  'en/dism-set-edition-domain-controller.txt': [
    {
      source: 'dism-set-edition',
      facts: {
        isDomainController: true,
        dismError: {
          code: '0x80070032',
          message: 'This operation cannot be performed on a domain controller.',
        },
      },
    },
  ],
  'en/dism-set-edition-invalid-key.txt': [
    {
      source: 'dism-set-edition',
      facts: {
        dismError: {
          code: '0x800F0922',
          message:
            'The specified product key is not valid for the target edition. Specify a product key that is valid for the target edition.',
        },
      },
    },
  ],
  'en/event-12288-time-skew.txt': [
    {
      source: 'event',
      facts: {
        clockSkew: true,
        events: [{ id: 12288, codes: ['0xC004F06C'], host: 'kms01.contoso.com', minimumCount: 5 }],
      },
    },
  ],
  'en/event-12289-count.txt': [
    { source: 'event', facts: { events: [{ id: 12289, codes: ['0xC004F038'], currentCount: 3 }] } },
  ],
  'en/event-12290-count.txt': [
    {
      source: 'event',
      facts: {
        events: [{ id: 12290, codes: ['0xC004F038'], minimumCount: 5, host: 'WS22-APP01.contoso.com' }],
      },
    },
  ],
  'en/event-12293-publish-failed.txt': [
    { source: 'event', facts: { dnsDomain: 'contoso.com', events: [{ id: 12293, codes: ['0x80072338'] }] } },
  ],
  'en/event-8198-0xC0020017.txt': [
    { source: 'event', facts: { events: [{ id: 8198, codes: ['0xC0020017'] }] } },
  ],
  'en/nslookup-srv-found.txt': [
    {
      source: 'nslookup-srv',
      facts: {
        dnsDomain: 'contoso.com',
        srvRecords: 'found',
        srvHosts: [
          { host: 'kms01.contoso.com', port: 1688 },
          { host: 'kms02.contoso.com', port: 1688 },
        ],
      },
    },
  ],
  'en/nslookup-srv-nxdomain.txt': [{ source: 'nslookup-srv', facts: { srvRecords: 'none' } }],
  'en/prose-dc-snapshot-not-elevated.txt': [
    {
      source: 'prose',
      facts: { isDomainController: true, clonedOrSnapshot: true, notElevated: true, updatesPending: true },
    },
  ],
  'en/slack-fenced-several-outputs.txt': [
    {
      source: 'slmgr-ato',
      facts: {
        productName: 'Windows(R), ServerStandard edition',
        edition: 'ServerStandard',
        isEvaluation: false,
        osKind: 'server',
        activationId: 'c52ed9a5-4aee-4f37-a2a5-4d4a2b1b1a2e',
        activationSucceeded: false,
        lastError: '0xC004F074',
      },
    },
    { source: 'nslookup-srv', facts: { dnsDomain: 'contoso.com', srvRecords: 'none' } },
    { source: 'test-netconnection', facts: { testedHost: 'kms01.contoso.com', port1688Reachable: false } },
    { source: 'prose', facts: { isVirtualMachine: true, updatesPending: true } },
  ],
  'en/slmgr-ato-0xC004C003-blocked-mak.txt': [
    {
      source: 'slmgr-ato',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        activationId: '00091344-1ea4-4f37-b789-01750ba6988c',
        activationSucceeded: false,
        lastError: '0xC004C003',
      },
    },
  ],
  'en/slmgr-ato-0xC004F074.txt': [
    {
      source: 'slmgr-ato',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        activationId: '00091344-1ea4-4f37-b789-01750ba6988c',
        activationSucceeded: false,
        lastError: '0xC004F074',
      },
    },
  ],
  'en/slmgr-ato-access-denied.txt': [
    {
      source: 'slmgr-ato',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        activationId: '00091344-1ea4-4f37-b789-01750ba6988c',
        activationSucceeded: false,
        lastError: '0x80070005',
        notElevated: true,
      },
    },
  ],
  'en/slmgr-ato-success.txt': [
    {
      source: 'slmgr-ato',
      facts: {
        productName: 'Windows(R), Enterprise edition',
        edition: 'Enterprise',
        isEvaluation: false,
        osKind: 'client',
        activationId: '73111121-5638-40f6-bc11-f1d7b0d64300',
        activationSucceeded: true,
      },
    },
  ],
  'en/slmgr-dli-server-eval.txt': [
    {
      source: 'slmgr-dli',
      facts: {
        productName: 'Windows(R), ServerStandardEval edition',
        edition: 'ServerStandardEval',
        isEvaluation: true,
        osKind: 'server',
        channel: 'TIMEBASED_EVAL',
        partialProductKey: 'WQ4VD',
        licenseStatus: 'licensed',
        graceMinutesRemaining: 216000,
        keyType: 'Eval',
      },
    },
  ],
  'en/slmgr-dli-two-clients-same-cmid.txt': [
    {
      source: 'slmgr-dli',
      facts: {
        productName: 'Windows(R), ServerStandard edition',
        edition: 'ServerStandard',
        isEvaluation: false,
        osKind: 'server',
        channel: 'VOLUME_KMSCLIENT',
        partialProductKey: 'VMK7H',
        licenseStatus: 'licensed',
        graceMinutesRemaining: 256320,
        cmid: '9f4b2d61-0c3e-4a8f-b5d7-e21c6a0f7b34',
        kmsHostFromDns: { host: 'kms01.contoso.com', port: 1688 },
        kmsHostIp: '10.0.0.20',
        kmsActivationIntervalMinutes: 120,
        kmsRenewalIntervalMinutes: 10080,
        kmsHostCaching: true,
        keyType: 'GVLK',
        isKmsHost: false,
      },
    },
    {
      source: 'slmgr-dli',
      facts: {
        productName: 'Windows(R), ServerStandard edition',
        edition: 'ServerStandard',
        isEvaluation: false,
        osKind: 'server',
        channel: 'VOLUME_KMSCLIENT',
        partialProductKey: 'VMK7H',
        licenseStatus: 'licensed',
        graceMinutesRemaining: 256290,
        cmid: '9f4b2d61-0c3e-4a8f-b5d7-e21c6a0f7b34',
        kmsHostFromDns: { host: 'kms01.contoso.com', port: 1688 },
        kmsHostIp: '10.0.0.20',
        kmsActivationIntervalMinutes: 120,
        kmsRenewalIntervalMinutes: 10080,
        kmsHostCaching: true,
        keyType: 'GVLK',
        isKmsHost: false,
      },
    },
  ],
  'en/slmgr-dli-wsh-dialog-registered-kms.txt': [
    {
      source: 'slmgr-dli',
      facts: {
        productName: 'Windows(R), Enterprise edition',
        edition: 'Enterprise',
        isEvaluation: false,
        osKind: 'client',
        channel: 'VOLUME_KMSCLIENT',
        partialProductKey: '2YT43',
        licenseStatus: 'additional-grace',
        graceMinutesRemaining: 7200,
        cmid: '5d0e7a13-88b2-4c6f-9e1a-03f7b2c4d9e6',
        kmsHostRegistered: { host: 'kms-old.contoso.com', port: 1688 },
        kmsActivationIntervalMinutes: 120,
        kmsRenewalIntervalMinutes: 10080,
        kmsHostCaching: false,
        keyType: 'GVLK',
        isKmsHost: false,
      },
    },
  ],
  'en/slmgr-dlv-kms-client-no-host.txt': [
    {
      source: 'slmgr-dlv',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        channel: 'VOLUME_KMSCLIENT',
        activationId: '00091344-1ea4-4f37-b789-01750ba6988c',
        applicationId: '55c92734-d682-4d71-983e-d6ec3f16059f',
        extendedPid: '03612-04279-000-000001-03-1033-20348.0000-0752025',
        productKeyChannel: 'Volume:GVLK',
        installationId: '470213884936153047269178322410836201874952612004417739065118302',
        partialProductKey: '6VM33',
        licenseStatus: 'initial-grace',
        graceMinutesRemaining: 43020,
        rearmCount: 1000,
        skuRearmCount: 1000,
        trustedTime: '3/14/2025 9:12:44 AM',
        configuredActivationType: 'All',
        cmid: '2c1e5c8b-7f0a-4d3e-9b61-4a7d2f08c913',
        kmsDnsAutoDiscoveryFailed: true,
        kmsActivationIntervalMinutes: 120,
        kmsRenewalIntervalMinutes: 10080,
        kmsHostCaching: true,
        keyType: 'GVLK',
        isKmsHost: false,
        osVersion: 'Windows Server 2022',
      },
    },
  ],
  'en/slmgr-dlv-kms-host-count-3.txt': [
    {
      source: 'slmgr-dlv',
      facts: {
        productName: 'Windows(R), ServerStandard edition',
        edition: 'ServerStandard',
        isEvaluation: false,
        osKind: 'server',
        channel: 'VOLUME_KMS',
        activationId: '7e3f5a21-6c8d-4b2e-a1f0-93d4c6b7e812',
        applicationId: '55c92734-d682-4d71-983e-d6ec3f16059f',
        extendedPid: '06401-00206-551-062113-03-1033-17763.0000-2512024',
        productKeyChannel: 'Volume:CSVLK',
        installationId: '015892736401928374650192837465019283746501928374650192837465019',
        partialProductKey: 'Q7K2M',
        licenseStatus: 'licensed',
        rearmCount: 1000,
        skuRearmCount: 1000,
        trustedTime: '3/14/2025 10:01:12 AM',
        configuredActivationType: 'All',
        kmsCurrentCount: 3,
        kmsListeningPort: 1688,
        kmsDnsPublishing: true,
        kmsTotalRequests: 57,
        kmsFailedRequests: 0,
        keyType: 'CSVLK',
        isKmsHost: true,
        osVersion: 'Windows Server 2019',
      },
    },
  ],
  'en/slmgr-dlv-mak-notification.txt': [
    {
      source: 'slmgr-dlv',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        channel: 'VOLUME_MAK',
        activationId: '00091344-1ea4-4f37-b789-01750ba6988c',
        applicationId: '55c92734-d682-4d71-983e-d6ec3f16059f',
        extendedPid: '03612-04280-000-000004-03-1036-20348.0000-0652025',
        productKeyChannel: 'Volume:MAK',
        installationId: '338201746592038174650291837465029183746501928374650192837461234',
        partialProductKey: '8HTKD',
        licenseStatus: 'notification',
        notificationReason: '0xC004F009',
        rearmCount: 999,
        skuRearmCount: 1000,
        trustedTime: '5/2/2025 4:47:03 PM',
        keyType: 'MAK',
        osVersion: 'Windows Server 2022',
      },
    },
  ],
  'en/slmgr-dti.txt': [
    {
      source: 'slmgr-dti',
      facts: { installationId: '470213884936153047269178322410836201874952612004417739065118302' },
    },
  ],
  'en/slmgr-ipk-0xC004F069-eval.txt': [
    { source: 'slmgr-ipk', facts: { keyInstallSucceeded: false, lastError: '0xC004F069' } },
  ],
  'en/slmgr-ipk-success-gvlk.txt': [
    { source: 'slmgr-ipk', facts: { keyInstallSucceeded: true, partialProductKey: 'VMK7H' } },
  ],
  'en/slmgr-xpr-notification.txt': [
    {
      source: 'slmgr-xpr',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        licenseStatus: 'notification',
        permanentlyActivated: false,
      },
    },
  ],
  'en/slmgr-xpr-permanent.txt': [
    {
      source: 'slmgr-xpr',
      facts: {
        productName: 'Windows(R), Professional edition',
        edition: 'Professional',
        isEvaluation: false,
        osKind: 'client',
        licenseStatus: 'licensed',
        permanentlyActivated: true,
      },
    },
  ],
  'en/slmgr-xpr-volume-expiry.txt': [
    {
      source: 'slmgr-xpr',
      facts: {
        productName: 'Windows(R), ServerStandard edition',
        edition: 'ServerStandard',
        isEvaluation: false,
        osKind: 'server',
        licenseStatus: 'licensed',
        permanentlyActivated: false,
        activationExpiry: '9/10/2025 3:14:07 PM',
      },
    },
  ],
  'en/teams-html-wrapped-dlv.txt': [
    {
      source: 'slmgr-dlv',
      facts: {
        productName: 'Windows(R), ServerStandard edition',
        edition: 'ServerStandard',
        isEvaluation: false,
        osKind: 'server',
        channel: 'VOLUME_KMSCLIENT',
        activationId: 'c52ed9a5-4aee-4f37-a2a5-4d4a2b1b1a2e',
        productKeyChannel: 'Volume:GVLK',
        partialProductKey: 'VMK7H',
        licenseStatus: 'licensed',
        graceMinutesRemaining: 259140,
        cmid: '9f4b2d61-0c3e-4a8f-b5d7-e21c6a0f7b34',
        kmsHostRegistered: { host: 'kms01.contoso.com', port: 1688 },
        kmsHostIp: '10.0.0.20',
        kmsActivationIntervalMinutes: 120,
        kmsRenewalIntervalMinutes: 10080,
        kmsHostCaching: true,
        keyType: 'GVLK',
        isKmsHost: false,
        osVersion: 'Windows Server 2022',
      },
    },
    { source: 'prose', facts: { isVirtualMachine: true, clonedOrSnapshot: true } },
  ],
  'en/test-netconnection-1688-false.txt': [
    { source: 'test-netconnection', facts: { testedHost: 'kms01.contoso.com', port1688Reachable: false } },
  ],
  'en/test-netconnection-1688-true.txt': [
    { source: 'test-netconnection', facts: { testedHost: 'kms01.contoso.com', port1688Reachable: true } },
  ],
  'fr/dism-get-current-edition-eval.txt': [
    {
      source: 'dism-current-edition',
      facts: {
        currentEdition: 'ServerDatacenterEval',
        edition: 'ServerDatacenterEval',
        isEvaluation: true,
        osKind: 'server',
        osVersion: 'Windows Server 2022',
      },
    },
  ],
  'fr/dism-get-target-editions.txt': [
    { source: 'dism-target-editions', facts: { targetEditions: ['ServerDatacenter'] } },
  ],
  'fr/dism-set-edition-controleur-de-domaine.txt': [
    {
      source: 'dism-set-edition',
      facts: {
        isDomainController: true,
        dismError: {
          code: '0x80070032',
          message:
            'Cette op\u00e9ration ne peut pas \u00eatre effectu\u00e9e sur un contr\u00f4leur de domaine.',
        },
      },
    },
  ],
  'fr/event-12288-decalage-horaire.txt': [
    {
      source: 'event',
      facts: {
        clockSkew: true,
        events: [{ id: 12288, codes: ['0xC004F06C'], host: 'kms01.contoso.com', minimumCount: 5 }],
      },
    },
  ],
  'fr/event-12290-compteur.txt': [
    {
      source: 'event',
      facts: {
        events: [{ id: 12290, codes: ['0xC004F038'], minimumCount: 25, host: 'PC-COMPTA07.contoso.com' }],
      },
    },
  ],
  'fr/nslookup-srv-domaine-inexistant.txt': [
    { source: 'nslookup-srv', facts: { dnsDomain: 'contoso.com', srvRecords: 'none' } },
  ],
  'fr/nslookup-srv-trouve.txt': [
    {
      source: 'nslookup-srv',
      facts: {
        dnsDomain: 'contoso.com',
        srvRecords: 'found',
        srvHosts: [{ host: 'kms01.contoso.com', port: 1688 }],
      },
    },
  ],
  'fr/prose-controleur-clone-vm.txt': [
    {
      source: 'prose',
      facts: {
        isVirtualMachine: true,
        isDomainController: true,
        clonedOrSnapshot: true,
        notElevated: true,
        updatesPending: true,
      },
    },
  ],
  'fr/prose-negations.txt': [],
  'fr/slack-plusieurs-sorties.txt': [
    {
      source: 'dism-current-edition',
      facts: {
        currentEdition: 'ServerDatacenter',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        osVersion: 'Windows Server 2022',
      },
    },
    {
      source: 'slmgr-ato',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        activationId: '00091344-1ea4-4f37-b789-01750ba6988c',
        activationSucceeded: false,
        lastError: '0xC004C003',
      },
    },
    { source: 'nslookup-srv', facts: { srvRecords: 'none' } },
  ],
  'fr/slmgr-ato-0xC004C003-cle-bloquee.txt': [
    {
      source: 'slmgr-ato',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        activationId: '00091344-1ea4-4f37-b789-01750ba6988c',
        activationSucceeded: false,
        lastError: '0xC004C003',
      },
    },
  ],
  'fr/slmgr-ato-0xC004F074.txt': [
    {
      source: 'slmgr-ato',
      facts: {
        productName: 'Windows(R), ServerStandard edition',
        edition: 'ServerStandard',
        isEvaluation: false,
        osKind: 'server',
        activationId: 'c52ed9a5-4aee-4f37-a2a5-4d4a2b1b1a2e',
        activationSucceeded: false,
        lastError: '0xC004F074',
      },
    },
  ],
  'fr/slmgr-ato-acces-refuse.txt': [
    {
      source: 'slmgr-ato',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        activationId: '00091344-1ea4-4f37-b789-01750ba6988c',
        activationSucceeded: false,
        lastError: '0x80070005',
        notElevated: true,
      },
    },
  ],
  'fr/slmgr-dli-serveur-eval.txt': [
    {
      source: 'slmgr-dli',
      facts: {
        productName: 'Windows(R), ServerDatacenterEval edition',
        edition: 'ServerDatacenterEval',
        isEvaluation: true,
        osKind: 'server',
        channel: 'TIMEBASED_EVAL',
        partialProductKey: 'WQ4VD',
        licenseStatus: 'licensed',
        graceMinutesRemaining: 172800,
        keyType: 'Eval',
      },
    },
  ],
  'fr/slmgr-dlv-client-kms-sans-hote.txt': [
    {
      source: 'slmgr-dlv',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        channel: 'VOLUME_KMSCLIENT',
        activationId: '00091344-1ea4-4f37-b789-01750ba6988c',
        applicationId: '55c92734-d682-4d71-983e-d6ec3f16059f',
        extendedPid: '03612-04279-000-000001-03-1036-20348.0000-0752025',
        productKeyChannel: 'Volume:GVLK',
        installationId: '470213884936153047269178322410836201874952612004417739065118302',
        partialProductKey: '6VM33',
        licenseStatus: 'initial-grace',
        graceMinutesRemaining: 43020,
        rearmCount: 1000,
        skuRearmCount: 1000,
        trustedTime: '14/03/2025 09:12:44',
        configuredActivationType: 'All',
        cmid: '2c1e5c8b-7f0a-4d3e-9b61-4a7d2f08c913',
        kmsDnsAutoDiscoveryFailed: true,
        kmsActivationIntervalMinutes: 120,
        kmsRenewalIntervalMinutes: 10080,
        kmsHostCaching: true,
        keyType: 'GVLK',
        isKmsHost: false,
        osVersion: 'Windows Server 2022',
      },
    },
  ],
  'fr/slmgr-dlv-hote-kms-compteur-3.txt': [
    {
      source: 'slmgr-dlv',
      facts: {
        productName: 'Windows(R), ServerStandard edition',
        edition: 'ServerStandard',
        isEvaluation: false,
        osKind: 'server',
        channel: 'VOLUME_KMS',
        activationId: '7e3f5a21-6c8d-4b2e-a1f0-93d4c6b7e812',
        applicationId: '55c92734-d682-4d71-983e-d6ec3f16059f',
        extendedPid: '06401-00206-551-062113-03-1036-17763.0000-2512024',
        productKeyChannel: 'Volume:CSVLK',
        partialProductKey: 'Q7K2M',
        licenseStatus: 'licensed',
        kmsCurrentCount: 3,
        kmsListeningPort: 1688,
        kmsDnsPublishing: true,
        kmsTotalRequests: 57,
        kmsFailedRequests: 0,
        keyType: 'CSVLK',
        isKmsHost: true,
        osVersion: 'Windows Server 2019',
      },
    },
  ],
  'fr/slmgr-dlv-mak-notification.txt': [
    {
      source: 'slmgr-dlv',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        channel: 'VOLUME_MAK',
        activationId: '00091344-1ea4-4f37-b789-01750ba6988c',
        productKeyChannel: 'Volume:MAK',
        partialProductKey: '8HTKD',
        licenseStatus: 'notification',
        notificationReason: '0xC004F009',
        keyType: 'MAK',
      },
    },
  ],
  'fr/slmgr-ipk-0xC004F069-eval.txt': [
    { source: 'slmgr-ipk', facts: { keyInstallSucceeded: false, lastError: '0xC004F069' } },
  ],
  'fr/slmgr-ipk-succes-gvlk.txt': [
    { source: 'slmgr-ipk', facts: { keyInstallSucceeded: true, partialProductKey: '6VM33' } },
  ],
  'fr/slmgr-xpr-permanent.txt': [
    {
      source: 'slmgr-xpr',
      facts: {
        productName: 'Windows(R), ServerDatacenter edition',
        edition: 'ServerDatacenter',
        isEvaluation: false,
        osKind: 'server',
        licenseStatus: 'licensed',
        permanentlyActivated: true,
      },
    },
  ],
  'fr/test-netconnection-1688-false.txt': [
    { source: 'test-netconnection', facts: { testedHost: 'kms01.contoso.com', port1688Reachable: false } },
  ],
};

/** Chat clients re-wrap pastes; the facts must not change. */
function asTeamsHtml(text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const lines = esc.split('\n').map((l) => l.replace(/^( +)/, (s) => '&nbsp;'.repeat(s.length)));
  return `<p><at id="0">Activation Doctor</at> here you go</p><pre><code>${lines.join('<br>')}</code></pre>`;
}
const asSlackFence = (text: string): string =>
  '```\n' + text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') + '\n```';
const asCrlf = (text: string): string => text.replace(/\n/g, '\r\n');

describe('each pasted output becomes the facts it shows', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name} is read exactly`, () => {
      const got = parseAll(read(name));
      expect(got).toEqual(expected);
      for (const o of got) expect(ObservationSchema.parse(o)).toEqual(o);
    });
  }

  it('covers every fixture this suite owns', () => {
    const owned = ['en', 'fr'].flatMap((l) =>
      readdirSync(new URL(`${l}/`, FIXTURES)).map((f) => `${l}/${f}`),
    );
    for (const name of Object.keys(EXPECTED)) expect(owned).toContain(name);
  });
});

describe('the same paste reads the same through CRLF, Teams HTML and Slack fences', () => {
  const all = ['en', 'fr'].flatMap((l) =>
    readdirSync(new URL(`${l}/`, FIXTURES))
      .filter((f) => f.endsWith('.txt') && !/^(?:teams|slack)-/.test(f))
      .map((f) => `${l}/${f}`),
  );
  for (const name of all) {
    it(`${name} survives CRLF, Teams and Slack wrapping`, () => {
      const text = read(name);
      const plain = parseAll(text);
      // Only the negations fixture is meant to state nothing.
      if (!name.includes('negations')) expect(plain.length).toBeGreaterThan(0);
      expect(parseAll(asCrlf(text))).toEqual(plain);
      expect(parseAll(asSlackFence(text))).toEqual(plain);
      // Teams adds a mention line; prose facts from it are none, so the outputs are the same.
      expect(parseAll(asTeamsHtml(text))).toEqual(plain);
      for (const o of plain) ObservationSchema.parse(o);
    });
  }
});

describe('several outputs pasted in one message', () => {
  it('three commands without prompt lines give three observations in paste order', () => {
    const strip = (t: string): string => t.replace(/^(?:PS )?C:\\[^\n]*>[^\n]*\n/, '');
    const parts = [
      'en/slmgr-dlv-mak-notification.txt',
      'en/nslookup-srv-nxdomain.txt',
      'en/event-12290-count.txt',
    ];
    const text = parts.map((p) => strip(read(p))).join('\n\n\n');
    expect(parseAll(text).map((o) => o.source)).toEqual(['slmgr-dlv', 'nslookup-srv', 'event']);
  });

  it('a /dlv directly followed by a /dli of another machine are two outputs', () => {
    const text =
      read('en/slmgr-dlv-kms-host-count-3.txt').replace(/^C:.*\n/, '') +
      '\n' +
      read('en/slmgr-dli-server-eval.txt').replace(/^PS .*\n/, '');
    const got = parseAll(text);
    expect(got.map((o) => o.source)).toEqual(['slmgr-dlv', 'slmgr-dli']);
    expect(got[0]?.facts.isKmsHost).toBe(true);
    expect(got[1]?.facts.edition).toBe('ServerStandardEval');
  });

  it('a bare slmgr error with the eval key-install code is read as a failed /ipk', () => {
    const got = parseAll(
      "Error: 0xC004F069 On a computer running Microsoft Windows non-core edition, run 'slui.exe 0x2a 0xC004F069' to display the error text.",
    );
    expect(got).toEqual([
      { source: 'slmgr-ipk', facts: { keyInstallSucceeded: false, lastError: '0xC004F069' } },
    ]);
  });

  it('an empty or output-free message gives no observation', () => {
    expect(parseAll('')).toEqual([]);
    expect(parseAll('hello, activation fails with 0xC004F074')).toEqual([]);
  });
});

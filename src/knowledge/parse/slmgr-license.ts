/**
 * `slmgr /dli`, `/dlv` and `/dti`: label/value lines, the KMS client block and the KMS host block.
 * One reader fills Facts from whatever labels are present; the three exported parsers only differ by source.
 */
import type { Facts, LicenseStatus, Observation } from '../types.js';
import { toLines, type Line } from './lines.js';
import { LICENSE_STATUS_VALUES, normalizeLabel, PHRASES, prefixTable, startsWithAny } from './labels.js';
import {
  buildFromExtendedPid,
  buildFromVersion,
  channelFromDescription,
  compact,
  durationMinutes,
  editionFacts,
  editionFromName,
  firstInt,
  guid,
  hexCode,
  hostPort,
  ipAddress,
  keyTypeFromChannel,
  keyTypeFromProductKeyChannel,
  osVersionFromBuild,
  partialKey,
} from './values.js';

const STATUS = prefixTable(LICENSE_STATUS_VALUES);
const PHRASE = prefixTable(PHRASES);

export function licenseStatusOf(value: string): LicenseStatus | undefined {
  return startsWithAny(normalizeLabel(value), STATUS);
}

/** `259200 minute(s) (180 day(s))` → 259200; `137 jour(s)` → 197280 (days are never read as minutes). */
function minutes(value: string): number | undefined {
  const n = durationMinutes(value);
  return n !== undefined && n >= 0 ? n : undefined;
}

function activationType(value: string): Facts['configuredActivationType'] {
  const v = value.trim().toLowerCase();
  if (v.startsWith('all') || v.startsWith('tou')) return 'All';
  if (v.startsWith('ad')) return 'AD';
  if (v.startsWith('kms')) return 'KMS';
  if (v.startsWith('token') || v.startsWith('jeton')) return 'Token';
  return undefined;
}

const NOT_AVAILABLE = /not available|non disponible|indisponible/i;

/** Everything slmgr's license listing shows, from any subset of its lines. */
export function readLicenseFacts(text: string): Facts {
  return readLicenseLines(toLines(text));
}

export function readLicenseLines(lines: readonly Line[]): Facts {
  const f: Facts = {};
  let build: number | undefined;
  let inClientBlock = false;
  let hostBlock = false;
  for (const line of lines) {
    if (line.trimmed.length === 0) continue;
    const phrase = startsWithAny(line.norm, PHRASE);
    if (phrase) {
      if (phrase === 'kmsClientBlock') inClientBlock = true;
      else if (phrase === 'kmsHostEnabled' || phrase === 'kmsCumulativeRequests') hostBlock = true;
      else if (phrase === 'kmsCachingEnabled') f.kmsHostCaching = true;
      else if (phrase === 'kmsCachingDisabled') f.kmsHostCaching = false;
      else if (phrase === 'dnsPublishingEnabled') f.kmsDnsPublishing = true;
      else if (phrase === 'dnsPublishingDisabled') f.kmsDnsPublishing = false;
      continue;
    }
    const lv = line.lv;
    if (!lv) continue;
    const key = line.key;
    const v = lv.value;
    switch (key) {
      case 'slsVersion':
        build ??= buildFromVersion(v);
        break;
      case 'name': {
        const edition = editionFromName(v);
        if (edition) {
          f.productName = v;
          Object.assign(f, editionFacts(edition));
        }
        break;
      }
      case 'description': {
        const channel = channelFromDescription(v);
        if (channel) f.channel = channel;
        break;
      }
      case 'activationId':
        f.activationId = guid(v) ?? f.activationId;
        break;
      case 'applicationId':
        f.applicationId = guid(v) ?? f.applicationId;
        break;
      case 'extendedPid':
        if (v) {
          f.extendedPid = v;
          build = buildFromExtendedPid(v) ?? build;
        }
        break;
      case 'productKeyChannel':
        if (v) f.productKeyChannel = v;
        break;
      case 'installationId': {
        const digits = v.replace(/[\s-]/g, '');
        if (/^\d{54,63}$/.test(digits)) f.installationId = digits;
        break;
      }
      case 'partialProductKey':
        f.partialProductKey = partialKey(v) ?? f.partialProductKey;
        break;
      case 'licenseStatus':
        f.licenseStatus = licenseStatusOf(v) ?? f.licenseStatus;
        break;
      case 'volumeExpiration':
      case 'timebasedExpiration':
      case 'avmaExpiration':
      case 'timeRemaining':
        f.graceMinutesRemaining = minutes(v) ?? f.graceMinutesRemaining;
        break;
      case 'evaluationEndDate':
        if (v) f.evaluationEndDate = v;
        break;
      case 'notificationReason':
        f.notificationReason = hexCode(v) ?? f.notificationReason;
        break;
      case 'rearmCount':
        f.rearmCount = firstInt(v) ?? f.rearmCount;
        break;
      case 'skuRearmCount':
        f.skuRearmCount = firstInt(v) ?? f.skuRearmCount;
        break;
      case 'trustedTime':
        if (v) f.trustedTime = v;
        break;
      case 'configuredActivationType':
        f.configuredActivationType = activationType(v) ?? f.configuredActivationType;
        break;
      case 'cmid':
        inClientBlock = true;
        f.cmid = guid(v) ?? f.cmid;
        break;
      case 'kmsRegistered':
        f.kmsHostRegistered = hostPort(v) ?? f.kmsHostRegistered;
        break;
      case 'kmsFromDns':
        if (NOT_AVAILABLE.test(v)) f.kmsDnsAutoDiscoveryFailed = true;
        else f.kmsHostFromDns = hostPort(v) ?? f.kmsHostFromDns;
        break;
      case 'dnsAutoDiscovery':
        if (NOT_AVAILABLE.test(v)) f.kmsDnsAutoDiscoveryFailed = true;
        break;
      case 'kmsIp':
        f.kmsHostIp = ipAddress(v) ?? f.kmsHostIp;
        break;
      case 'activationInterval':
        f.kmsActivationIntervalMinutes = durationMinutes(v) ?? f.kmsActivationIntervalMinutes;
        break;
      case 'renewalInterval':
        f.kmsRenewalIntervalMinutes = durationMinutes(v) ?? f.kmsRenewalIntervalMinutes;
        break;
      case 'currentCount': {
        const n = firstInt(v);
        if (n !== undefined && n >= 0) f.kmsCurrentCount = n;
        hostBlock = true;
        break;
      }
      case 'listeningPort':
        f.kmsListeningPort = firstInt(v) ?? f.kmsListeningPort;
        hostBlock = true;
        break;
      case 'totalRequests':
        f.kmsTotalRequests = firstInt(v) ?? f.kmsTotalRequests;
        break;
      case 'failedRequests':
        f.kmsFailedRequests = firstInt(v) ?? f.kmsFailedRequests;
        break;
      default:
        break;
    }
  }
  if (f.productKeyChannel) f.keyType = keyTypeFromProductKeyChannel(f.productKeyChannel);
  if (!f.keyType && f.channel) f.keyType = keyTypeFromChannel(f.channel);
  if ((f.channel && /EVAL/.test(f.channel)) || f.keyType === 'Eval') f.isEvaluation = true;
  if (hostBlock) f.isKmsHost = true;
  else if (inClientBlock && f.channel === 'VOLUME_KMSCLIENT') f.isKmsHost = false;
  if (build !== undefined) f.osVersion = osVersionFromBuild(build, f.osKind);
  return compact(f);
}

export function parseSlmgrDli(text: string): Observation[] {
  return [{ source: 'slmgr-dli', facts: readLicenseFacts(text) }];
}

export function parseSlmgrDlv(text: string): Observation[] {
  return [{ source: 'slmgr-dlv', facts: readLicenseFacts(text) }];
}

/** `/dti` prints only `Installation ID: <digits>`. */
export function parseSlmgrDti(text: string): Observation[] {
  const { installationId } = readLicenseFacts(text);
  return [{ source: 'slmgr-dti', facts: installationId ? { installationId } : {} }];
}

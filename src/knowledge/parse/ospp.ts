/**
 * `cscript ospp.vbs /dstatus`: Office's volume-activation status, one block per installed licence (`SKU ID`,
 * `LICENSE NAME`, `LICENSE DESCRIPTION`, `LICENSE STATUS:  ---LICENSED---`, `ERROR CODE`, `Last 5 characters of
 * installed product key`, and for KMS clients `KMS machine name from DNS` or `KMS machine registry override
 * defined`). The script's messages are English constants, so a French Windows prints the same words.
 */
import type { Facts, LicenseStatus, OfficeLicense } from '../types.js';
import type { Line } from './lines.js';
import { hexCode, hostPort, partialKey } from './values.js';

/** `---NOTIFICATIONS---` and the other status tokens the script prints. */
const STATUS_TOKENS: Readonly<Record<string, LicenseStatus>> = {
  LICENSED: 'licensed',
  UNLICENSED: 'unlicensed',
  OOB_GRACE: 'initial-grace',
  OOT_GRACE: 'additional-grace',
  NON_GENUINE_GRACE: 'non-genuine-grace',
  NOTIFICATIONS: 'notification',
  'EXTENDED GRACE': 'extended-grace',
  UNKNOWN: 'unknown',
};

function statusOf(value: string): LicenseStatus | undefined {
  const token = /---\s*([A-Z_ ]+?)\s*---/.exec(value)?.[1];
  return token === undefined ? undefined : STATUS_TOKENS[token];
}

/** `Office 16, VOLUME_KMSCLIENT channel` → `VOLUME_KMSCLIENT`; `Office 16, RETAIL(MAK) channel` → `RETAIL(MAK)`. */
function channelOf(value: string): string | undefined {
  return /(?:^|,)\s*([A-Za-z][\w()]*)\s+channel\b/i.exec(value)?.[1];
}

interface Block {
  name?: string;
  licenseStatus?: LicenseStatus;
  partialProductKey?: string;
  channel?: string;
  errorCode?: string;
  kmsMachine?: string;
}

function toLicense(b: Block): OfficeLicense | undefined {
  if (b.name === undefined) return undefined;
  const out: OfficeLicense = { name: b.name, licenseStatus: b.licenseStatus ?? 'unknown' };
  if (b.partialProductKey) out.partialProductKey = b.partialProductKey;
  if (b.channel) out.channel = b.channel;
  if (b.errorCode) out.errorCode = b.errorCode;
  if (b.kmsMachine) out.kmsMachine = b.kmsMachine;
  return out;
}

export function readOsppLines(lines: readonly Line[]): Facts {
  const licenses: OfficeLicense[] = [];
  let block: Block = {};
  const flush = (): void => {
    const license = toLicense(block);
    if (license) licenses.push(license);
    block = {};
  };
  for (const line of lines) {
    const lv = line.lv;
    if (!lv) continue;
    const v = lv.value;
    switch (line.key) {
      case 'osppSkuId':
      case 'osppProductId':
        // Each block opens with its ids (when printed) and its name: a second one means the next licence.
        if (block.name !== undefined) flush();
        break;
      case 'osppLicenseName':
        if (block.name !== undefined) flush();
        if (v) block.name = v;
        break;
      case 'osppLicenseDescription':
        block.channel = channelOf(v) ?? block.channel;
        break;
      case 'licenseStatus':
        block.licenseStatus = statusOf(v) ?? block.licenseStatus;
        break;
      case 'osppErrorCode':
        block.errorCode = hexCode(v) ?? block.errorCode;
        break;
      case 'osppPartialKey':
        block.partialProductKey = partialKey(v) ?? block.partialProductKey;
        break;
      case 'kmsFromDns':
      case 'kmsRegistered':
      case 'osppKmsOverride': {
        const host = hostPort(v);
        if (host) block.kmsMachine = `${host.host}:${host.port}`;
        break;
      }
      default:
        break;
    }
  }
  flush();
  if (licenses.length === 0) return {};
  const officeChannel = channelKind(licenses);
  return officeChannel ? { officeLicenses: licenses, officeChannel } : { officeLicenses: licenses };
}

/**
 * Volume when every licence that names its channel is a volume one (VOLUME_KMSCLIENT, VOLUME_MAK, RETAIL(MAK)),
 * retail when one is not (RETAIL, OEM, a subscription): one such licence is a product KMS leaves unactivated.
 */
function channelKind(licenses: readonly OfficeLicense[]): Facts['officeChannel'] {
  const channels = licenses.flatMap((l) => (l.channel ? [l.channel] : []));
  if (channels.length === 0) return undefined;
  return channels.every((c) => /^VOLUME_|\(MAK\)/i.test(c)) ? 'volume' : 'retail';
}

/**
 * Cut a chat message into command outputs. Each line is classified once (which command prints a line like
 * this, and whether it opens an output); runs of lines of one family form an output, a prompt line
 * (`C:\>slmgr /dlv`, `PS C:\> Test-NetConnection …`) or a "Windows Script Host" title opens a new one, and a
 * field seen twice (a second `Name:`) means a second paste of the same command. Lines that belong to no output
 * are returned as prose. One pass; each line is looked at a bounded number of times.
 */
import type { SourceKind } from '../types.js';
import { toLines, type Line } from './lines.js';
import { PHRASES, prefixTable, startsWithAny, XPR_PHRASES, type LabelKey } from './labels.js';
import { channelFromDescription, editionFromName, hexCode } from './values.js';

export type Family = 'license' | 'xpr' | 'ato' | 'ipk' | 'dism' | 'nslookup' | 'tnc' | 'event' | 'ospp';

export interface Segment {
  family: Family;
  /** The command named by a prompt line, when there was one. */
  hint?: SourceKind;
  /** The output's lines, as written, each classified at most once (readers reuse the records). */
  lines: readonly Line[];
}

interface Classified {
  family: Family | 'slmgr-error';
  /** A field that appears once per output: seeing it again starts a new output. */
  start?: string;
  /** Belongs to an output already open of that family, never opens one. */
  weak?: boolean;
}

/** Longest line any of these commands prints; longer lines are prose or noise. */
const MAX_LINE = 4096;
const PHRASE = prefixTable(PHRASES);
const XPR = prefixTable(XPR_PHRASES);
/** `/ipk` failures: with no prompt line, a bare error with one of these codes came from installing a key. */
const IPK_CODES = new Set(['0xC004F069', '0xC004F050', '0xC004F066', '0xC004F015']);

const LICENSE_KEYS = new Set<LabelKey>([
  'slsVersion',
  'name',
  'description',
  'activationId',
  'applicationId',
  'extendedPid',
  'productKeyChannel',
  'installationId',
  'partialProductKey',
  'licenseStatus',
  'volumeExpiration',
  'timebasedExpiration',
  'avmaExpiration',
  'evaluationEndDate',
  'notificationReason',
  'timeRemaining',
  'rearmCount',
  'skuRearmCount',
  'appRearmCount',
  'trustedTime',
  'configuredActivationType',
  'cmid',
  'kmsRegistered',
  'kmsRegisteredDomain',
  'kmsFromDns',
  'dnsAutoDiscovery',
  'kmsIp',
  'kmsExtendedPid',
  'activationInterval',
  'renewalInterval',
  'currentCount',
  'listeningPort',
  'kmsPriority',
  'totalRequests',
  'failedRequests',
]);
const LICENSE_STARTS = new Set<LabelKey>(['slsVersion', 'name', 'installationId']);
const STRONG_EVENT_KEYS = new Set<LabelKey>([
  'evLogName',
  'evTimeCreated',
  'evTaskCategory',
  'evKeywords',
  'evInfo',
]);
const WEAK_EVENT_KEYS = new Set<LabelKey>([
  'evSource',
  'evDate',
  'evLevel',
  'evUser',
  'evComputer',
  'evMessage',
  'evProviderName',
]);

interface Prompt {
  family?: Family;
  hint?: SourceKind;
}

const PROMPT_PREFIX = /^(?:PS\s+)?[A-Za-z]:\\[^>\n]{0,200}>\s*/;

/** Every command below names itself: a line naming none of them is no command line, whatever its prompt. */
const COMMAND_NAME =
  /slmgr|ospp\.vbs|dism|nslookup|test-netconnection|tnc\s|get-winevent|get-eventlog|wevtutil/i;

function prompt(line: string): Prompt | undefined {
  const hasPrompt = PROMPT_PREFIX.test(line);
  if (!COMMAND_NAME.test(line)) return hasPrompt ? {} : undefined;
  const cmd = (hasPrompt ? line.replace(PROMPT_PREFIX, '') : line).replace(/^[>$]\s*/, '');
  if (/^(?:cscript(?:\.exe)?\s+(?:\/\/nologo\s+)?)?(?:\S*\\)?slmgr(?:\.vbs)?(?:\s|$)/i.test(cmd)) {
    const opt = /\s[/-](dlv|dli|xpr|ato|ipk|dti)(?:\s|$)/i.exec(cmd)?.[1]?.toLowerCase();
    if (opt === 'dli' || opt === 'dlv' || opt === 'dti') return { family: 'license', hint: `slmgr-${opt}` };
    if (opt === 'xpr' || opt === 'ato' || opt === 'ipk') return { family: opt, hint: `slmgr-${opt}` };
    return {};
  }
  if (/^(?:cscript(?:\.exe)?\s+(?:\/\/nologo\s+)?)?"?(?:[^"]*\\)?ospp\.vbs"?\s/i.test(cmd))
    return { family: 'ospp', hint: 'ospp-dstatus' };
  if (/^dism(?:\.exe)?\s/i.test(cmd)) {
    if (/\/get-currentedition/i.test(cmd)) return { family: 'dism', hint: 'dism-current-edition' };
    if (/\/get-targeteditions/i.test(cmd)) return { family: 'dism', hint: 'dism-target-editions' };
    if (/\/set-edition/i.test(cmd)) return { family: 'dism', hint: 'dism-set-edition' };
    return { family: 'dism' };
  }
  if (/^nslookup(?:\.exe)?\s/i.test(cmd)) return { family: 'nslookup', hint: 'nslookup-srv' };
  if (/^(?:Test-NetConnection|tnc)\s/i.test(cmd)) return { family: 'tnc', hint: 'test-netconnection' };
  if (/^(?:Get-WinEvent|Get-EventLog|wevtutil)\s/i.test(cmd)) return { family: 'event', hint: 'event' };
  return hasPrompt ? {} : undefined;
}

function classify(rec: Line): Classified | undefined {
  const line = rec.trimmed;
  if (startsWithAny(rec.norm, PHRASE)) return { family: 'license' };
  if (startsWithAny(rec.norm, XPR)) return { family: 'xpr' };
  if (rec.eventMsg) return { family: 'event' };
  const lv = rec.lv;
  const key = rec.key;
  if (lv && key) {
    const v = lv.value;
    if (key === 'name') {
      if (editionFromName(v) || /^(?:Windows|Office)\b/i.test(v)) return { family: 'license', start: 'name' };
    } else if (key === 'description') {
      if (channelFromDescription(v) || /operating system|syst[eè]me d'exploitation/i.test(v))
        return { family: 'license' };
      return { family: 'event', weak: true };
    } else if (key.startsWith('ospp')) {
      return { family: 'ospp' };
    } else if (LICENSE_KEYS.has(key)) {
      return { family: 'license', start: LICENSE_STARTS.has(key) ? key : undefined };
    } else if (key === 'dismCurrentEdition' || key === 'dismTargetEdition' || key === 'dismImageVersion') {
      return { family: 'dism' };
    } else if (key === 'nsServer') {
      return { family: 'nslookup', start: 'server' };
    } else if (key === 'nsAddress') {
      return { family: 'nslookup', weak: true };
    } else if (key.startsWith('tnc')) {
      return { family: 'tnc', start: key === 'tncComputerName' ? key : undefined };
    } else if (key === 'evEventId') {
      if (/^\d{1,6}$/.test(v)) return { family: 'event' };
    } else if (STRONG_EVENT_KEYS.has(key)) {
      return { family: 'event' };
    } else if (WEAK_EVENT_KEYS.has(key)) {
      return { family: 'event', weak: true };
    }
  }
  // `Windows(R), ServerDatacenter edition:` heads an /xpr answer (the line is trimmed: it ends with the colon).
  if (line.endsWith(':') && editionFromName(line)) return { family: 'xpr', start: 'xprName' };
  if (/^(?:error|erreur)\s*[:：]?\s*(?:0x[0-9a-f]{1,8}|-\d{6,10})\b/i.test(line))
    return { family: 'slmgr-error' };
  if (/^(?:error|erreur)\s*[:：]\s*\d{1,5}\s*$/i.test(line)) return { family: 'dism', weak: true };
  if (/run 'slui\.exe 0x2a/i.test(line)) return { family: 'slmgr-error' };
  if (/^(?:hr\s*=\s*)?0x[0-9a-f]{1,8}\s*(?:,|$)/i.test(line)) return { family: 'event', weak: true };
  if (
    /^(?:priority|weight|port|svr hostname|primary name server|responsible mail addr|serial)\s*=/i.test(line)
  )
    return { family: 'nslookup' };
  if (/\binternet address\s*=|_vlmcs\._tcp/i.test(line)) return { family: 'nslookup' };
  const msg = rec.msg;
  switch (msg) {
    case 'activating':
      return rec.norm.includes('windows(r)') ? { family: 'ato', start: 'activating' } : undefined;
    case 'activatedOk':
    case 'activationFailed':
      return { family: 'ato' };
    case 'keyInstalled':
      return /successfully|succ[eè]s|install[ée]e/i.test(line) ? { family: 'ipk' } : undefined;
    case 'productNotFound':
    case 'accessDenied':
      return { family: 'slmgr-error' };
    case 'dismHeader':
      return { family: 'dism', start: 'dismHeader' };
    case 'dismCurrentIs':
    case 'dismTargetsHeader':
    case 'dismNoTarget':
    case 'dismNotOnline':
    case 'dismKeyInvalid':
    case 'dismDomainController':
    case 'dismStarting':
      return { family: 'dism' };
    case 'dismOk':
    case 'dismRestart':
    case 'dismLogAt':
      return { family: 'dism', weak: true };
    case 'nsNonAuthoritative':
    case 'nsNxDomain':
    case 'nsCantFind':
    case 'nsSrvLocation':
      return { family: 'nslookup' };
    case 'tncWarning':
      return { family: 'tnc' };
    default:
      return undefined;
  }
}

interface Open {
  family?: Family;
  hint?: SourceKind;
  lines: Line[];
  /** Lines since the last classified one: they join the output only if it continues. */
  pending: Line[];
  /** Fields seen once already (a handful at most: an array beats a Set). */
  starts: string[];
  content: boolean;
}

export interface Segmentation {
  segments: Segment[];
  prose: string;
}

export function segment(text: string): Segmentation {
  const segments: Segment[] = [];
  const prose: Line[] = [];
  let cur: Open | undefined;

  const close = (): void => {
    if (!cur) return;
    // Trailing unclassified lines stay with the output up to the first blank line (wrapped error text).
    const blank = cur.pending.findIndex((l) => l.trimmed === '');
    const tail = blank < 0 ? cur.pending : cur.pending.slice(0, blank);
    const rest = blank < 0 ? [] : cur.pending.slice(blank);
    if (cur.content && cur.family) {
      segments.push({ family: cur.family, hint: cur.hint, lines: [...cur.lines, ...tail] });
      prose.push(...rest);
    } else {
      prose.push(...cur.lines, ...cur.pending);
    }
    cur = undefined;
  };
  const open = (family?: Family, hint?: SourceKind): Open => {
    close();
    cur = { family, hint, lines: [], pending: [], starts: [], content: false };
    return cur;
  };

  const lines = toLines(text);
  for (const line of lines) {
    const trimmed = line.trimmed;
    if (trimmed.length === 0 || trimmed.length > MAX_LINE) {
      if (cur) cur.pending.push(line);
      else prose.push(line);
      continue;
    }
    const p = prompt(trimmed);
    if (p) {
      open(p.family, p.hint).lines.push(line);
      continue;
    }
    if (trimmed.length === 19 && /^windows script host$/i.test(trimmed)) {
      if (!cur || cur.content) open();
      cur?.pending.push(line);
      continue;
    }
    const c = classify(line);
    if (!c) {
      if (cur) cur.pending.push(line);
      else prose.push(line);
      continue;
    }
    let family: Family;
    if (c.family === 'slmgr-error') {
      if (cur?.family === 'ato' || cur?.family === 'ipk' || cur?.family === 'dism') family = cur.family;
      else if (cur && !cur.family) family = 'ato';
      else {
        const code = hexCode(trimmed);
        family = code && IPK_CODES.has(code) ? 'ipk' : 'ato';
      }
      if (cur && !cur.family) cur.family = family;
    } else if (c.family === 'license' && cur?.family === 'ospp' && c.start === undefined) {
      // ospp.vbs prints slmgr's own labels for its status and KMS lines.
      family = 'ospp';
    } else family = c.family;

    const continues =
      cur !== undefined &&
      (cur.family === undefined || cur.family === family) &&
      !(c.start !== undefined && cur.starts.includes(c.start));
    if (!continues) {
      if (c.weak) {
        if (cur) cur.pending.push(line);
        else prose.push(line);
        continue;
      }
      open(family);
    }
    const seg = cur as Open;
    seg.family ??= family;
    seg.lines.push(...seg.pending, line);
    seg.pending = [];
    seg.content = true;
    if (c.start && !seg.starts.includes(c.start)) seg.starts.push(c.start);
  }
  close();
  return { segments, prose: prose.map((l) => l.raw).join('\n') };
}

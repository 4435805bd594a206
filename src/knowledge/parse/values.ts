/**
 * Small value readers shared by the parsers. Each takes the raw text after a label and returns a normalized,
 * schema-valid value or undefined — never a half-parsed one.
 */
import type { Facts, HexCode, KmsHostRef } from '../types.js';

export interface LabelledLine {
  label: string;
  value: string;
}

/** `Label : value` with an ASCII or full-width colon; labels are short and never start a sentence of prose. */
export function splitLabel(line: string): LabelledLine | undefined {
  let idx = line.indexOf(':');
  const wide = line.indexOf('：');
  if (wide >= 0 && (idx < 0 || wide < idx)) idx = wide;
  if (idx <= 0 || idx > 90) return undefined;
  const label = line.slice(0, idx).trim();
  if (label.length === 0) return undefined;
  return { label, value: line.slice(idx + 1).trim() };
}

/** `0x5`, `0xc004f074`, `hr=0xC004F074` → `0x00000005`, `0xC004F074`. */
export function hexCode(raw: string): HexCode | undefined {
  const m = /0x([0-9a-f]{1,8})(?![0-9a-f])/i.exec(raw);
  if (!m?.[1]) return undefined;
  return `0x${m[1].toUpperCase().padStart(8, '0')}`;
}

/** Every `0x…` code in a text, in order, distinct, leaving out the all-zero status words. */
export function allHexCodes(text: string): HexCode[] {
  const out: HexCode[] = [];
  for (const m of text.matchAll(/(?<![0-9a-z])0x([0-9a-f]{1,8})(?![0-9a-f])/gi)) {
    const code = `0x${(m[1] ?? '').toUpperCase().padStart(8, '0')}`;
    if (code !== '0x00000000' && !out.includes(code)) out.push(code);
  }
  return out;
}

/** A Win32 error number as DISM prints it (`Error: 1168`) → its HRESULT (0x80070490). */
export function win32ToHresult(n: number): HexCode | undefined {
  if (!Number.isInteger(n) || n <= 0 || n > 0xffff) return undefined;
  return `0x8007${n.toString(16).toUpperCase().padStart(4, '0')}`;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export function guid(raw: string): string | undefined {
  return GUID.exec(raw)?.[0].toLowerCase();
}

export function firstInt(raw: string): number | undefined {
  const m = /-?\d{1,12}/.exec(raw);
  if (!m) return undefined;
  const n = Number(m[0]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Minutes per unit, in both languages (`minute(s)`, `jour(s)`, `day(s)`, `heure(s)`, `hour(s)`). */
const UNIT_MINUTES: readonly (readonly [RegExp, number])[] = [
  [/^min/i, 1],
  [/^(?:h|heure|hour)/i, 60],
  [/^(?:d|day|j|jour)/i, 24 * 60],
];

/**
 * A duration as slmgr prints it, in minutes: `259200 minute(s) (180 day(s))` → 259200, `137 jour(s)` → 197280,
 * `2 heure(s)` → 120, a bare `120` → 120. When several figures are printed the minutes win (they are exact).
 */
export function durationMinutes(raw: string): number | undefined {
  let best: { minutes: number; unit: number } | undefined;
  for (const m of raw.matchAll(/(\d{1,12})\s*([\p{L}]*)/gu)) {
    const n = Number(m[1]);
    if (!Number.isSafeInteger(n)) continue;
    const word = m[2] ?? '';
    const unit = word === '' ? 1 : UNIT_MINUTES.find(([rx]) => rx.test(word))?.[1];
    if (unit === undefined) continue;
    if (best === undefined || unit < best.unit) best = { minutes: n * unit, unit };
  }
  return best?.minutes;
}

/** `kms01.contoso.com:1688`, `10.0.0.20`, `[fe80::1]:1688` → host and port (1688 when none is printed). */
export function hostPort(raw: string): KmsHostRef | undefined {
  const v = raw.trim().replace(/\.$/, '');
  const m = /^(\[[0-9a-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9._-]{0,252}))(?::(\d{1,5}))?$/i.exec(v);
  if (!m?.[1]) return undefined;
  const port = m[2] === undefined ? 1688 : Number(m[2]);
  if (port < 1 || port > 65535) return undefined;
  return { host: m[1], port };
}

export function ipAddress(raw: string): string | undefined {
  const v = raw.trim();
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(v)) return v;
  if (/^[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:%\w+)?$/i.test(v)) return v;
  return undefined;
}

const CLIENT_EDITIONS = /^(?:Professional|Core|Enterprise|Education|Cloud|IoT|PPIPro|ServerRdsh)/i;

/** What an EditionID tells: evaluation or not, server or client. */
export function editionFacts(edition: string): Pick<Facts, 'edition' | 'isEvaluation' | 'osKind'> {
  const out: Pick<Facts, 'edition' | 'isEvaluation' | 'osKind'> = { edition };
  out.isEvaluation = /Eval(?:Cor)?$/i.test(edition);
  if (/^Server/i.test(edition) && !/^ServerRdsh/i.test(edition)) out.osKind = 'server';
  else if (CLIENT_EDITIONS.test(edition)) out.osKind = 'client';
  return out;
}

/** `Windows(R), ServerDatacenter edition` → `ServerDatacenter` (the EditionID is never translated). */
export function editionFromName(name: string): string | undefined {
  const m = /Windows\s*\(R\)\s*,?\s*([A-Za-z][A-Za-z0-9_]*)\s+(?:edition|[ée]dition)\b/i.exec(name);
  return m?.[1];
}

/** Build number → product family; used only when the edition already said server or client. */
export function osVersionFromBuild(build: number, kind: 'server' | 'client' | undefined): string | undefined {
  if (kind === 'server') {
    if (build === 26100) return 'Windows Server 2025';
    if (build === 20348) return 'Windows Server 2022';
    if (build === 17763) return 'Windows Server 2019';
    if (build === 14393) return 'Windows Server 2016';
    if (build === 9600) return 'Windows Server 2012 R2';
    if (build === 9200) return 'Windows Server 2012';
    if (build === 7600 || build === 7601) return 'Windows Server 2008 R2';
    return undefined;
  }
  if (kind === 'client') {
    if (build >= 22000 && build < 30000) return 'Windows 11';
    if (build >= 10240 && build <= 19045) return 'Windows 10';
    if (build === 9600) return 'Windows 8.1';
    if (build === 9200) return 'Windows 8';
    if (build === 7600 || build === 7601) return 'Windows 7';
  }
  return undefined;
}

/** `10.0.20348.524` → 20348. */
export function buildFromVersion(raw: string): number | undefined {
  const m = /\b\d{1,2}\.\d\.(\d{4,5})(?:\.\d+)?\b/.exec(raw);
  return m?.[1] ? Number(m[1]) : undefined;
}

/** Extended PID `03612-03308-000-000000-00-2052-22000.0000-0362022` → 22000. */
export function buildFromExtendedPid(raw: string): number | undefined {
  const m = /-(\d{4,5})\.\d{4}-\d{7}\s*$/.exec(raw.trim());
  return m?.[1] ? Number(m[1]) : undefined;
}

/** Key type from `Product Key Channel` (authoritative) or from the `Description` channel token. */
export function keyTypeFromProductKeyChannel(v: string): Facts['keyType'] {
  if (/:TB:Eval\b|^Eval/i.test(v)) return 'Eval';
  if (/^Volume:GVLK/i.test(v)) return 'GVLK';
  if (/^Volume:MAK/i.test(v)) return 'MAK';
  if (/^Volume:CSVLK/i.test(v)) return 'CSVLK';
  if (/AVMA/i.test(v)) return 'AVMA';
  if (/^OEM:/i.test(v)) return 'OEM';
  if (/^Retail\b/i.test(v)) return 'Retail';
  return undefined;
}

export function keyTypeFromChannel(channel: string): Facts['keyType'] {
  if (/EVAL/.test(channel)) return 'Eval';
  if (channel === 'VOLUME_KMSCLIENT') return 'GVLK';
  if (channel.startsWith('VOLUME_MAK')) return 'MAK';
  if (channel.startsWith('VOLUME_KMS')) return 'CSVLK';
  if (channel.startsWith('VIRTUAL_MACHINE_ACTIVATION')) return 'AVMA';
  if (channel.startsWith('OEM')) return 'OEM';
  if (channel.startsWith('RETAIL')) return 'Retail';
  return undefined;
}

/** `Windows(R) Operating System, VOLUME_KMSCLIENT channel` → `VOLUME_KMSCLIENT`. */
export function channelFromDescription(v: string): string | undefined {
  const m = /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|RETAIL|OEM)\b\s*(?:channel|canal)?/.exec(v);
  return m?.[1];
}

/** Five upper-case characters, as slmgr prints the end of a key. */
export function partialKey(raw: string): string | undefined {
  const m = /\b([0-9A-Z]{5})\b/.exec(raw.trim().toUpperCase());
  return m?.[1];
}

/** Drop undefined members so observations compare and serialize cleanly. */
export function compact<T extends object>(o: T): T {
  const out = {} as T;
  const src = o as Record<string, unknown>;
  for (const k in src) {
    const v = src[k];
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

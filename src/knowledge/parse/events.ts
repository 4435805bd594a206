/**
 * Software Protection / KMS events 12288, 12289, 12290, 12293 (and 12294) and 8198, from Event Viewer's
 * "copy details as text" layout, the bare General tab, or `Get-WinEvent | Format-List` (`Id : 12288`,
 * `Message : …` with wrapped, indented continuation lines).
 *
 * The `Info:` line is a comma list whose positions are documented (fact sheet §6):
 *   12288: hr, flags, host:port, CMID, client time, VM, license status, minutes to expiry, ActID, min count
 *   12289: hr, flags, activated, host current count, activation interval, renewal interval
 *   12290: hr, min count, client FQDN, CMID, client time, VM, license state, minutes to expiry, ActID
 */
import type { EventFact, Facts, Observation } from '../types.js';
import { EVENT_MESSAGES, labelKey, prepared } from './labels.js';
import { toLines, type Line } from './lines.js';
import { allHexCodes, compact, hostPort, splitLabel } from './values.js';

const EVENT_MSG = prepared(EVENT_MESSAGES);
const KNOWN_IDS = new Set([12288, 12289, 12290, 12292, 12293, 12294, 8198, 8196, 8200, 8208, 8229]);
/** The inner code of a KMS request that failed because client and host clocks disagree. */
const TIME_SKEW = '0xC004F06C';

interface RawEvent {
  id?: number;
  lines: string[];
}

function intField(s: string | undefined): number | undefined {
  if (s === undefined || !/^\d{1,9}$/.test(s.trim())) return undefined;
  return Number(s.trim());
}

/** The comma list after `Info:` (same line or the following ones, Format-List indentation folded). */
function infoFields(lines: readonly string[]): string[] {
  const at = lines.findIndex((l) => /^\s*(?:info|infos|informations)\s*[:：]/i.test(l));
  if (at < 0) return [];
  const first = (lines[at] ?? '').replace(/^\s*[^:：]*[:：]/, '');
  return [first, ...lines.slice(at + 1)]
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join(' ')
    .split(',')
    .map((s) => s.trim());
}

function toFact(ev: RawEvent, id: number): EventFact {
  const text = ev.lines.join('\n');
  const fact: EventFact = { id, codes: allHexCodes(text) };
  const fields = infoFields(ev.lines);
  if (id === 12288) {
    const host = fields[2] ? hostPort(fields[2]) : undefined;
    if (host) fact.host = host.host;
    const min = intField(fields[9]);
    if (min !== undefined) fact.minimumCount = min;
  } else if (id === 12289) {
    const count = intField(fields[3]);
    if (count !== undefined) fact.currentCount = count;
  } else if (id === 12290) {
    const min = intField(fields[1]);
    if (min !== undefined) fact.minimumCount = min;
    const client = fields[2] && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(fields[2]) ? fields[2] : undefined;
    if (client) fact.host = client;
  }
  return compact(fact);
}

function idFromMessage(rec: Line): number | undefined {
  const line = rec.raw;
  if (rec.eventMsg === undefined) return undefined;
  const norm = rec.norm;
  for (const [id, text] of EVENT_MSG) {
    if (!norm.includes(text)) continue;
    // 12293 and 12294 share their opening words; only the failed one says so.
    if (id === '12293' && !/fail|[ée]chou|[ée]chec/i.test(line)) return 12294;
    return Number(id);
  }
  return undefined;
}

/** Split a paste into events: a new one starts at `Log Name:`/`TimeCreated :`, or at a second id/message. */
function splitEvents(lines: readonly Line[]): RawEvent[] {
  const events: RawEvent[] = [];
  let cur: RawEvent = { lines: [] };
  let hasMessage = false;
  const flush = (): void => {
    if (cur.id !== undefined || cur.lines.some((l) => l.trim())) events.push(cur);
    cur = { lines: [] };
    hasMessage = false;
  };
  for (const rec of lines) {
    const line = rec.raw;
    // Labels are split on the line as written (indentation counts towards the label length limit).
    const lv = line === rec.trimmed ? rec.lv : splitLabel(line);
    const key = line === rec.trimmed ? rec.key : lv ? labelKey(lv.label) : undefined;
    const msgId = idFromMessage(rec);
    if (key === 'evLogName' || key === 'evTimeCreated') {
      if (cur.id !== undefined || hasMessage) flush();
    } else if (key === 'evEventId' && lv && /^\d{1,6}$/.test(lv.value)) {
      if (cur.id !== undefined) flush();
      cur.id = Number(lv.value);
    } else if (msgId !== undefined) {
      if (hasMessage) flush();
      hasMessage = true;
      cur.id ??= msgId;
    }
    cur.lines.push(line);
  }
  flush();
  return events;
}

export function readEventFacts(text: string): Facts {
  return readEventLines(toLines(text));
}

export function readEventLines(lines: readonly Line[]): Facts {
  const f: Facts = {};
  const events: EventFact[] = [];
  for (const ev of splitEvents(lines)) {
    const id = ev.id;
    if (id === undefined || !KNOWN_IDS.has(id)) continue;
    const fact = toFact(ev, id);
    events.push(fact);
    if (fact.codes.includes(TIME_SKEW)) f.clockSkew = true;
    if (id === 12293) {
      const domain = /['"«“‘]\s*([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\s*['"»”’]/.exec(ev.lines.join(' '))?.[1];
      if (domain) f.dnsDomain = domain.toLowerCase();
    }
  }
  if (events.length > 0) f.events = events;
  return f;
}

export function parseEvents(text: string): Observation[] {
  return [{ source: 'event', facts: readEventFacts(text) }];
}

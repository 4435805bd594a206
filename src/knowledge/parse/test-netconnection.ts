/**
 * `Test-NetConnection <host> -Port 1688`: property names are English in every locale. Reachability is reported
 * only for port 1688 (or when no other port is shown next to a KMS test).
 */
import type { Facts, Observation } from '../types.js';
import { MESSAGES, prepared } from './labels.js';
import { toLines, type Line } from './lines.js';
import { compact, firstInt } from './values.js';

const TNC_WARNING = prepared(MESSAGES)
  .filter(([k]) => k === 'tncWarning')
  .map(([, t]) => t);

export function readTestNetConnectionFacts(text: string): Facts {
  return readTestNetConnectionLines(toLines(text));
}

export function readTestNetConnectionLines(lines: readonly Line[]): Facts {
  const f: Facts = {};
  let port: number | undefined;
  let succeeded: boolean | undefined;
  let warnedPort: number | undefined;
  for (const rec of lines) {
    const line = rec.trimmed;
    if (!line) continue;
    const norm = rec.norm;
    if (TNC_WARNING.some((t) => norm.includes(t))) {
      // WARNING: TCP connect to (10.0.0.20 : 1688) failed
      const m = /\(\s*([^()\s]+)\s*:\s*(\d{1,5})\s*\)/.exec(line);
      warnedPort = m?.[2] ? Number(m[2]) : warnedPort;
      if (/failed|[ée]chec|a [ée]chou[ée]/i.test(line)) succeeded ??= false;
      continue;
    }
    const lv = rec.lv;
    if (!lv) continue;
    switch (rec.key) {
      case 'tncComputerName':
        if (/^[A-Za-z0-9._:[\]-]+$/.test(lv.value)) f.testedHost = lv.value;
        break;
      case 'tncRemotePort':
        port = firstInt(lv.value);
        break;
      case 'tncTcpTestSucceeded':
        if (/^true$/i.test(lv.value)) succeeded = true;
        else if (/^false$/i.test(lv.value)) succeeded = false;
        break;
      default:
        break;
    }
  }
  const testedPort = port ?? warnedPort;
  if (succeeded !== undefined && (testedPort === undefined || testedPort === 1688))
    f.port1688Reachable = succeeded;
  return compact(f);
}

export function parseTestNetConnection(text: string): Observation[] {
  return [{ source: 'test-netconnection', facts: readTestNetConnectionFacts(text) }];
}

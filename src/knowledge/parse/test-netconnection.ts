/**
 * `Test-NetConnection <host> -Port 1688`: property names are English in every locale. Reachability is reported
 * only for port 1688 (or when no other port is shown next to a KMS test).
 */
import type { Facts, Observation } from '../types.js';
import { labelKey, MESSAGES, normalizeLabel, prepared } from './labels.js';
import { compact, firstInt, splitLabel } from './values.js';

const MSG = prepared(MESSAGES);

export function readTestNetConnectionFacts(text: string): Facts {
  const f: Facts = {};
  let port: number | undefined;
  let succeeded: boolean | undefined;
  let warnedPort: number | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const norm = normalizeLabel(line);
    if (MSG.some(([k, t]) => k === 'tncWarning' && norm.includes(t))) {
      // WARNING: TCP connect to (10.0.0.20 : 1688) failed
      const m = /\(\s*([^()\s]+)\s*:\s*(\d{1,5})\s*\)/.exec(line);
      warnedPort = m?.[2] ? Number(m[2]) : warnedPort;
      if (/failed|[ée]chec|a [ée]chou[ée]/i.test(line)) succeeded ??= false;
      continue;
    }
    const lv = splitLabel(line);
    if (!lv) continue;
    switch (labelKey(lv.label)) {
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

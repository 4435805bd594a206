/**
 * The HTTP bench's arithmetic, kept apart from its processes so it can be unit-tested: latency percentiles, Redis
 * round trips counted from a MONITOR stream, and the targets with their met / not met verdicts.
 */

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarizeLatencies(samples: readonly number[]): LatencySummary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : NaN,
  };
}

/** One line of `MONITOR`: the client that sent the command (`ip:port`, or `lua` inside a script) and its words. */
export interface MonitorEntry {
  source: string;
  args: readonly string[];
}

export interface RoundTrips {
  /** Requests a client had to wait for: each command, except that MULTI … EXEC (sent in one write) counts once. */
  roundTrips: number;
  /** Commands clients sent (queued ones inside MULTI included). */
  commands: number;
  /** Commands run by Lua scripts inside Redis: no network round trip of their own. */
  inScripts: number;
  /** Round trips by the command that opened them (`evalsha`, `get`, `multi`…). */
  byCommand: Record<string, number>;
}

export function countRoundTrips(entries: Iterable<MonitorEntry>): RoundTrips {
  const inMulti = new Set<string>();
  const result: RoundTrips = { roundTrips: 0, commands: 0, inScripts: 0, byCommand: {} };
  for (const { source, args } of entries) {
    const name = (args[0] ?? '').toLowerCase();
    if (source === 'lua') {
      result.inScripts++;
      continue;
    }
    result.commands++;
    if (inMulti.has(source)) {
      if (name === 'exec' || name === 'discard') inMulti.delete(source);
      continue;
    }
    if (name === 'multi') inMulti.add(source);
    result.roundTrips++;
    result.byCommand[name] = (result.byCommand[name] ?? 0) + 1;
  }
  return result;
}

export type Verdict = 'met' | 'not met' | 'n/a';

export interface TargetLine {
  label: string;
  measured: string;
  target: string;
  verdict: Verdict;
}

/** Met when `value` is at most `limit` (at least, when `atLeast`); n/a when the value could not be measured. */
export function verdict(value: number, limit: number, atLeast = false): Verdict {
  if (!Number.isFinite(value)) return 'n/a';
  return (atLeast ? value >= limit : value <= limit) ? 'met' : 'not met';
}

export function formatTargets(title: string, lines: readonly TargetLine[]): string {
  const w1 = Math.max(...lines.map((l) => l.label.length));
  const w2 = Math.max(...lines.map((l) => l.measured.length));
  const w3 = Math.max(...lines.map((l) => l.target.length));
  return [
    title,
    ...lines.map(
      (l) =>
        `  ${l.label.padEnd(w1)}  ${l.measured.padStart(w2)}  ${l.target.padEnd(w3)}  ${l.verdict.toUpperCase()}`,
    ),
  ].join('\n');
}

/** Fixed-width table: first column left-aligned, the others right-aligned. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export const fmt = {
  int: (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–'),
  ms: (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) : '–'),
  ratio: (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–'),
  mib: (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1024 / 1024).toFixed(0) : '–'),
};

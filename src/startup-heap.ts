/**
 * V8's young generation while the server starts. Loading the server's modules and a platform's SDK allocates tens
 * of MiB that nearly all survive, so V8 doubles its young generation up to the 2 × 16 MiB maximum on the way, and
 * keeps it through about a minute of idle before its memory reducer gives it back: 15–35 MiB of the server's
 * resident memory once it is ready. Holding the growth factor at 1 while the modules load keeps the young
 * generation at its initial size (what survives is promoted to the old generation, where it ends up anyway); the
 * factor goes back to V8's default once the server listens, so under traffic it grows as before.
 *
 * Only server.ts, the entry point, holds it (not a test or a tool that builds a server), and not when the operator
 * chose a growth factor on the node command line.
 */
import { setFlagsFromString } from 'node:v8';

/** V8's default growth factor (its flag definitions); a flag can be set from JavaScript but not read. */
const V8_DEFAULT_GROWTH_FACTOR = 2;

let holding = false;

/** Keeps the young generation at its initial size until releaseStartupHeap(). */
export function holdStartupHeap(): void {
  // Node accepts this V8 flag on its command line only, not in NODE_OPTIONS.
  const operatorChose = process.execArgv.some((arg) => /^--semi[-_]space[-_]growth[-_]factor\b/.test(arg));
  if (operatorChose || holding) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  holding = true;
}

/** Lets the young generation grow again (called once the server listens). */
export function releaseStartupHeap(): void {
  if (!holding) return;
  setFlagsFromString(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`);
  holding = false;
}

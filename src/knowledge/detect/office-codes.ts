/**
 * Codes that only Office printed. `ospp.vbs` reports Office's own licensing, through the same Software
 * Licensing codes as Windows: 0xC004F069 ("the product SKU is not found") from `ospp.vbs /inpkey` says the
 * Office build has no volume SKU for that key, not that Windows is an evaluation edition. A code that also
 * appears outside Office's output (slmgr, an event, the person's sentence) is Windows' as well and stays so.
 */
import type { Segment } from '../parse/segment.js';
import type { HexCode } from '../types.js';
import { detectCodes } from './codes.js';

/**
 * Output that is surely Office's: under an `ospp.vbs` prompt line, or holding a line only ospp.vbs prints (a
 * licence name, a SKU id). An `Error Code:` row alone is not enough: an event's description prints one too.
 */
function isOfficeOutput(seg: Segment): boolean {
  if (seg.family !== 'ospp') return false;
  return (
    seg.hint === 'ospp-dstatus' ||
    seg.lines.some(
      (l) => l.key?.startsWith('ospp') && l.key !== 'osppErrorCode' && l.key !== 'osppErrorDescription',
    )
  );
}

export function officeOnlyCodes(segments: readonly Segment[], prose: string): HexCode[] {
  const office = segments.filter(isOfficeOutput);
  if (office.length === 0) return [];
  const text = (from: readonly Segment[]): string =>
    from.flatMap((s) => s.lines.map((line) => line.raw)).join('\n');
  const elsewhere = new Set(
    detectCodes(`${prose}\n${text(segments.filter((s) => !isOfficeOutput(s)))}`).map((c) => c.code),
  );
  return detectCodes(text(office))
    .map((c) => c.code)
    .filter((code) => !elsewhere.has(code));
}

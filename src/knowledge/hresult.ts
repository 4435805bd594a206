/**
 * HRESULT anatomy: what any 32-bit code says about itself, catalogued or not, and the one place that turns
 * what a user typed for a single code into the canonical `0x` + 8 upper-case hex digits form.
 */
import { WIN32_ERROR_NAMES } from './catalogue/win32.js';
import type { DecodedHresult, HexCode } from './types.js';

const TWO_32 = 2 ** 32;
const TWO_31 = 2 ** 31;

/** winerror.h facility numbers, with slerror.h's names where it renames one. */
const FACILITY_NAMES: ReadonlyMap<number, string> = new Map([
  [0, 'FACILITY_NULL'],
  [1, 'FACILITY_RPC'],
  [2, 'FACILITY_DISPATCH'],
  [3, 'FACILITY_STORAGE'],
  [4, 'FACILITY_SL_ITF'],
  [7, 'FACILITY_WIN32'],
  [8, 'FACILITY_WINDOWS'],
  [9, 'FACILITY_SECURITY'],
  [10, 'FACILITY_CONTROL'],
  [11, 'FACILITY_CERT'],
  [12, 'FACILITY_INTERNET'],
  [15, 'FACILITY_SETUPAPI'],
  [16, 'FACILITY_SCARD'],
  [17, 'FACILITY_COMPLUS'],
  [25, 'FACILITY_HTTP'],
  [36, 'FACILITY_WINDOWSUPDATE'],
  [0x3f, '_FACILITY_WINDOWS_STORE'],
]);

/**
 * NTSTATUS values (severity bits 11 with a low facility) reuse facility numbers differently: 0xC002xxxx is the
 * RPC runtime, as in 0xC0020017 (KMS contact failure in event 8198), not the COM dispatch facility.
 */
const NTSTATUS_FACILITY_NAMES: ReadonlyMap<number, string> = new Map([
  [2, 'FACILITY_RPC_RUNTIME'],
  [3, 'FACILITY_RPC_STUBS'],
]);

const SEVERITIES = ['success', 'informational', 'warning', 'error'] as const;

export function toHexCode(value: number): HexCode {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

/**
 * Splits a code into its fields (layout from the slerror.h header comment: Sev 31–30, C 29, N 28, facility
 * 27–16, code 15–0). `severity` is the two-bit Sev field as that header names it; `failure` is bit 31, the only
 * bit FAILED() tests, so 0x8007xxxx is a failure even though its Sev field reads "warning".
 */
export function decodeHresult(code: HexCode): DecodedHresult {
  const value = Number.parseInt(code.slice(2), 16) >>> 0;
  const sevBits = value >>> 30;
  const facility = (value >>> 16) & 0x0fff;
  const codeValue = value & 0xffff;
  const facilityName =
    sevBits === 3
      ? (NTSTATUS_FACILITY_NAMES.get(facility) ?? FACILITY_NAMES.get(facility))
      : FACILITY_NAMES.get(facility);
  const decoded: DecodedHresult = {
    code: toHexCode(value),
    severity: SEVERITIES[sevBits] ?? 'error',
    failure: (value & 0x80000000) !== 0,
    customer: (value & 0x20000000) !== 0,
    ntstatus: (value & 0x10000000) !== 0,
    facility,
    codeValue,
  };
  if (facilityName !== undefined) decoded.facilityName = facilityName;
  // HRESULT_FROM_WIN32 always yields 0x8007xxxx: only then are the low bits a Win32 error number.
  if (value >>> 16 === 0x8007) {
    const name = WIN32_ERROR_NAMES.get(codeValue);
    decoded.win32 = name === undefined ? { number: codeValue } : { number: codeValue, name };
  }
  return decoded;
}

const HEX_PREFIXED = /^0\s*x\s*([0-9a-f]{1,8})$/i;
const HEX_BARE = /^[0-9a-f]{8}$/i;
/** Nine or ten digits, optionally signed: the decimal forms PowerShell, WMI and .NET print. */
const DECIMAL = /^([+-]?)(\d{9,10})$/;

/**
 * Canonical form of one code as a user typed it: `0xc004f074`, `C004F074`, `0 x 80070005`, `-1073418124`,
 * `3221549172`. Eight bare digits are read as hex (people type "80070005" for 0x80070005); decimals need nine
 * or ten digits, the size every real HRESULT has in decimal. Anything else, or out of 32-bit range: undefined.
 */
/** `0x` + eight upper-case hex digits: already canonical (every code the pipeline passes on looks like this). */
function isCanonical(raw: string): boolean {
  if (raw.length !== 10 || raw.charCodeAt(0) !== 48 || raw.charCodeAt(1) !== 120) return false;
  for (let i = 2; i < 10; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

export function normalizeCode(raw: string): HexCode | undefined {
  if (isCanonical(raw)) return raw as HexCode;
  const text = raw.trim();
  const prefixed = HEX_PREFIXED.exec(text);
  if (prefixed?.[1] !== undefined) return toHexCode(Number.parseInt(prefixed[1], 16));
  if (HEX_BARE.test(text)) return toHexCode(Number.parseInt(text, 16));
  const decimal = DECIMAL.exec(text);
  if (decimal?.[2] !== undefined) {
    const magnitude = Number(decimal[2]);
    if (decimal[1] === '-') {
      if (magnitude === 0 || magnitude > TWO_31) return undefined;
      return toHexCode(TWO_32 - magnitude);
    }
    if (magnitude >= TWO_32) return undefined;
    return toHexCode(magnitude);
  }
  return undefined;
}

/** The signed 32-bit decimal form (what `$LASTEXITCODE` or .NET `HResult` prints). */
export function signedDecimal(code: HexCode): number {
  const value = Number.parseInt(code.slice(2), 16) >>> 0;
  return value >= TWO_31 ? value - TWO_32 : value;
}

/**
 * The CLI as a function: arguments and injected I/O in, exit code out. `main.ts` only wires it to the process,
 * so every behaviour (usage errors, bad input, output formats) is tested here without spawning anything.
 * Exit codes: 0 done, 2 bad usage or bad input (one line on stderr, never a stack trace), 1 unexpected failure.
 */
import { diagnose, explain, InvalidCodeError, LangSchema, type Lang } from '../../knowledge/index.js';
import { decodeText, NotTextError } from '../../files/decode-text.js';
import { ScreenshotRefusal } from '../../files/ocr/index.js';
import { formatDiagnosis, formatExplanation } from './format.js';
import { readIfScreenshot, screenshotReport } from './screenshot.js';

export const MAX_INPUT_BYTES = 1024 * 1024;

export interface CliIo {
  /** Reads stdin, at most `maxBytes + 1` bytes (so an oversized input is noticed without reading it all). */
  readStdin(maxBytes: number): Promise<Uint8Array>;
  /** Reads a file the same way; rejects with a Node-style error (`code`) when it cannot. */
  readFile(path: string, maxBytes: number): Promise<Uint8Array>;
  stdinIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
}

class UsageError extends Error {}

const USAGE = `Usage:
  activation-doctor diagnose [--json] [--lang en|fr] [FILE]
      Diagnose pasted activation output (slmgr, DISM, nslookup, events, error codes).
      Reads FILE, or standard input when FILE is absent or "-". A PNG or JPEG FILE is read with OCR.
  activation-doctor explain <code> [--json] [--lang en|fr]
      Explain one error code (0xC004F074, C004F074, -1073418124, a Win32 number such as 1168 ...).
  activation-doctor --help

Language: --lang, else the language of the input, else English.
`;

interface Parsed {
  json: boolean;
  lang?: Lang;
  positional: string[];
}

function parseFlags(args: readonly string[]): Parsed {
  const parsed: Parsed = { json: false, positional: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') parsed.json = true;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const value = a === '--lang' ? args[++i] : a.slice('--lang='.length);
      const lang = LangSchema.safeParse(value);
      if (!lang.success)
        throw new UsageError(
          `--lang must be "en" or "fr"${value === undefined ? '' : `, not "${value.slice(0, 20)}"`}`,
        );
      parsed.lang = lang.data;
    } else if (a.startsWith('-') && a !== '-' && !/^-\d/.test(a))
      throw new UsageError(`unknown option ${a.slice(0, 40)}`);
    // `-1073418124` is a code in signed decimal, not an option.
    else parsed.positional.push(a);
  }
  return parsed;
}

function describeReadError(path: string, err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  const reason =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : 'it cannot be read';
  return `cannot read ${path}: ${reason}`;
}

/**
 * Raw bytes to text, refusing what is not a text paste: too big, binary, empty. UTF-8, UTF-16 and the Windows code
 * pages French and English admins' files come in are all read (src/files/decode-text.ts).
 */
function toText(bytes: Uint8Array, what: string): string {
  if (bytes.length > MAX_INPUT_BYTES)
    throw new UsageError(`${what} is larger than 1 MiB; paste only the relevant output`);
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (err) {
    if (err instanceof NotTextError)
      throw new UsageError(`${what} looks binary (it contains NUL or control bytes); give a text file`);
    throw err;
  }
  if (text.trim().length === 0) throw new UsageError(`${what} is empty`);
  return text;
}

async function readInput(file: string | undefined, io: CliIo): Promise<string> {
  if (file === undefined || file === '-') {
    if (file === undefined && io.stdinIsTTY)
      throw new UsageError('no input: give a FILE or pipe the output into activation-doctor diagnose');
    return toText(await io.readStdin(MAX_INPUT_BYTES), 'standard input');
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file, MAX_INPUT_BYTES);
  } catch (err) {
    throw new UsageError(describeReadError(file, err));
  }
  return toText(bytes, file);
}

async function runDiagnose(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args);
  if (flags.positional.length > 1) throw new UsageError('diagnose takes at most one FILE');
  const file = flags.positional[0];
  if (file !== undefined && file !== '-') {
    const image = await readIfScreenshot(file, io.readFile).catch((err: unknown) => {
      throw new UsageError(describeReadError(file, err));
    });
    if (image) {
      const report = await screenshotReport(image, flags).catch((err: unknown) => {
        throw err instanceof ScreenshotRefusal ? new UsageError(`cannot read ${file}: ${err.message}`) : err;
      });
      io.stdout(report);
      return 0;
    }
  }
  const text = await readInput(flags.positional[0], io);
  const d = diagnose(text, flags.lang ? { lang: flags.lang } : {});
  io.stdout(flags.json ? `${JSON.stringify(d, null, 2)}\n` : formatDiagnosis(d));
  return 0;
}

function runExplain(args: readonly string[], io: CliIo): number {
  const flags = parseFlags(args);
  if (flags.positional.length !== 1)
    throw new UsageError('explain takes exactly one code, e.g. activation-doctor explain 0xC004F074');
  const lang = flags.lang ?? 'en';
  try {
    const x = explain(flags.positional[0]!, lang);
    io.stdout(flags.json ? `${JSON.stringify(x, null, 2)}\n` : formatExplanation(x, lang));
    return 0;
  } catch (err) {
    if (err instanceof InvalidCodeError)
      throw new UsageError(
        `"${flags.positional[0]!.slice(0, 40)}" is not an error code (try 0xC004F074, -1073418124 or a Win32 number such as 1168)`,
      );
    throw err;
  }
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (command === 'diagnose') return await runDiagnose(rest, io);
    if (command === 'explain') return runExplain(rest, io);
    throw new UsageError(
      command === undefined
        ? 'missing command (diagnose or explain); see --help'
        : `unknown command "${command.slice(0, 40)}"; see --help`,
    );
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`activation-doctor: ${err.message}\n`);
      return 2;
    }
    io.stderr(
      `activation-doctor: unexpected error: ${err instanceof Error ? err.message.split('\n')[0] : 'unknown'}\n`,
    );
    return 1;
  }
}

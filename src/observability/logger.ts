/**
 * Structured JSON logs through pino, one object per line: `{"level","time","msg",...fields}` with the level as its
 * name and the time in ISO 8601, as before the move to pino. Every record's message and fields go through
 * `maskSecrets` first (tokens, bearer credentials, URL passwords, secret-named fields, and product keys through the
 * knowledge core's finder), so a secret passed by mistake is masked rather than written out.
 */
import type { Logger as SlackLogger } from '@slack/logger';
import { LogLevel as SlackLogLevel } from '@slack/logger';
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { maskSecrets, maskSecretsIn } from './secrets.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `bindings` to every record (component name, request id). */
  child(bindings: LogFields): Logger;
  readonly level: LogLevel;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go (without their newline); stdout by default. Tests pass an array-backed sink. */
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}, bindings: LogFields = {}): Logger {
  const level = options.level ?? 'info';
  const write = options.write;
  const destination: DestinationStream | undefined = write
    ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
    : undefined;
  const now = options.now;
  const root = pino(
    {
      level,
      // No pid/hostname: the record carries what it carried before pino.
      base: undefined,
      formatters: { level: (label) => ({ level: label }) },
      // Errors are already plain objects ({ name, message, code, stack }) from maskSecrets: no re-serializing.
      serializers: { err: (value: unknown) => value },
      timestamp: now ? () => `,"time":"${now().toISOString()}"` : pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return wrap(root.child(maskSecrets(bindings) as LogFields), level);
}

function wrap(target: PinoLogger, level: LogLevel): Logger {
  const log = (at: LogLevel, msg: string, fields?: LogFields): void => {
    if (SEVERITY[at] < SEVERITY[level]) return;
    try {
      target[at](fields ? (maskSecrets(fields) as LogFields) : {}, maskSecretsIn(msg));
    } catch {
      // A logging failure (closed stdout, unserializable field) must never take a request down.
    }
  };
  return {
    level,
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (more) => wrap(target.child(maskSecrets(more) as LogFields), level),
  };
}

/** A logger that drops everything: the default of a component nobody gave a logger, and tests that do not look. */
export const noopLogger: Logger = {
  level: 'error',
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => noopLogger,
};

/** An error as a short loggable string (no stack, no payloads). */
export function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 300);
  return String(err).slice(0, 300);
}

/**
 * Bolt and the Slack Web API expect `@slack/logger`'s variadic interface; this routes their lines into ours so
 * they are JSON and redacted like the rest.
 */
export function toSlackLogger(logger: Logger): SlackLogger {
  let current = logger;
  let level: SlackLogLevel = logger.level as SlackLogLevel;
  const enabled = (at: LogLevel) => SEVERITY[at] >= SEVERITY[level as LogLevel];
  const forward =
    (at: LogLevel) =>
    (...msg: unknown[]) => {
      if (!enabled(at)) return;
      const errors = msg.filter((m): m is Error => m instanceof Error);
      const text = msg
        .filter((m) => !(m instanceof Error))
        .map((m) => (typeof m === 'string' ? m : safeJson(m)))
        .join(' ');
      current[at](
        text || errors[0]?.message || '(no message)',
        errors.length ? { err: errors[0] } : undefined,
      );
    };
  return {
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (name) => {
      current = logger.child({ component: name });
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(maskSecrets(value));
  } catch {
    return String(value);
  }
}

/**
 * The logger the conversation layer writes to. Injected so the server can route it to its own logger and tests can
 * count calls. Messages carry ids and counts only, never message text (no transcripts in logs).
 */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export const noopLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** One JSON line per entry on stderr, for running without a host logger. */
export function consoleJsonLogger(component = 'conversations'): Logger {
  const write = (level: string, msg: string, fields?: Record<string, unknown>) => {
    process.stderr.write(
      JSON.stringify({ level, component, msg, ...fields, time: new Date().toISOString() }) + '\n',
    );
  };
  return {
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}

/** An error as a short loggable string (no stack, no payloads). */
export function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 300);
  return String(err).slice(0, 300);
}

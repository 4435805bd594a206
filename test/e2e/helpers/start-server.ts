/**
 * Starts the real server (the same composition `npm start` runs) on a free port with the given environment.
 * Shared by the Slack and Teams end-to-end suites.
 */
import { loadConfig } from '../../../src/config.js';
import { createLogger, type Logger } from '../../../src/observability/logger.js';
import { createBotServer, type BotServer, type BotServerOptions } from '../../../src/bot-server.js';

export interface TestServer {
  url: string;
  bot: BotServer;
  /** JSON log records written so far (tests assert on what was, and was not, logged). */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startTestServer(
  env: Record<string, string | undefined>,
  options: Omit<BotServerOptions, 'logger'> = {},
): Promise<TestServer> {
  const config = loadConfig({ PLAYGROUND: 'off', LOG_LEVEL: 'debug', ...env, PORT: '0' });
  const logs: Array<Record<string, unknown>> = [];
  const logger: Logger = createLogger({
    level: config.logLevel,
    write: (line) => {
      logs.push(JSON.parse(line) as Record<string, unknown>);
      if (process.env.TEST_SERVER_LOGS) process.stderr.write(line + '\n');
    },
  });
  const bot = await createBotServer(config, { ...options, logger });
  const url = await bot.listen(0, '127.0.0.1');
  return { url, bot, logs, close: () => bot.close() };
}

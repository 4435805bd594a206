/**
 * Turns a stream of failures and successes into two log lines per outage: one when it starts, one when it ends.
 * Without this a Redis outage under load would log once per message.
 */
import { errorText, type Logger } from '../observability/logger.js';

export class OutageLog {
  private down = false;
  private since = 0;
  private failures = 0;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly clock: () => number = Date.now,
  ) {}

  get isDown(): boolean {
    return this.down;
  }

  failed(err: unknown): void {
    this.failures++;
    if (this.down) return;
    this.down = true;
    this.since = this.clock();
    this.failures = 1;
    this.logger.error(`${this.what} unavailable; answering without thread memory`, { error: errorText(err) });
  }

  succeeded(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.info(`${this.what} available again`, {
      downMs: this.clock() - this.since,
      failures: this.failures,
    });
  }
}

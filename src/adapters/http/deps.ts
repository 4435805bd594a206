/**
 * What the composition root hands every platform adapter, and what an adapter hands back. A new platform is one
 * `mountX(server, deps)` call in `src/bot-server.ts`.
 */
import type { Config } from '../../config.js';
import type { ConversationEngine } from '../../conversations/engine.js';
import type { ThreadStore } from '../../conversations/store.js';
import type { AttachmentReader } from '../../files/attachments.js';
import type { AppMetrics } from '../../observability/app-metrics.js';
import type { Logger } from '../../observability/logger.js';
import type { EffectExecutor } from '../effects.js';

export interface AdapterDeps {
  config: Config;
  logger: Logger;
  metrics: AppMetrics;
  engine: ConversationEngine;
  store: ThreadStore;
  /** Reads attached files and screenshots (one OCR pool for every platform); absent: attachments are ignored. */
  files?: AttachmentReader;
}

/** A mounted adapter: the server stops it (drains in-flight replies) before closing the store. */
export interface MountedAdapter {
  readonly name: string;
  /** Resolves once no work started by a request is still running (tests wait on it instead of sleeping). */
  idle(): Promise<void>;
  stop(): Promise<void>;
  /** Sends escalation effects outside a request (reminders), when the platform can speak unprompted. */
  readonly effects?: EffectExecutor;
}

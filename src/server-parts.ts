/**
 * What server.ts builds a server from, in one module it imports when a server is created or started rather than
 * when server.ts itself loads: as the entry point, server.ts first holds V8's young generation small
 * (startup-heap.ts), and every module it imported statically would be loaded before that hold began.
 */
export { describeConfig, runWithConfig } from './config.js';
export { loadEnvFile } from './env-file.js';
export { ConversationEngine } from './conversations/engine.js';
export { AttachmentReader } from './files/attachments.js';
export { stopExtractWorker } from './conversations/diagnose-off-thread.js';
export { createEscalations } from './conversations/handoff.js';
export { MemoryStore } from './conversations/memory-store.js';
export { RedisStore } from './conversations/redis-store.js';
export { byPlatform, executeEffects } from './adapters/effects.js';
export { mountLegalPages } from './adapters/http/legal-pages.js';
export { mountProbes } from './adapters/http/probes.js';
export { createRestifyServer } from './adapters/http/restify-server.js';
export { conversationRefsFor } from './adapters/teams/conversation-refs.js';
export { mountTeams } from './adapters/teams/mount.js';
export { isAnonymous } from './adapters/teams/mode.js';
export { mountPlayground } from './adapters/web/index.js';
export { WEB_ESCALATION_CHANNEL } from './adapters/web/request.js';
export { createAppMetrics } from './observability/app-metrics.js';
export { instrumentStore } from './observability/instrument-store.js';
export { createLogger } from './observability/logger.js';

/** The conversation layer's public surface: the engine, the stores and the contract types. */
export {
  ConversationEngine,
  MAX_TEXT_BYTES,
  type EngineOptions,
  type PreparedTurn,
  type TurnFacts,
} from './engine.js';
export { langOfLocale } from './turn.js';
export { threadKeyOf, threadIdOf, type ThreadRef } from './keys.js';
export { createEscalations, type CreateEscalationsOptions } from './handoff.js';
export {
  EscalationService,
  type EscalationConfig,
  type Outbound,
  type Posted,
  type RememberAs,
  type Target,
} from './escalations/index.js';
export { MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { RedisStore, type RedisStoreOptions } from './redis-store.js';
export {
  createRedisClient,
  parseHostPorts,
  type HostPort,
  type RedisClient,
  type RedisConnectionOptions,
} from './redis-client.js';
export {
  StoreUnavailableError,
  StoreConflictError,
  DEFAULT_TTL_SEC,
  type ThreadStore,
  type Snapshot,
} from './store.js';
export { consoleJsonLogger, noopLogger, type Logger } from './logger.js';
export {
  ThreadStateV2Schema as ThreadStateSchema,
  STATE_BOUNDS,
  STATE_VERSION,
  type ThreadState,
} from './state.js';
export * from './types.js';

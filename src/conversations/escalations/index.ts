/** The escalation handoff's public surface: the service, its storage, the state machine and the effect types. */
export { EscalationService, isHandoffAction } from './service.js';
export type {
  EscalateInput,
  EscalationServiceOptions,
  OriginMessage,
  Posted,
  ServiceResult,
} from './service.js';
export { EscalationRepository } from './repository.js';
export { MemoryKv } from './memory-kv.js';
export { RedisKv } from './redis-kv.js';
export { isListEscalationsRequest } from './commands.js';
export * from './types.js';

/** The escalation handoff's public surface: the service, its storage, the state machine and the effect types. */
export { EscalationService, HANDOFF_ACTIONS, isHandoffAction, newEscalationId } from './service.js';
export type {
  ActionContext,
  EscalateInput,
  EscalationServiceOptions,
  OriginMessage,
  Posted,
  ServiceResult,
} from './service.js';
export { EscalationRepository, DEFAULT_ESCALATION_TTL_SEC, ESCALATION_ID } from './repository.js';
export type { EscalationKv, Versioned } from './kv.js';
export { MemoryKv } from './memory-kv.js';
export { RedisKv } from './redis-kv.js';
export { apply, canAct, SYSTEM_ACTOR, type Applied, type Command, type PermissionPolicy } from './machine.js';
export { buildDossier, tickDossier, missingEvidenceAsks, type EvidenceSeen } from './dossier.js';
export { detectProofOfPurchase, detectSetupactLog } from './detect.js';
export { isEscalateRequest, isListEscalationsRequest } from './commands.js';
export * from './types.js';

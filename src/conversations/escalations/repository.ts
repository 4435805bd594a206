/**
 * Escalation records in the same store as threads (Redis in production), with their own TTL.
 *
 * Layout, every key of one workspace under one hash tag (same Cluster slot):
 *   ad:esc:{<platform>:<tenant>}:<id>                    hash { ver, data } — the record JSON
 *   ad:esc:{<platform>:<tenant>}:open                    sorted set of open ids, scored by creation time
 *   ad:esc:{<platform>:<tenant>}:thread:<thread id>      hash { ver, data } — the escalation id linked to a thread
 *   ad:esc:scopes                                        sorted set of workspaces with open escalations (reminders)
 * Records are written by compare-and-set on their version: a transition computed on a stale record is recomputed
 * on the fresh one, where the state machine sees it was already applied and changes nothing.
 */
import { redactValue } from '../../knowledge/redact.js';
import { encodeKeyPart, KEY_PREFIX, threadIdOf, type ThreadRef } from '../keys.js';
import { backoffMs, StoreConflictError } from '../store.js';
import type { EscalationKv } from './kv.js';
import type { Applied } from './machine.js';
import { EscalationRecordSchema, ScopeSchema, type EscalationRecord, type Scope } from './types.js';

export const DEFAULT_ESCALATION_TTL_SEC = 90 * 24 * 3600;

/** `E-` and eight Crockford base-32 characters: short enough to say on a call, never a key name of ours. */
export const ESCALATION_ID = /^E-[0-9A-HJKMNP-TV-Z]{8}$/;

export function scopeTag(scope: Scope): string {
  return `${encodeKeyPart(scope.platform)}:${encodeKeyPart(scope.tenant)}`;
}

export function recordKey(scope: Scope, id: string): string {
  return `${KEY_PREFIX}:esc:{${scopeTag(scope)}}:${encodeKeyPart(id)}`;
}

export function openIndexKey(scope: Scope): string {
  return `${KEY_PREFIX}:esc:{${scopeTag(scope)}}:open`;
}

export function threadLinkKey(ref: ThreadRef): string {
  return `${KEY_PREFIX}:esc:{${scopeTag(ref)}}:thread:${threadIdOf(ref)}`;
}

export const SCOPES_KEY = `${KEY_PREFIX}:esc:scopes`;

/** SCAN MATCH pattern of every escalation key of one workspace (records, open index, thread links). */
export function scopeKeyPattern(scope: Scope): string {
  return `${KEY_PREFIX}:esc:{${scopeTag(scope)}}:*`;
}

/** Whether a member of SCOPES_KEY names this workspace. */
export function isScopeMember(member: string, scope: Scope): boolean {
  try {
    const parsed = ScopeSchema.safeParse(JSON.parse(member));
    return parsed.success && parsed.data.platform === scope.platform && parsed.data.tenant === scope.tenant;
  } catch {
    return false;
  }
}

export interface RepositoryOptions {
  /** TTL of records, links and indexes, refreshed on every write. Default 90 days. */
  ttlSec?: number;
  maxAttempts?: number;
}

function encode(record: EscalationRecord): string {
  // Redacted once more on the way in: nothing a user typed can put a full product key in the store.
  return JSON.stringify(redactValue(record));
}

function decode(json: string): EscalationRecord | null {
  try {
    const parsed = EscalationRecordSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class EscalationRepository {
  readonly ttlSec: number;
  private readonly maxAttempts: number;

  constructor(
    readonly kv: EscalationKv,
    options: RepositoryOptions = {},
  ) {
    this.ttlSec = options.ttlSec ?? DEFAULT_ESCALATION_TTL_SEC;
    this.maxAttempts = options.maxAttempts ?? 50;
  }

  async get(scope: Scope, id: string): Promise<EscalationRecord | null> {
    if (!ESCALATION_ID.test(id)) return null;
    const got = await this.kv.get(recordKey(scope, id));
    if (!got) return null;
    const record = decode(got.value);
    return record ? { ...record, version: got.version } : null;
  }

  /** Stores a new record (false when the id is taken). */
  async create(record: EscalationRecord): Promise<EscalationRecord | null> {
    const stored = { ...record, version: 1 };
    const version = await this.kv.compareAndSet(
      recordKey(scopeOf(record), record.id),
      0,
      encode(stored),
      this.ttlSec,
    );
    return version === null ? null : { ...stored, version };
  }

  /** Deletes a record nobody linked to (the losing side of two simultaneous escalations of one thread). */
  async discard(record: EscalationRecord): Promise<void> {
    await this.kv.deleteIfVersion(recordKey(scopeOf(record), record.id), record.version);
  }

  /**
   * Applies a transition with optimistic concurrency: `step` runs on the stored record; when it changed
   * something the result is written only if nobody else wrote first, otherwise `step` runs again on the newer
   * record. Returns null when the record does not exist.
   */
  async mutate(
    scope: Scope,
    id: string,
    step: (record: EscalationRecord) => Applied,
  ): Promise<Applied | null> {
    const key = recordKey(scope, id);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const current = await this.get(scope, id);
      if (!current) return null;
      const applied = step(current);
      if (!applied.changed) return applied;
      const next = { ...applied.record, version: current.version + 1 };
      const version = await this.kv.compareAndSet(key, current.version, encode(next), this.ttlSec);
      if (version !== null) {
        const record = { ...next, version };
        await this.afterWrite(record);
        return { ...applied, record };
      }
      await sleep(backoffMs(attempt));
    }
    throw new StoreConflictError(key, this.maxAttempts);
  }

  /** Index upkeep after a write: open records listed, resolved ones not; links live as long as the record. */
  private async afterWrite(record: EscalationRecord): Promise<void> {
    const scope = scopeOf(record);
    if (record.status === 'resolved') await this.kv.indexRemove(openIndexKey(scope), record.id);
    else await this.kv.indexAdd(openIndexKey(scope), record.id, record.createdAt, this.ttlSec);
    const links = [threadLinkKey(record.origin)];
    const h = record.handoff;
    if (h.threadKey)
      links.push(threadLinkKey({ ...scopeOf(record), channel: h.channel, threadKey: h.threadKey }));
    await this.kv.touch(links, this.ttlSec);
  }

  /** Lists a freshly created record as open. */
  async markOpen(record: EscalationRecord): Promise<void> {
    await this.kv.indexAdd(openIndexKey(scopeOf(record)), record.id, record.createdAt, this.ttlSec);
    await this.kv.indexAdd(SCOPES_KEY, JSON.stringify(scopeOf(record)), 0, this.ttlSec);
  }

  /** The escalation id linked to a thread (origin or handoff), if any. */
  async linkedId(ref: ThreadRef): Promise<string | null> {
    const got = await this.kv.get(threadLinkKey(ref));
    return got && ESCALATION_ID.test(got.value) ? got.value : null;
  }

  async findByThread(ref: ThreadRef): Promise<EscalationRecord | null> {
    const id = await this.linkedId(ref);
    return id ? this.get(ref, id) : null;
  }

  /**
   * Links a thread to an escalation. With `onlyIfFree`, an existing link to a record that is still open wins:
   * the id returned is then that record's, not `id`, and nothing is written.
   */
  async linkThread(ref: ThreadRef, id: string, onlyIfFree = false): Promise<string> {
    const key = threadLinkKey(ref);
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const got = await this.kv.get(key);
      if (got && got.value === id) {
        await this.kv.touch([key], this.ttlSec);
        return id;
      }
      if (got && onlyIfFree) {
        const other = await this.get(ref, got.value);
        if (other && other.status !== 'resolved') return other.id;
      }
      const version = await this.kv.compareAndSet(key, got?.version ?? 0, id, this.ttlSec);
      if (version !== null) return id;
      await sleep(backoffMs(attempt));
    }
    throw new StoreConflictError(key, this.maxAttempts);
  }

  /** Open escalations of a workspace, oldest first. Ids whose record expired or resolved are dropped from the index. */
  async listOpen(scope: Scope): Promise<EscalationRecord[]> {
    const ids = await this.kv.indexList(openIndexKey(scope));
    const out: EscalationRecord[] = [];
    for (const id of ids) {
      const record = await this.get(scope, id);
      if (record && record.status !== 'resolved') out.push(record);
      else await this.kv.indexRemove(openIndexKey(scope), id);
    }
    return out;
  }

  /** Workspaces that had an open escalation within the TTL (reminder sweeps walk these). */
  async scopes(): Promise<Scope[]> {
    const members = await this.kv.indexList(SCOPES_KEY);
    const out: Scope[] = [];
    for (const m of members) {
      const parsed = ScopeSchema.safeParse(safeJson(m));
      if (parsed.success) out.push(parsed.data);
      else await this.kv.indexRemove(SCOPES_KEY, m);
    }
    return out;
  }
}

export function scopeOf(record: EscalationRecord): Scope {
  return { platform: record.origin.platform, tenant: record.origin.tenant };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

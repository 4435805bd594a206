/**
 * Where the Slack app's installations live when it serves many workspaces: one record per workspace (or per
 * Enterprise Grid organization for an org-wide install), written by the OAuth redirect and read on every event by
 * Bolt's `authorize` to pick that workspace's bot token.
 *
 * One implementation of @slack/oauth's `InstallationStore` contract over two small backends: Redis (shared by
 * every instance; the thread store's client) and process memory (the embedded default, one instance). Records
 * are checked with zod when written and when read back, so a damaged or foreign value is treated as "not
 * installed" instead of reaching the Web API client.
 *
 * Tokens are secrets: the record holds them in full because `fetchInstallation` must hand them back to Bolt,
 * but nothing here logs a record, and the Redis key names carry only workspace ids. Installations carry no TTL:
 * they last until the app is uninstalled or its bot token revoked, which deletes them.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { z } from 'zod';
import { encodeKeyPart, KEY_PREFIX } from '../../conversations/keys.js';
import type { RedisClient } from '../../conversations/redis-client.js';
import type { ThreadStore } from '../../conversations/store.js';

const Id = z.string().min(1).max(64);
const Secret = z.string().min(1).max(512);

/** The parts of an Installation the bot relies on, with the rest of @slack/oauth's fields kept as they were. */
export const StoredInstallationSchema = z.object({
  team: z.object({ id: Id, name: z.string().max(256).optional() }).optional(),
  enterprise: z.object({ id: Id, name: z.string().max(256).optional() }).optional(),
  user: z.object({
    id: Id,
    token: Secret.optional(),
    refreshToken: Secret.optional(),
    expiresAt: z.number().int().optional(),
    scopes: z.array(z.string().max(100)).max(200).optional(),
  }),
  bot: z
    .object({
      token: Secret,
      refreshToken: Secret.optional(),
      expiresAt: z.number().int().optional(),
      scopes: z.array(z.string().max(100)).max(200),
      id: Id,
      userId: Id,
    })
    .optional(),
  incomingWebhook: z
    .object({
      url: z.string().max(2000),
      channel: z.string().max(256).optional(),
      channelId: z.string().max(64).optional(),
      configurationUrl: z.string().max(2000).optional(),
    })
    .optional(),
  appId: z.string().max(64).optional(),
  tokenType: z.literal('bot').optional(),
  enterpriseUrl: z.string().max(2000).optional(),
  isEnterpriseInstall: z.boolean().optional(),
  authVersion: z.enum(['v1', 'v2']).optional(),
  metadata: z.string().max(2000).optional(),
});
export type StoredInstallation = z.infer<typeof StoredInstallationSchema>;

/** What an installation is filed under: the organization for an org-wide install, else the workspace. */
export type InstallationKey = { kind: 'enterprise'; id: string } | { kind: 'team'; id: string };

export function keyOfInstallation(
  installation: Pick<Installation, 'isEnterpriseInstall' | 'enterprise' | 'team'>,
) {
  if (installation.isEnterpriseInstall && installation.enterprise?.id)
    return { kind: 'enterprise', id: installation.enterprise.id } as const;
  if (!installation.isEnterpriseInstall && installation.team?.id)
    return { kind: 'team', id: installation.team.id } as const;
  return undefined;
}

export function keyOfQuery(query: InstallationQuery<boolean>): InstallationKey | undefined {
  if (query.isEnterpriseInstall && query.enterpriseId) return { kind: 'enterprise', id: query.enterpriseId };
  if (query.teamId) return { kind: 'team', id: query.teamId };
  return undefined;
}

/** `ad:slack-installation:team:T0123`: outside every thread's hash tag, so a thread purge never matches it. */
export function installationRedisKey(key: InstallationKey): string {
  return `${KEY_PREFIX}:slack-installation:${key.kind}:${encodeKeyPart(key.id)}`;
}

/** The storage under the store: plain get / set / delete of one serialized record. */
export interface InstallationBackend {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
}

export class MemoryInstallationBackend implements InstallationBackend {
  readonly kind = 'memory' as const;
  private readonly records = new Map<string, string>();
  async get(key: string) {
    return this.records.get(key) ?? null;
  }
  async set(key: string, value: string) {
    this.records.set(key, value);
  }
  async delete(key: string) {
    return this.records.delete(key);
  }
}

export class RedisInstallationBackend implements InstallationBackend {
  readonly kind = 'redis' as const;
  constructor(private readonly client: RedisClient) {}
  async get(key: string) {
    return this.client.get(key);
  }
  async set(key: string, value: string) {
    await this.client.set(key, value);
  }
  async delete(key: string) {
    return (await this.client.del(key)) > 0;
  }
}

export class NotInstalledError extends Error {
  constructor(key: InstallationKey | undefined) {
    super(key ? `no Slack installation for ${key.kind} ${key.id}` : 'no workspace id in the Slack request');
    this.name = 'NotInstalledError';
  }
}

export interface InstallationStoreOptions {
  /** A stored record failed validation (the record itself is never passed on). */
  onInvalid?: (key: InstallationKey, issues: string) => void;
}

export class SlackInstallationStore implements InstallationStore {
  constructor(
    readonly backend: InstallationBackend,
    private readonly options: InstallationStoreOptions = {},
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = keyOfInstallation(installation);
    if (!key) throw new Error('a Slack installation without a workspace or organization id cannot be stored');
    // Validated on the way in too: what cannot be read back must not be written.
    const record = StoredInstallationSchema.parse(installation);
    await this.backend.set(installationRedisKey(key), JSON.stringify(record));
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = keyOfQuery(query);
    const found = key ? await this.read(key) : undefined;
    if (!found) throw new NotInstalledError(key);
    return found as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const key = keyOfQuery(query);
    if (key) await this.backend.delete(installationRedisKey(key));
  }

  /** The installation filed under `key`, or undefined when there is none or it does not validate. */
  async read(key: InstallationKey): Promise<StoredInstallation | undefined> {
    const raw = await this.backend.get(installationRedisKey(key));
    if (raw === null) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      this.options.onInvalid?.(key, 'not JSON');
      return undefined;
    }
    const parsed = StoredInstallationSchema.safeParse(json);
    if (!parsed.success) {
      // Only the paths of the failing fields: the values may be tokens.
      this.options.onInvalid?.(key, parsed.error.issues.map((i) => i.path.join('.')).join(', '));
      return undefined;
    }
    return parsed.data;
  }
}

/** Redis when the thread store is Redis-backed (same client, shared by every instance), memory otherwise. */
export function installationStoreFor(
  store: ThreadStore,
  options: InstallationStoreOptions = {},
): SlackInstallationStore {
  if (store.kind === 'memory') return new SlackInstallationStore(new MemoryInstallationBackend(), options);
  const client = (store as { client?: RedisClient }).client;
  // Falling back to memory here would lose every installation on restart and hide them from other instances.
  if (!client) throw new Error('the Redis thread store does not expose its client for Slack installations');
  return new SlackInstallationStore(new RedisInstallationBackend(client), options);
}

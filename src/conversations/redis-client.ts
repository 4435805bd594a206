/**
 * Builds the ioredis client for RedisStore from already-parsed settings (the config module parses REDIS_URL,
 * REDIS_SENTINELS, REDIS_SENTINEL_NAME and REDIS_CLUSTER_NODES and calls this).
 *
 * The options make an outage visible instead of hanging: no offline queue (commands fail at once while
 * disconnected), a short per-command timeout, one retry per request. ioredis keeps reconnecting in the background,
 * so the store recovers by itself when Redis returns.
 */
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

export interface HostPort {
  host: string;
  port: number;
}

export interface RedisConnectionOptions {
  /** Plain URL: redis://[user:pass@]host:port[/db] or rediss:// for TLS. */
  url?: string;
  /** Sentinel mode: the sentinels and the monitored master's name. */
  sentinels?: HostPort[];
  sentinelName?: string;
  /** Cluster mode: seed nodes. */
  clusterNodes?: HostPort[];
  username?: string;
  password?: string;
  /** Password of the sentinels themselves, when they require one. */
  sentinelPassword?: string;
  tls?: boolean;
  /** Per-command timeout. Default 500 ms. */
  commandTimeoutMs?: number;
  /** Connection timeout. Default 2000 ms. */
  connectTimeoutMs?: number;
}

export type RedisClient = Redis | Cluster;

export const DEFAULT_COMMAND_TIMEOUT_MS = 500;

/** Parses `host:port,host:port` (IPv6 as `[::1]:6379`). Throws on a malformed entry. */
export function parseHostPorts(list: string): HostPort[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(entry);
      const port = m ? Number(m[3]) : NaN;
      if (!m || port < 1 || port > 65535) throw new Error(`expected host:port, got "${entry}"`);
      return { host: (m[1] ?? m[2]) as string, port };
    });
}

function failFastOptions(o: RedisConnectionOptions): RedisOptions {
  return {
    enableOfflineQueue: false,
    commandTimeout: o.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    connectTimeout: o.connectTimeoutMs ?? 2000,
    maxRetriesPerRequest: 1,
    // Keep trying to reconnect, never faster than every 50 ms nor slower than every 2 s.
    retryStrategy: (times: number) => Math.min(50 * times, 2000),
    keepAlive: 30_000,
    // Commands issued in the same event-loop turn (many requests' claims and writes) go out in one socket write.
    enableAutoPipelining: true,
    ...(o.username ? { username: o.username } : {}),
    ...(o.password ? { password: o.password } : {}),
    ...(o.tls ? { tls: {} } : {}),
  };
}

/** One client for the configured topology: Cluster, then Sentinel, then URL (default redis://127.0.0.1:6379). */
export function createRedisClient(o: RedisConnectionOptions = {}): RedisClient {
  const base = failFastOptions(o);
  if (o.clusterNodes && o.clusterNodes.length > 0) {
    const clusterOptions: ClusterOptions = {
      // Must sit at the top level: ioredis ignores it inside redisOptions for Cluster.
      enableOfflineQueue: false,
      enableAutoPipelining: true,
      maxRedirections: 16,
      retryDelayOnFailover: 200,
      clusterRetryStrategy: (times: number) => Math.min(100 * times, 2000),
      redisOptions: base,
    };
    return new Cluster(o.clusterNodes, clusterOptions);
  }
  if (o.sentinels && o.sentinels.length > 0) {
    if (!o.sentinelName) throw new Error('REDIS_SENTINEL_NAME is required with REDIS_SENTINELS');
    return new Redis({
      ...base,
      sentinels: o.sentinels,
      name: o.sentinelName,
      ...(o.sentinelPassword ? { sentinelPassword: o.sentinelPassword } : {}),
      sentinelRetryStrategy: (times: number) => Math.min(100 * times, 2000),
    });
  }
  return new Redis(o.url ?? 'redis://127.0.0.1:6379', base);
}

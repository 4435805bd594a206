/**
 * Operational endpoints: liveness (/healthz: the process answers), readiness (/readyz: the state store answers,
 * when it is Redis) and Prometheus metrics (/metrics).
 */
import type { Next, Request, Response, Server } from 'restify';
import type { ThreadStore } from '../../conversations/store.js';
import type { AppMetrics } from '../../observability/app-metrics.js';

export function mountProbes(
  server: Server,
  deps: { store: ThreadStore; metrics: AppMetrics; version?: string },
): void {
  server.get('/healthz', (_req: Request, res: Response, next: Next) => {
    res.json(200, { status: 'ok', version: deps.version });
    next();
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const storeOk = await pingQuietly(deps.store);
    res.json(storeOk ? 200 : 503, { status: storeOk ? 'ok' : 'unavailable', store: deps.store.kind });
  });

  server.get('/metrics', async (_req: Request, res: Response) => {
    const body = await deps.metrics.render();
    res.writeHead(200, {
      'content-type': deps.metrics.contentType,
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
}

async function pingQuietly(store: ThreadStore): Promise<boolean> {
  try {
    return await store.ping();
  } catch {
    return false;
  }
}

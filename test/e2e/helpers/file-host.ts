/**
 * A platform's file host on loopback (Slack's files.slack.com, Teams' media host or SharePoint): serves the named
 * fixtures under any path ending in their name and records every request, with the token it carried.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileHost {
  origin: string;
  requests: Array<{ path: string; authorization?: string }>;
  close(): Promise<void>;
}

/** With `token`, a request without `Authorization: Bearer <token>` gets 403, as Slack's host answers. */
export async function startFileHost(
  files: Record<string, Buffer>,
  options: { token?: string } = {},
): Promise<FileHost> {
  const requests: FileHost['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push({
      path,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    const body = files[path.split('/').pop() ?? ''];
    const refused = options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`;
    if (!body || refused) {
      res.statusCode = body ? 403 : 404;
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

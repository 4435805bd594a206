/**
 * Request/response over Node's IPC channel, so the bench's processes (server under test, load generator, fake
 * upstreams) can be driven from one orchestrator: `serveRpc` in the child, `startPeer` + `call` in the parent.
 */
import { spawn, type ChildProcess } from 'node:child_process';

type Handler = (args: never) => unknown;
interface RpcRequest {
  id: number;
  cmd: string;
  args?: unknown;
}
interface RpcReply {
  id?: number;
  ready?: unknown;
  result?: unknown;
  error?: string;
}

/** Child side: answers each command with its handler's result; announces `ready` first. */
export function serveRpc(ready: unknown, handlers: Record<string, Handler>): void {
  process.on('message', (m: RpcRequest) => {
    void (async () => {
      try {
        const handler = handlers[m.cmd];
        if (!handler) throw new Error(`unknown command ${m.cmd}`);
        process.send?.({ id: m.id, result: await handler(m.args as never) } satisfies RpcReply);
      } catch (error) {
        process.send?.({ id: m.id, error: String(error) } satisfies RpcReply);
      }
    })();
  });
  process.send?.({ ready } satisfies RpcReply);
}

export interface Peer<R> {
  readonly ready: R;
  readonly child: ChildProcess;
  call<T>(cmd: string, args?: unknown): Promise<T>;
  /** Asks it to stop, then waits for the process to exit (killed after 10 s). */
  stop(): Promise<void>;
}

/**
 * Starts `node <script> ...args` with an IPC channel, pinned to `cpus` (taskset list, e.g. "0") when given, and
 * resolves once the child said it is ready.
 */
export function startPeer<R>(
  script: string,
  args: string[],
  options: { cpus?: string; execArgv?: string[] } = {},
): Promise<Peer<R>> {
  const node = [process.execPath, '--no-deprecation', ...(options.execArgv ?? []), script, ...args];
  const [cmd, ...argv] = options.cpus ? ['taskset', '-c', options.cpus, ...node] : node;
  const child = spawn(cmd!, argv, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => {
      const error = new Error(`${args[0] ?? script} exited with ${code}`);
      reject(error);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    };
    child.once('exit', onExit);
    child.on('message', (m: RpcReply) => {
      if (m.id === undefined) {
        resolve(peer(m.ready as R));
        return;
      }
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.result);
    });
    const peer = (ready: R): Peer<R> => ({
      ready,
      child,
      call: <T>(cmd: string, callArgs?: unknown) =>
        new Promise<T>((res, rej) => {
          const id = nextId++;
          pending.set(id, { resolve: res as (v: unknown) => void, reject: rej });
          child.send({ id, cmd, args: callArgs } satisfies RpcRequest);
        }),
      stop: () =>
        new Promise<void>((res) => {
          if (child.exitCode !== null) return res();
          child.off('exit', onExit);
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            res();
          });
          child.send({ id: 0, cmd: 'stop' } satisfies RpcRequest);
        }),
    });
  });
}

/** CPU time (user + system) this process has used, in µs. */
export function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

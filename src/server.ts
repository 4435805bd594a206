/**
 * The entry point of `npm start` (`node dist/src/server.js`). The server itself is built in bot-server.ts, the
 * composition root; this file only makes start-up leave less resident memory behind: it holds V8's young
 * generation at its initial size while the server's modules load (startup-heap.ts) and lets it grow once the
 * server listens. bot-server.ts is imported dynamically because a static import would load every module before
 * the first line here runs.
 */
import { holdStartupHeap, releaseStartupHeap } from './startup-heap.js';

holdStartupHeap();
import('./bot-server.js').then(
  ({ serve }) => serve(releaseStartupHeap),
  (error: unknown) => {
    console.error('start-up failed: the server could not load', error);
    process.exit(1);
  },
);

/**
 * The worker behind diagnose-off-thread.ts: reads pastes with the pure `extract` of the knowledge core, one at a
 * time, and answers with the plain-data Extraction (structured-cloned back to the main thread).
 */
import { parentPort } from 'node:worker_threads';
import { extract } from '../knowledge/index.js';

export interface ExtractRequest {
  id: number;
  text: string;
}
export type ExtractAnswer =
  | { id: number; extraction: ReturnType<typeof extract> }
  | { id: number; error: { name: string; message: string } };

parentPort?.on('message', ({ id, text }: ExtractRequest) => {
  let answer: ExtractAnswer;
  try {
    answer = { id, extraction: extract(text) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    answer = { id, error: { name: e.name, message: e.message } };
  }
  parentPort!.postMessage(answer);
});

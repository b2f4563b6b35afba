import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchRequest, BatchResponse, WorkerInit } from './worker.js';

/** Set by bin/boundaries.mjs when it runs the compiled bundle: the compiled worker to start. */
declare global {
  var __boundariesWorkerUrl: URL | undefined;
}

export type CheckedFile = BatchResponse['results'][number];

export function poolSize(fileCount: number): number {
  const cores = Number(process.env.BOUNDARIES_WORKERS) || availableParallelism();
  return Math.max(1, Math.min(cores, Math.ceil(fileCount / 200)));
}

/**
 * Checks files on a pool of worker threads, one per core: parsing dominates, and it parallelises.
 * Batches are handed out on demand so a slow file does not idle the other workers.
 */
export async function checkInPool(init: WorkerInit, files: readonly string[], size = poolSize(files.length)): Promise<CheckedFile[]> {
  const workerUrl = globalThis.__boundariesWorkerUrl ?? new URL('./worker-entry.mjs', import.meta.url);
  const batchSize = Math.max(1, Math.min(64, Math.ceil(files.length / (size * 8))));
  const out: CheckedFile[] = [];
  let next = 0;
  let batchId = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: size }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(workerUrl, { workerData: init });
          workers.push(worker);
          const feed = () => {
            if (next >= files.length) {
              resolve();
              return;
            }
            const batch: BatchRequest = { id: batchId++, files: files.slice(next, next + batchSize) };
            next += batch.files.length;
            worker.postMessage(batch);
          };
          worker.on('message', (res: BatchResponse) => {
            out.push(...res.results);
            feed();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (next < files.length || code !== 0) reject(new Error(`a check worker stopped (exit ${code})`));
          });
          feed();
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}

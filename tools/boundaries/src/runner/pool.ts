import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { HEAP_LIMIT } from './heap.js';
import type { BatchRequest, BatchResponse, WorkerInit } from './worker.js';

/**
 * The worker to start, named from this module's own place so the boundary check can follow it: running the compiled
 * bundle (bin/boundaries.mjs sets BOUNDARIES_BUNDLE_DIR), the stable stub the bin writes next to the builds, which
 * loads that build's worker; running from source, worker-entry.mjs.
 */
const WORKER_URLS = {
  bundled: new URL('../../../../node_modules/.cache/luthier-boundaries/bundle/worker.mjs', import.meta.url),
  source: new URL('./worker-entry.mjs', import.meta.url),
};

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
  const workerUrl = process.env.BOUNDARIES_BUNDLE_DIR ? WORKER_URLS.bundled : WORKER_URLS.source;
  const batchSize = Math.max(1, Math.min(32, Math.ceil(files.length / (size * 8))));
  const out: CheckedFile[] = [];
  let next = 0;
  let batchId = 0;
  const live = new Set<Worker>();

  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (err: Error) => {
        if (!failed) {
          failed = true;
          reject(err);
        }
      };
      const start = () => {
        const worker = new Worker(workerUrl, { workerData: init });
        live.add(worker);
        let retiring = false;
        const feed = () => {
          if (next >= files.length) {
            retiring = true;
            live.delete(worker);
            void worker.terminate();
            if (live.size === 0) resolve();
            return;
          }
          const batch: BatchRequest = { id: batchId++, files: files.slice(next, next + batchSize) };
          next += batch.files.length;
          worker.postMessage(batch);
        };
        worker.on('message', (res: BatchResponse) => {
          out.push(...res.results);
          if (res.heapUsed > HEAP_LIMIT && next < files.length) {
            retiring = true;
            live.delete(worker);
            void worker.terminate();
            start();
          } else feed();
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (!retiring) fail(new Error(`a check worker stopped unexpectedly (exit ${code})`));
        });
        feed();
      };
      for (let i = 0; i < size; i++) start();
    });
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
  return out;
}

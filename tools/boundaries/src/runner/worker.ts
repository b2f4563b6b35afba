import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Policy } from '../policy/schema.js';
import { hashBytes, MISSING } from './hash.js';
import { retainedHeap } from './heap.js';
import { assumeStableFileSystem } from '../workspace/stable-fs.js';
import { createFileLinter } from './lint-file.js';
import type { FileResult } from './types.js';

/** A pool worker: builds the linter once, then checks batches of files sent by the main thread. */
export interface WorkerInit {
  root: string;
  /** the validated policy (plain JSON, cloned into the worker) */
  policy: Policy;
  today?: string;
}
export interface BatchRequest {
  id: number;
  files: string[];
}
export interface BatchResponse {
  id: number;
  /** `hash` is of the bytes actually checked, so the cache never files a result under other content. */
  results: Array<{ rel: string; hash: string; result: FileResult }>;
  /** this worker's retained heap after the batch: the pool replaces a worker whose heap has grown too large */
  heapUsed: number;
}

const init = workerData as WorkerInit;
// a worker lives for one check of one snapshot of the tree
assumeStableFileSystem();
const lint = createFileLinter({ root: init.root, policy: init.policy, ...(init.today ? { today: init.today } : {}) });

parentPort!.on('message', (req: BatchRequest) => {
  const results = req.files.map((rel) => {
    let text: string;
    let hash: string;
    try {
      const bytes = readFileSync(path.join(init.root, rel));
      hash = hashBytes(bytes);
      text = bytes.toString('utf8');
    } catch (err) {
      const result: FileResult = {
        violations: [{ file: rel, line: 1, column: 1, rule: 'boundaries/internal-error', message: `cannot read: ${(err as Error).message}` }],
        dependencies: [],
      };
      return { rel, hash: MISSING, result };
    }
    return { rel, hash, result: lint(rel, text) };
  });
  parentPort!.postMessage({ id: req.id, results, heapUsed: retainedHeap() } satisfies BatchResponse);
});

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A worker whose retained heap grows past this is replaced by a fresh one, so the check stays under 1 GiB
 * on any size of workspace (the rules hold a bounded window of parsed imported files, see parse-memo.ts).
 */
export const HEAP_LIMIT = (Number(process.env.BOUNDARIES_WORKER_HEAP_MB) || 256) * 1024 * 1024;

let collect: (() => void) | null | undefined;

/** V8's full collection, exposed for this thread only; null when the runtime refuses (then only speed is lost). */
function fullGc(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/**
 * The heap this thread actually retains. The used heap counts garbage V8 has not yet collected (it collects
 * lazily while memory is plentiful), so it passed the limit every few hundred files and the pool restarted
 * workers that held little; only when it is over the limit is a full collection paid for to measure what is live.
 */
export function retainedHeap(): number {
  const used = getHeapStatistics().used_heap_size;
  if (used <= HEAP_LIMIT) return used;
  const gc = fullGc();
  if (!gc) return used;
  gc();
  return getHeapStatistics().used_heap_size;
}

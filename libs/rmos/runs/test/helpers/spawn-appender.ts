import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenStoresOptions } from '@luthier/rmos-runs';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'append-child.ts');

export interface Appender {
  child: ChildProcess;
  /** run_ids the child acknowledged so far. */
  acked: string[];
  /** Resolves once `n` artifacts were acknowledged. */
  ackedAtLeast(n: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function spawnAppender(store: OpenStoresOptions, options: { count: number; label: string; attachEvery?: number }): Appender {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify({ store, attachEvery: 0, ...options })], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) if (line.startsWith('ACK ')) acked.push(line.slice(4));
    for (const w of waiters.splice(0)) (acked.length >= w.n ? w.resolve() : waiters.push(w));
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return {
    child,
    acked,
    exited,
    ackedAtLeast: (n) =>
      new Promise<void>((resolve, reject) => {
        if (acked.length >= n) return resolve();
        waiters.push({ n, resolve });
        void exited.then((e) => reject(new Error(`appender exited (${e.code ?? e.signal}) after ${acked.length} acks: ${e.stderr}`)));
      }),
  };
}

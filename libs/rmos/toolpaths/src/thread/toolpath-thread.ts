import { Worker } from 'node:worker_threads';
import type { WorkflowSession } from '@luthier/rmos-contracts';
import { sha256Hex } from '@luthier/shared-hashing';
import { generateToolpaths, type GenerateToolpathsOptions } from '../generate.js';
import type { ToolpathResult } from '../render.js';
import type { FromToolpathThread, ToToolpathThread } from './protocol.js';

/** Where generateToolpaths runs: in the caller's thread, or in a thread of its own. Same gates, same bytes. */
export interface ToolpathEngine {
  generate(session: WorkflowSession, options: GenerateToolpathsOptions): Promise<ToolpathResult>;
  close(): Promise<void>;
}

/** generateToolpaths itself, in the caller's thread (the default). */
export const inProcessToolpaths: ToolpathEngine = Object.freeze({
  generate: async (session: WorkflowSession, options: GenerateToolpathsOptions) => generateToolpaths(session, options),
  close: async () => undefined,
});

interface Waiting {
  session: WorkflowSession;
  options: GenerateToolpathsOptions;
  resolve: (result: ToolpathResult) => void;
  reject: (error: unknown) => void;
}

/**
 * generateToolpaths in a worker thread, so that a server's event loop goes on parsing
 * and answering requests while the G-code of another is planned and posted (the
 * dearest step of a toolpaths request). The thread answers only results: whenever it
 * does not — a gate refused, the engine threw, the thread died or is starting — the
 * call is made again here, in the caller's thread, and its own outcome answered, so a
 * refusal is always the engine's own error object (its class, code and fields) and
 * nothing is lost when the thread is. The engine is deterministic, so running it again
 * gives the outcome the thread had. A result whose G-code does not hash to its
 * output_hash is not taken either.
 */
export class ThreadToolpathEngine implements ToolpathEngine {
  private readonly waiting = new Map<number, Waiting>();
  /** How many calls the thread answered, and how many were made in the caller's thread (refusals, no thread). */
  readonly answered = { inThread: 0, inCallersThread: 0 };
  private nextId = 1;
  private worker: Worker | null = null;
  private starting: Promise<void> | null = null;
  private lastStart = 0;
  private closed = false;

  private constructor() {}

  /** Starts the thread; answers once it is ready (a thread that fails to start leaves the engine running in-process until the next call starts one). */
  static async start(): Promise<ThreadToolpathEngine> {
    const engine = new ThreadToolpathEngine();
    await engine.startThread();
    return engine;
  }

  generate(session: WorkflowSession, options: GenerateToolpathsOptions): Promise<ToolpathResult> {
    const worker = this.worker;
    if (!worker) {
      // A new thread at most once a second: one that cannot start is not retried on every call.
      if (!this.closed && Date.now() - this.lastStart > 1000) void this.startThread();
      this.answered.inCallersThread += 1;
      return inProcessToolpaths.generate(session, options);
    }
    const id = this.nextId++;
    return new Promise<ToolpathResult>((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { session, options, resolve, reject });
      try {
        worker.postMessage({ type: 'generate', id, session, options } satisfies ToToolpathThread);
      } catch {
        // A value the thread cannot be handed: the call is made here.
        this.inCallersThread(id);
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.starting;
    const worker = this.worker;
    this.worker = null;
    // Calls still waiting are made here, not dropped.
    for (const id of [...this.waiting.keys()]) this.inCallersThread(id);
    // An idle thread is unref'd: held while it stops, so the caller sees close() settle
    worker?.ref();
    await worker?.terminate();
  }

  private startThread(): Promise<void> {
    this.starting ??= new Promise<void>((resolve) => {
      this.lastStart = Date.now();
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { execArgv: inheritedExecArgv() });
      const fail = () => {
        this.starting = null;
        resolve();
      };
      worker.once('error', fail);
      worker.once('exit', fail);
      worker.once('message', (message: FromToolpathThread) => {
        worker.off('error', fail);
        worker.off('exit', fail);
        this.starting = null;
        if (message.type !== 'ready' || this.closed) {
          void worker.terminate();
          return resolve();
        }
        this.worker = this.attach(worker);
        resolve();
      });
    });
    return this.starting;
  }

  private attach(worker: Worker): Worker {
    worker.on('message', (message: FromToolpathThread) => this.onMessage(message));
    const lost = () => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const id of [...this.waiting.keys()]) this.inCallersThread(id);
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    // Idle, the thread does not keep the process alive; a waiting call does (see generate).
    worker.unref();
    return worker;
  }

  private onMessage(message: FromToolpathThread): void {
    if (message.type !== 'done') return;
    if (!message.ok || message.result.output_hash !== sha256Hex(message.result.gcode)) return this.inCallersThread(message.id);
    const waiting = this.settle(message.id);
    if (!waiting) return;
    this.answered.inThread += 1;
    waiting.resolve(message.result);
  }

  /** The call made in this thread: its result or its own error. */
  private inCallersThread(id: number): void {
    const waiting = this.settle(id);
    if (!waiting) return;
    this.answered.inCallersThread += 1;
    inProcessToolpaths.generate(waiting.session, waiting.options).then(waiting.resolve, waiting.reject);
  }

  private settle(id: number): Waiting | undefined {
    const waiting = this.waiting.get(id);
    if (!waiting) return undefined;
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker?.unref();
    return waiting;
  }
}

/**
 * The thread's flags: the process's, inherited (undefined), which keeps V8 flags such as
 * --max-old-space-size that a worker refuses when handed them explicitly; only a process
 * started on string input (--input-type) hands them over, without that flag.
 */
function inheritedExecArgv(): string[] | undefined {
  return process.execArgv.some((arg) => arg.startsWith('--input-type')) ? process.execArgv.filter((arg) => !arg.startsWith('--input-type')) : undefined;
}

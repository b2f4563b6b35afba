/** One append waiting for the next batch. */
export interface PendingAppend<I, O> {
  input: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for an asynchronous backend: one batch in flight at a time, and the
 * appends that arrive meanwhile form the next batch, written by `writeBatch` in one
 * transaction (one head lock, one commit). `writeBatch` settles every member: each
 * only after its commit, or with the batch's typed error if the batch failed.
 * Hand-written: a few lines that no queue library shapes this way.
 */
export class GroupAppendQueue<I, O> {
  private queue: PendingAppend<I, O>[] = [];
  private running = false;

  constructor(
    private readonly writeBatch: (batch: PendingAppend<I, O>[]) => Promise<void>,
    private readonly maxBatch = 256,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    const batch = this.queue.splice(0, this.maxBatch);
    this.writeBatch(batch)
      .catch((error) => batch.forEach((p) => p.reject(error)))
      .finally(() => {
        this.running = false;
        this.pump();
      });
  }
}

import type { AttachmentFs } from './attachment-fs.js';

interface DirState {
  running?: Promise<void>;
  queued?: Promise<void>;
}

/**
 * Coalesced directory fsyncs. A caller is answered only by an fsync that STARTED
 * after it asked (so it covers the rename the caller just made); every caller that
 * asks while one is running shares the single fsync queued behind it. Concurrent
 * attachment writes into one directory then cost one directory fsync, not one each,
 * and no rename is ever left unsynced. Hand-written: a few lines no library offers.
 */
export class DirSyncBatcher {
  private readonly dirs = new Map<string, DirState>();

  constructor(private readonly fs: Pick<AttachmentFs, 'openSync' | 'fsync' | 'closeSync'>) {}

  sync(dir: string): Promise<void> {
    let state = this.dirs.get(dir);
    if (!state) this.dirs.set(dir, (state = {}));
    if (state.queued) return state.queued;
    if (!state.running) return this.start(dir, state);
    const s = state;
    s.queued = state.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        s.queued = undefined;
        return this.start(dir, s);
      });
    return s.queued;
  }

  private start(dir: string, state: DirState): Promise<void> {
    const running: Promise<void> = this.fsyncDir(dir).finally(() => {
      if (state.running !== running) return;
      state.running = undefined;
      if (!state.queued && this.dirs.get(dir) === state) this.dirs.delete(dir);
    });
    state.running = running;
    return running;
  }

  private async fsyncDir(dir: string): Promise<void> {
    const fd = this.fs.openSync(dir, 'r');
    try {
      await this.fs.fsync(fd);
    } finally {
      this.fs.closeSync(fd);
    }
  }
}

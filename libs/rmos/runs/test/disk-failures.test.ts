// A full disk and a read-only data directory give typed errors, never a crash, and
// lose nothing already acknowledged. Real file systems where this machine lets us
// mount them (a tiny tmpfs, a read-only bind mount); an injected fault otherwise.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  RunStoreFullError,
  RunStoreReadOnlyError,
  openStores,
  persistRunArtifact,
  putRunAttachment,
  NODE_ATTACHMENT_FS,
  type AttachmentFs,
} from '@luthier/rmos-runs';
import { runInput } from './helpers/fixtures-data.js';

const tmpFiles = (dataDir: string) => {
  const dir = path.join(dataDir, 'run_attachments', '.tmp');
  return existsSync(dir) ? readdirSync(dir) : [];
};

function failing(code: 'ENOSPC' | 'EROFS', where: 'write' | 'rename'): AttachmentFs {
  const fault = () => Object.assign(new Error(`${code}: injected`), { code });
  // The seam's writes and renames are only ever made on attachment files.
  return {
    ...NODE_ATTACHMENT_FS,
    writeSync: where === 'write' ? () => { throw fault(); } : NODE_ATTACHMENT_FS.writeSync,
    write: where === 'write' ? async () => Promise.reject(fault()) : NODE_ATTACHMENT_FS.write,
    renameSync: where === 'rename' ? () => { throw fault(); } : NODE_ATTACHMENT_FS.renameSync,
  };
}

describe('injected faults in attachment writes (run on every machine)', () => {
  let dataDir = '';
  before(() => (dataDir = mkdtempSync(path.join(os.tmpdir(), 'runs-fault-'))));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  // 64 KiB is written synchronously, 2 MiB in the thread pool (see file-attachments.ts).
  for (const [code, where, Expected, size] of [
    ['ENOSPC', 'write', RunStoreFullError, 64 * 1024],
    ['ENOSPC', 'write', RunStoreFullError, 2 * 1024 * 1024],
    ['EROFS', 'rename', RunStoreReadOnlyError, 64 * 1024],
  ] as const) {
    test(`${code} during ${where} of ${size / 1024} KiB gives ${Expected.name} and leaves no file behind`, async () => {
      const stores = await openStores({ dataDir, attachmentFs: failing(code, where) });
      try {
        const bytes = randomBytes(size);
        await assert.rejects(putRunAttachment(stores.runs, bytes, 'application/octet-stream'), Expected);
        assert.deepEqual(tmpFiles(dataDir), []);
        assert.equal(await stores.runs.getAttachment((await import('@luthier/shared-hashing')).sha256Hex(bytes)), null);
        // Artifacts (in the database) still append, and the log verifies.
        await persistRunArtifact(stores.runs, runInput());
        assert.equal((await stores.runs.verifyAll()).ok, true);
      } finally {
        await stores.close();
      }
    });
  }
});

function tryMount(args: string[]): string | null {
  try {
    execFileSync('mount', args, { stdio: 'pipe' });
    return null;
  } catch (error) {
    return ((error as { stderr?: Buffer }).stderr?.toString() || (error as Error).message).trim();
  }
}
const unmount = (dir: string) => {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    // already unmounted
  }
};

describe('a full disk (a 4 MiB tmpfs)', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'runs-full-'));
  const cannot = tryMount(['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', root]);
  if (cannot) {
    const message = `cannot mount a tmpfs here (${cannot}): the real full-disk test was skipped; the injected ENOSPC test above still ran`;
    console.log(message);
    test('SQLite and attachments on a full disk', { skip: message }, () => undefined);
    return;
  }
  after(() => {
    unmount(root);
    rmSync(root, { recursive: true, force: true });
  });

  test('appends and attachments fail with RunStoreFullError; nothing acknowledged is lost', async () => {
    const dataDir = path.join(root, 'data');
    const stores = await openStores({ dataDir });
    const acked: string[] = [];
    try {
      for (let i = 0; i < 5; i += 1) acked.push((await persistRunArtifact(stores.runs, runInput({ request: { i } }))).run_id);
      const filler = path.join(root, 'filler');
      try {
        for (;;) writeFileSync(filler, randomBytes(64 * 1024), { flag: 'a' });
      } catch (error) {
        assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
      }
      await assert.rejects(putRunAttachment(stores.runs, randomBytes(64 * 1024), 'application/octet-stream'), RunStoreFullError);
      assert.deepEqual(tmpFiles(dataDir), []);
      let refused: unknown = null;
      for (let i = 0; i < 5000 && refused === null; i += 1) {
        try {
          acked.push((await persistRunArtifact(stores.runs, runInput({ request: { i, pad: 'x'.repeat(2000) } }))).run_id);
        } catch (error) {
          refused = error;
        }
      }
      assert.ok(refused instanceof RunStoreFullError, `expected RunStoreFullError, got ${String(refused)}`);
      rmSync(filler);
      acked.push((await persistRunArtifact(stores.runs, runInput())).run_id);
      for (const id of acked) assert.ok(await stores.runs.get(id), id);
      const report = await stores.runs.verifyAll();
      assert.deepEqual(report.problems, []);
      assert.equal(report.checked, acked.length);
    } finally {
      await stores.close();
    }
  });
});

describe('a read-only data directory', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'runs-ro-'));
  let acked: string[] = [];
  let cannot: string | null = null;
  before(async () => {
    const stores = await openStores({ dataDir });
    const att = await putRunAttachment(stores.runs, new TextEncoder().encode('M30\n'), 'text/x-gcode');
    acked = [
      (await persistRunArtifact(stores.runs, runInput())).run_id,
      (await persistRunArtifact(stores.runs, runInput({ attachments: [{ ...att, name: 'p.nc' }] }))).run_id,
    ];
    await stores.close();
    if (process.getuid?.() === 0) {
      // root ignores permission bits: make the directory read-only the way a remount would.
      cannot = tryMount(['--bind', dataDir, dataDir]) ?? tryMount(['-o', 'remount,ro,bind', dataDir]);
    } else {
      for (const d of [dataDir, path.join(dataDir, 'runs'), path.join(dataDir, 'run_attachments')]) chmodSync(d, 0o555);
      chmodSync(path.join(dataDir, 'runs', 'runs.sqlite'), 0o444);
    }
  });
  after(() => {
    unmount(dataDir);
    if (existsSync(dataDir)) {
      for (const d of [dataDir, path.join(dataDir, 'runs'), path.join(dataDir, 'run_attachments')]) chmodSync(d, 0o755);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('writes give RunStoreReadOnlyError, never a crash; reads and verify still work', async (t) => {
    if (cannot) return t.skip(`cannot make a read-only mount here (${cannot})`);
    let stores;
    try {
      stores = await openStores({ dataDir });
    } catch (error) {
      // Refusing to open for writing is a correct answer too, as long as it is typed.
      assert.ok(error instanceof RunStoreReadOnlyError, String(error));
    }
    if (stores) {
      try {
        await assert.rejects(persistRunArtifact(stores.runs, runInput()), RunStoreReadOnlyError);
        await assert.rejects(putRunAttachment(stores.runs, randomBytes(100), 'application/octet-stream'), RunStoreReadOnlyError);
      } finally {
        await stores.close();
      }
    }
    const auditor = await openStores({ dataDir, readOnly: true });
    try {
      for (const id of acked) assert.ok(await auditor.runs.get(id), id);
      assert.deepEqual((await auditor.runs.verifyAll()).problems, []);
    } finally {
      await auditor.close();
    }
  });

  test('a data directory that cannot be created gives RunStoreReadOnlyError', async (t) => {
    if (cannot) return t.skip(`cannot make a read-only mount here (${cannot})`);
    await assert.rejects(openStores({ dataDir: path.join(dataDir, 'nested', 'data') }), RunStoreReadOnlyError);
  });
});

describe('leftovers of a crashed attachment writer', () => {
  test('old temp files are swept when the store opens; fresh ones (another writer) are kept', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'runs-sweep-'));
    try {
      await (await openStores({ dataDir })).close();
      const tmp = path.join(dataDir, 'run_attachments', '.tmp');
      const { mkdirSync, utimesSync } = await import('node:fs');
      mkdirSync(tmp, { recursive: true });
      writeFileSync(path.join(tmp, 'old.partial'), 'half an attachment');
      writeFileSync(path.join(tmp, 'fresh.partial'), 'being written');
      const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
      utimesSync(path.join(tmp, 'old.partial'), twoHoursAgo, twoHoursAgo);
      const stores = await openStores({ dataDir });
      await stores.close();
      assert.deepEqual(tmpFiles(dataDir), ['fresh.partial']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

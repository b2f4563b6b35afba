import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSandboxStore, SandboxPathError } from '@luthier/shared-sandbox';

async function withStore(fn: (store: Awaited<ReturnType<typeof createSandboxStore>>, dataRoot: string) => Promise<void>) {
  const dataRoot = await mkdtemp(path.join(tmpdir(), 'sandbox-test-'));
  try {
    await fn(await createSandboxStore({ dataRoot, maxFileBytes: 1024 }), dataRoot);
  } finally {
    await rm(dataRoot, { recursive: true, force: true });
  }
}

function refusedWith(code: string) {
  return (error: unknown) => error instanceof SandboxPathError && error.code === code;
}

test('writes land under <data root>/sandbox and read back byte-identical', () =>
  withStore(async (store, dataRoot) => {
    assert.equal(await store.write('previews/a.svg', '<svg/>'), 'previews/a.svg');
    assert.equal(await readFile(path.join(dataRoot, 'sandbox/previews/a.svg'), 'utf8'), '<svg/>');
    assert.deepEqual(Buffer.from(await store.read('previews/a.svg')).toString('utf8'), '<svg/>');
    await store.write('previews/a.svg', new Uint8Array([1, 2, 3]));
    assert.deepEqual([...(await store.read('previews/a.svg'))], [1, 2, 3]);
    // the atomic write leaves no temp file behind
    assert.deepEqual(await readdir(path.join(dataRoot, 'sandbox/previews')), ['a.svg']);
  }));

test('traversal, absolute paths and odd segments are refused and write nothing', () =>
  withStore(async (store, dataRoot) => {
    await assert.rejects(store.write('../escape.txt', 'x'), refusedWith('SANDBOX_PATH_TRAVERSAL'));
    await assert.rejects(store.write('a/../../escape.txt', 'x'), refusedWith('SANDBOX_PATH_TRAVERSAL'));
    await assert.rejects(store.write('/etc/passwd', 'x'), refusedWith('SANDBOX_PATH_ABSOLUTE'));
    await assert.rejects(store.write('C:/x', 'x'), refusedWith('SANDBOX_PATH_ABSOLUTE'));
    await assert.rejects(store.write('a\\..\\b', 'x'), refusedWith('SANDBOX_PATH_TRAVERSAL'));
    await assert.rejects(store.write('.hidden', 'x'), refusedWith('SANDBOX_PATH_INVALID'));
    await assert.rejects(store.write('a//b', 'x'), refusedWith('SANDBOX_PATH_INVALID'));
    await assert.rejects(store.write('nul\0byte', 'x'), refusedWith('SANDBOX_PATH_INVALID'));
    await assert.rejects(store.write('', 'x'), refusedWith('SANDBOX_PATH_INVALID'));
    await assert.rejects(store.write('big.bin', new Uint8Array(2048)), refusedWith('SANDBOX_TOO_LARGE'));
    assert.deepEqual(await readdir(path.join(dataRoot, 'sandbox')), []);
    assert.deepEqual((await readdir(dataRoot)).sort(), ['sandbox']);
  }));

test('a symlinked directory or file inside the sandbox cannot be used to escape it', () =>
  withStore(async (store, dataRoot) => {
    const outside = path.join(dataRoot, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
    await symlink(outside, path.join(dataRoot, 'sandbox/link'));
    await assert.rejects(store.write('link/pwned.txt', 'x'), refusedWith('SANDBOX_SYMLINK_ESCAPE'));
    await assert.rejects(store.read('link/secret.txt'), refusedWith('SANDBOX_SYMLINK_ESCAPE'));
    assert.deepEqual(await readdir(outside), ['secret.txt']);

    await symlink(path.join(outside, 'secret.txt'), path.join(dataRoot, 'sandbox/file-link'));
    await assert.rejects(store.read('file-link'), refusedWith('SANDBOX_SYMLINK_ESCAPE'));
    await assert.rejects(store.write('file-link', 'overwrite'), refusedWith('SANDBOX_SYMLINK_ESCAPE'));
    assert.equal(await readFile(path.join(outside, 'secret.txt'), 'utf8'), 'secret');
  }));

test('reading a missing file is a typed not-found', () =>
  withStore(async (store) => {
    await assert.rejects(store.read('nope/x.svg'), refusedWith('SANDBOX_NOT_FOUND'));
    await assert.rejects(store.read('x.svg'), refusedWith('SANDBOX_NOT_FOUND'));
  }));

test('the store object is frozen and exposes only write and read', () =>
  withStore(async (store) => {
    assert.ok(Object.isFrozen(store));
    assert.deepEqual(Object.keys(store).sort(), ['read', 'write']);
  }));

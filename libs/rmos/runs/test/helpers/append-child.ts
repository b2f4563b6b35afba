// A separate process appending artifacts: prints "ACK <run_id>" once each is acknowledged.
// Used by the crash (SIGKILL) and the concurrent-writers tests. Argument: JSON options.
import { openStores, persistRunArtifact, putRunAttachment, type OpenStoresOptions } from '@luthier/rmos-runs';
import { runInput } from './fixtures-data.js';

const { store, count, label, attachEvery } = JSON.parse(process.argv[2] ?? '{}') as {
  store: OpenStoresOptions;
  /** How many to append; 0 = until killed. */
  count: number;
  label: string;
  attachEvery: number;
};

const stores = await openStores(store);
process.stdout.write('READY\n');
for (let i = 0; count === 0 || i < count; i += 1) {
  const attachments = [];
  if (attachEvery > 0 && i % attachEvery === 0) {
    const bytes = new TextEncoder().encode(`G1 X${i} Y${label.length} ; ${label} ${i}\n`.repeat(200));
    attachments.push({ ...(await putRunAttachment(stores.runs, bytes, 'text/x-gcode')), name: `program-${i}.nc` });
  }
  const artifact = await persistRunArtifact(
    stores.runs,
    runInput({ kind: 'toolpaths', request: { label, i }, output: { lines: i * 3 }, attachments, versions: {} }),
  );
  // A synchronous write to the pipe: the parent sees the ACK only after the commit returned.
  process.stdout.write(`ACK ${artifact.run_id}\n`);
}
await stores.close();
process.stdout.write('DONE\n');

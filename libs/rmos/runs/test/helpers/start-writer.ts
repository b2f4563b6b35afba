// A server started as its own process (the V8-flags test): opens the stores with a writer thread, appends one
// artifact and prints "seq <n>". Argument: the data folder.
import { openStores, persistRunArtifact } from '@luthier/rmos-runs';
import { runInput } from './fixtures-data.js';

const stores = await openStores({ dataDir: process.argv[2]!, writerThread: true });
console.log('seq', (await persistRunArtifact(stores.runs, runInput())).seq);
await stores.close();

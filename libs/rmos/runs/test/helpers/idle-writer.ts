// A process that opens the stores with a writer thread, appends one artifact and leaves the stores open (the
// idle-thread test: the process must still exit). Argument: the data folder.
import { openStores, persistRunArtifact } from '@luthier/rmos-runs';
import { runInput } from './fixtures-data.js';

const stores = await openStores({ dataDir: process.argv[2]!, writerThread: true });
await persistRunArtifact(stores.runs, runInput());
console.log('appended');

// Worker entry when running from TypeScript source: module hooks registered in the main thread do not reach a
// worker on Node 20, so register tsx's loader in this thread, then load the TypeScript worker.
// (The bundled fast path in bin/boundaries.mjs starts its compiled worker directly.)
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

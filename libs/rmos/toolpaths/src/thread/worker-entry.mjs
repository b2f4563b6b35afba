// Toolpath-thread entry when running from TypeScript source: module hooks registered in the main
// thread do not reach a worker on Node 20, so tsx's loader is registered in this thread first.
import { register } from 'tsx/esm/api';

register();
await import('./toolpath-worker.ts');

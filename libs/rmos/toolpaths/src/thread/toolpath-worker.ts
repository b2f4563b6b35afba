// The toolpath thread: generateToolpaths, gates and all, off the server's event loop.
import 'zod/compile';
import { parentPort } from 'node:worker_threads';
import { generateToolpaths } from '../generate.js';
import type { FromToolpathThread, ToToolpathThread } from './protocol.js';

const port = parentPort!;
port.on('message', (message: ToToolpathThread) => {
  let answer: FromToolpathThread;
  try {
    answer = { type: 'done', id: message.id, ok: true, result: generateToolpaths(message.session, message.options) };
  } catch {
    answer = { type: 'done', id: message.id, ok: false };
  }
  port.postMessage(answer);
});
port.postMessage({ type: 'ready' } satisfies FromToolpathThread);

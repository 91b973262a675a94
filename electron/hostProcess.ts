import { createHost } from '../core/host/createHost';
import { serveHost, type ParentPortLike } from './hostServer';

// The entry of the engine's utility process (bundled to dist/electron/hostProcess.mjs, forked by main.ts).
// Electron gives a utility process `process.parentPort`, its one channel to main.
const port = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
if (!port) throw new Error('hostProcess runs only as an Electron utility process (process.parentPort is missing)');
serveHost(port, createHost);

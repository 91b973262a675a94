// Running from sources (tests, `tsx`): a worker thread does not inherit tsx's loader, so it registers it first.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./sweepWorker.ts');
export default worker.default;
export const pboPart = worker.pboPart;

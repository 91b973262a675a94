import type { HandlersFor } from '../../ipc/contract';
import type { systemMethods } from '../../ipc/contract/system';
import { readLogTail } from '../../log/readLog';

/** `system.logs`: the tail of the engine's log files in `logDir`, filtered as asked. */
export function logHandlers(logDir: string): Pick<HandlersFor<typeof systemMethods>, 'system.logs'> {
  return {
    'system.logs': ({ limit, level, since }) => ({ dir: logDir, entries: readLogTail(logDir, { limit, level, since }) }),
  };
}

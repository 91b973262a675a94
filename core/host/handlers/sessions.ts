import type { HandlersFor } from '../../ipc/contract';
import type { sessionMethods } from '../../ipc/contract/sessions';
import type { SessionService } from '../../service/sessions/sessionService';

/** Forward-testing sessions: list, detail (against the shadow backtest), start, control, and the overview. */
export function sessionHandlers(sessions: SessionService): HandlersFor<typeof sessionMethods> {
  return {
    'sessions.list': () => sessions.list(),
    'sessions.get': ({ id }) => sessions.detail(id),
    'sessions.start': (input) => sessions.start(input),
    'sessions.control': ({ id, action }) => sessions.control(id, action),
    'sessions.overview': () => sessions.overview(),
  };
}

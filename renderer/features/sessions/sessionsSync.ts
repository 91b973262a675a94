import type { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../core/ipc/client';
import type { SessionDetailDto, SessionSummaryDto } from '../../../core/ipc/contract/sessions';
import { queryKeys } from '../../api/queryKeys';
import { upsertSession } from './sessionsCache';

/**
 * A session's detail (which runs its shadow backtest on the engine) is asked again at most this
 * often while it keeps deciding; the last change is always followed by a refresh.
 */
export const SESSION_DETAIL_REFRESH_MS = 1000;

/**
 * Keeps the sessions current from the engine's `sessions.changed` events: the summary replaces the
 * list's row and the detail's head at once (a new session goes on top), and that session's detail
 * (fills, orders, curves) refreshes, throttled.
 */
export function syncSessions(api: ApiClient, qc: QueryClient, refreshMs = SESSION_DETAIL_REFRESH_MS): () => void {
  const last = new Map<string, number>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const refresh = (id: string): void => {
    last.set(id, Date.now());
    void qc.invalidateQueries({ queryKey: queryKeys.session(id) });
  };
  const off = api.on('sessions.changed', (s: SessionSummaryDto) => {
    const before = qc.getQueryData<SessionSummaryDto[]>(queryKeys.sessionList);
    if (before) qc.setQueryData<SessionSummaryDto[]>(queryKeys.sessionList, upsertSession(before, s));
    else void qc.invalidateQueries({ queryKey: queryKeys.sessionList });
    // The detail's head (state, decisions, equity) shows the change at once; its tables follow.
    qc.setQueryData<SessionDetailDto>(queryKeys.session(s.id), (d) => (d ? { ...d, session: s } : d));
    if (timers.has(s.id)) return;
    const wait = (last.get(s.id) ?? Number.NEGATIVE_INFINITY) + refreshMs - Date.now();
    if (wait <= 0) refresh(s.id);
    else
      timers.set(
        s.id,
        setTimeout(() => {
          timers.delete(s.id);
          refresh(s.id);
        }, wait),
      );
  });
  return () => {
    off();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../core/ipc/contract';
import type { SessionDetailDto, SessionSummaryDto } from '../../../core/ipc/contract/sessions';
import type { ApiError } from '../../../core/ipc/errors';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/queryKeys';
import { useEngineQuery } from '../../api/useEngineQuery';
import { upsertSession } from './sessionsCache';

/** Every session, newest first; `sessions.changed` events keep it current (sessionsSync). */
export const useSessions = () => useEngineQuery(queryKeys.sessionList, 'sessions.list', {});

/** One session against its shadow backtest. */
export const useSession = (id: string) => useEngineQuery(queryKeys.session(id), 'sessions.get', { id });

export type StartSessionInput = MethodInput<'sessions.start'>;
export type SessionAction = MethodInput<'sessions.control'>['action'];

/** A command's answer (the session's summary) goes into the list and the detail at once, before its event. */
function useSummaryAnswer(): (s: SessionSummaryDto) => void {
  const qc = useQueryClient();
  return (s) => {
    const list = qc.getQueryData<SessionSummaryDto[]>(queryKeys.sessionList);
    if (list) qc.setQueryData(queryKeys.sessionList, upsertSession(list, s));
    else void qc.invalidateQueries({ queryKey: queryKeys.sessionList });
    qc.setQueryData<SessionDetailDto>(queryKeys.session(s.id), (d) => (d ? { ...d, session: s } : d));
  };
}

export function useStartSession() {
  const api = useApi();
  const answer = useSummaryAnswer();
  return useMutation<SessionSummaryDto, ApiError, StartSessionInput>({
    mutationFn: (input) => api.call('sessions.start', input),
    onSuccess: answer,
  });
}

export function useControlSession() {
  const api = useApi();
  const qc = useQueryClient();
  const answer = useSummaryAnswer();
  return useMutation<SessionSummaryDto, ApiError, { id: string; action: SessionAction }>({
    mutationFn: (input) => api.call('sessions.control', input),
    onSuccess: (s) => {
      answer(s);
      // A flatten sends orders, a stop ends the curve: the detail's tables change too.
      void qc.invalidateQueries({ queryKey: queryKeys.session(s.id) });
    },
  });
}

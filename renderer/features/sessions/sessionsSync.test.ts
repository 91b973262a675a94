import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../../../core/ipc/client';
import type { SessionDetailDto, SessionSummaryDto } from '../../../core/ipc/contract/sessions';
import { queryKeys } from '../../api/queryKeys';
import { sessionDetail, sessionSummary } from '../../testing/sessionFixtures';
import { tallySessions, upsertSession } from './sessionsCache';
import { syncSessions } from './sessionsSync';
import { pushTransport } from '../../testing/pushTransport';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  vi.useRealTimers();
});

describe('the sessions cache', () => {
  it('replaces a known session in place and puts a new one on top; an unknown list stays unknown', () => {
    const a = sessionSummary({ id: 'a' });
    const b = sessionSummary({ id: 'b' });
    expect(upsertSession([a, b], { ...b, decisions: 9 })?.map((s) => [s.id, s.decisions])).toEqual([
      ['a', 3],
      ['b', 9],
    ]);
    expect(upsertSession([a], b)?.map((s) => s.id)).toEqual(['b', 'a']);
    expect(upsertSession(undefined, a)).toBeUndefined();
  });

  it('counts running and paused sessions and sums their P&L today', () => {
    const list = [
      sessionSummary({ id: 'a', pnlToday: 100 }),
      sessionSummary({ id: 'b', state: 'paused', mode: 'LIVE', pnlToday: -40.5 }),
      sessionSummary({ id: 'c', state: 'running', attached: false, pnlToday: null }),
      sessionSummary({ id: 'd', state: 'stopped', pnlToday: 1000 }),
    ];
    expect(tallySessions(list)).toEqual({ active: 3, live: 1, pnlToday: 59.5 });
    expect(tallySessions([sessionSummary({ pnlToday: null })])).toEqual({ active: 1, live: 0, pnlToday: null });
    expect(tallySessions([])).toEqual({ active: 0, live: 0, pnlToday: null });
  });
});

describe('syncSessions', () => {
  it('updates the list and the detail’s head from each event, and refreshes the detail at most once a second', () => {
    vi.useFakeTimers();
    const t = pushTransport();
    const qc = new QueryClient();
    stop = syncSessions(new ApiClient(t), qc, 1000);
    const stale = (): boolean | undefined => qc.getQueryState(queryKeys.session('sess-1'))?.isInvalidated;
    qc.setQueryData(queryKeys.sessionList, [sessionSummary({ id: 'other' }), sessionSummary()]);
    qc.setQueryData(queryKeys.session('sess-1'), sessionDetail());

    t.push('sessions.changed', sessionSummary({ decisions: 4 }));
    expect(qc.getQueryData<SessionSummaryDto[]>(queryKeys.sessionList)?.map((s) => [s.id, s.decisions])).toEqual([
      ['other', 3],
      ['sess-1', 4],
    ]);
    expect(qc.getQueryData<SessionDetailDto>(queryKeys.session('sess-1'))?.session.decisions).toBe(4);
    expect(stale()).toBe(true);

    // Soon after, the head changes but the detail waits for the interval, then refreshes once.
    qc.setQueryData(queryKeys.session('sess-1'), sessionDetail());
    t.push('sessions.changed', sessionSummary({ decisions: 5 }));
    t.push('sessions.changed', sessionSummary({ decisions: 6, state: 'paused' }));
    expect(qc.getQueryData<SessionDetailDto>(queryKeys.session('sess-1'))?.session).toMatchObject({ decisions: 6, state: 'paused' });
    expect(stale()).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(stale()).toBe(true);

    // A new session goes on top.
    t.push('sessions.changed', sessionSummary({ id: 'new' }));
    expect(qc.getQueryData<SessionSummaryDto[]>(queryKeys.sessionList)?.map((s) => s.id)).toEqual(['new', 'other', 'sess-1']);
  });

  it('asks for the list when it has none yet', () => {
    const t = pushTransport();
    const qc = new QueryClient();
    stop = syncSessions(new ApiClient(t), qc);
    qc.setQueryData(queryKeys.sessionList, undefined);
    t.push('sessions.changed', sessionSummary());
    expect(qc.getQueryData(queryKeys.sessionList)).toBeUndefined();
  });
});

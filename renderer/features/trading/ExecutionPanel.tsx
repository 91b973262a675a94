import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TradingMode } from '../../../core/ipc/contract/trading';
import { useApi } from '../../api/ApiProvider';
import { useEngineQuery } from '../../api/useEngineQuery';
import { ErrorNote } from '../../components/common/ErrorNote';
import { ExecutionAnalyticsView } from '../execution/ExecutionAnalyticsView';
import { Panel } from './Panel';

/** Under ['trading'], per mode: the engine analyses the current mode's orders. */
export const executionKey = (mode: TradingMode) => ['trading', 'execution', mode] as const;

/** A burst of fills (a partly filled order, a kill switch) is asked about once, this long after its last event. */
export const EXECUTION_REFRESH_MS = 250;

/** Asks the analytics again after fills and order updates, once per burst of events. */
function useExecutionRefresh(): void {
  const api = useApi();
  const qc = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void qc.invalidateQueries({ queryKey: ['trading', 'execution'] }), EXECUTION_REFRESH_MS);
    };
    // A fill changes the figures; a new or ended order changes the count and the fill rate.
    const offs = [api.on('trading.fill', refresh), api.on('trading.order', refresh)];
    return () => {
      clearTimeout(timer);
      for (const off of offs) off();
    };
  }, [api, qc]);
}

/** How this mode's orders (manual tickets and strategy sessions) were executed: fill rate, time to fill, slippage and shortfall. */
export function ExecutionPanel({ mode }: { mode: TradingMode }) {
  const q = useEngineQuery(executionKey(mode), 'trading.execution', {});
  useExecutionRefresh();
  const label = mode === 'LIVE' ? 'live' : 'paper';
  return (
    <Panel title="Execution analytics" testId="execution-analytics" actions={<span className="muted">{label} orders</span>}>
      <ErrorNote error={q.error} what="Could not analyse the executions" />
      {q.data ? <ExecutionAnalyticsView analytics={q.data} /> : !q.error && <p className="muted trading-empty">Loading…</p>}
    </Panel>
  );
}

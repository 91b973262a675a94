import { queryKeys } from '../../../api/queryKeys';
import { useEngineQuery } from '../../../api/useEngineQuery';

/**
 * The run's execution analytics. The engine recomputes them off its event loop from the run's
 * orders and its data loaded again, so they are asked only once the section is opened, and never
 * refetched on their own (staleTime Infinity): a change to the run refreshes ['runs', runId].
 */
export const useRunExecution = (runId: string, enabled: boolean) =>
  useEngineQuery(queryKeys.runPart(runId, 'execution'), 'backtests.execution', { runId }, { enabled, staleTime: Infinity });

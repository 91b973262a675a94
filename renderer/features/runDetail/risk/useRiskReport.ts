import type { ScenarioInput } from '../../../../core/ipc/contract/risk';
import { queryKeys } from '../../../api/queryKeys';
import { useEngineQuery } from '../../../api/useEngineQuery';

/**
 * The run's risk report for these parameters. Each answer is also stored by the engine, so it is
 * never refetched on its own (staleTime Infinity): only a change of date, window or scenarios asks again.
 */
export function useRiskReport(runId: string, asOf: number | null, scenarios: readonly ScenarioInput[], rollingWindow: number, enabled: boolean) {
  return useEngineQuery(
    queryKeys.runPart(runId, 'risk', { asOf, scenarios, rollingWindow }),
    'risk.report',
    { runId, asOf: asOf ?? undefined, scenarios: [...scenarios], rollingWindow },
    { enabled, keepPrevious: true, staleTime: Infinity },
  );
}

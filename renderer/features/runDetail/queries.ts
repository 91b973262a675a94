import { useCallback } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { MethodInput, MethodOutput } from '../../../core/ipc/contract';
import type { FILL_SORT_FIELDS, ORDER_SORT_FIELDS, TRADE_SORT_FIELDS } from '../../../core/ipc/contract/backtests';
import type { ApiError } from '../../../core/ipc/errors';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/queryKeys';
import { useEngineQuery } from '../../api/useEngineQuery';
import type { SortState } from '../../components/table/pageWindow';
import { saveFile } from './download';

/** Points asked of the engine per chart: about one per pixel column of a wide screen. */
export const CHART_POINTS = 1500;

export const useEquity = (runId: string) =>
  useEngineQuery(queryKeys.runPart(runId, 'equity', { maxPoints: CHART_POINTS }), 'backtests.equity', { runId, maxPoints: CHART_POINTS });

export const useReturns = (runId: string) => useEngineQuery(queryKeys.runPart(runId, 'returns'), 'backtests.returns', { runId });

export const usePrices = (runId: string, symbol: string | null) =>
  useEngineQuery(
    queryKeys.runPart(runId, 'prices', { symbol, maxPoints: CHART_POINTS }),
    'backtests.prices',
    { runId, symbol: symbol ?? '', maxPoints: CHART_POINTS },
    { enabled: symbol !== null, keepPrevious: true },
  );

/** Each traded instrument's price decimals in the run, for its tables. */
export const usePriceDecimals = (runId: string) =>
  useEngineQuery(queryKeys.runPart(runId, 'priceDecimals'), 'backtests.priceDecimals', { runId });

export const useAsOf = (runId: string, ts: number | null) =>
  useEngineQuery(queryKeys.runPart(runId, 'asOf', { ts }), 'backtests.asOf', { runId, ts: ts ?? 0 }, { enabled: ts !== null, keepPrevious: true });

/** The sortable fields of each paged table. */
export interface PagedTables {
  'backtests.trades': (typeof TRADE_SORT_FIELDS)[number];
  'backtests.orders': (typeof ORDER_SORT_FIELDS)[number];
  'backtests.fills': (typeof FILL_SORT_FIELDS)[number];
}

export type PagedMethod = keyof PagedTables;
export type PageRow<M extends PagedMethod> = MethodOutput<M>['rows'][number];

/** Fetches one page of a run's trades, orders or fills, sorted on the engine. */
export function usePageFetcher<M extends keyof PagedTables>(runId: string, method: M) {
  const api = useApi();
  return useCallback(
    (offset: number, limit: number, sort: SortState<PagedTables[M]> | null): Promise<MethodOutput<M>> => {
      // The three methods share one page input; TypeScript cannot see that through the generic M.
      const input = { runId, offset, limit, sortBy: sort?.field, sortDir: sort?.dir } as MethodInput<M>;
      return api.call<M>(method, input);
    },
    [api, runId, method],
  );
}

/** `raw`: CSV for programs (field names, epoch milliseconds, full floats) instead of spreadsheet-ready. */
export function useExport(runId: string, raw = false) {
  const api = useApi();
  return useMutation<string, ApiError, 'trades' | 'orders' | 'fills' | 'positions' | 'report'>({
    mutationFn: async (what) => saveFile(await api.call('backtests.export', { runId, what, raw })),
  });
}

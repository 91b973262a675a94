import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../core/ipc/contract';
import type { ApiError } from '../../../core/ipc/errors';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/queryKeys';
import { useEngineQuery } from '../../api/useEngineQuery';

/** Bars asked of the engine per chart: about one candle per two pixel columns of a wide screen. */
export const CHART_BARS = 600;

export const useSeriesList = () => useEngineQuery(queryKeys.dataSeries, 'data.series', {});

export interface BarsRequest {
  symbol: string;
  barSize: string;
  from?: number;
  to?: number;
}

export const useBars = (req: BarsRequest | null) => {
  const input = { symbol: req?.symbol ?? '', barSize: req?.barSize, from: req?.from, to: req?.to, maxPoints: CHART_BARS };
  return useEngineQuery(queryKeys.dataBars(input), 'data.bars', input, { enabled: req !== null, keepPrevious: true });
};

/** What importing would do; writes nothing, so it is a mutation only in that it is asked on demand. */
export function usePreview() {
  const api = useApi();
  return useMutation<MethodOutput<'data.preview'>, ApiError, MethodInput<'data.preview'>>({
    mutationFn: (input) => api.call('data.preview', input),
  });
}

/** A call that changes the bar store; the series list and every chart refresh after it, whatever the outcome. */
function useStoreWrite<M extends 'data.import' | 'data.delete' | 'trading.downloadHistory' | 'trading.resolveHistory'>(method: M) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation<MethodOutput<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => api.call(method, input),
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.data }),
  });
}

export const useImport = () => useStoreWrite('data.import');
export const useDeleteSeries = () => useStoreWrite('data.delete');
/** Daily bars from the connected broker into the store; over a stored series, an answer that waits for the trader's choice. */
export const useDownloadHistory = () => useStoreWrite('trading.downloadHistory');
/** The trader's choice for a download waiting on a stored series: replace, keep both, or cancel. */
export const useResolveHistory = () => useStoreWrite('trading.resolveHistory');

export interface Progress {
  done: number;
  total: number;
}

/**
 * How far a long call has got, from the engine's events while `active`: rows of the file named `key`
 * being imported, or bars of the symbol `key` being downloaded.
 */
export function useProgress(event: 'data.importProgress' | 'trading.historyProgress', key: string | null, active: boolean): Progress | null {
  const api = useApi();
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (!active || key === null) return;
    const seen = (k: string, p: Progress): void => {
      if (k === key) setProgress({ done: p.done, total: p.total });
    };
    return event === 'data.importProgress'
      ? api.on('data.importProgress', (p) => seen(p.name, p))
      : api.on('trading.historyProgress', (p) => seen(p.symbol, p));
  }, [api, event, key, active]);
  return progress;
}

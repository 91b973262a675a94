import { useQuery } from '@tanstack/react-query';
import type { TradeRowDto } from '../../../../core/ipc/contract/backtests';
import type { ApiError } from '../../../../core/ipc/errors';
import { useApi } from '../../../api/ApiProvider';
import { queryKeys } from '../../../api/queryKeys';

/** The engine's largest page. */
const PAGE = 1000;
/** Trades analysed at most: a scatter of more is a blur, and the table below still pages through all. */
export const MAX_ANALYSED = 20_000;

export interface AnalysisTrades {
  trades: TradeRowDto[];
  /** Every trade of the run, of which `trades` holds the first MAX_ANALYSED. */
  total: number;
}

/** The run's trades in the order they were recorded, page by page, up to MAX_ANALYSED. */
export function useAnalysisTrades(runId: string) {
  const api = useApi();
  return useQuery<AnalysisTrades, ApiError>({
    queryKey: queryKeys.runPart(runId, 'tradeAnalysis'),
    queryFn: async () => {
      const trades: TradeRowDto[] = [];
      let total = 0;
      do {
        const page = await api.call('backtests.trades', { runId, offset: trades.length, limit: PAGE });
        total = page.total;
        if (page.rows.length === 0) break;
        trades.push(...page.rows);
      } while (trades.length < Math.min(total, MAX_ANALYSED));
      return { trades, total };
    },
  });
}

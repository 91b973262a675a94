import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TradingStateDto } from '../../../core/ipc/contract/trading';
import { useApi } from '../../api/ApiProvider';
import { useDoneOrders } from './doneOrdersStore';
import { applyTradingEvent, isWorking, TRADING_EVENTS } from './tradingCache';
import { tradingKeys } from './tradingQueries';

/**
 * Keeps the cached trading state in step with the engine's trading events, and records the orders
 * that end in the blotter's done list. Used once, in the app shell (LiveBanner), so the state is
 * current on every screen and no event is applied twice.
 */
export function useTradingSync(): void {
  const api = useApi();
  const qc = useQueryClient();
  useEffect(() => {
    const offs = TRADING_EVENTS.map((event) =>
      api.on(event, (payload) => {
        const current = qc.getQueryData<TradingStateDto>(tradingKeys.state);
        // Nothing asked yet: the first answer will include what this event says.
        if (!current) return;
        const { state, refetch } = applyTradingEvent(current, event, payload);
        qc.setQueryData(tradingKeys.state, state);
        if (refetch) void qc.invalidateQueries({ queryKey: tradingKeys.state }, { cancelRefetch: false });
      }),
    );
    offs.push(
      api.on('trading.order', (order) => {
        if (!isWorking(order)) useDoneOrders.getState().record(order);
      }),
    );
    return () => {
      for (const off of offs) off();
    };
  }, [api, qc]);
}

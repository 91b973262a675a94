import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../core/ipc/contract';
import type { CheckOrderResult, TradingStateDto } from '../../../core/ipc/contract/trading';
import type { ApiError } from '../../../core/ipc/errors';
import { useApi } from '../../api/ApiProvider';
import { useEngineQuery } from '../../api/useEngineQuery';
import { useDebounced } from '../../components/common/useDebounced';
import type { TicketInput } from './ticketModel';

/** ['trading'] covers every trading query; the state is one answer the events keep current. */
export const tradingKeys = {
  all: ['trading'] as const,
  state: ['trading', 'state'] as const,
  check: (ticket: string, context: string) => ['trading', 'check', ticket, context] as const,
};

export const CHECK_DEBOUNCE_MS = 250;

export const useTradingState = () => useEngineQuery(tradingKeys.state, 'trading.state', {});

type TradingMethod = Extract<MethodName, `trading.${string}`>;
type Patch<M extends TradingMethod> = (state: TradingStateDto, out: MethodOutput<M>) => TradingStateDto;

/**
 * One trading command. Its answer is patched into the state at once where it says what changed
 * (the connection, the mode, the breaker, the kill switch's report); the state is then asked again,
 * since a command may change more than its answer tells (a refused order counts toward the breaker).
 */
function useTradingCommand<M extends TradingMethod>(method: M, patch?: Patch<M>) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation<MethodOutput<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => api.call(method, input),
    onSuccess: (out) => {
      if (patch) qc.setQueryData<TradingStateDto>(tradingKeys.state, (s) => (s ? patch(s, out) : s));
    },
    onSettled: () => qc.invalidateQueries({ queryKey: tradingKeys.state }),
  });
}

export const useConnect = () => useTradingCommand('trading.connect', (s, connection) => ({ ...s, connection }));
export const useDisconnect = () => useTradingCommand('trading.disconnect', (s, connection) => ({ ...s, connection }));
export const useSubmitOrder = () => useTradingCommand('trading.submitOrder');
export const useCancelOrder = () => useTradingCommand('trading.cancelOrder');
export const useModifyOrder = () => useTradingCommand('trading.modifyOrder');
export const useKillSwitch = () => useTradingCommand('trading.killSwitch', (s, lastKillSwitch) => ({ ...s, lastKillSwitch }));
export const useResetBreaker = () => useTradingCommand('trading.resetBreaker', (s, breaker) => ({ ...s, risk: { ...s.risk, breaker } }));
export const useArmLive = () => useTradingCommand('trading.armLive', (s, mode) => ({ ...s, ...mode }));
export const useDisarmLive = () => useTradingCommand('trading.disarmLive', (s, mode) => ({ ...s, ...mode }));
export const useAcknowledgeDifference = () => useTradingCommand('trading.acknowledgeDifference');
export const useForgetAlpacaKeys = () => useTradingCommand('trading.forgetAlpacaKeys', (s, alpacaKeys) => ({ ...s, alpacaKeys }));

/**
 * What the engine's checks would say about everything the order's verdict depends on besides the
 * ticket: asked again when one of these changes.
 */
export function checkContext(s: TradingStateDto | undefined, symbol: string | null): string {
  if (!s) return '';
  const quote = s.quotes.find((q) => q.symbol === symbol);
  return JSON.stringify([
    s.mode,
    s.connection.state,
    s.risk.breaker.tripped,
    quote?.last ?? null,
    s.account?.buyingPower ?? null,
    s.openOrders.map((o) => [o.id, o.filledQuantity]),
    s.positions.map((p) => [p.instrument, p.quantity]),
  ]);
}

export interface OrderCheck {
  /** The verdict on the ticket as it is now; null while it is being asked (or the ticket is incomplete). */
  result: CheckOrderResult | null;
  checking: boolean;
  error: ApiError | null;
}

/** The pre-trade check of the ticket, asked once typing pauses; sends nothing. */
export function useOrderCheck(ticket: TicketInput | null, context: string): OrderCheck {
  const api = useApi();
  const current = ticket ? JSON.stringify(ticket) : null;
  const settled = useDebounced(current, CHECK_DEBOUNCE_MS);
  const q = useQuery<{ ticket: string; result: CheckOrderResult }, ApiError>({
    queryKey: tradingKeys.check(settled ?? '', context),
    queryFn: async () => ({ ticket: settled ?? '', result: await api.call('trading.checkOrder', JSON.parse(settled ?? '{}') as TicketInput) }),
    enabled: settled !== null,
    placeholderData: (prev) => prev,
    staleTime: Infinity,
  });
  const fresh = current !== null && q.data?.ticket === current;
  return {
    result: fresh && q.data ? q.data.result : null,
    checking: current !== null && !fresh && q.error === null,
    error: current !== null && settled === current ? q.error : null,
  };
}

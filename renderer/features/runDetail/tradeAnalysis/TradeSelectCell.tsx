import type { TradeRowDto } from '../../../../core/ipc/contract/backtests';
import { tradeIdOf, useSelectedTradeStore } from '../../../stores/selectedTradeStore';

/** A trade's symbol as a toggle: clicking it selects the trade for the chart and the analysis. */
export function TradeSelectCell({ trade }: { trade: TradeRowDto }) {
  const id = tradeIdOf(trade);
  const selected = useSelectedTradeStore((s) => s.tradeId === id);
  const toggle = useSelectedTradeStore((s) => s.toggle);
  return (
    <button type="button" className="trade-select" data-testid="select-trade" aria-pressed={selected} title="Select this trade" onClick={() => toggle(id)}>
      {trade.instrument}
    </button>
  );
}

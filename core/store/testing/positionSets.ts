import { emptyHeldPositions, type Position } from '../../domain/portfolio';
import type { Timestamp } from '../../domain/order';
import { packPositionSet } from '../positionSets';
import type { PositionSetRow } from '../rows';

type Held = Pick<Position, 'instrument' | 'quantity' | 'avgCost' | 'marketPrice' | 'realizedPnl'>;

/** The stored row of a session holding `positions` (in the order given), as a backtest writes it. */
export function positionSetOf(ts: Timestamp, positions: readonly Held[]): PositionSetRow {
  const held = emptyHeldPositions(positions.length);
  positions.forEach((p, k) => {
    held.instruments[k] = p.instrument;
    held.quantity[k] = p.quantity;
    held.avgCost[k] = p.avgCost;
    held.marketPrice[k] = p.marketPrice;
    held.realizedPnl[k] = p.realizedPnl;
  });
  held.count = positions.length;
  return packPositionSet(ts, held);
}

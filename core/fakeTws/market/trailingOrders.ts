import type { Bar } from '../../data/BarSeries';
import type { Trail } from '../../domain/order';
import type { MatchType } from '../../sim/fillRules';
import { ratchetStop, trailingLimit, trailingStop } from '../../sim/trailing';
import { isTrailingType, type FakeOrder } from '../model';

/**
 * Trailing orders at the fake, by the simulator's rule (core/sim/trailing.ts): matched on each bar
 * as the STOP or STOP_LIMIT they are at that moment, at the stop as it stood before the bar; if the
 * bar did not trigger them, the stop then ratchets with the bar's favourable extreme (a sell's high,
 * a buy's low). A TRAIL LIMIT's limit follows the stop by lmtPriceOffset until it triggers, and is
 * fixed from then on.
 */

type Priced = Pick<FakeOrder, 'orderType' | 'action' | 'lmtPrice' | 'auxPrice' | 'trailingPercent' | 'trailStopPrice' | 'lmtPriceOffset'>;

function trailOf(o: Priced): Trail {
  return o.trailingPercent !== null ? { percent: o.trailingPercent } : { amount: o.auxPrice ?? 0 };
}

function followStop(o: Priced & Pick<FakeOrder, 'trailStopPrice'>, stop: number): void {
  o.trailStopPrice = stop;
  if (o.orderType === 'TRAIL LIMIT') o.lmtPrice = trailingLimit(o.action, stop, o.lmtPriceOffset ?? 0);
}

/** The order goes live at `last`: its stop starts there (unless the client gave one), with its limit. */
export function startTrailing(o: Priced, last: number): void {
  if (!isTrailingType(o.orderType)) return;
  followStop(o, o.trailStopPrice ?? trailingStop(o.action, trailOf(o), last));
}

/** The simulator's match type and prices for the order as it stands now. */
export function matchTerms(o: Priced): { type: MatchType; limitPrice: number | null; stopPrice: number | null } {
  switch (o.orderType) {
    case 'MKT':
      return { type: 'MARKET', limitPrice: null, stopPrice: null };
    case 'LMT':
      return { type: 'LIMIT', limitPrice: o.lmtPrice, stopPrice: null };
    case 'STP':
      return { type: 'STOP', limitPrice: null, stopPrice: o.auxPrice };
    case 'STP LMT':
      return { type: 'STOP_LIMIT', limitPrice: o.lmtPrice, stopPrice: o.auxPrice };
    case 'TRAIL':
      return { type: 'STOP', limitPrice: null, stopPrice: o.trailStopPrice };
    case 'TRAIL LIMIT':
      return { type: 'STOP_LIMIT', limitPrice: o.lmtPrice, stopPrice: o.trailStopPrice };
  }
}

/** The price a stop-type order waits for: its stop, or its trailing stop. */
export function stopOf(o: Priced): number | null {
  return isTrailingType(o.orderType) ? o.trailStopPrice : o.auxPrice;
}

/** After a bar that did not trigger the order: its stop follows the bar's favourable extreme. Returns true when it moved. */
export function ratchet(o: Priced, bar: Bar): boolean {
  const stop = o.trailStopPrice;
  if (!isTrailingType(o.orderType) || stop === null) return false;
  const next = ratchetStop(o.action, trailOf(o), stop, o.action === 'SELL' ? bar.high : bar.low);
  if (next === stop) return false;
  followStop(o, next);
  return true;
}

import type { Side } from '../../domain/enums';
import type { Trail } from '../../domain/order';
import { ratchetStop, trailingStop } from '../../sim/trailing';
import type { FakeAlpacaOrder } from '../model';

/**
 * Alpaca's trailing stop on the simulator's rules (core/sim/trailing.ts): it starts `trail` behind the
 * market price when it goes live; on each bar it is matched as a stop at the stop it had before the
 * bar, and afterwards ratchets with the bar's favourable extreme (a sell's high, a buy's low), which
 * is also its high-water mark (`hwm`, as Alpaca shows it).
 */

function sideOf(o: FakeAlpacaOrder): Side {
  return o.side === 'buy' ? 'BUY' : 'SELL';
}

/** The order's trail: trail_price is an amount, trail_percent a percent. */
export function trailOf(o: FakeAlpacaOrder): Trail {
  return o.trailPrice !== null ? { amount: o.trailPrice } : { percent: o.trailPercent ?? 0 };
}

/** Goes live at `price`: the mark and the first stop. */
export function startTrail(o: FakeAlpacaOrder, price: number): void {
  o.hwm = price;
  o.stopPrice = trailingStop(sideOf(o), trailOf(o), price);
}

/** After a bar that did not trigger it: the mark moves to the bar's favourable extreme, the stop after it (never back). */
export function ratchetTrail(o: FakeAlpacaOrder, bar: { high: number; low: number }): void {
  const sell = o.side === 'sell';
  const extreme = sell ? bar.high : bar.low;
  o.hwm = o.hwm === null ? extreme : sell ? Math.max(o.hwm, extreme) : Math.min(o.hwm, extreme);
  o.stopPrice = ratchetStop(sideOf(o), trailOf(o), o.stopPrice ?? trailingStop(sideOf(o), trailOf(o), extreme), extreme);
}

/** A replacement's new trail: the stop is set again from the mark (a wider trail moves it back). */
export function retrail(o: FakeAlpacaOrder): void {
  if (o.hwm !== null) o.stopPrice = trailingStop(sideOf(o), trailOf(o), o.hwm);
}

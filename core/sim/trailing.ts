import type { Side } from '../domain/enums';
import type { Trail } from '../domain/order';

/** The trail's distance from `price`: the amount itself, or its percent of the price. */
function distance(trail: Trail, price: number): number {
  return 'amount' in trail ? trail.amount : (price * trail.percent) / 100;
}

/**
 * The stop `trail` puts behind `price`: below it for a sell (it protects a long), above it for a buy.
 * A trailing order starts from the market price when it goes live, unless it was given a stop.
 */
export function trailingStop(side: Side, trail: Trail, price: number): number {
  return side === 'SELL' ? price - distance(trail, price) : price + distance(trail, price);
}

/**
 * The stop after the market reached `extreme`, its most favourable price since the last ratchet
 * (a sell's high, a buy's low): it follows the market that way and never moves back.
 */
export function ratchetStop(side: Side, trail: Trail, stop: number, extreme: number): number {
  const next = trailingStop(side, trail, extreme);
  return side === 'SELL' ? (next > stop ? next : stop) : next < stop ? next : stop;
}

/** A trailing stop-limit's limit: `offset` past its stop (below for a sell, above for a buy). */
export function trailingLimit(side: Side, stop: number, offset: number): number {
  return side === 'SELL' ? stop - offset : stop + offset;
}

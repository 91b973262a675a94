import type { TradingOrderDto } from '../../../core/ipc/contract/trading';
import { describeTrail, needsLimit, needsStop, trailOf, type Trail } from './ticketModel';

/** A working order's editable fields as typed in the blotter. */
export interface ModifyDraft {
  quantity: string;
  limitPrice: string;
  stopPrice: string;
  /** A trailing order's trail, in the unit it has (amount or percent). */
  trail: string;
}

export interface ModifyChanges {
  quantity?: number;
  limitPrice?: number;
  stopPrice?: number;
  trail?: Trail;
}

const trailValue = (t: Trail): number => ('amount' in t ? t.amount : t.percent);

export const modifyDraftOf = (o: TradingOrderDto): ModifyDraft => {
  const trail = o.extras?.trail;
  return {
    quantity: String(o.quantity),
    limitPrice: o.limitPrice === null ? '' : String(o.limitPrice),
    stopPrice: o.stopPrice === null ? '' : String(o.stopPrice),
    trail: trail === undefined ? '' : String(trailValue(trail)),
  };
};

export type ModifyReading = { ok: true; changes: ModifyChanges } | { ok: false; issue: string };

const num = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** What changed, for modifyOrder; the new quantity is the order's new total and must exceed what already filled. */
export function readModify(o: TradingOrderDto, d: ModifyDraft): ModifyReading {
  const changes: ModifyChanges = {};
  const quantity = num(d.quantity);
  if (!(quantity > 0)) return { ok: false, issue: 'quantity: a number above 0' };
  if (quantity <= o.filledQuantity) return { ok: false, issue: `quantity: more than the ${o.filledQuantity} already filled` };
  if (quantity !== o.quantity) changes.quantity = quantity;
  if (needsLimit(o.type)) {
    const limit = num(d.limitPrice);
    if (!(limit > 0)) return { ok: false, issue: 'limit price: a number above 0' };
    if (limit !== o.limitPrice) changes.limitPrice = limit;
  }
  if (needsStop(o.type)) {
    const stop = num(d.stopPrice);
    if (!(stop > 0)) return { ok: false, issue: 'stop price: a number above 0' };
    if (stop !== o.stopPrice) changes.stopPrice = stop;
  }
  const trail = o.extras?.trail;
  if (trail !== undefined) {
    const value = num(d.trail);
    if (!(value > 0)) return { ok: false, issue: 'trail: a number above 0' };
    if (value !== trailValue(trail)) changes.trail = trailOf('amount' in trail ? 'amount' : 'percent', value);
  }
  if (Object.keys(changes).length === 0) return { ok: false, issue: 'nothing changed' };
  return { ok: true, changes };
}

/** "quantity 20, limit 98.25", "trail 1.5%" for a confirmation. */
export const describeChanges = (c: ModifyChanges): string =>
  [
    c.quantity === undefined ? '' : `quantity ${c.quantity}`,
    c.limitPrice === undefined ? '' : `limit ${c.limitPrice}`,
    c.stopPrice === undefined ? '' : `stop ${c.stopPrice}`,
    c.trail === undefined ? '' : describeTrail(c.trail),
  ]
    .filter((s) => s !== '')
    .join(', ');

import type { TradingOrderDto } from '../../../core/ipc/contract/trading';
import { needsLimit, needsStop } from './ticketModel';

/** A working order's editable fields as typed in the blotter. */
export interface ModifyDraft {
  quantity: string;
  limitPrice: string;
  stopPrice: string;
}

export interface ModifyChanges {
  quantity?: number;
  limitPrice?: number;
  stopPrice?: number;
}

export const modifyDraftOf = (o: TradingOrderDto): ModifyDraft => ({
  quantity: String(o.quantity),
  limitPrice: o.limitPrice === null ? '' : String(o.limitPrice),
  stopPrice: o.stopPrice === null ? '' : String(o.stopPrice),
});

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
  if (Object.keys(changes).length === 0) return { ok: false, issue: 'nothing changed' };
  return { ok: true, changes };
}

const CHANGE_LABELS: Record<keyof ModifyChanges, string> = { quantity: 'quantity', limitPrice: 'limit', stopPrice: 'stop' };

/** "quantity 20, limit 98.25" for a confirmation. */
export const describeChanges = (c: ModifyChanges): string =>
  (Object.keys(CHANGE_LABELS) as (keyof ModifyChanges)[])
    .filter((k) => c[k] !== undefined)
    .map((k) => `${CHANGE_LABELS[k]} ${c[k]}`)
    .join(', ');

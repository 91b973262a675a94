import type { AccountConfig } from '../../config/simulatorSchema';
import type { Portfolio } from '../../engine/portfolio';
import type { FakeOrder } from '../model';
import type { WhatIfPreview } from '../wire/orderMessages';

/**
 * The margin and commission preview IB answers a what-if order with, by the same margin rules as the
 * account values (initial = gross / max leverage, maintenance = gross x maintenance margin): the
 * account now, and as it would be once the whole order filled at `price` paying `fee`.
 */
export function whatIfPreview(p: Portfolio, account: AccountConfig, o: FakeOrder, mark: number, fee: number): WhatIfPreview {
  const s = p.accountState();
  const held = p.qty[o.instrument.index];
  const after = held + (o.action === 'BUY' ? o.totalQuantity : -o.totalQuantity);
  const grossAfter = s.grossExposure - Math.abs(held) * mark + Math.abs(after) * mark;
  return {
    initMarginBefore: s.grossExposure / account.max_leverage,
    maintMarginBefore: s.grossExposure * account.maintenance_margin,
    equityWithLoanBefore: s.equity,
    initMarginAfter: grossAfter / account.max_leverage,
    maintMarginAfter: grossAfter * account.maintenance_margin,
    equityWithLoanAfter: s.equity - fee,
    commission: fee,
    minCommission: fee,
    maxCommission: fee,
  };
}

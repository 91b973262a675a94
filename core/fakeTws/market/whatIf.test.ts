import { describe, expect, it } from 'vitest';
import { defaultSimulatorConfig } from '../../config/simulatorSchema';
import { Portfolio } from '../../engine/portfolio';
import type { FakeOrder } from '../model';
import { whatIfPreview } from './whatIf';

const account = { ...defaultSimulatorConfig().account, max_leverage: 2, maintenance_margin: 0.25 };

function sell(quantity: number): FakeOrder {
  return {
    clientId: 1, orderId: 1, permId: 0, orderRef: '', account: 'DU1', instrument: { symbol: 'AAA', conId: 1, index: 0 },
    action: 'SELL', totalQuantity: quantity, orderType: 'MKT', lmtPrice: null, auxPrice: null, trailingPercent: null, trailStopPrice: null,
    lmtPriceOffset: null, displaySize: null, tif: 'DAY', outsideRth: false, parentId: 0, ocaGroup: '', ocaType: 3, awaitingParent: false,
    requestedQuantity: quantity, ocaReduced: 0, status: 'Submitted', filled: 0, avgFillPrice: 0, lastFillPrice: 0, commission: 0, triggered: false, placedStep: 0,
    completedAt: Number.NaN, completedStatus: '',
  };
}

describe('whatIfPreview', () => {
  it('margins the position as it would be after the whole order: a sale through a long position leaves a short', () => {
    const p = new Portfolio(['AAA'], 100_000, account);
    p.applyFill(0, 100, 50, 0);
    p.markAll(() => 50);
    const before = p.accountState();
    // Long 100 at 50 (gross 5,000); selling 300 leaves short 200 (gross 10,000).
    const r = whatIfPreview(p, account, sell(300), 50, 3);
    expect(r).toEqual({
      initMarginBefore: 2_500,
      maintMarginBefore: 1_250,
      equityWithLoanBefore: before.equity,
      initMarginAfter: 5_000,
      maintMarginAfter: 2_500,
      equityWithLoanAfter: before.equity - 3,
      commission: 3,
      minCommission: 3,
      maxCommission: 3,
    });
    // A preview changes nothing.
    expect(p.accountState()).toEqual(before);
  });

  it('a sale that closes the position frees all margin', () => {
    const p = new Portfolio(['AAA'], 100_000, account);
    p.applyFill(0, 100, 50, 0);
    p.markAll(() => 50);
    const r = whatIfPreview(p, account, sell(100), 50, 1);
    expect([r.initMarginAfter, r.maintMarginAfter]).toEqual([0, 0]);
  });
});

import type { CommissionConfig } from '../config/simulatorSchema';
import type { Side } from '../domain/enums';
import { IBKR_US_STOCK_FEES as IBKR } from './ibkrUsStockFees';

export interface CommissionInput {
  side: Side;
  quantity: number;
  price: number;
  /** Totals of this order BEFORE this fill (minimums and caps apply per order across partial fills). */
  orderFilledQty: number;
  orderFilledValue: number;
  orderCommission: number;
  /** Shares traded by the account in this calendar month before this fill (for tiered schedules). */
  monthVolume: number;
}

export interface CommissionModel {
  fee(input: CommissionInput): number;
  /**
   * The fee of a fresh order filled in one go, with no month volume: fee() of such an input, to the
   * bit, without building one (sizing asks for several per instrument and session). With month
   * volume 0, tiered schedules use their first tier (the dearest on IBKR-like schedules), so sizing
   * errs on the side of keeping cash back.
   */
  freshFee(side: Side, quantity: number, price: number): number;
  readonly name: string;
}

/** What the whole order owes once it has filled `qty` units worth `value`, priced at one volume tier. */
type OrderCharge = (side: Side, qty: number, value: number, tierVolume: number) => number;

interface Tier {
  upTo: number;
  rate: number;
}

/** Applies the per-order minimum, then the cap; the cap wins when they cross (IBKR's rule for tiny orders). */
function bounded(raw: number, value: number, minimum: number, maximumPct: number | undefined): number {
  const floored = raw < minimum ? minimum : raw;
  return maximumPct === undefined ? floored : Math.min(floored, maximumPct * value);
}

function tierRate(tiers: readonly Tier[], volume: number): number {
  for (const t of tiers) if (volume <= t.upTo) return t.rate;
  return tiers[tiers.length - 1].rate;
}

function saleFees(side: Side, qty: number, value: number): number {
  if (side === 'BUY') return 0;
  const r = IBKR.regulatory;
  return r.secPctOfSaleValue * value + Math.min(r.finraTafPerShareSold * qty, r.finraTafMaxPerOrder);
}

function configuredTiers(tiers: readonly { up_to?: number; rate: number }[]): Tier[] {
  return tiers.map((t, i) => {
    if (t.up_to === undefined && i !== tiers.length - 1) {
      throw new Error(`commission.tiers[${i}]: only the last tier may omit up_to`);
    }
    const prev = i > 0 ? tiers[i - 1].up_to : undefined;
    if (t.up_to !== undefined && prev !== undefined && t.up_to <= prev) {
      throw new Error(`commission.tiers[${i}]: up_to ${t.up_to} must be greater than the previous tier's ${prev}`);
    }
    return { upTo: t.up_to ?? Number.POSITIVE_INFINITY, rate: t.rate };
  });
}

function orderCharge(cfg: CommissionConfig): OrderCharge {
  switch (cfg.model) {
    case 'none':
      return () => 0;
    case 'per_share':
      return (_side, qty, value) => bounded(cfg.rate * qty, value, cfg.minimum, cfg.maximum_pct);
    case 'percent':
      return (_side, _qty, value) => bounded(cfg.rate * value, value, cfg.minimum, cfg.maximum_pct);
    case 'fixed':
      return () => cfg.amount;
    case 'tiered': {
      const tiers = configuredTiers(cfg.tiers);
      return (_side, qty, value, tierVolume) =>
        bounded(tierRate(tiers, tierVolume) * qty, value, cfg.minimum, cfg.maximum_pct);
    }
    case 'ibkr_fixed': {
      const f = IBKR.fixed;
      const withFees = cfg.regulatory_fees;
      return (side, qty, value) =>
        bounded(f.perShare * qty, value, f.minimumPerOrder, f.maximumPctOfValue) +
        (withFees ? saleFees(side, qty, value) : 0);
    }
    case 'ibkr_tiered': {
      const t = IBKR.tiered;
      const withFees = cfg.regulatory_fees;
      return (side, qty, value, tierVolume) => {
        const commission = bounded(tierRate(t.tiers, tierVolume) * qty, value, t.minimumPerOrder, t.maximumPctOfValue);
        if (!withFees) return commission;
        const passThrough = commission * (t.nysePassThroughPctOfCommission + t.finraPassThroughPctOfCommission);
        return commission + t.clearingPerShare * qty + passThrough + saleFees(side, qty, value);
      };
    }
  }
}

function badFill(model: string, quantity: number, price: number): Error {
  if (!(quantity >= 0) || !Number.isFinite(quantity)) {
    return new Error(`commission ${model}: fill quantity must be a non-negative finite number, got ${quantity}`);
  }
  return new Error(`commission ${model}: fill price must be finite, got ${price}`);
}

/**
 * Builds the fee function for a commission config. Each fill pays what the order owes after it minus what
 * the order already paid, so per-order minimums, caps and one-off charges come out right across partial fills.
 * The volume tier is the one in force when the order started filling (month volume less the order's own
 * earlier fills), so one order is never split across tiers.
 */
export function createCommissionModel(cfg: CommissionConfig): CommissionModel {
  const charge = orderCharge(cfg);
  return {
    name: cfg.model,
    fee(input: CommissionInput): number {
      const { quantity, price } = input;
      // Checked inline: a helper call here cost an allocation per fee in the sizing loops.
      if (!(quantity >= 0 && quantity < Infinity && price > -Infinity && price < Infinity)) throw badFill(cfg.model, quantity, price);
      if (quantity === 0) return 0;
      const qty = input.orderFilledQty + quantity;
      const value = input.orderFilledValue + Math.abs(quantity * price);
      const tierVolume = Math.max(0, input.monthVolume - input.orderFilledQty);
      const owed = charge(input.side, qty, value, tierVolume) - input.orderCommission;
      return owed > 0 ? owed : 0;
    },
    freshFee(side: Side, quantity: number, price: number): number {
      if (!(quantity >= 0 && quantity < Infinity && price > -Infinity && price < Infinity)) throw badFill(cfg.model, quantity, price);
      if (quantity === 0) return 0;
      const owed = charge(side, quantity, Math.abs(quantity * price), 0);
      return owed > 0 ? owed : 0;
    },
  };
}

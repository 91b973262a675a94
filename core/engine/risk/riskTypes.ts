import type { ExecutionConfig, RiskChecksConfig } from '../../config/executionConfigSchema';
import type { OrderType, Side } from '../../domain/enums';
import type { Timestamp } from '../../domain/order';

/** The only way risk code learns the time: injected, so tests drive it and engine code never reads the wall clock. */
export type Clock = () => Timestamp;

/** What is checked before an order is sent: the fields of an order request that carry risk. */
export interface RiskOrder {
  instrument: string;
  side: Side;
  type: OrderType;
  quantity: number;
  limitPrice?: number | null;
  stopPrice?: number | null;
}

/** A held position as the checks see it; `marketPrice` may be NaN when the broker has not marked it. */
export interface RiskPosition {
  instrument: string;
  /** Signed: negative is short. */
  quantity: number;
  marketPrice: number;
}

/** A working order's unfilled part, which the checks count against the limits as if it filled. */
export interface RiskWorkingOrder {
  instrument: string;
  side: Side;
  quantity: number;
  filledQuantity: number;
}

/** The account and market at the moment of the check. Unknown numbers are NaN. */
export interface RiskSnapshot {
  /** Last traded price of the order's instrument, or NaN when none is known. */
  lastPrice: number;
  positions: readonly RiskPosition[];
  openOrders: readonly RiskWorkingOrder[];
  equity: number;
  /** Sum of |position value| across the account. */
  grossExposure: number;
  buyingPower: number;
}

/** The risk_checks block of an execution config, with the planner's lot size (0 = fractional units). */
export type RiskLimits = Omit<RiskChecksConfig, 'circuit_breaker'> & { lot_size: number };

export function riskLimitsOf(config: ExecutionConfig): RiskLimits {
  const { circuit_breaker: _breaker, ...limits } = config.risk_checks;
  return { ...limits, lot_size: config.planner.lot_size };
}

export const RISK_CHECK_NAMES = [
  'symbol',
  'quantity',
  'lot_size',
  'max_quantity',
  'prices',
  'price_band',
  'order_notional',
  'position',
  'leverage',
  'buying_power',
] as const;
export type RiskCheckName = (typeof RISK_CHECK_NAMES)[number];

/**
 * pass / fail; off: no limit is configured; skipped: not evaluated because an input it needs
 * (a valid quantity, a price) failed its own check, which already fails the order.
 */
export const RISK_CHECK_STATUSES = ['pass', 'fail', 'off', 'skipped'] as const;
export type RiskCheckStatus = (typeof RISK_CHECK_STATUSES)[number];

export interface RiskCheckResult {
  check: RiskCheckName;
  status: RiskCheckStatus;
  /** One sentence for the ticket: what was measured against what, or why it failed. */
  detail: string;
}

export interface RiskVerdict {
  passed: boolean;
  checks: RiskCheckResult[];
  /** The details of the failed checks, in check order. */
  reasons: string[];
}

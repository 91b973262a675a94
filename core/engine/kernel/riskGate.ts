import type { OrderRequest } from '../../domain/order';
import { checkOrder } from '../risk/checkOrder';
import type { CircuitBreaker } from '../risk/circuitBreaker';
import type { Clock, RiskCheckName, RiskLimits, RiskSnapshot } from '../risk/riskTypes';
import { riskOrderOf } from '../risk/riskOrder';

/** The pre-trade checks as the kernel runs them on every order it is asked to send. */
export interface RiskGate {
  /** Why `request` may not go out now (a failed check, a tripped breaker), or null; `replacing` is the working order it modifies. */
  refusal(request: OrderRequest, replacing?: string): string | null;
  /** A refusal further on (the broker's), which the circuit breaker counts as it counts its own. */
  brokerRejected(reason: string): void;
}

export interface RiskGateOptions {
  limits: RiskLimits;
  /** The mode's breaker, shared with whoever shows and resets it; null for none. */
  breaker: CircuitBreaker | null;
  clock: Clock;
  /** The account and market as the checks see them, for an order of `instrument` (without working order `exclude`). */
  snapshot: (instrument: string, exclude?: string) => RiskSnapshot;
  /** Checks a mode leaves to someone else (a backtest's buying power: the simulator holds fills to it). */
  skip?: readonly RiskCheckName[];
}

/** Whether the limits set anything to check beyond what every broker checks of an order's shape. */
export function limitsSet(l: RiskLimits): boolean {
  return (
    l.allowed_symbols.length > 0 ||
    l.max_order_size_usd !== null ||
    l.max_position_usd !== null ||
    l.max_portfolio_leverage !== null ||
    l.max_order_quantity !== null ||
    l.price_band_pct !== null
  );
}

/**
 * The gate for these limits and breaker, or null when there is nothing to check: then an order
 * goes to the broker as it is, at no cost per order (a backtest's millions of planned orders).
 */
export function riskGate(o: RiskGateOptions): RiskGate | null {
  const breaker = o.breaker;
  if (!limitsSet(o.limits) && (breaker === null || !breaker.state().enabled)) return null;
  const skip = new Set(o.skip ?? []);
  const checked = limitsSet(o.limits);
  return {
    refusal(request, replacing) {
      const halted = breaker === null ? null : breaker.refusal();
      if (halted !== null) return halted;
      if (!checked) return null;
      const verdict = checkOrder(riskOrderOf(request), o.snapshot(request.instrument, replacing), o.limits);
      const reasons = verdict.checks.filter((c) => c.status === 'fail' && !skip.has(c.check)).map((c) => c.detail);
      if (reasons.length === 0) return null;
      const why = reasons.join('; ');
      breaker?.record('risk', `${request.instrument}: ${why}`);
      return why;
    },
    brokerRejected(reason) {
      breaker?.record('broker', reason);
    },
  };
}

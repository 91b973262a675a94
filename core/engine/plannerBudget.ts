/**
 * Fee-inclusive cash needed to buy `qty` of the buy known by `key` (however the caller numbers or names
 * its buys); must be 0 at qty 0 and never fall as qty grows.
 */
export type BuyCost<K = string> = (key: K, qty: number) => number;

/** Proportional passes before the exact per-order fix-up; fees make cost non-linear, so one pass can overshoot. */
const PROPORTIONAL_PASSES = 4;
/** Bisection steps for fractional quantities: enough to reach float resolution. */
const BISECTION_STEPS = 60;
/**
 * Fractional quantities land exactly on the budget, where the caller summing the same costs in
 * another order can cross it by an ulp; they aim this relative hair below it instead.
 */
const FRACTIONAL_SLACK = 1e-12;

/**
 * Largest quantities, each at most the wanted one (`wanted[i]` of the buy `keys[i]`) and a multiple of
 * `lot` (any size when lot is 0), whose summed cost stays within `budget`. Scales everything
 * proportionally first, then shrinks orders one by one, in the given order, until the fee-inclusive total fits.
 */
export function fitBuysToBudget<K>(
  keys: readonly K[],
  wanted: readonly number[],
  budget: number,
  lot: number,
  cost: BuyCost<K>,
): number[] {
  const full = wanted.slice();
  if (totalCost(keys, full, cost) <= budget) return full;
  if (lot <= 0) budget -= Math.abs(budget) * FRACTIONAL_SLACK;
  if (!(budget > 0)) return full.map(() => 0);

  let scale = 1;
  let quantities = full;
  for (let pass = 0; pass < PROPORTIONAL_PASSES; pass++) {
    const total = totalCost(keys, quantities, cost);
    if (total <= budget) return quantities;
    scale *= budget / total;
    quantities = full.map((q) => roundDownToLot(q * scale, lot));
  }

  let remaining = budget;
  return quantities.map((q, i) => {
    const key = keys[i];
    const fitted = cost(key, q) <= remaining ? q : largestAffordable(key, q, remaining, lot, cost);
    remaining -= cost(key, fitted);
    return fitted;
  });
}

/** Rounds a non-negative quantity down to a multiple of `lot`; lot 0 leaves it fractional. */
export function roundDownToLot(qty: number, lot: number): number {
  if (lot <= 0) return qty;
  // Whole shares, the common lot, skip the division (by 1, exact: the same result).
  if (lot === 1) return Math.floor(qty + 1e-9);
  // The epsilon keeps 0.3 / 0.1 = 2.9999999999999996 from losing a whole lot.
  return Math.floor(qty / lot + 1e-9) * lot;
}

function totalCost<K>(keys: readonly K[], quantities: readonly number[], cost: BuyCost<K>): number {
  let total = 0;
  for (let i = 0; i < keys.length; i++) total += cost(keys[i], quantities[i]);
  return total;
}

/** Largest multiple of `lot` (any size when lot is 0) up to `upper` whose cost fits `budget`, by bisection. */
export function largestAffordable<K>(key: K, upper: number, budget: number, lot: number, cost: BuyCost<K>): number {
  if (budget <= 0) return 0;
  if (lot > 0) {
    let lo = 0;
    let hi = Math.round(upper / lot);
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (cost(key, mid * lot) <= budget) lo = mid;
      else hi = mid - 1;
    }
    return lo * lot;
  }
  let lo = 0;
  let hi = upper;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const mid = (lo + hi) / 2;
    if (cost(key, mid) <= budget) lo = mid;
    else hi = mid;
  }
  return lo;
}

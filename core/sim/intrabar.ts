import type { IntrabarPolicy } from '../config/simulatorSchema';

/** An order one bar could fill: at `price`, for a buyer (sign 1) or seller (-1), triggered at `level`. */
export interface IntrabarCandidate {
  price: number;
  sign: 1 | -1;
  level: number;
}

/** The trader's value of a fill: a seller gets the price, a buyer pays it. */
const value = (c: IntrabarCandidate): number => -c.sign * c.price;

function worst(cs: readonly IntrabarCandidate[]): number {
  let k = 0;
  for (let i = 1; i < cs.length; i++) if (value(cs[i]) < value(cs[k])) k = i;
  return k;
}

/**
 * Which of several orders of one OCO group the bar reached first, by the policy; the others then get
 * what the group leaves them. finer_bars is decided by the caller from the lower-size bars and comes
 * here only where they cannot tell, as worst_case.
 */
export function firstReached(policy: IntrabarPolicy, cs: readonly IntrabarCandidate[], open: number): number {
  if (policy === 'best_case') {
    let k = 0;
    for (let i = 1; i < cs.length; i++) if (value(cs[i]) > value(cs[k])) k = i;
    return k;
  }
  if (policy === 'open_distance') {
    let best = Number.POSITIVE_INFINITY;
    for (const c of cs) best = Math.min(best, Math.abs(c.level - open));
    // Levels equally far from the open (both gapped through, say): the worse one, as worst_case would.
    let k = -1;
    for (let i = 0; i < cs.length; i++) {
      if (Math.abs(cs[i].level - open) === best && (k < 0 || value(cs[i]) < value(cs[k]))) k = i;
    }
    return k;
  }
  return worst(cs);
}

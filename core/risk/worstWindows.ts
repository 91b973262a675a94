export interface WorstWindow {
  /** Sessions in the window. */
  days: number;
  /** The close the window starts from and the close it ends at. */
  fromTs: number;
  toTs: number;
  /** Compounded return over the window (negative is a loss). */
  return: number;
}

/**
 * The worst `days`-session portfolio return in the curve (overlapping windows, close to close), or
 * null when the curve is shorter than the window.
 */
export function worstWindow(ts: readonly number[], equity: readonly number[], days: number): WorstWindow | null {
  if (!Number.isInteger(days) || days < 1) throw new Error(`window must be a positive integer of sessions, got ${days}`);
  let worst: WorstWindow | null = null;
  for (let end = days; end < equity.length; end++) {
    const r = equity[end] / equity[end - days] - 1;
    if (worst === null || r < worst.return) worst = { days, fromTs: ts[end - days], toTs: ts[end], return: r };
  }
  return worst;
}

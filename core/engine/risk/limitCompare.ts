// Made once: toLocaleString builds a formatter on every call, which costs about 50 us each.
const USD = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const NUM = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Amounts in reasons: grouped, two decimals, the same on every machine. */
export function usd(x: number): string {
  return USD.format(x);
}

/** Units and ratios in reasons: as many decimals as they need, up to six. */
export function num(x: number): string {
  return NUM.format(x);
}

/** `value <= limit`, forgiving float noise of the order of 1e-9 relative, so a limit hit exactly passes. */
export function withinLimit(value: number, limit: number): boolean {
  return value <= limit + 1e-9 * Math.max(1, Math.abs(limit));
}

export interface PeriodReturnsResult {
  monthly: { year: number; month: number; returnPct: number }[];
  yearly: { year: number; returnPct: number; benchmarkPct: number | null }[];
}

/**
 * Calendar-month and calendar-year returns of an equity curve (UTC calendar): each period's last
 * equity over the previous period's last equity (the first period over the initial cash), minus one.
 */
export function periodReturns(
  ts: ArrayLike<number>,
  equity: ArrayLike<number>,
  benchmark: ArrayLike<number | null>,
  initialCash: number,
): PeriodReturnsResult {
  const monthly: PeriodReturnsResult['monthly'] = [];
  const yearly: PeriodReturnsResult['yearly'] = [];
  let monthBase = initialCash;
  let yearBase = initialCash;
  let benchBase: number | null = initialCash;
  for (let i = 0; i < ts.length; i++) {
    const d = new Date(ts[i]);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    const last = i === ts.length - 1;
    const next = last ? null : new Date(ts[i + 1]);
    if (last || next?.getUTCMonth() !== d.getUTCMonth() || next.getUTCFullYear() !== year) {
      monthly.push({ year, month, returnPct: (equity[i] / monthBase - 1) * 100 });
      monthBase = equity[i];
    }
    if (last || next?.getUTCFullYear() !== year) {
      const b = benchmark[i];
      const benchmarkPct = b === null || benchBase === null || !Number.isFinite(b) ? null : (b / benchBase - 1) * 100;
      yearly.push({ year, returnPct: (equity[i] / yearBase - 1) * 100, benchmarkPct });
      yearBase = equity[i];
      benchBase = b;
    }
  }
  return { monthly, yearly };
}

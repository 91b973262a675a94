/** One order as execution analytics reads it, in any mode. */
export interface ExecOrder {
  type: string;
  side: 'BUY' | 'SELL';
  quantity: number;
  filledQuantity: number;
  avgFillPrice: number;
  status: string;
  createdAt: number;
  /** When its first fill came; null when it never filled. */
  firstFillAt: number | null;
  /** The price when the order was decided (a backtest's or session's decision close, the quote at a ticket's click); null: unknown. */
  arrivalPrice: number | null;
  /** The market's reference when it went out (a live quote; a backtest fill's quoted price); null: unknown. */
  referencePrice: number | null;
}

export interface SlippageStats {
  /** Fills measured. */
  count: number;
  meanBps: number | null;
  medianBps: number | null;
  p95Bps: number | null;
  /** Counts per bucket of `BIN_BPS` basis points, from `fromBps`. */
  histogram: { fromBps: number; toBps: number; count: number }[];
}

export interface ShortfallRow {
  label: string;
  orders: number;
  filled: number;
  /** Value-weighted cost of the filled quantity against the arrival price, in bps (positive: worse for the trader). */
  shortfallBps: number | null;
}

export interface ExecutionAnalytics {
  orders: number;
  filled: number;
  /** Orders with any fill / orders that ended or work. */
  fillRate: number | null;
  medianTimeToFillMs: number | null;
  vsArrival: SlippageStats;
  vsReference: SlippageStats;
  byType: ShortfallRow[];
  bySize: ShortfallRow[];
}

const BIN_BPS = 5;
const MAX_BINS = 40;
/** Order value buckets: what a fill costs tends to grow with its size. */
const SIZE_EDGES = [1_000, 10_000, 100_000, 1_000_000];

const bps = (side: 'BUY' | 'SELL', price: number, ref: number | null): number | null =>
  ref === null || !(ref > 0) || !(price > 0) ? null : ((side === 'BUY' ? 1 : -1) * (price - ref) * 1e4) / ref;

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

function stats(values: number[]): SlippageStats {
  const sorted = [...values].sort((a, b) => a - b);
  const histogram: SlippageStats['histogram'] = [];
  if (sorted.length > 0) {
    // Bins around the middle of the distribution; the outer bins take the tails.
    const lo = Math.floor((quantile(sorted, 0.01) as number) / BIN_BPS) * BIN_BPS;
    const hi = Math.max(lo + BIN_BPS, Math.ceil((quantile(sorted, 0.99) as number) / BIN_BPS) * BIN_BPS);
    const width = Math.max(BIN_BPS, Math.ceil((hi - lo) / MAX_BINS / BIN_BPS) * BIN_BPS);
    const bins = Math.max(1, Math.ceil((hi - lo) / width));
    for (let i = 0; i < bins; i++) histogram.push({ fromBps: lo + i * width, toBps: lo + (i + 1) * width, count: 0 });
    for (const v of sorted) histogram[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))].count++;
  }
  return {
    count: sorted.length,
    meanBps: sorted.length > 0 ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null,
    medianBps: quantile(sorted, 0.5),
    p95Bps: quantile(sorted, 0.95),
    histogram,
  };
}

function sizeLabel(value: number): string {
  const k = SIZE_EDGES.findIndex((e) => value < e);
  const money = (x: number): string => (x >= 1_000_000 ? `$${x / 1_000_000}M` : `$${x / 1_000}k`);
  if (k === 0) return `< ${money(SIZE_EDGES[0])}`;
  if (k < 0) return `≥ ${money(SIZE_EDGES[SIZE_EDGES.length - 1])}`;
  return `${money(SIZE_EDGES[k - 1])}–${money(SIZE_EDGES[k])}`;
}

class Shortfall {
  private readonly rows = new Map<string, { orders: number; filled: number; cost: number; value: number }>();
  add(label: string, o: ExecOrder, cost: number | null): void {
    const r = this.rows.get(label) ?? { orders: 0, filled: 0, cost: 0, value: 0 };
    r.orders++;
    if (o.filledQuantity > 0) r.filled++;
    if (cost !== null) {
      const value = o.filledQuantity * o.avgFillPrice;
      r.cost += (cost * value) / 1e4;
      r.value += value;
    }
    this.rows.set(label, r);
  }
  out(order?: readonly string[]): ShortfallRow[] {
    const labels = order ? order.filter((l) => this.rows.has(l)) : [...this.rows.keys()].sort();
    return labels.map((label) => {
      const r = this.rows.get(label) as { orders: number; filled: number; cost: number; value: number };
      return { label, orders: r.orders, filled: r.filled, shortfallBps: r.value > 0 ? (r.cost / r.value) * 1e4 : null };
    });
  }
}

/** Slippage against the arrival price and the reference quote, shortfall by order type and size, fill rate and time to fill. */
export function executionAnalytics(orders: Iterable<ExecOrder>): ExecutionAnalytics {
  const vsArrival: number[] = [];
  const vsReference: number[] = [];
  const toFill: number[] = [];
  const byType = new Shortfall();
  const bySize = new Shortfall();
  let n = 0;
  let filled = 0;
  for (const o of orders) {
    n++;
    const arrival = o.filledQuantity > 0 ? bps(o.side, o.avgFillPrice, o.arrivalPrice) : null;
    const reference = o.filledQuantity > 0 ? bps(o.side, o.avgFillPrice, o.referencePrice) : null;
    if (o.filledQuantity > 0) filled++;
    if (arrival !== null) vsArrival.push(arrival);
    if (reference !== null) vsReference.push(reference);
    // TWS stamps executions to the second: a fill can look older than its order by a fraction of one.
    if (o.firstFillAt !== null) toFill.push(Math.max(0, o.firstFillAt - o.createdAt));
    byType.add(o.type, o, arrival);
    const price = o.arrivalPrice ?? (o.avgFillPrice > 0 ? o.avgFillPrice : null);
    bySize.add(price === null ? 'unknown' : sizeLabel(o.quantity * price), o, arrival);
  }
  toFill.sort((a, b) => a - b);
  const sizeOrder = [sizeLabel(0), ...SIZE_EDGES.map((e) => sizeLabel(e)), 'unknown'];
  return {
    orders: n,
    filled,
    fillRate: n > 0 ? filled / n : null,
    medianTimeToFillMs: quantile(toFill, 0.5),
    vsArrival: stats(vsArrival),
    vsReference: stats(vsReference),
    byType: byType.out(),
    bySize: bySize.out(sizeOrder),
  };
}

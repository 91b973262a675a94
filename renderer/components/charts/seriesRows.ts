/** The engine sends series as parallel arrays; recharts wants one object per point. */

export interface EquityPoint {
  t: number;
  equity: number;
  benchmark: number | null;
  drawdownPct: number;
}

export function equityPoints(curve: {
  ts: readonly number[];
  equity: readonly number[];
  benchmark: readonly (number | null)[];
  drawdownPct: readonly number[];
}): EquityPoint[] {
  const out = new Array<EquityPoint>(curve.ts.length);
  for (let i = 0; i < curve.ts.length; i++) {
    out[i] = { t: curve.ts[i], equity: curve.equity[i], benchmark: curve.benchmark[i] ?? null, drawdownPct: curve.drawdownPct[i] };
  }
  return out;
}

export interface PricePoint {
  t: number;
  close: number;
}

export function pricePoints(series: { ts: readonly number[]; close: readonly number[] }): PricePoint[] {
  const out = new Array<PricePoint>(series.ts.length);
  for (let i = 0; i < series.ts.length; i++) out[i] = { t: series.ts[i], close: series.close[i] };
  return out;
}

export interface TradeMarker {
  t: number;
  price: number;
  quantity: number;
  /** Fills this mark stands for (more than one once thinned). */
  count: number;
}

/** Fills split by side: buys and sells draw as different marks. */
export function splitMarkers(markers: readonly { ts: number; side: 'BUY' | 'SELL'; price: number; quantity: number }[]): {
  buys: TradeMarker[];
  sells: TradeMarker[];
} {
  const buys: TradeMarker[] = [];
  const sells: TradeMarker[] = [];
  for (const m of markers) (m.side === 'BUY' ? buys : sells).push({ t: m.ts, price: m.price, quantity: m.quantity, count: 1 });
  return { buys, sells };
}

/**
 * At most one mark per time bucket: a run that trades every day puts thousands of fills on one
 * symbol, more SVG marks than the chart has pixels. Each bucket keeps its first date, the
 * volume-weighted price and the summed quantity.
 */
export function thinMarkers(markers: readonly TradeMarker[], domain: [number, number], buckets: number): TradeMarker[] {
  if (markers.length <= buckets) return [...markers];
  const [lo, hi] = domain;
  const width = hi > lo ? (hi - lo) / buckets : 1;
  const out: TradeMarker[] = [];
  let current = -1;
  let value = 0;
  for (const m of markers) {
    const b = Math.min(buckets - 1, Math.max(0, Math.floor((m.t - lo) / width)));
    const last = out[out.length - 1];
    if (b === current && last) {
      value += m.price * m.quantity;
      last.quantity += m.quantity;
      last.count += m.count;
      last.price = last.quantity > 0 ? value / last.quantity : m.price;
    } else {
      current = b;
      value = m.price * m.quantity;
      out.push({ ...m });
    }
  }
  return out;
}

/**
 * The x of the point a chart event landed on. recharts reports the active tooltip index (a number,
 * or its string form); the date is read from the data so it is exactly one the engine sent.
 */
export function pointAt<P extends { t: number }>(points: readonly P[], activeIndex: unknown): P | null {
  const i = typeof activeIndex === 'number' ? activeIndex : typeof activeIndex === 'string' ? Number(activeIndex) : NaN;
  return Number.isInteger(i) && i >= 0 && i < points.length ? points[i] : null;
}

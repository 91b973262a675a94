import { useMemo, useState } from 'react';
import { PriceChart } from '../../components/charts/PriceChart';
import { pricePoints, splitMarkers } from '../../components/charts/seriesRows';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtInt } from '../../components/common/format';
import { usePrices } from './queries';

/** One symbol's closes with the run's buys and sells on them; a picker chooses the symbol. */
export function PriceSection({ runId, symbols }: { runId: string; symbols: readonly string[] }) {
  const [symbol, setSymbol] = useState<string | null>(symbols[0] ?? null);
  const prices = usePrices(runId, symbol);
  const points = useMemo(() => (prices.data ? pricePoints(prices.data) : []), [prices.data]);
  const markers = useMemo(() => splitMarkers(prices.data?.markers ?? []), [prices.data]);

  return (
    <section className="card chart-card" aria-labelledby="price-title">
      <div className="chart-card__head">
        <h2 id="price-title">Price</h2>
        <label className="visually-hidden" htmlFor="price-symbol">
          Symbol
        </label>
        <select
          id="price-symbol"
          className="select select--small"
          data-testid="symbol-picker"
          value={symbol ?? ''}
          onChange={(e) => setSymbol(e.target.value)}
          disabled={symbols.length === 0}
        >
          {symbols.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <span className="legend">
          <span className="legend__marker pos">▲</span> {fmtInt(markers.buys.length)} buys
        </span>
        <span className="legend">
          <span className="legend__marker neg">▼</span> {fmtInt(markers.sells.length)} sells
        </span>
      </div>
      <ErrorNote error={prices.error} what="Could not load prices" />
      {points.length > 0 && <PriceChart points={points} buys={markers.buys} sells={markers.sells} />}
    </section>
  );
}

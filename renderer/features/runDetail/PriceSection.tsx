import { useEffect, useMemo, useState } from 'react';
import { PriceCandleChart, type PriceData } from '../../components/charts/PriceCandleChart';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtInt } from '../../components/common/format';
import { tradeIdOf, useSelectedTradeId, useSelectedTradeStore } from '../../stores/selectedTradeStore';
import { mergedNote, runCandles } from './priceBars';
import { priceMarkers } from './priceMarkers';
import { usePriceDecimals, usePrices } from './queries';
import { useAnalysisTrades } from './tradeAnalysis/useAnalysisTrades';

/** One symbol's candles and volume with the run's trades on them; a picker chooses the symbol. */
export function PriceSection({ runId, symbols }: { runId: string; symbols: readonly string[] }) {
  const [symbol, setSymbol] = useState<string | null>(symbols[0] ?? null);
  const prices = usePrices(runId, symbol);
  const decimals = usePriceDecimals(runId);
  // The same query as the trade analysis panel's: loaded once, shared through the cache.
  const trades = useAnalysisTrades(runId);
  const selected = useSelectedTradeId(runId);
  const toggle = useSelectedTradeStore((s) => s.toggle);
  const enterRun = useSelectedTradeStore((s) => s.enterRun);
  useEffect(() => enterRun(runId), [enterRun, runId]);
  // A trade picked elsewhere (table, scatter) in another symbol brings its symbol up.
  useEffect(() => {
    const trade = selected === null ? undefined : trades.data?.trades.find((t) => tradeIdOf(t) === selected);
    if (trade && symbols.includes(trade.instrument)) setSymbol(trade.instrument);
  }, [selected, trades.data, symbols]);
  // Candles with volume, as on the Data screen; a long run's bars come merged (see the note below the chart).
  const data = useMemo<PriceData | null>(() => (prices.data ? { kind: 'candles', bars: runCandles(prices.data) } : null), [prices.data]);
  const note = prices.data ? mergedNote(prices.data.barsPerCandle) : null;
  const markers = useMemo(() => priceMarkers(symbol, trades.data?.trades, prices.data?.markers ?? []), [symbol, trades.data, prices.data]);
  const buys = markers.filter((m) => m.side === 'BUY').length;

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
          <span className="legend__marker pos">▲</span> {fmtInt(buys)} buys
        </span>
        <span className="legend">
          <span className="legend__marker neg">▼</span> {fmtInt(markers.length - buys)} sells
        </span>
      </div>
      <ErrorNote error={prices.error} what="Could not load prices" />
      {data && prices.data && prices.data.ts.length > 0 && (
        <PriceCandleChart
          data={data}
          markers={markers}
          selectedTradeId={selected}
          onSelectTrade={toggle}
          syncGroup={`run-${runId}`}
          priceDecimals={symbol === null ? undefined : decimals.data?.[symbol]}
          testId="price-chart"
        />
      )}
      {note && (
        <p className="muted chart-card__note" data-testid="price-merged">
          {note}
        </p>
      )}
    </section>
  );
}

import { useState } from 'react';
import type { SeriesInfoDto } from '../../../core/ipc/contract/data';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtInt } from '../../components/common/format';
import { barSizeChoices, choiceSeconds, NATIVE, requestedBarSize } from './barSizes';
import { CandleChart } from './CandleChart';
import { candleLabel } from './candleLabel';
import { dayEnd, dayStart, fmtBarStamp } from './coverage';
import { CHART_BARS, useBars } from './dataQueries';

/** The chosen series as candles: bar size and date range picked here, bars from the engine. */
export function ChartPanel({ series }: { series: SeriesInfoDto }) {
  const [choice, setChoice] = useState(NATIVE);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const from = dayStart(fromText) ?? undefined;
  const to = dayEnd(toText) ?? undefined;
  const view = useBars({ symbol: series.symbol, barSize: requestedBarSize(choice, series), from, to });
  const bars = view.data?.bars ?? [];
  const seconds = choiceSeconds(choice, series);

  return (
    <section className="card data-chart" aria-labelledby="data-chart-title" data-testid="data-chart" data-symbol={series.symbol}>
      <div className="card__head">
        <h2 id="data-chart-title">
          {series.symbol} <span className="muted">{view.data?.barSize ?? requestedBarSize(choice, series)}</span>
        </h2>
        {view.data && (
          <span className={view.data.barsPerCandle > 1 ? 'data-chart__merged' : 'muted'} data-testid="candle-size">
            {candleLabel(view.data.barSize, view.data.barsPerCandle)}
          </span>
        )}
        <label className="data-control">
          <span>Bar size</span>
          <select className="select" value={choice} data-testid="chart-bar-size" onChange={(e) => setChoice(e.target.value)}>
            {barSizeChoices(series).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="data-control">
          <span>From</span>
          <input className="input" type="date" value={fromText} data-testid="chart-from" onChange={(e) => setFromText(e.target.value)} />
        </label>
        <label className="data-control">
          <span>To</span>
          <input className="input" type="date" value={toText} data-testid="chart-to" onChange={(e) => setToText(e.target.value)} />
        </label>
        {(fromText || toText) && (
          <button type="button" className="btn btn--small btn--ghost" onClick={() => (setFromText(''), setToText(''))}>
            Whole series
          </button>
        )}
      </div>
      <ErrorNote error={view.error} what="The bars could not be loaded" />
      {view.data && bars.length === 0 && <div className="empty">No bars in this range.</div>}
      {bars.length > 0 && <CandleChart bars={bars} barSeconds={seconds} />}
      {view.data && bars.length > 0 && (
        <p className="muted data-chart__foot" data-testid="chart-foot">
          {fmtInt(bars.length)} bars, {fmtBarStamp(bars[0].ts, seconds)} → {fmtBarStamp(bars[bars.length - 1].ts, seconds)}
          {view.data.resampled && ` · resampled from ${view.data.source.barSize}`}
          {view.data.downsampled &&
            ` · runs of ${fmtInt(view.data.barsPerCandle)} ${view.data.barSize} bars merged into each candle to fit ${CHART_BARS}; narrow the range for every bar`}
        </p>
      )}
      {!view.data && !view.error && <div className="chart-placeholder muted">Loading bars…</div>}
    </section>
  );
}

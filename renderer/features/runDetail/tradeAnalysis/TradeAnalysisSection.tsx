import { useEffect, useMemo, useState } from 'react';
import { ErrorNote } from '../../../components/common/ErrorNote';
import { fmtInt, fmtNumber, fmtSignedPct, signClass } from '../../../components/common/format';
import { tradeIdOf, useSelectedTradeId, useSelectedTradeStore } from '../../../stores/selectedTradeStore';
import { PnlHistogram } from './PnlHistogram';
import { filterOptions, filterTrades, NO_FILTER, pnlHistogram, scatterPoints, type TradeFilter } from './tradeAnalysis';
import { TradeFilters } from './TradeFilters';
import { TradeScatter } from './TradeScatter';
import { MAX_ANALYSED, useAnalysisTrades } from './useAnalysisTrades';
import './tradeAnalysis.css';

const average = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Trade analysis: the MAE/MFE scatter and the P&L distribution of the trades the filters keep. */
export function TradeAnalysisSection({ runId }: { runId: string }) {
  const query = useAnalysisTrades(runId);
  const [filter, setFilter] = useState<TradeFilter>(NO_FILTER);
  const selectedId = useSelectedTradeId(runId);
  const select = useSelectedTradeStore((s) => s.select);
  const enterRun = useSelectedTradeStore((s) => s.enterRun);
  useEffect(() => enterRun(runId), [enterRun, runId]);

  const all = query.data?.trades;
  const options = useMemo(() => filterOptions(all ?? []), [all]);
  const kept = useMemo(() => filterTrades(all ?? [], filter), [all, filter]);
  const points = useMemo(() => scatterPoints(kept, tradeIdOf), [kept]);
  const bins = useMemo(() => pnlHistogram(kept.map((t) => t.pnl ?? 0)), [kept]);
  const avgMae = average(points.map((p) => -p.maePct));
  const avgMfe = average(points.map((p) => p.mfePct));
  const net = kept.reduce((s, t) => s + (t.pnl ?? 0), 0);

  return (
    <section className="card trade-analysis" aria-labelledby="trade-analysis-title" data-testid="trade-analysis">
      <div className="chart-card__head">
        <h2 id="trade-analysis-title">Trade analysis</h2>
        {query.data && (
          <span className="muted" data-testid="trade-analysis-count">
            {fmtInt(kept.length)} of {fmtInt(query.data.trades.length)} trades · net <span className={signClass(net)}>{fmtNumber(net)}</span> · avg MAE{' '}
            {fmtSignedPct(avgMae)} · avg MFE {fmtSignedPct(avgMfe)}
            {query.data.total > MAX_ANALYSED && ` · first ${fmtInt(MAX_ANALYSED)} of ${fmtInt(query.data.total)}`}
          </span>
        )}
      </div>
      <ErrorNote error={query.error} what="Could not load trades" />
      {all && (
        <>
          <TradeFilters filter={filter} symbols={options.symbols} reasons={options.reasons} onChange={setFilter} />
          {kept.length === 0 ? (
            <p className="muted">No trades match these filters.</p>
          ) : (
            <div className="trade-analysis__charts">
              <div>
                <h3 className="trade-analysis__sub">MAE vs MFE (% of entry value)</h3>
                {points.length === 0 ? (
                  <p className="muted">These trades were stored before excursions were kept.</p>
                ) : (
                  <TradeScatter points={points} selectedId={selectedId} onSelect={select} />
                )}
              </div>
              <div>
                <h3 className="trade-analysis__sub">Net P&amp;L distribution</h3>
                <PnlHistogram bins={bins} />
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}

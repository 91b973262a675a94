import { useEffect, useMemo } from 'react';
import { useCompare } from '../../api/backtests';
import { ErrorNote } from '../../components/common/ErrorNote';
import { fmtPeriod } from '../../components/common/format';
import { MAX_COMPARE, MIN_COMPARE, useCompareStore } from '../../stores/compareStore';
import { navigate } from '../../stores/routeStore';
import './compare.css';
import { CompareChart, type CompareSeries } from './CompareChart';
import { CompareAssumptions, CompareWarnings } from './CompareDifferences';
import { overlayRows } from './compareData';
import { CompareMetrics } from './CompareMetrics';
import { ComparePicker } from './ComparePicker';

const SERIES_VARS = ['--series-1', '--series-2', '--series-3', '--series-4'];
const SERIES_FALLBACK = ['#2962ff', '#f7a600', '#089981', '#e040fb'];

function seriesColours(): string[] {
  const style = getComputedStyle(document.documentElement);
  return SERIES_VARS.map((v, i) => style.getPropertyValue(v).trim() || SERIES_FALLBACK[i]);
}

export function CompareScreen({ ids }: { ids: string[] }) {
  const setSelected = useCompareStore((s) => s.set);
  // Two to four runs, however the address was written: more goes back to the pick with the first four ticked.
  const ready = ids.length >= MIN_COMPARE && ids.length <= MAX_COMPARE;
  const compare = useCompare(ready ? ids : []);

  // The list's ticks follow what is being compared, so going back keeps the selection. The effect keys
  // on the ids' text: the route hands a new array on every render.
  const idsKey = ids.join(',');
  useEffect(() => {
    if (idsKey !== '') setSelected(idsKey.split(','));
  }, [idsKey, setSelected]);

  const colours = useMemo(seriesColours, []);
  const data = compare.data;
  const series = useMemo<CompareSeries[]>(() => (data ? data.runs.map((r, i) => ({ runId: r.id, name: r.name, colour: colours[i % colours.length] })) : []), [data, colours]);
  const rows = useMemo(() => (data ? overlayRows(data.curves) : []), [data]);

  if (!ready) return <ComparePicker tooMany={ids.length > MAX_COMPARE ? ids.length : null} />;

  const without = (id: string): void => navigate({ name: 'compare', ids: ids.filter((x) => x !== id) });

  return (
    <div>
      <div className="screen-head">
        <h1>Compare</h1>
        <button type="button" className="btn btn--ghost" onClick={() => navigate({ name: 'compare', ids: [] })}>
          Change selection
        </button>
      </div>
      <ErrorNote error={compare.error} what="The runs could not be compared" />
      {compare.isPending && !compare.error && <p className="muted">Loading…</p>}
      {data && (
        <div className="stack">
          <div className="legend" data-testid="compare-legend">
            {data.runs.map((r, i) => (
              <div key={r.id} className="legend__item" data-testid="compare-run">
                <span className="swatch" style={{ background: series[i]?.colour }} />
                <a href={`#/runs/${r.id}`} className="legend__name">
                  {r.name}
                </a>
                <span className="muted">
                  {r.strategy} · {fmtPeriod(r.periodStart, r.periodEnd)}
                </span>
                {ids.length > MIN_COMPARE && (
                  <button type="button" className="btn btn--small btn--ghost" aria-label={`Remove ${r.name}`} onClick={() => without(r.id)}>
                    ×
                  </button>
                )}
              </div>
            ))}
          </div>
          <CompareWarnings runs={data.runs} />
          <section className="card">
            <div className="card__head">
              <h2>Equity, normalised</h2>
              <span className="muted">return on initial cash</span>
            </div>
            <CompareChart rows={rows} series={series} />
          </section>
          <CompareMetrics runs={data.runs} series={series} />
          <CompareAssumptions runs={data.runs} series={series} />
        </div>
      )}
    </div>
  );
}

import { useId, useState, type ReactNode } from 'react';
import type { ExecutionAnalyticsDto } from '../../../core/ipc/contract/execution';
import { fmtInt } from '../../components/common/format';
import { bpsTone, executionNotes, fmtBps, fmtRate, fmtWait, SERIES_HINT, SERIES_LABEL, statsOf, type SlippageSeries } from './executionFormat';
import { SlippageHistogram } from './SlippageHistogram';
import './execution.css';

type ShortfallRow = ExecutionAnalyticsDto['byType'][number];

function Tile({ id, label, value, tone = '', sub, title }: { id: string; label: string; value: string; tone?: string; sub?: ReactNode; title?: string }) {
  return (
    <div className="exec-tiles__item figure" data-testid={`exec-${id}`} title={title}>
      <dt>{label}</dt>
      <dd className={`num ${tone}`} data-testid={`exec-${id}-value`}>
        {value}
      </dd>
      {sub !== undefined && <dd className="figure__sub">{sub}</dd>}
    </div>
  );
}

/** A captioned row of three figures. */
function TileGroup({ id, caption, title, children }: { id: string; caption: ReactNode; title?: string; children: ReactNode }) {
  return (
    <div className="exec-tiles__group" data-testid={`exec-${id}`} title={title}>
      <div className="exec-tiles__caption">{caption}</div>
      <dl className="exec-tiles__figures">{children}</dl>
    </div>
  );
}

function SlippageTiles({ analytics, series }: { analytics: ExecutionAnalyticsDto; series: SlippageSeries }) {
  const s = statsOf(analytics, series);
  const fills = s.count === 0 ? 'no fill measured' : `${fmtInt(s.count)} ${s.count === 1 ? 'fill' : 'fills'}`;
  return (
    <TileGroup
      id={series}
      title={SERIES_HINT[series]}
      caption={
        <>
          Slippage {SERIES_LABEL[series]} <span className="muted">· {fills}</span>
        </>
      }
    >
      <Tile id={`${series}-mean`} label="Mean" value={fmtBps(s.meanBps)} tone={bpsTone(s.meanBps)} />
      <Tile id={`${series}-median`} label="Median" value={fmtBps(s.medianBps)} tone={bpsTone(s.medianBps)} />
      <Tile id={`${series}-p95`} label="95th pct" value={fmtBps(s.p95Bps)} tone={bpsTone(s.p95Bps)} />
    </TileGroup>
  );
}

function ShortfallTable({ title, first, rows, testId }: { title: string; first: string; rows: readonly ShortfallRow[]; testId: string }) {
  return (
    <div className="exec-shortfall">
      <h3 className="exec-view__sub">{title}</h3>
      {rows.length === 0 ? (
        <p className="muted exec-view__empty">No orders.</p>
      ) : (
        <table className="table exec-table" data-testid={testId}>
          <thead>
            <tr>
              <th>{first}</th>
              <th className="num">Orders</th>
              <th className="num">Filled</th>
              <th className="num" title="Value-weighted cost of the filled quantity against the arrival price. Positive: worse for the trader.">
                Shortfall
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} data-testid={`${testId}-row`} data-label={r.label}>
                <td className="cell-name" data-col="label">
                  {r.label}
                </td>
                <td className="num" data-col="orders">
                  {fmtInt(r.orders)}
                </td>
                <td className="num" data-col="filled">
                  {fmtInt(r.filled)}
                </td>
                <td className={`num ${bpsTone(r.shortfallBps)}`} data-col="shortfall">
                  {fmtBps(r.shortfallBps)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * How orders were executed, the same for a backtest, a strategy session and manual trading: fill
 * rate and time to fill, slippage against the arrival price and the reference quote (mean, median,
 * 95th percentile and its distribution), and the implementation shortfall by order type and size.
 * Figures there is nothing to compute from show "—", with a note saying why.
 */
export function ExecutionAnalyticsView({ analytics: a }: { analytics: ExecutionAnalyticsDto }) {
  const [series, setSeries] = useState<SlippageSeries>('arrival');
  const name = useId();
  const stats = statsOf(a, series);
  const notes = executionNotes(a);
  return (
    <div className="exec-view" data-testid="execution-view">
      <div className="exec-tiles" data-testid="exec-tiles">
        <TileGroup id="fills" caption="Fills">
          <Tile id="orders" label="Orders" value={fmtInt(a.orders)} sub={`${fmtInt(a.filled)} filled`} />
          <Tile id="fill-rate" label="Fill rate" value={fmtRate(a.fillRate)} title="Orders with any fill, of all orders" />
          <Tile id="time-to-fill" label="Median to fill" value={fmtWait(a.medianTimeToFillMs)} title="Median time from an order’s creation to its first fill" />
        </TileGroup>
        <SlippageTiles analytics={a} series="arrival" />
        <SlippageTiles analytics={a} series="reference" />
      </div>
      {notes.length > 0 && (
        <ul className="exec-view__notes muted" data-testid="exec-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div className="exec-view__grid">
        <div className="exec-view__dist">
          <div className="exec-view__head">
            <h3 className="exec-view__sub">Slippage distribution (bps, positive costs the trader)</h3>
            <div className="segmented" role="radiogroup" aria-label="Slippage against">
              {(['arrival', 'reference'] as const).map((k) => (
                <label key={k} className="segmented__item" data-checked={series === k} title={SERIES_HINT[k]}>
                  <input type="radio" name={name} value={k} checked={series === k} data-testid={`exec-series-${k}`} onChange={() => setSeries(k)} />
                  {SERIES_LABEL[k]}
                </label>
              ))}
            </div>
          </div>
          {stats.histogram.length === 0 ? (
            <p className="muted exec-view__empty" data-testid="exec-histogram-empty">
              No fill measured {SERIES_LABEL[series]}: nothing to plot.
            </p>
          ) : (
            <SlippageHistogram bins={stats.histogram} series={series} />
          )}
        </div>
        <div className="exec-view__tables">
          <ShortfallTable title="Implementation shortfall by order type" first="Type" rows={a.byType} testId="exec-by-type" />
          <ShortfallTable title="Implementation shortfall by order size" first="Order value" rows={a.bySize} testId="exec-by-size" />
        </div>
      </div>
    </div>
  );
}

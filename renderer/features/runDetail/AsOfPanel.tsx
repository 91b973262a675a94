import { fmtDate } from '../../components/common/format';
import { ErrorNote } from '../../components/common/ErrorNote';
import { MiniTable } from '../../components/table/MiniTable';
import { useAsOf } from './queries';
import { orderColumns } from './tables/orderColumns';
import { positionColumns } from './tables/positionColumns';

/** The columns that fit the narrow panel. */
const pick = <C extends { id: string }>(cols: readonly C[], ids: readonly string[]): C[] =>
  ids.map((id) => cols.find((c) => c.id === id)).filter((c): c is C => c !== undefined);
const ASOF_POSITION_COLUMNS = pick(positionColumns, ['instrument', 'quantity', 'avgCost', 'marketValue', 'unrealizedPnl']);
const ASOF_ORDER_COLUMNS = pick(orderColumns, ['instrument', 'side', 'quantity', 'status', 'reason']);

interface AsOfPanelProps {
  runId: string;
  ts: number | null;
  period: [number, number];
  onPick: (ts: number) => void;
  onClose: () => void;
}

/** A date field: the keyboard's way to pick a session, beside clicking the chart. */
function DatePick({ ts, period, onPick }: { ts: number | null; period: [number, number]; onPick: (ts: number) => void }) {
  return (
    <input
      type="date"
      className="input input--date"
      aria-label="Session date"
      data-testid="asof-date-input"
      min={fmtDate(period[0])}
      max={fmtDate(period[1])}
      value={ts === null ? '' : fmtDate(ts)}
      onChange={(e) => {
        // The end of the chosen day: the session on that date, or the last one before it.
        const t = Date.parse(`${e.target.value}T23:59:59.999Z`);
        if (Number.isFinite(t)) onPick(t);
      }}
    />
  );
}

/** Positions held and orders created on the session picked on the equity chart. */
export function AsOfPanel({ runId, ts, period, onPick, onClose }: AsOfPanelProps) {
  const asOf = useAsOf(runId, ts);
  if (ts === null) {
    return (
      <section className="card side-card" data-testid="asof-panel" data-state="empty">
        <h2 className="side-card__title">As of a date</h2>
        <p className="muted">Click a date on the equity chart, or pick one here, to see the positions held and the orders placed that session.</p>
        <DatePick ts={ts} period={period} onPick={onPick} />
      </section>
    );
  }
  const data = asOf.data;
  return (
    <section className="card side-card" data-testid="asof-panel" data-state={asOf.isFetching ? 'loading' : 'ready'} aria-live="polite">
      <div className="side-card__head">
        <h2 className="side-card__title">
          As of <span data-testid="asof-date">{data ? fmtDate(data.sessionTs) : fmtDate(ts)}</span>
        </h2>
        <button type="button" className="btn btn--ghost btn--small" aria-label="Close the as-of panel" onClick={onClose}>
          ✕
        </button>
      </div>
      <DatePick ts={ts} period={period} onPick={onPick} />
      <ErrorNote error={asOf.error} what="Could not load that session" />
      {data && data.sessionTs === null && <p className="muted">The run had not started on that date.</p>}
      {data && (
        <>
          <h3 className="side-card__sub">Positions ({data.positions.length})</h3>
          {data.positions.length === 0 ? (
            <p className="muted">Flat.</p>
          ) : (
            <MiniTable columns={ASOF_POSITION_COLUMNS} rows={data.positions} rowKey={(p) => p.instrument} testId="asof-positions" />
          )}
          <h3 className="side-card__sub">Orders that session ({data.orders.length})</h3>
          {data.orders.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <MiniTable columns={ASOF_ORDER_COLUMNS} rows={data.orders} rowKey={(o) => o.id} testId="asof-orders" />
          )}
        </>
      )}
    </section>
  );
}

import type { ReactNode } from 'react';
import type { SessionDetailDto } from '../../../core/ipc/contract/sessions';
import { fmtDuration, fmtInt } from '../../components/common/format';
import { fmtPrice, fmtQty } from '../trading/tradingFormat';
import { actionDetail, fillMatch, fillText, fmtBarTime, fmtBps, fmtStamp, latencyText, sinceSent } from './sessionView';

type Detail = SessionDetailDto;

const MATCH_LABEL = { identical: 'identical', 'live-only': 'live only', 'backtest-only': 'backtest only', different: 'differs' } as const;

function bpsClass(v: number | null): string {
  if (v === null || Math.abs(v) < 0.05) return 'num';
  return `num ${v > 0 ? 'neg' : 'pos'}`;
}

/** A card with its row count, and either `empty` or the table (`children`: its head and body). */
function TableSection({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="card__head">
        <h2 id={`${id}-title`}>{title}</h2>
        <span className="muted">{fmtInt(count)}</span>
      </div>
      {count === 0 ? (
        <p className="muted" data-testid={`${id}-empty`}>
          {empty}
        </p>
      ) : (
        <div className="table-wrap session-table">
          <table className="table" data-testid={`${id}-table`}>
            {children}
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Fill by fill: each decision's fills of an instrument and side, live beside the shadow backtest,
 * with the slippage against the decision's close and against the backtest (positive: worse for
 * the trader), and how long the venue took.
 */
export function FillPairsTable({ fills }: { fills: Detail['fills'] }) {
  return (
    <TableSection id="session-fills" title="Fills: live vs backtest" count={fills.length} empty="No fill yet, live or in the shadow backtest.">
      <thead>
        <tr>
          <th>Decision</th>
          <th>Instrument</th>
          <th>Side</th>
          <th className="num">Decision price</th>
          <th className="num" title="The broker's quote (mid, else last) when the order went out">
            Arrival quote
          </th>
          <th className="num">Live</th>
          <th className="num">Backtest</th>
          <th className="num" title="Live fill against the decision's close; positive is worse for the trader">
            Slip vs decision
          </th>
          <th className="num" title="Live fill against the quote it went out at; positive is worse for the trader">
            Slip vs quote
          </th>
          <th className="num" title="Live fill against the backtest's; positive is worse for the trader">
            Slip vs backtest
          </th>
          <th title="Decision → sent → acknowledged → filled">Latency</th>
          <th>Match</th>
        </tr>
      </thead>
      <tbody>
        {fills.map((f) => {
          const match = fillMatch(f);
          return (
            <tr key={`${f.decisionTs}|${f.instrument}|${f.side}`} data-testid="session-fill" data-match={match} data-instrument={f.instrument}>
              <td>{fmtBarTime(f.decisionTs)}</td>
              <td>{f.instrument}</td>
              <td className={f.side === 'BUY' ? 'pos' : 'neg'}>{f.side}</td>
              <td className="num">{fmtPrice(f.decisionPrice)}</td>
              <td className="num" data-col="arrival-quote">
                {fmtPrice(f.arrivalQuote)}
              </td>
              <td className="num" data-col="live">
                {fillText(f.live, fmtPrice)}
              </td>
              <td className="num" data-col="backtest">
                {fillText(f.backtest, fmtPrice)}
              </td>
              <td className={bpsClass(f.slippageVsDecisionBps)} data-col="slip-decision">
                {fmtBps(f.slippageVsDecisionBps)}
              </td>
              <td className={bpsClass(f.slippageVsQuoteBps)} data-col="slip-quote">
                {fmtBps(f.slippageVsQuoteBps)}
              </td>
              <td className={bpsClass(f.slippageVsBacktestBps)} data-col="slip-backtest">
                {fmtBps(f.slippageVsBacktestBps)}
              </td>
              <td className="muted" data-col="latency">
                {latencyText(f)}
              </td>
              <td>
                <span className={`fill-match fill-match--${match}`}>{MATCH_LABEL[match]}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </TableSection>
  );
}

/** Every order the session sent: the decision it came from, how it ended, and when it was sent, acknowledged and filled. */
export function SessionOrdersTable({ orders }: { orders: Detail['orders'] }) {
  return (
    <TableSection id="session-orders" title="Orders" count={orders.length} empty="No order sent yet.">
      <thead>
        <tr>
          <th>Ref</th>
          <th>Decision</th>
          <th>Instrument</th>
          <th>Side</th>
          <th className="num">Qty</th>
          <th>Status</th>
          <th className="num">Filled</th>
          <th className="num">Avg price</th>
          <th className="num">Decision price</th>
          <th>Sent</th>
          <th className="num">Ack</th>
          <th className="num">Filled after</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.clientOrderRef} data-testid="session-order" data-ref={o.clientOrderRef} data-status={o.status ?? ''}>
            <td className="mono">{o.clientOrderRef}</td>
            <td>{fmtBarTime(o.decisionTs)}</td>
            <td>{o.instrument}</td>
            <td className={o.side === 'BUY' ? 'pos' : o.side === 'SELL' ? 'neg' : ''}>{o.side ?? '—'}</td>
            <td className="num">{fmtQty(o.quantity)}</td>
            <td data-col="status">{o.status === null ? 'not recorded by the broker' : o.status.toLowerCase()}</td>
            <td className="num">{fmtQty(o.filledQuantity)}</td>
            <td className="num">{fmtPrice(o.avgFillPrice)}</td>
            <td className="num">{fmtPrice(o.decisionPrice)}</td>
            <td data-col="sent">{fmtStamp(o.sentAt)}</td>
            <td className="num" data-col="ack" title={fmtStamp(o.acknowledgedAt)}>
              {fmtDuration(sinceSent(o, o.acknowledgedAt))}
            </td>
            <td className="num" data-col="filled" title={fmtStamp(o.filledAt)}>
              {fmtDuration(sinceSent(o, o.filledAt))}
            </td>
          </tr>
        ))}
      </tbody>
    </TableSection>
  );
}

/** Refusals in red, the session's own stops and flattening in amber, the rest plain. */
const actionTone = (action: string): 'bad' | 'warn' | 'info' =>
  action.startsWith('RISK') || action.endsWith('REFUSED') ? 'bad' : action.startsWith('SESSION') ? 'warn' : 'info';

/** What the session did on its own besides trading: limits crossed, flattening, risk refusals, algorithms ended. */
export function ActionsLog({ actions }: { actions: Detail['actions'] }) {
  return (
    <TableSection id="session-actions" title="Actions" count={actions.length} empty="Nothing yet: limits crossed, flattening and refused orders show here.">
      <thead>
        <tr>
          <th>Time</th>
          <th>Action</th>
          <th>Instrument</th>
          <th>Detail</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a, i) => (
          <tr key={`${a.ts}-${i}`} data-testid="session-action" data-action={a.action}>
            <td>{fmtStamp(a.ts)}</td>
            <td>
              <span className={`action-tag action-tag--${actionTone(a.action)}`}>{a.action}</span>
            </td>
            <td>{a.instrument ?? '—'}</td>
            <td className="session-action__detail" title={a.detail ?? undefined}>
              {actionDetail(a.detail)}
            </td>
          </tr>
        ))}
      </tbody>
    </TableSection>
  );
}

import type { TRADE_SORT_FIELDS, TradeRowDto } from '../../../../core/ipc/contract/backtests';
import { fmtDate, fmtInt, fmtNumber, fmtSignedPct, signClass } from '../../../components/common/format';
import type { Column } from '../../../components/table/VirtualTable';
import { Price } from './Price';
import { fmtHolding } from '../holding';
import { REASON_LABELS, reasonOf } from '../tradeAnalysis/tradeAnalysis';
import { TradeSelectCell } from '../tradeAnalysis/TradeSelectCell';

export type TradeSortField = (typeof TRADE_SORT_FIELDS)[number];

const isOpen = (r: TradeRowDto): boolean => r.status === 'OPEN';

/** Round trips: from flat (or a flip) back to flat; one still held at the end is marked at the last close. */
export const tradeColumns: readonly Column<TradeRowDto, TradeSortField>[] = [
  { id: 'instrument', header: 'Symbol', width: 80, sortField: 'instrument', cell: (r) => <TradeSelectCell trade={r} /> },
  {
    id: 'direction',
    header: 'Side',
    width: 60,
    sortField: 'direction',
    cell: (r) => <span className={r.direction === 'LONG' ? 'pos' : 'neg'}>{r.direction}</span>,
  },
  { id: 'quantity', header: 'Qty', width: 80, align: 'right', sortField: 'quantity', firstDir: 'desc', cell: (r) => fmtInt(r.quantity) },
  { id: 'entryTs', header: 'Entry', width: 96, sortField: 'entryTs', cell: (r) => fmtDate(r.entryTs) },
  { id: 'entryPrice', header: 'Entry price', width: 104, align: 'right', cell: (r) => <Price instrument={r.instrument} value={r.entryPrice} /> },
  {
    id: 'exitTs',
    header: 'Exit',
    width: 96,
    sortField: 'exitTs',
    cell: (r) =>
      isOpen(r) || r.exitTs === null ? (
        <span className="badge badge--open" data-testid="trade-open" title={r.exitTs === null ? 'still held' : `still held; marked at the close of ${fmtDate(r.exitTs)}`}>
          open
        </span>
      ) : (
        fmtDate(r.exitTs)
      ),
  },
  {
    id: 'exitPrice',
    header: 'Exit / mark',
    width: 104,
    align: 'right',
    cell: (r) =>
      isOpen(r) ? (
        <span title="mark: the last close">
          <Price instrument={r.instrument} value={r.markPrice} />
        </span>
      ) : (
        <Price instrument={r.instrument} value={r.exitPrice} />
      ),
  },
  {
    id: 'unrealizedPnl',
    header: 'Unrealized',
    width: 104,
    align: 'right',
    cell: (r) => (isOpen(r) ? <span className={signClass(r.unrealizedPnl)}>{fmtNumber(r.unrealizedPnl)}</span> : ''),
  },
  {
    id: 'pnl',
    header: 'P&L',
    width: 104,
    align: 'right',
    sortField: 'pnl',
    firstDir: 'desc',
    cell: (r) => <span className={signClass(r.pnl)}>{fmtNumber(r.pnl)}</span>,
  },
  {
    id: 'returnPct',
    header: 'Return',
    width: 84,
    align: 'right',
    sortField: 'returnPct',
    firstDir: 'desc',
    cell: (r) => <span className={signClass(r.returnPct)}>{fmtSignedPct(r.returnPct)}</span>,
  },
  { id: 'commission', header: 'Commission', width: 104, align: 'right', cell: (r) => fmtNumber(r.commission) },
  { id: 'barsHeld', header: 'Duration', width: 120, sortField: 'barsHeld', firstDir: 'desc', cell: (r) => fmtHolding(r.entryTs, r.exitTs, r.barsHeld) },
  {
    id: 'exitReason',
    header: 'Exit reason',
    width: 110,
    sortField: 'exitReason',
    cell: (r) => {
      const reason = reasonOf(r);
      return reason === null ? '' : REASON_LABELS[reason];
    },
  },
  {
    id: 'mae',
    header: 'MAE',
    width: 128,
    align: 'right',
    sortField: 'mae',
    cell: (r) => (r.mae === null ? '' : <span title={`${fmtNumber(r.mae)} before commissions`}>{`${fmtNumber(r.mae)} (${fmtSignedPct(r.maePct)})`}</span>),
  },
  {
    id: 'mfe',
    header: 'MFE',
    width: 128,
    align: 'right',
    sortField: 'mfe',
    firstDir: 'desc',
    cell: (r) => (r.mfe === null ? '' : <span title={`${fmtNumber(r.mfe)} before commissions`}>{`${fmtNumber(r.mfe)} (${fmtSignedPct(r.mfePct)})`}</span>),
  },
  {
    id: 'cumulativePnl',
    header: 'Cum. P&L',
    width: 110,
    align: 'right',
    sortField: 'cumulativePnl',
    cell: (r) => <span className={signClass(r.cumulativePnl)}>{fmtNumber(r.cumulativePnl)}</span>,
  },
];

import type { TRADE_SORT_FIELDS, TradeRowDto } from '../../../../core/ipc/contract/backtests';
import { fmtDate, fmtInt, fmtNumber, fmtSignedPct, signClass } from '../../../components/common/format';
import type { Column } from '../../../components/table/VirtualTable';
import { fmtHolding } from '../holding';

export type TradeSortField = (typeof TRADE_SORT_FIELDS)[number];

const isOpen = (r: TradeRowDto): boolean => r.status === 'OPEN';

/** Round trips: from flat (or a flip) back to flat; one still held at the end is marked at the last close. */
export const tradeColumns: readonly Column<TradeRowDto, TradeSortField>[] = [
  { id: 'instrument', header: 'Symbol', width: 80, sortField: 'instrument', cell: (r) => r.instrument },
  {
    id: 'direction',
    header: 'Side',
    width: 60,
    sortField: 'direction',
    cell: (r) => <span className={r.direction === 'LONG' ? 'pos' : 'neg'}>{r.direction}</span>,
  },
  { id: 'quantity', header: 'Qty', width: 80, align: 'right', sortField: 'quantity', firstDir: 'desc', cell: (r) => fmtInt(r.quantity) },
  { id: 'entryTs', header: 'Entry', width: 96, sortField: 'entryTs', cell: (r) => fmtDate(r.entryTs) },
  { id: 'entryPrice', header: 'Entry price', width: 104, align: 'right', cell: (r) => fmtNumber(r.entryPrice) },
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
    cell: (r) => (isOpen(r) ? <span title="mark: the last close">{fmtNumber(r.markPrice)}</span> : fmtNumber(r.exitPrice)),
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
];

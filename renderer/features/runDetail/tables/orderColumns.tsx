import type { ORDER_SORT_FIELDS, OrderRowDto } from '../../../../core/ipc/contract/backtests';
import { EMPTY, fmtDate, fmtInt, fmtNumber } from '../../../components/common/format';
import type { Column } from '../../../components/table/VirtualTable';

export type OrderSortField = (typeof ORDER_SORT_FIELDS)[number];

const limitStop = (r: OrderRowDto): string =>
  [r.limitPrice === null ? null : `L ${fmtNumber(r.limitPrice)}`, r.stopPrice === null ? null : `S ${fmtNumber(r.stopPrice)}`]
    .filter(Boolean)
    .join(' ') || EMPTY;

/** Every order the run placed, with its final status and the reason for it. */
export const orderColumns: readonly Column<OrderRowDto, OrderSortField>[] = [
  { id: 'createdAt', header: 'Created', width: 96, sortField: 'createdAt', cell: (r) => fmtDate(r.createdAt) },
  { id: 'instrument', header: 'Symbol', width: 80, sortField: 'instrument', cell: (r) => r.instrument },
  { id: 'side', header: 'Side', width: 56, sortField: 'side', cell: (r) => <span className={r.side === 'BUY' ? 'pos' : 'neg'}>{r.side}</span> },
  { id: 'type', header: 'Type', width: 76, sortField: 'type', cell: (r) => r.type },
  { id: 'quantity', header: 'Qty', width: 76, align: 'right', sortField: 'quantity', firstDir: 'desc', cell: (r) => fmtInt(r.quantity) },
  {
    id: 'status',
    header: 'Status',
    width: 120,
    sortField: 'status',
    cell: (r) => <span className={`order-status order-status--${r.status.toLowerCase()}`}>{r.status}</span>,
  },
  { id: 'reason', header: 'Reason', width: 180, cell: (r) => <span title={r.statusReason ?? undefined}>{r.statusReason ?? EMPTY}</span> },
  { id: 'filledQuantity', header: 'Filled', width: 76, align: 'right', sortField: 'filledQuantity', firstDir: 'desc', cell: (r) => fmtInt(r.filledQuantity) },
  { id: 'avgFillPrice', header: 'Avg price', width: 88, align: 'right', sortField: 'avgFillPrice', cell: (r) => (r.filledQuantity > 0 ? fmtNumber(r.avgFillPrice) : EMPTY) },
  { id: 'commission', header: 'Commission', width: 104, align: 'right', sortField: 'commission', firstDir: 'desc', cell: (r) => fmtNumber(r.commission) },
  { id: 'limitStop', header: 'Limit / stop', width: 120, align: 'right', cell: limitStop },
  { id: 'tif', header: 'TIF', width: 56, cell: (r) => r.timeInForce },
  { id: 'intent', header: 'Intent', width: 96, cell: (r) => r.intent ?? EMPTY },
];
